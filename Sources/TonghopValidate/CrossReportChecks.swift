import TonghopBase
import TonghopCatalog
import TonghopIngest

/// Checks that compare a report with *other* reports, made once every file of a batch is
/// read: the rules of `rules.csv` that read the quarter before (the hotspot stock carried
/// over), values far from the unit's own history (outliers), and a district's reconciliation
/// figures against the sum of its communes.
///
/// Every finding is a warning: whether a report is accepted is settled when its file is read,
/// and the other report may be the one that is wrong. The other reports come from the same
/// batch (the newest of duplicates, as the store will keep it) or else from the store, which
/// the caller queries for what ``needs(_:catalog:)`` lists; the checks themselves are pure.
public struct CrossReportChecks: Sendable {
    public let catalog: Catalog

    /// A value is an outlier when it is more than `outlierFactor` times the largest of the
    /// unit's previous `outlierQuarters` quarters *and* more than `outlierMargin` above it:
    /// the factor catches an extra digit, the margin spares small counts (1 → 4).
    public static let outlierQuarters = 4, outlierFactor = 3.0, outlierMargin = 10.0

    public init(catalog: Catalog) { self.catalog = catalog }

    /// The units and periods the checks of a batch may read from the store, given each file's reports.
    public static func needs(_ files: some Sequence<[Submission]>, catalog: Catalog) -> (units: Set<String>, periods: [Period]) {
        var units: Set<String> = []
        var periods: Set<Period> = []
        // A national batch is forty thousand reports of a handful of quarters. Each report is
        // looked at where it lies (`for s in` would copy every one).
        var quarters: Set<Period> = []
        for submissions in files {
            for i in submissions.indices where !submissions[i].isCompiled {
                units.insert(submissions[i].unitCode)
                let period = submissions[i].period
                if period.kind == .quarter && quarters.insert(period).inserted {
                    periods.formUnion(previousQuarters(of: period, count: outlierQuarters))
                }
                if !submissions[i].reconciliation.isEmpty, let registry = catalog.registries.registry(for: period) {
                    units.formUnion(registry.children(of: submissions[i].unitCode).map(\.code))
                    periods.insert(period)
                }
            }
        }
        return (units, periods.sorted())
    }

    /// Adds the warnings to the outcomes they concern.
    ///
    /// - Parameters:
    ///   - modifiedAt: each file's modification time, which (after the report's own date line)
    ///     decides which of two reports for the same unit and period is the newer, as in the store.
    ///   - stored: the store's active reports for what ``needs(_:catalog:)`` listed.
    public func check(_ outcomes: inout [FileOutcome], modifiedAt: [Double], stored: [Submission]) {
        for (file, problems) in warnings(outcomes, modifiedAt: modifiedAt, stored: stored) { outcomes[file].problems += problems }
    }

    /// The warnings of ``check(_:modifiedAt:stored:)``, by the position of the outcome they
    /// concern, in the order `check` adds them.
    /// - Parameter onEveryCore: false when another thread has work of its own meanwhile (SQLite
    ///   storing the batch): the checks then keep to one core rather than take turns with it.
    public func warnings(_ outcomes: [FileOutcome], modifiedAt: [Double], stored: [Submission], onEveryCore: Bool = true) -> [Int: [Problem]] {
        func map<T: Sendable, R>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
            onEveryCore ? ParallelMap.chunked(items, transform) : items.map(transform)
        }
        var view = FigureView()
        for s in stored { view.set(s.unitCode, s.period, s.figures(catalog: catalog)) }
        let entries = outcomes.indices.flatMap { i in outcomes[i].submissions.indices.map { (file: i, report: $0) } }
            .filter { !outcomes[$0.file].submissions[$0.report].isCompiled }
        // The reports oldest first (as the store applies them), as positions: the view is
        // filled in that order, so the newest of two reports for a unit and period is kept.
        let keys = entries.map { e in
            ReportRecency(preparedOn: outcomes[e.file].submissions[e.report].preparedOn, modifiedAt: modifiedAt[e.file], path: outcomes[e.file].path)
        }
        let newestLast = entries.indices.sorted { keys[$0] < keys[$1] }
        // Each report's figures (on every core), then the view filled in order, newest last.
        let reports = outcomes
        let newestFigures = map(newestLast) { [catalog] i in
            reports[entries[i].file].submissions[entries[i].report].figures(catalog: catalog)
        }
        var figuresAt = [Int](repeating: 0, count: entries.count)
        for (k, i) in newestLast.enumerated() {
            let s = outcomes[entries[i].file].submissions[entries[i].report]
            figuresAt[i] = k
            view.set(s.unitCode, s.period, newestFigures[k])
        }
        // Each report is checked on its own against the finished view (on every core: a
        // national batch is forty thousand reports).
        let reading = outcomes, finalView = view, positions = figuresAt
        let found = map(Array(entries.indices)) { [self] i -> [Problem] in
            let e = entries[i]
            let s = reading[e.file].submissions[e.report]
            let current = newestFigures[positions[i]]
            let file = reading[e.file].path
            var found: [Problem] = []
            if s.period.kind == .quarter {
                found += previousQuarterRules(s, current, view: finalView, file: file)
                found += outliers(s, current, view: finalView, file: file)
            }
            found += reconciliation(s, view: finalView, file: file)
            if let sheet = s.sheet { for k in found.indices { found[k].sheet = sheet } }
            return found
        }
        var byFile: [Int: [Problem]] = [:]
        for (e, problems) in zip(entries, found) where !problems.isEmpty { byFile[e.file, default: []] += problems }
        return byFile
    }

    /// The rules that read the quarter before, when the store or the batch has it.
    package func previousQuarterRules(_ s: Submission, _ current: FigureVector, view: FigureView, file: String) -> [Problem] {
        guard let before = Self.previousQuarters(of: s.period, count: 1).first, sameMap(before, s.period),
              let previous = view.get(s.unitCode, before) else { return [] }
        return catalog.rulesAcrossQuarters.compactMap { rule in
            guard let v = RuleCheck.violation(of: rule, current: current, previous: previous) else { return nil }
            let cell = rule.indicators.lazy.compactMap(s.position(of:)).first
            return Problem(rule.severity, .ruleViolated, file: file, line: cell.map { Int($0.line) } ?? s.line, column: cell.map { Int($0.column) },
                           found: v.found, expected: v.expected, detail: rule.message, unitCode: s.unitCode, period: s.period.code)
        }
    }

    /// Numbers far above the unit's own previous quarters, when it reported all of them.
    package func outliers(_ s: Submission, _ current: FigureVector, view: FigureView, file: String) -> [Problem] {
        let quarters = Self.previousQuarters(of: s.period, count: Self.outlierQuarters).filter { sameMap($0, s.period) }
        let history = quarters.compactMap { q in view.get(s.unitCode, q).map { (q, $0) } }
        guard history.count == Self.outlierQuarters else { return [] }
        var found: [Problem] = []
        for indicator in catalog.indicators where indicator.isNumeric {
            guard let value = current.value(indicator) else { continue }
            let past = history.compactMap { q, f in f.value(indicator).map { (q, $0) } }
            guard past.count == Self.outlierQuarters, let top = past.map(\.1).max(),
                  value > Self.outlierFactor * top, value > top + Self.outlierMargin else { continue }
            let cell = s.position(of: indicator.code)
            found.append(Problem(.warning, .outlier, file: file, line: cell.map { Int($0.line) } ?? s.line, column: cell.map { Int($0.column) },
                                 found: Messages.number(value),
                                 detail: Messages.outlier(indicator: indicator.code, value: value, history: past),
                                 unitCode: s.unitCode, period: s.period.code))
        }
        return found
    }

    /// A district's reconciliation figures against the sum of its communes, when every
    /// commune in force has reported the figure for the period (a partial sum proves nothing).
    package func reconciliation(_ s: Submission, view: FigureView, file: String) -> [Problem] {
        guard !s.reconciliation.isEmpty, let registry = catalog.registries.registry(for: s.period) else { return [] }
        let communes = registry.children(of: s.unitCode)
        guard !communes.isEmpty else { return [] }
        let own = Submission(unitCode: s.unitCode, period: s.period, form: s.form, line: s.line, preparedOn: nil, values: s.reconciliation)
        let figures = own.figures(catalog: catalog)
        var found: [Problem] = []
        for code in Set(s.reconciliation.map(\.indicator)).sorted() {
            guard let indicator = catalog.indicator(code), let value = figures.value(indicator) else { continue }
            let parts = communes.map { view.get($0.code, s.period)?.value(indicator) }
            guard parts.allSatisfy({ $0 != nil }) else { continue }
            let sum = parts.reduce(0) { $0 + $1! }
            guard sum != value else { continue }
            let cell = own.position(of: code)
            found.append(Problem(.warning, .reconciliationMismatch, file: file, line: cell.map { Int($0.line) } ?? s.line,
                                 column: cell.map { Int($0.column) }, found: Messages.number(value),
                                 detail: Messages.reconciliation(indicator: code, district: value, communes: sum, count: communes.count),
                                 unitCode: s.unitCode, period: s.period.code))
        }
        return found
    }

    /// The `count` quarters before a quarter, nearest first (Q1's is the year before's Q4).
    /// Whether two periods lie on the same administrative map: across the 2025 reform a code
    /// may name another unit (13285 was Phường Quang Trung, then Phường Phủ Lý).
    package func sameMap(_ a: Period, _ b: Period) -> Bool {
        catalog.registries.registry(for: a) === catalog.registries.registry(for: b)
    }

    package static func previousQuarters(of quarter: Period, count: Int) -> [Period] {
        guard quarter.kind == .quarter else { return [] }
        var result: [Period] = []
        var year = quarter.year, index = quarter.index
        for _ in 0..<count {
            index -= 1
            if index == 0 { index = 4; year -= 1 }
            guard let p = Period(year: year, kind: .quarter, index: index) else { break }
            result.append(p)
        }
        return result
    }

    /// The figures of each unit for each period, as the store will hold them after the batch.
    /// The figures of each unit and period: one dictionary, not one per unit (a national
    /// batch is ten thousand units, held while the store writes the batch).
    package struct FigureView: Sendable {
        package struct Key: Hashable, Sendable {
            package let unit: String
            package let period: Period
        }
        private var figures: [Key: FigureVector] = [:]
        package mutating func set(_ unit: String, _ period: Period, _ f: FigureVector) { figures[Key(unit: unit, period: period)] = f }
        package func get(_ unit: String, _ period: Period) -> FigureVector? { figures[Key(unit: unit, period: period)] }
    }
}
