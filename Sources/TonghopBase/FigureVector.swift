/// The figures of one unit for one period: one `Double` per slot of the catalog
/// (see ``Indicator``), `nan` where nothing was reported.
///
/// "Not reported" is never zero: a slot stays `nan` until some report gives it a value, so
/// a province that no commune reported for shows an empty cell, not a 0.
///
/// A slot may also be ``unknown``: the unit's figure exists but cannot be worked out from what
/// was sent (a compiled count of "yes in any quarter" over a year, see ``TimeComposition``).
/// It is a `nan` too, so that every reader that only asks for a value finds none; the tables
/// say why instead of printing a number.
public struct FigureVector: Sendable, Equatable {
    public var slots: [Double]

    public init(slotCount: Int) { slots = Array(repeating: .nan, count: slotCount) }

    /// The mark of a figure that cannot be known: a quiet `nan` with a payload of its own.
    public static let unknown = Double(nan: 1, signaling: false)

    public static func isUnknown(_ v: Double) -> Bool { v.bitPattern == unknown.bitPattern }

    /// Equal when every slot holds the same value, or both hold none of the same kind.
    public static func == (a: FigureVector, b: FigureVector) -> Bool {
        a.slots.count == b.slots.count && zip(a.slots, b.slots).allSatisfy {
            $0 == $1 || ($0.isNaN && $1.isNaN && isUnknown($0) == isUnknown($1))
        }
    }

    public subscript(slot: Int) -> Double? {
        get { slots[slot].isNaN ? nil : slots[slot] }
        set { slots[slot] = newValue ?? .nan }
    }

    /// Whether the slot's figure exists but cannot be known.
    public func isUnknown(_ slot: Int) -> Bool { Self.isUnknown(slots[slot]) }

    public var isEmpty: Bool { !slots.contains { !$0.isNaN } }

    /// Adds one indicator's slots, `range`, of `other` into these figures, marking in
    /// `incomplete` a slot the other unit lacks while it gives the indicator (see ``lacks(_:of:)``).
    public mutating func add(_ other: FigureVector, _ range: Range<Int>, incomplete: inout SlotSet) {
        if range.count == 1 {
            // Nearly every indicator: one slot, nothing to compare with.
            let s = range.lowerBound, v = other.slots[s]
            if !v.isNaN {
                slots[s] = slots[s].isNaN ? v : slots[s] + v
            } else if Self.isUnknown(v) {
                incomplete.insert(s)
            }
            return
        }
        for s in range {
            let v = other.slots[s]
            if !v.isNaN {
                slots[s] = slots[s].isNaN ? v : slots[s] + v
            } else if other.lacks(s, of: range) {
                incomplete.insert(s)
            }
        }
    }

    /// Whether the unit gives the indicator but not this slot's figure, and the figure cannot
    /// be inferred: a figure that cannot be known, or a part of a total that its given parts
    /// do not add up to (NN01 written as a total alone: its age groups are not known). A part
    /// left empty beside parts that make the whole total is none.
    public func lacks(_ s: Int, of range: Range<Int>) -> Bool {
        let v = slots[s]
        if !v.isNaN { return false }
        if Self.isUnknown(v) { return true }
        let total = slots[range.lowerBound]
        if s == range.lowerBound || total.isNaN { return !range.allSatisfy { slots[$0].isNaN && !Self.isUnknown(slots[$0]) } }
        var parts = 0.0
        for p in (range.lowerBound + 1)..<range.upperBound {
            let x = slots[p]
            if Self.isUnknown(x) { return true }
            if !x.isNaN { parts += x }
        }
        return abs(parts - total) > 1e-9 * max(1, abs(total))
    }
}
