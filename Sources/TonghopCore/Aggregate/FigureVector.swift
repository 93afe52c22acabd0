/// The figures of one unit for one period: one `Double` per slot of the catalog
/// (see ``Indicator``), `nan` where nothing was reported.
///
/// "Not reported" is never zero: a slot stays `nan` until some report gives it a value, so
/// a province that no commune reported for shows an empty cell, not a 0.
public struct FigureVector: Sendable, Equatable {
    public var slots: [Double]

    public init(slotCount: Int) { slots = Array(repeating: .nan, count: slotCount) }

    /// Equal when every slot holds the same value or neither holds one (nan ≠ nan otherwise).
    public static func == (a: FigureVector, b: FigureVector) -> Bool {
        a.slots.count == b.slots.count && zip(a.slots, b.slots).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) }
    }

    public subscript(slot: Int) -> Double? {
        get { slots[slot].isNaN ? nil : slots[slot] }
        set { slots[slot] = newValue ?? .nan }
    }

    /// Whether any slot of the indicator holds a value.
    public func reports(_ indicator: Indicator) -> Bool {
        for s in indicator.slot..<(indicator.slot + indicator.slotCount) where !slots[s].isNaN { return true }
        return false
    }

    public var isEmpty: Bool { !slots.contains { !$0.isNaN } }

    /// The value of an indicator's total or one of its categories.
    public func value(_ indicator: Indicator, category: String? = nil) -> Double? {
        indicator.slot(for: category).flatMap { self[$0] }
    }

    /// Adds `other` slot by slot where it has a value (nan + x = x), for the indicators whose
    /// unit rule adds up (`sum` and `count`); `none` indicators are never carried upward.
    public mutating func add(_ other: FigureVector, catalog: Catalog) {
        for s in catalog.summableSlots {
            let v = other.slots[s]
            if v.isNaN { continue }
            slots[s] = slots[s].isNaN ? v : slots[s] + v
        }
    }

    /// Adds every slot of `other`, whatever the unit rule: several reports of one unit
    /// (old communes merged into a new one) become one.
    mutating func merge(_ other: FigureVector) {
        for s in slots.indices where !other.slots[s].isNaN {
            slots[s] = slots[s].isNaN ? other.slots[s] : slots[s] + other.slots[s]
        }
    }

    /// Copies every slot of one indicator from `other`.
    mutating func copy(_ indicator: Indicator, from other: FigureVector) {
        for s in indicator.slot..<(indicator.slot + indicator.slotCount) { slots[s] = other.slots[s] }
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
}
