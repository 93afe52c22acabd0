import TonghopBase

/// An indicator computed from others after aggregation (`templates/derived.csv`):
/// `TL01 % hotspots eliminated = MT09 / (MT07 + MT08) * 100`.
public struct DerivedIndicator: Sendable {
    public let code: String
    public let name: String
    public let measure: String
    public let formula: Formula
    public let formulaText: String
    public let group: String
}
