import TonghopBase
import TonghopCatalog

/// The same period of the previous year, put beside the current figures.
///
/// Within one registry a unit is compared with itself. Across a reform (2025 against 2024) the
/// old units are mapped onto the current ones through the registry's crosswalk: a new province
/// is the sum of the old provinces merged into it, a new commune the sum of the old communes
/// that went into it. An old commune split between several new ones is counted whole in each,
/// so those comparisons are marked approximate — never hidden.
public struct PreviousYear: Sendable {
    public let current: Rollup
    public let previous: Rollup

    public init(current: Rollup, previous: Rollup) {
        self.current = current
        self.previous = previous
    }

    /// The period a year before `period`, of the same kind.
    public static func period(before period: Period) -> Period? {
        Period(year: period.year - 1, kind: period.kind, index: period.index)
    }

    /// Whether the comparison crosses a change of the administrative map.
    public var acrossReform: Bool { current.registry !== previous.registry }

    /// Whether a current unit has a counterpart on last year's map: across the 2025 reform a
    /// district, or the former districts' row, has none, so it cannot be compared at all.
    public func hasCounterpart(_ code: String) -> Bool {
        guard acrossReform, let unit = current.registry.unit(code) else { return true }
        switch unit.level {
        case .district: return false
        case .department: return unit.sectorCode != Unit.formerDistrictsSector
        case .nation, .province, .commune: return current.registry.crosswalkFromPrevious != nil
        }
    }

    /// A current unit's figures of the year before.
    public struct Figures: Sendable {
        public var figures: FigureVector
        /// Whether old units split between several new ones are counted whole in this one.
        public var approximate: Bool
        /// Slots lacking what some unit could not give (see ``UnitTotal/incomplete``).
        public var incomplete: SlotSet

        public init(figures: FigureVector, approximate: Bool, incomplete: SlotSet) {
            self.figures = figures
            self.approximate = approximate
            self.incomplete = incomplete
        }
}

    /// The previous year's figures of a current unit; nil when it has none or no
    /// counterpart on the earlier map (a district, after the reform).
    public func figures(of code: String) -> Figures? {
        let catalog = current.catalog
        func sum(_ codes: [String], approximate: Bool = false) -> Figures? {
            var total = UnitTotal(figures: FigureVector(slotCount: catalog.slotCount), partialUnits: [], reportingUnits: 0,
                                  fromCompiledReport: false)
            for c in codes { total.add(previous.total(c), catalog: catalog) }
            return total.reportingUnits > 0 ? Figures(figures: total.figures, approximate: approximate, incomplete: total.incomplete) : nil
        }
        guard acrossReform else {
            let t = previous.total(code)
            return t.reportingUnits > 0 ? Figures(figures: t.figures, approximate: false, incomplete: t.incomplete) : nil
        }
        guard let unit = current.registry.unit(code), let crosswalk = current.registry.crosswalkFromPrevious else { return nil }
        switch unit.level {
        case .nation:
            return sum([code])
        case .province:
            return sum(crosswalk.oldProvinces(of: code))
        case .department:
            if unit.sectorCode == Unit.formerDistrictsSector { return nil }
            let old = crosswalk.oldProvinces(of: unit.parentCode).map { Unit.departmentCode(province: $0, sector: unit.sectorCode ?? "") }
            return sum(old)
        case .commune:
            let links = crosswalk.oldCommunes(of: code)
            return sum(links.map(\.oldCode), approximate: links.contains(where: \.partial))
        case .district:
            return nil
        }
    }
}
