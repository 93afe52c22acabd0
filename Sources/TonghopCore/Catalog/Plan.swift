/// A numeric target of a provincial plan (`templates/plans/*.csv`, DOMAIN §8).
public struct Target: Sendable {
    /// Which units the target is measured on.
    public enum Application: String, Sendable {
        /// The unit itself (a province, a department).
        case unit = "don_vi"
        /// Every district in force under the unit: each must meet it.
        case eachDistrict = "moi_huyen"
        /// Every commune under the unit.
        case eachCommune = "moi_xa"
    }

    /// How the actual figure is taken.
    public enum Measure: String, Sendable {
        /// The figure itself.
        case value = "gia_tri"
        /// Its change in percent against the same period of the previous year (+5% cases).
        case changeOnPreviousYear = "tang_so_voi_nam_truoc_phan_tram"
    }

    public let plan: String
    public let id: String
    public let text: String
    public let unitCode: String
    public let application: Application
    public let formula: Formula
    public let formulaText: String
    public let comparator: Comparison
    public let value: Double
    public let measure: Measure
    public let periods: [Period]
    /// The plan's reporting deadline, yyyymmdd.
    public let deadline: Int?
    public let lead: String
    public let coordinating: String
}

/// How old units map onto new ones across a reform (`templates/crosswalk-2025.csv`).
public struct Crosswalk: Sendable {
    public struct Link: Sendable {
        public let oldCode: String
        public let oldProvince: String
        public let newCode: String
        public let newProvince: String
        /// The old commune was split between several new ones.
        public let partial: Bool
    }

    public let links: [Link]
    private let byNewCode: [String: [Link]]
    private let byOldCode: [String: [Link]]
    private let provinces: [String: [String]]

    public init(links: [Link]) {
        self.links = links
        byNewCode = Dictionary(grouping: links, by: \.newCode)
        byOldCode = Dictionary(grouping: links, by: \.oldCode)
        var provinces: [String: [String]] = [:]
        for l in links where !(provinces[l.newProvince]?.contains(l.oldProvince) ?? false) {
            provinces[l.newProvince, default: []].append(l.oldProvince)
        }
        self.provinces = provinces
    }

    /// Old provinces merged into a new province, in crosswalk order.
    public func oldProvinces(of newProvince: String) -> [String] { provinces[newProvince] ?? [] }

    /// The new province an old province went into (the first, for the rare province split).
    public func newProvince(of oldProvince: String) -> String? {
        links.first { $0.oldProvince == oldProvince }?.newProvince
    }

    /// The new communes an old commune went into, in crosswalk order.
    public func newCommunes(of oldCommune: String) -> [Link] { byOldCode[oldCommune] ?? [] }

    /// Old communes that went (wholly or partly) into a new commune.
    public func oldCommunes(of newCommune: String) -> [Link] { byNewCode[newCommune] ?? [] }
}
