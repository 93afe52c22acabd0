import TonghopBase
import TonghopCatalog

/// Who was expected to report for a period, and who did (DHIS2's reporting rate).
public struct Completeness: Sendable {
    /// One expected reporter and what it sent.
    public struct Reporter: Sendable {
        public let unit: Unit
        public let coverage: Coverage
        /// The unit whose compiled report stands for this reporter's, if any.
        public let coveredBy: String?
        /// Reports that arrived after their due date.
        public let late: [Rollup.LateReport]

        public var received: Bool { coverage != .missing || coveredBy != nil }
    }

    /// One row of the completeness table: a child of the scope (a province, a district).
    /// Its counts are made once: the national table reads them for ten thousand reporters.
    public struct Group: Sendable {
        public let unit: Unit
        public let reporters: [Reporter]
        public let complete: Int
        public let partial: Int
        public let missing: [Reporter]
        /// Reporters whose reports all arrived by their due dates.
        public let onTime: Int
        public let lateCount: Int

        public init(unit: Unit, reporters: [Reporter]) {
            self.unit = unit
            self.reporters = reporters
            complete = reporters.filter { $0.coverage == .complete || $0.coveredBy != nil }.count
            partial = reporters.filter { $0.coverage == .partial && $0.coveredBy == nil }.count
            missing = reporters.filter { $0.coverage == .missing && $0.coveredBy == nil }
            onTime = reporters.filter { $0.received && $0.late.isEmpty }.count
            lateCount = reporters.filter { $0.received && !$0.late.isEmpty }.count
        }

        public var expected: Int { reporters.count }
        public var rate: Double { expected == 0 ? 1 : Double(complete) / Double(expected) }
        public var onTimeRate: Double { expected == 0 ? 1 : Double(onTime) / Double(expected) }
        /// Whether the whole group is covered by a compiled report.
        public var compiledBy: String? { reporters.first?.coveredBy }
    }

    public let groups: [Group]

    /// The expected reporters under `scope`, grouped by the scope's direct children; the
    /// scope's own departments form a group of their own (under the province itself).
    ///
    /// Expected: every commune (form XA) and district (form HUYEN) of the registry in force,
    /// and every department whose sector is configured for its province in `sectors.csv`.
    ///
    /// A campaign month (the June action month) expects reports only from the units its
    /// deadline rule in `deadlines.csv` names for that month.
    public init(scope: String, rollup: Rollup) {
        let registry = rollup.registry
        let period = rollup.period
        let campaignRules = rollup.catalog.deadlines.rules.filter { $0.period == period }
        func isExpected(_ u: Unit) -> Bool {
            period.kind != .month || campaignRules.contains { $0.matches(u, period, registry: registry) }
        }
        func reporters(under code: String, includingSelf: Bool) -> [Reporter] {
            var units: [Unit] = []
            if includingSelf, let u = registry.unit(code), [.district, .commune].contains(u.level) { units.append(u) }
            units += registry.descendants(of: code).filter { u in
                switch u.level {
                case .district, .commune: return true
                case .department: return registry.isExpected(department: u)
                default: return false
                }
            }
            units = units.filter(isExpected)
            return units.map { u in
                Reporter(unit: u, coverage: rollup.coverage(of: u.code), coveredBy: rollup.compiledAncestor(of: u.code, within: scope),
                         late: rollup.lateReports(of: u.code))
            }
        }
        var groups: [Group] = []
        for child in registry.children(of: scope) {
            groups.append(Group(unit: child, reporters: reporters(under: child.code, includingSelf: true)))
        }
        if let scopeUnit = registry.unit(scope), scopeUnit.level == .province {
            let departments = registry.departments(of: scope).filter { registry.isExpected(department: $0) && isExpected($0) }.map { u in
                Reporter(unit: u, coverage: rollup.coverage(of: u.code), coveredBy: rollup.compiledAncestor(of: u.code, within: scope),
                         late: rollup.lateReports(of: u.code))
            }
            groups.append(Group(unit: scopeUnit, reporters: departments))
        }
        self.groups = groups
    }

    public var expected: Int { groups.reduce(0) { $0 + $1.expected } }
    public var complete: Int { groups.reduce(0) { $0 + $1.complete } }
    public var partial: Int { groups.reduce(0) { $0 + $1.partial } }
    public var missingCount: Int { groups.reduce(0) { $0 + $1.missing.count } }
    public var onTime: Int { groups.reduce(0) { $0 + $1.onTime } }
    public var late: Int { groups.reduce(0) { $0 + $1.lateCount } }
}
