/// How old units map onto new ones across a reform (`templates/crosswalk-2025.csv`).
public struct Crosswalk: Sendable {
    public struct Link: Sendable {
        public let oldCode: String
        public let oldProvince: String
        public let newCode: String
        public let newProvince: String
        /// The old commune was split between several new ones.
        public let partial: Bool

        public init(oldCode: String, oldProvince: String, newCode: String, newProvince: String, partial: Bool) {
            self.oldCode = oldCode
            self.oldProvince = oldProvince
            self.newCode = newCode
            self.newProvince = newProvince
            self.partial = partial
        }
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
