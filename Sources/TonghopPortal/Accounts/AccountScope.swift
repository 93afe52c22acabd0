import TonghopBase
import TonghopCatalog

/// What lies within an account's unit: the rule every page, download and API call is held to.
///
/// A unit lies within another in the registry in force for a period: `13285` lies within `347`,
/// `35` and `VN` in 2024; `35-CA` within `35` and `VN`. After the 2025 reform a district has no
/// units under it (it no longer exists), so a district account sees nothing of those periods.
public struct AccountScope: Sendable {
    /// The account's unit.
    public let unitCode: String
    let catalog: Catalog

    public init(unitCode: String, catalog: Catalog) {
        self.unitCode = unitCode
        self.catalog = catalog
    }

    /// Whether `code` is the account's unit or lies under it, in the registry in force for
    /// `period` (in any registry when nil).
    public func contains(_ code: String, period: Period?) -> Bool {
        registries(period).contains { $0.unit(code) != nil && $0.isWithin(code, unitCode) }
    }

    /// The unit itself, from the registry of the period (the latest registry that knows it when nil).
    public func unit(_ code: String, period: Period?) -> Unit? {
        registries(period).reversed().lazy.compactMap { $0.unit(code) }.first
    }

    /// Why `code` is refused: a code the period's registry does not know is said to be so (a
    /// province merged away in 2025 is no unit of a later period, for the nation's account
    /// too); any other lies outside the account's unit. The registries are public facts.
    func refusal(_ code: String, period: Period?) -> Refused {
        guard !registries(period).contains(where: { $0.unit(code) != nil }) else { return Refused.outsideScope(code, account: unitCode) }
        let when = period.map { " áp dụng cho \($0.vietnameseNameInSentence)" } ?? ""
        return Refused.notFound("Không có đơn vị mã \(code) trong danh mục đơn vị\(when): mã sai, hoặc đơn vị đã sáp nhập, giải thể hay chưa thành lập trong kỳ này.")
    }

    /// Whether any registry knows the code (an account's unit must be one of them).
    public static func knows(_ code: String, catalog: Catalog) -> Bool {
        catalog.registries.all.contains { $0.unit(code) != nil }
    }

    private func registries(_ period: Period?) -> [Registry] {
        guard let period else { return catalog.registries.all }
        return catalog.registries.registry(for: period).map { [$0] } ?? []
    }
}
