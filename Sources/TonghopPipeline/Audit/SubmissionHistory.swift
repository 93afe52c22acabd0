import TonghopBase
import TonghopCatalog
import TonghopIngest
import TonghopValidate
import TonghopStore
import TonghopAggregate
import TonghopRender

/// Every version of one unit's reports, for `tonghop history`: one chain per period and form
/// (compiled reports included), oldest first, each version with its source file and what
/// changed from the version before. Nothing is ever deleted from the store, so the chain is
/// complete back to the first file received.
public struct SubmissionHistory: Sendable {
    /// What became of a version.
    public enum State: Sendable, Equatable {
        /// The version in use.
        case active
        /// A newer version of the same report replaced it.
        case superseded(byVersion: Int, file: String)
        /// Its file was sent again without this report, and nothing replaced it.
        case withdrawn
    }

    public struct Version: Sendable {
        /// 1 for the first version received, then 2, 3... in the order they were stored.
        public let number: Int
        public let stored: Store.StoredVersion
        public let state: State
        /// What changed from the version before; empty for the first.
        public let changes: [ValueChange]
    }

    /// The versions of one report: a unit, a period, a form.
    public struct Report: Sendable {
        public let period: Period
        public let form: String
        public let versions: [Version]
    }

    public let unitCode: String
    /// In period order, then by form.
    public let reports: [Report]

    /// Chains the stored versions (as ``Store/submissionVersions(unit:periods:)`` gives them,
    /// in the order stored).
    public init(unitCode: String, versions: [Store.StoredVersion]) {
        self.unitCode = unitCode
        var chains: [String: [Store.StoredVersion]] = [:]
        for v in versions { chains[v.period.code + "|" + v.form, default: []].append(v) }
        reports = chains.values.map { chain -> Report in
            let ordered = chain.sorted { $0.submissionId < $1.submissionId }
            let numbers = Dictionary(uniqueKeysWithValues: ordered.enumerated().map { ($0.element.submissionId, $0.offset + 1) })
            let versions = ordered.enumerated().map { i, v -> Version in
                let state: State
                if v.active {
                    state = .active
                } else if let by = v.supersededBy, let n = numbers[by] {
                    state = .superseded(byVersion: n, file: ordered[n - 1].file)
                } else {
                    state = .withdrawn
                }
                return Version(number: i + 1, stored: v, state: state,
                               changes: i == 0 ? [] : ValueChange.between(ordered[i - 1].values, v.values))
            }
            return Report(period: ordered[0].period, form: ordered[0].form, versions: versions)
        }.sorted { ($0.period, $0.form) < ($1.period, $1.form) }
    }

    /// The reports of a period (one per form the unit used).
    public func reports(for period: Period) -> [Report] { reports.filter { $0.period == period } }
}
