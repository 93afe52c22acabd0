/// Who was expected to report for a period, and who did (DHIS2's reporting rate).
public struct Completeness: Sendable {
    /// One expected reporter and what it sent.
    public struct Reporter: Sendable {
        public let unit: Unit
        public let coverage: Coverage
        /// The unit whose compiled report stands for this reporter's, if any.
        public let coveredBy: String?
    }

    /// One row of the completeness table: a child of the scope (a province, a district).
    public struct Group: Sendable {
        public let unit: Unit
        public let reporters: [Reporter]

        public var expected: Int { reporters.count }
        public var complete: Int { reporters.filter { $0.coverage == .complete || $0.coveredBy != nil }.count }
        public var partial: Int { reporters.filter { $0.coverage == .partial && $0.coveredBy == nil }.count }
        public var missing: [Reporter] { reporters.filter { $0.coverage == .missing && $0.coveredBy == nil } }
        public var rate: Double { expected == 0 ? 1 : Double(complete) / Double(expected) }
        /// Whether the whole group is covered by a compiled report.
        public var compiledBy: String? { reporters.first?.coveredBy }
    }

    public let groups: [Group]

    /// The expected reporters under `scope`, grouped by the scope's direct children; the
    /// scope's own departments form a group of their own (under the province itself).
    ///
    /// Expected: every commune (form XA) and district (form HUYEN) of the registry in force,
    /// and every department whose sector is configured for its province in `sectors.csv`.
    public init(scope: String, rollup: Rollup) {
        let registry = rollup.registry
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
            return units.map { u in
                Reporter(unit: u, coverage: rollup.coverage(of: u.code), coveredBy: rollup.compiledAncestor(of: u.code, within: scope))
            }
        }
        var groups: [Group] = []
        for child in registry.children(of: scope) {
            groups.append(Group(unit: child, reporters: reporters(under: child.code, includingSelf: true)))
        }
        if let scopeUnit = registry.unit(scope), scopeUnit.level == .province {
            let departments = registry.departments(of: scope).filter(registry.isExpected(department:)).map { u in
                Reporter(unit: u, coverage: rollup.coverage(of: u.code), coveredBy: rollup.compiledAncestor(of: u.code, within: scope))
            }
            groups.append(Group(unit: scopeUnit, reporters: departments))
        }
        self.groups = groups
    }

    public var expected: Int { groups.reduce(0) { $0 + $1.expected } }
    public var complete: Int { groups.reduce(0) { $0 + $1.complete } }
    public var partial: Int { groups.reduce(0) { $0 + $1.partial } }
    public var missingCount: Int { groups.reduce(0) { $0 + $1.missing.count } }
}
