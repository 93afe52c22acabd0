import Foundation
import TonghopBase
import TonghopCatalog
import TonghopIngest
import TonghopValidate
import TonghopStore
import TonghopAggregate
import TonghopRender

/// Where a run reads and writes: `templates/`, `inputs/`, `outputs/` and the store.
///
/// By default all four live in one home folder (the current directory); each can be moved on
/// its own, which is what cron jobs and tests do.
public struct Workspace: Sendable {
    public var templates: URL
    public var inputs: URL
    public var outputs: URL
    public var store: URL

    public init(home: URL, templates: URL? = nil, inputs: URL? = nil, outputs: URL? = nil, store: URL? = nil) {
        self.templates = templates ?? home.appendingPathComponent("templates")
        self.inputs = inputs ?? home.appendingPathComponent("inputs")
        self.outputs = outputs ?? home.appendingPathComponent("outputs")
        self.store = store ?? home.appendingPathComponent("tonghop.sqlite")
    }
}

/// A command asked for something that does not exist (an unknown scope): exit code 64, as
/// for other wrong usage.
public struct UsageError: Error, Sendable, CustomStringConvertible {
    public let description: String
    public init(_ message: String) { description = message }
}
