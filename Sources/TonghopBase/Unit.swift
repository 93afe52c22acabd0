/// The level of a reporting unit in the administrative tree, plus provincial departments.
public enum UnitLevel: String, Sendable, CaseIterable {
    case nation, province, district, commune
    /// A provincial agency (sở, ngành): `<province code>-<sector code>`, not in the registry.
    case department

    public var vietnameseName: String {
        switch self {
        case .nation: return "quốc gia"
        case .province: return "tỉnh"
        case .district: return "huyện"
        case .commune: return "xã"
        case .department: return "sở, ngành"
        }
    }
}

/// A reporting unit: a node of the administrative tree, or a provincial department.
public struct Unit: Hashable, Sendable {
    public let code: String
    public let name: String
    public let level: UnitLevel
    /// The registry's type word: "huyện", "thị xã", "phường"...
    public let type: String
    /// The parent's code; empty for the nation. A department's parent is its province.
    public let parentCode: String
    /// For a department, its sector code.
    public let sectorCode: String?

    public init(code: String, name: String, level: UnitLevel, type: String, parentCode: String, sectorCode: String? = nil) {
        self.code = code
        self.name = name
        self.level = level
        self.type = type
        self.parentCode = parentCode
        self.sectorCode = sectorCode
    }

    /// The sector code of the pseudo-department of a province that holds its former districts'
    /// own figures after a reform that abolished districts (see `RegistryTranslation`).
    public static let formerDistrictsSector = "HUYEN"

    /// The code of a department: province code, hyphen, sector code (`35-CA`).
    public static func departmentCode(province: String, sector: String) -> String { "\(province)-\(sector)" }
}
