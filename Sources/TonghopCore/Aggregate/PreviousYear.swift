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

    /// The previous year's figures of a current unit, and whether they are approximate.
    public func figures(of code: String) -> (figures: FigureVector, approximate: Bool)? {
        let catalog = current.catalog
        func sum(_ codes: [String]) -> FigureVector? {
            var v = FigureVector(slotCount: catalog.slotCount)
            var any = false
            for c in codes where previous.total(c).reportingUnits > 0 {
                v.add(previous.total(c).figures, catalog: catalog)
                any = true
            }
            return any ? v : nil
        }
        guard acrossReform else {
            let t = previous.total(code)
            return t.reportingUnits > 0 ? (t.figures, false) : nil
        }
        guard let unit = current.registry.unit(code), let crosswalk = current.registry.crosswalkFromPrevious else { return nil }
        switch unit.level {
        case .nation:
            return sum([code]).map { ($0, false) }
        case .province:
            return sum(crosswalk.oldProvinces(of: code)).map { ($0, false) }
        case .department:
            let old = crosswalk.oldProvinces(of: unit.parentCode).map { Unit.departmentCode(province: $0, sector: unit.sectorCode ?? "") }
            return sum(old).map { ($0, false) }
        case .commune:
            let links = crosswalk.oldCommunes(of: code)
            return sum(links.map(\.oldCode)).map { ($0, links.contains(where: \.partial)) }
        case .district:
            return nil
        }
    }
}
