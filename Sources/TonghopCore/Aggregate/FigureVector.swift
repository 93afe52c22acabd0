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

    /// Whether any slot of the indicator holds a value.
    public func reports(_ indicator: Indicator) -> Bool {
        for s in indicator.slot..<(indicator.slot + indicator.slotCount) where !slots[s].isNaN { return true }
        return false
    }

    /// Whether the unit gave the indicator at all: a value, or a figure that cannot be known.
    public func mentions(_ indicator: Indicator) -> Bool {
        for s in indicator.slot..<(indicator.slot + indicator.slotCount) where !slots[s].isNaN || Self.isUnknown(slots[s]) {
            return true
        }
        return false
    }

    public var isEmpty: Bool { !slots.contains { !$0.isNaN } }

    /// The value of an indicator's total or one of its categories.
    public func value(_ indicator: Indicator, category: String? = nil) -> Double? {
        indicator.slot(for: category).flatMap { self[$0] }
    }

    /// Adds `other` into these figures, for the indicators whose unit rule adds up (`sum` and
    /// `count`); `none` indicators are never carried upward.
    ///
    /// A slot the other unit lacks while it gives the indicator (a commune that wrote NN01's
    /// total but not its age groups, a compiled count that cannot be known; see
    /// ``lacks(_:of:)``) is added as nothing and marked in `incomplete`: the sum is shown,
    /// marked partial, never taken for whole.
    public mutating func add(_ other: FigureVector, catalog: Catalog, incomplete: inout SlotSet) {
        for range in catalog.summableRanges { add(other, range, incomplete: &incomplete) }
    }

    /// Adds every indicator of `other`, whatever its unit rule: several reports of one unit
    /// (old communes merged into a new one) become one.
    mutating func merge(_ other: FigureVector, catalog: Catalog, incomplete: inout SlotSet) {
        for range in catalog.indicatorRanges { add(other, range, incomplete: &incomplete) }
    }

    /// Adds one indicator's slots (see ``add(_:catalog:incomplete:)``).
    private mutating func add(_ other: FigureVector, _ range: Range<Int>, incomplete: inout SlotSet) {
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

    /// Copies every slot of one indicator from `other`.
    mutating func copy(_ indicator: Indicator, from other: FigureVector) {
        for s in indicator.slot..<(indicator.slot + indicator.slotCount) { slots[s] = other.slots[s] }
    }

    /// Marks every slot of one indicator as not knowable.
    mutating func markUnknown(_ indicator: Indicator) {
        for s in indicator.slot..<(indicator.slot + indicator.slotCount) { slots[s] = Self.unknown }
    }

    /// Empties every slot of the indicators `drop` names.
    mutating func clear(where drop: (Indicator) -> Bool, catalog: Catalog) {
        for indicator in catalog.indicators where drop(indicator) {
            for s in indicator.slot..<(indicator.slot + indicator.slotCount) { slots[s] = .nan }
        }
    }

    /// Fills each disaggregated or answer indicator's total from its parts where the total
    /// was not given (a commune that wrote only the age groups, or answered `co_ma_tuy`).
    /// An answer also counts zero for the answers not given: a commune that answered
    /// `co_ma_tuy` is one commune that is not `trong_diem`.
    public mutating func completeTotals(catalog: Catalog) {
        for indicator in catalog.partedIndicators where indicator.isAnswer && reports(indicator) {
            for s in (indicator.slot + 1)..<(indicator.slot + indicator.slotCount) where slots[s].isNaN { slots[s] = 0 }
        }
        for indicator in catalog.partedIndicators where slots[indicator.slot].isNaN {
            var sum = 0.0
            var any = false
            for s in (indicator.slot + 1)..<(indicator.slot + indicator.slotCount) where !slots[s].isNaN {
                sum += slots[s]
                any = true
            }
            if any { slots[indicator.slot] = sum }
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
