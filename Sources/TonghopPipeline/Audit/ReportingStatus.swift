import TonghopBase
import TonghopCatalog
import TonghopIngest
import TonghopValidate
import TonghopStore
import TonghopAggregate
import TonghopRender

/// Who has reported for a period under a scope, per child unit (provinces for the nation,
/// districts and the departments for a province), for the morning check of `tonghop status`.
/// Built on ``Completeness``, as the workbooks' *Tình hình báo cáo* sheet is.
public struct ReportingStatus: Sendable {
    /// A reporter whose reports cover only part of the period, and the periods it lacks.
    public struct PartialReporter: Sendable {
        public let unit: Unit
        public let missing: [Period]
    }

    /// One child unit of the scope and its expected reporters.
    public struct Row: Sendable {
        public let unit: Unit
        public let expected: Int
        /// Received in full (or covered by a compiled report).
        public let complete: Int
        public let partial: [PartialReporter]
        public let missing: [Unit]
        /// The unit whose compiled report covers this row, if one does.
        public let compiledBy: String?
        /// Reporters that sent something after its due date (`templates/deadlines.csv`).
        public let late: [Completeness.Reporter]

        public var rate: Double { expected == 0 ? 1 : Double(complete) / Double(expected) }
        /// Nothing received at all: shown as one line, not its thousand communes.
        public var silent: Bool { expected > 0 && complete == 0 && partial.isEmpty }
    }

    public let period: Period
    public let scope: Unit
    public let registryId: String
    public let rows: [Row]

    public var expected: Int { rows.reduce(0) { $0 + $1.expected } }
    public var complete: Int { rows.reduce(0) { $0 + $1.complete } }
    public var partial: Int { rows.reduce(0) { $0 + $1.partial.count } }
    public var missing: Int { rows.reduce(0) { $0 + $1.missing.count } }
    public var late: Int { rows.reduce(0) { $0 + $1.late.count } }

    public init(scope: Unit, rollup: Rollup) {
        period = rollup.period
        self.scope = scope
        registryId = rollup.registry.id
        rows = Completeness(scope: scope.code, rollup: rollup).groups.map { g in
            let partial = g.reporters.filter { $0.coverage == .partial && $0.coveredBy == nil }.map { r in
                PartialReporter(unit: r.unit, missing: ReportingStatus.missing(rollup.period, reported: rollup.own[r.unit.code]?.sources ?? []))
            }
            return Row(unit: g.unit, expected: g.expected, complete: g.complete, partial: partial,
                       missing: g.missing.map(\.unit), compiledBy: g.compiledBy,
                       late: g.reporters.filter { $0.received && !$0.late.isEmpty })
        }
    }

    /// The finest periods of `period` that no report covers (Q2 for an H1 with only Q1).
    package static func missing(_ period: Period, reported: [Period]) -> [Period] {
        if reported.contains(where: { $0.contains(period) }) { return [] }
        if period.subperiods.isEmpty { return [period] }
        return period.subperiods.flatMap { missing($0, reported: reported) }
    }
}
