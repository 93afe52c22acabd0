import TonghopBase
import TonghopCatalog

/// Places reports of an earlier registry's units onto a later registry, so that a period
/// spanning a reform (the year 2025: its first half in the 2024 tree, its second in the 2025
/// tree) is composed on the units in force at its end.
///
/// - a commune goes to the new commune it became; an old commune split between several new
///   ones goes whole to the first of them, and that new commune is marked approximate;
/// - a department goes to the department of the same sector of the new province;
/// - a district's own figures, having no successor, go to the new province's pseudo-unit of
///   former districts (`<province>-HUYEN`, "Các huyện cũ");
/// - a province's compiled report goes to the new province.
public struct RegistryTranslation {
    public let from: Registry
    public let to: Registry
    package let crosswalk: Crosswalk

    public init?(from: Registry, to: Registry) {
        guard from !== to, let crosswalk = to.crosswalkFromPrevious else { return nil }
        self.from = from
        self.to = to
        self.crosswalk = crosswalk
    }

    /// The unit of the later registry that takes an earlier unit's reports.
    public func target(of oldCode: String) -> (code: String, approximate: Bool)? {
        guard let unit = from.unit(oldCode) else { return nil }
        func newProvince(of code: String) -> String? {
            from.province(of: code).flatMap { crosswalk.newProvince(of: $0.code) }
        }
        switch unit.level {
        case .nation:
            return to.nation.map { ($0.code, false) }
        case .province:
            return crosswalk.newProvince(of: oldCode).map { ($0, false) }
        case .district:
            return newProvince(of: oldCode).map { (Unit.departmentCode(province: $0, sector: Unit.formerDistrictsSector), false) }
        case .department:
            return newProvince(of: unit.parentCode).map { (Unit.departmentCode(province: $0, sector: unit.sectorCode ?? ""), false) }
        case .commune:
            let links = crosswalk.newCommunes(of: oldCode)
            guard let first = links.first else { return nil }
            return (first.newCode, links.count > 1 || first.partial)
        }
    }
}
