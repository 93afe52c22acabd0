import TonghopBase

/// A ``FigureVector`` read and filled by indicator, through the catalog's slots.
extension FigureVector {
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
    package mutating func merge(_ other: FigureVector, catalog: Catalog, incomplete: inout SlotSet) {
        for range in catalog.indicatorRanges { add(other, range, incomplete: &incomplete) }
    }

    /// Copies every slot of one indicator from `other`.
    package mutating func copy(_ indicator: Indicator, from other: FigureVector) {
        for s in indicator.slot..<(indicator.slot + indicator.slotCount) { slots[s] = other.slots[s] }
    }

    /// Marks every slot of one indicator as not knowable.
    package mutating func markUnknown(_ indicator: Indicator) {
        for s in indicator.slot..<(indicator.slot + indicator.slotCount) { slots[s] = Self.unknown }
    }

    /// Empties every slot of the indicators `drop` names.
    package mutating func clear(where drop: (Indicator) -> Bool, catalog: Catalog) {
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

}

extension Submission {
    /// The figures of this report in the catalog's slots (unknown codes, from an older
    /// catalog, are left out).
    public func figures(catalog: Catalog) -> FigureVector {
        var v = FigureVector(slotCount: catalog.slotCount)
        for value in values {
            if value.slot >= 0 {
                v[Int(value.slot)] = value.value
                continue
            }
            guard let indicator = catalog.indicator(value.indicator),
                  let slot = indicator.slot(for: value.category) else { continue }
            v[slot] = value.value
        }
        v.completeTotals(catalog: catalog)
        return v
    }
}

extension SlotSet {
    /// Whether any slot of the indicator is in the set.
    public func containsAny(of indicator: Indicator) -> Bool {
        (indicator.slot..<(indicator.slot + indicator.slotCount)).contains(where: contains)
    }
}
