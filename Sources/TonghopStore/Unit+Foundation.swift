import TonghopBase

/// Foundation has a `Unit` too (a unit of measure): in this module `Unit` is the reporting unit.
public typealias Unit = TonghopBase.Unit
