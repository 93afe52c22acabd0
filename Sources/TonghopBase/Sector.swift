/// Which departments a sector expects reports from (`templates/sectors.csv`).
public enum SectorExpectation: Sendable, Equatable {
    /// Every province has it and must report.
    case everyProvince
    /// Only the provinces in a named group of `province-groups.csv` (border guard, customs).
    case group(String)
    /// It may report, but no report is expected.
    case optional
}

/// A provincial sector (sở, ngành): its departments report on the form of the same code.
public struct Sector: Sendable {
    public let code: String
    public let name: String
    public let expectation: SectorExpectation

    public init(code: String, name: String, expectation: SectorExpectation) {
        self.code = code
        self.name = name
        self.expectation = expectation
    }

    package func isExpected(inProvince province: String, registry: String, groups: [String: [String: Set<String>]]) -> Bool {
        switch expectation {
        case .everyProvince: return true
        case .optional: return false
        case .group(let g): return groups[g]?[registry]?.contains(province) ?? false
        }
    }
}
