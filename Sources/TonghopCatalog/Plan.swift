import TonghopBase

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
