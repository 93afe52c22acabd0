import Foundation
import Synchronization
import TonghopBase
import TonghopCatalog

/// The figures of one unit for a period once its subtree is added up.
public struct UnitTotal: Sendable {
    public var figures: FigureVector
    /// Units whose own reports cover only part of the period, in the subtree.
    public var partialUnits: [String]
    /// Units that reported anything, in the subtree (the unit itself included).
    public var reportingUnits: Int
    /// Whether the figures are a compiled report sent by the unit (an export of another tonghop).
    public var fromCompiledReport: Bool
    /// Slots whose figure lacks what some unit of the subtree could not give: a total without
    /// its parts, a compiled count that cannot be known (see ``FigureVector/add(_:catalog:incomplete:)``).
    public var incomplete = SlotSet()

    public init(figures: FigureVector, partialUnits: [String], reportingUnits: Int, fromCompiledReport: Bool, incomplete: SlotSet = SlotSet()) {
        self.figures = figures
        self.partialUnits = partialUnits
        self.reportingUnits = reportingUnits
        self.fromCompiledReport = fromCompiledReport
        self.incomplete = incomplete
    }

    /// Adds a child's total (a unit below, a department) into this one.
    public mutating func add(_ child: UnitTotal, catalog: Catalog) {
        if child.reportingUnits == 0 { return }
        figures.add(child.figures, catalog: catalog, incomplete: &incomplete)
        for range in catalog.summableRanges {
            for s in range where child.incomplete.contains(s) { incomplete.insert(s) }
        }
        partialUnits += child.partialUnits
        reportingUnits += child.reportingUnits
    }
}

/// Adds up a period's figures over the administrative tree (DOMAIN §3).
///
/// Each unit reports only its own work, so a unit's total is its own figures plus the totals
/// of its children (and, for a province, its departments). When a unit sent a compiled report
/// (a province's `tonghop export`), that report *is* its total: nothing under it is added again,
/// which is how provinces send upward without double counting.
///
/// `none` indicators (MT01P, coordinated cases) are never carried upward; `count` indicators
/// add up their per-answer counts, so a province's XA01 counts its communes per class.
public final class Rollup: Sendable {
    public let period: Period
    public let registry: Registry
    public let catalog: Catalog
    /// Each unit's own reports composed over time (one form per unit).
    public let own: [String: ComposedFigures]
    /// Compiled reports composed over time.
    public let compiled: [String: ComposedFigures]
    /// When each unit's reports were received, per reported period (yyyymmdd). Only these are
    /// kept of the reports as filed: their figures live on composed, in `own` and `compiled`.
    package let receivedDays: [String: [(period: Period, day: Int)]]
    /// Units whose figures include reports of split communes from before a reform: their
    /// figures, and comparisons on them, are approximate.
    public let approximateUnits: Set<String>
    /// Units whose reports include some from units that ended before the period did (the
    /// former districts in 2025): their last stocks, never added into any total.
    public let endedStocks: [String: EndedStocks]
    /// Totals and late reports, worked out once each: the workbooks of a period, written in
    /// parallel, ask for them again and again.
    private let memo = Mutex<(totals: [String: UnitTotal], late: [String: [LateReport]])>(([:], [:]))

    /// A rollup of validated submissions (tests, and anything not read from the store).
    public convenience init(period: Period, registry: Registry, catalog: Catalog, submissions: [Submission]) {
        self.init(period: period, registry: registry, catalog: catalog, reports: submissions.map { s in
            ReportFigures(unitCode: s.unitCode, period: s.period, isCompiled: s.isCompiled, receivedOn: s.receivedOn,
                          figures: s.figures(catalog: catalog))
        })
    }

    public init(period: Period, registry: Registry, catalog: Catalog, reports submissions: [ReportFigures]) {
        self.period = period
        self.registry = registry
        self.catalog = catalog
        // Each unit's reports filed in one entry, one lookup per report: a year is forty thousand
        // reports of ten thousand units, a handful each, so small lists searched in order
        // rather than a dictionary by period per unit.
        var byUnit: [String: UnitReports] = [:]
        byUnit.reserveCapacity(registry.units.count)
        var approximate: Set<String> = []
        var translations: [ObjectIdentifier: RegistryTranslation] = [:]
        // The registry of each reported period, found once: a year has seven periods.
        var registries: [(period: Period, registry: Registry?)] = []
        // The map in force when the period began: a unit of another map was created later.
        let startRegistry = catalog.registries.registry(onFirstDayOf: period)
        // Each report filed from where it lies in the array, not copied out of it.
        func fileReport(_ s: borrowing ReportFigures) {
            var unitCode = s.unitCode
            let own: Registry?
            if let known = registries.first(where: { $0.period == s.period }) {
                own = known.registry
            } else {
                own = catalog.registries.registry(for: s.period)
                registries.append((s.period, own))
            }
            guard let own, own !== registry || own !== startRegistry else {
                byUnit[unitCode, default: UnitReports()].file(s, catalog: catalog)
                return
            }
            // A report of a unit of an earlier map is placed on the units in force now.
            if own !== registry {
                guard let translation = translations[ObjectIdentifier(own)] ?? RegistryTranslation(from: own, to: registry),
                      let target = translation.target(of: s.unitCode) else { return }
                translations[ObjectIdentifier(own)] = translation
                unitCode = target.code
                if target.approximate { approximate.insert(unitCode) }
            }
            byUnit[unitCode, default: UnitReports()].file(s, catalog: catalog, lifetime: Lifetime(
                ended: own !== registry, endedOn: own.validTo, beganAfterStart: own !== startRegistry))
        }
        for i in submissions.indices where period.contains(submissions[i].period) { fileReport(submissions[i]) }
        self.receivedDays = byUnit.compactMapValues { $0.received.isEmpty ? nil : $0.received }
        self.approximateUnits = approximate
        own = Self.compose(period, byUnit, catalog: catalog, source: .own) { $0.own }
        compiled = Self.compose(period, byUnit, catalog: catalog, source: .compiled) { $0.compiled }
        var ended: [String: EndedStocks] = [:]
        for (unit, reports) in byUnit where !reports.ended.isEmpty {
            guard let composed = TimeComposition.compose(period, catalog: catalog, source: .own, report: { p in
                reports.ended.first { $0.period == p }.map { FiledFigures($0.figures) }
            }) else { continue }
            ended[unit] = EndedStocks(figures: composed.figures, endedOn: reports.endedOn)
        }
        endedStocks = ended
    }

    /// Where a report's unit stands against the period's span (DOMAIN §4, units' lifetimes).
    package struct Lifetime {
        /// Whether the unit's map ended before the period did.
        package var ended: Bool
        /// The last day of the unit's map, when the registry says.
        package var endedOn: DateComponents?
        /// Whether the unit's map came into force after the period began.
        package var beganAfterStart: Bool
    }

    /// One unit's reports for the period as filed, by reported period.
    package struct UnitReports: Sendable {
        package var own: [(period: Period, figures: FiledFigures)] = []
        /// Compiled reports (several old communes merged into one new commune add up too).
        package var compiled: [(period: Period, figures: FiledFigures)] = []
        /// The stocks of reports from units that ended before the period did: shown on the
        /// unit's row for reference, never added into a total.
        package var ended: [(period: Period, figures: FigureVector)] = []
        package var endedOn: DateComponents?
        /// Whether every report filed comes from a unit that ended before the period did.
        package var onlyEnded = true
        /// The last day (yyyymmdd) of a unit all of whose reports come from units that ceased to
        /// exist during the period (the former districts): it is not missing afterwards.
        package var ceasedOn: Int? { onlyEnded ? endedOn.map(Self.day) : nil }
        /// The latest day a report for each period was received (yyyymmdd).
        package var received: [(period: Period, day: Int)] = []

        package mutating func file(_ s: borrowing ReportFigures, catalog: Catalog, lifetime: Lifetime? = nil) {
            if let day = s.receivedOn {
                if let i = received.firstIndex(where: { $0.period == s.period }) {
                    received[i].day = max(received[i].day, day)
                } else {
                    received.append((s.period, day))
                }
            }
            var figures = s.figures
            if !(lifetime?.ended ?? false) { onlyEnded = false }
            if let lifetime {
                // A stock at the end of the period is what the units existing then report: a
                // unit that ended before (a district on 30/6/2025) adds nothing to it. An
                // opening figure is what the units existing at the start report.
                if lifetime.ended {
                    var stocks = figures
                    stocks.clear(where: { $0.time != .last }, catalog: catalog)
                    if !stocks.isEmpty { Self.place(stocks, s.period, in: &ended, catalog: catalog) }
                    if let endedOn = lifetime.endedOn, self.endedOn.map({ Self.day($0) < Self.day(endedOn) }) ?? true { self.endedOn = endedOn }
                    figures.clear(where: { $0.time == .last }, catalog: catalog)
                }
                if lifetime.beganAfterStart { figures.clear(where: { $0.time == .first }, catalog: catalog) }
            }
            // Several old communes merged into one new commune: their reports add up. The
            // figures are moved in, not added to a new vector: nearly every unit has one
            // report a period.
            if s.isCompiled { Self.place(figures, s.period, in: &compiled, catalog: catalog) } else { Self.place(figures, s.period, in: &own, catalog: catalog) }
        }

        private static func day(_ d: DateComponents) -> Int { (d.year ?? 0) * 10000 + (d.month ?? 0) * 100 + (d.day ?? 0) }

        private static func place(_ figures: FigureVector, _ period: Period, in list: inout [(period: Period, figures: FiledFigures)], catalog: Catalog) {
            if let i = list.firstIndex(where: { $0.period == period }) {
                list[i].figures.merge(figures, catalog: catalog)
            } else {
                list.append((period, FiledFigures(figures)))
            }
        }

        private static func place(_ figures: FigureVector, _ period: Period, in list: inout [(period: Period, figures: FigureVector)], catalog: Catalog) {
            var unused = SlotSet()
            if let i = list.firstIndex(where: { $0.period == period }) { list[i].figures.merge(figures, catalog: catalog, incomplete: &unused) } else { list.append((period, figures)) }
        }
    }

    /// The last stocks of a unit that ceased to exist before the period's end, for its own row.
    public struct EndedStocks: Sendable {
        /// The `last` indicators' figures as of the unit's end (other slots empty).
        public let figures: FigureVector
        /// The last day of the unit's map (30/6/2025 for every district), when the registry says.
        public let endedOn: DateComponents?
    }

    /// When a unit's report for a reported period was received (yyyymmdd), if it was.
    public func received(_ code: String, _ period: Period) -> Int? {
        receivedDays[code]?.first { $0.period == period }?.day
    }

    /// Each unit's reports composed over time, on every core: a national year is ten
    /// thousand units of four quarters each.
    private static func compose(_ period: Period, _ byUnit: [String: UnitReports], catalog: Catalog, source: TimeComposition.Source,
                                _ kind: @Sendable (UnitReports) -> [(period: Period, figures: FiledFigures)]) -> [String: ComposedFigures] {
        let units = byUnit.compactMap { unit, reports -> (String, [(period: Period, figures: FiledFigures)])? in
            let list = kind(reports)
            return list.isEmpty ? nil : (unit, list)
        }
        let composed = ParallelMap.chunked(units) { unit in
            TimeComposition.compose(period, catalog: catalog, source: source, endedOn: byUnit[unit.0]?.ceasedOn) { p in
                unit.1.first { $0.period == p }?.figures
            }
        }
        var result: [String: ComposedFigures] = [:]
        result.reserveCapacity(units.count)
        for (unit, figures) in zip(units, composed) { result[unit.0] = figures }
        return result
    }

    /// The coverage of a unit's own reports for the period.
    public func coverage(of code: String) -> Coverage { own[code]?.coverage ?? .missing }

    /// A report that arrived after its due date.
    public struct LateReport: Sendable {
        public let period: Period
        public let received: Int
        public let due: DueDate
    }

    /// The unit's own reports used for the period that arrived after their due dates
    /// (`templates/deadlines.csv`); empty when all were on time or nothing was sent.
    ///
    /// Memoised like the totals: the national workbook and each province's ask for every unit.
    public func lateReports(of code: String) -> [LateReport] {
        if let known = memo.withLock({ $0.late[code] }) { return known }
        var result: [LateReport] = []
        if let unit = registry.unit(code), let composed = own[code] ?? compiled[code] {
            result = composed.sources.compactMap { p in
                guard let received = received(code, p), let due = dueDate(unit, source: p), received > due.date else { return nil }
                return LateReport(period: p, received: received, due: due)
            }
        }
        memo.withLock { $0.late[code] = result }
        return result
    }

    /// The due date of a report used for this period: its own, or the period's when that is
    /// earlier and the report closes the period (a plan asking for the year's results by
    /// 05/12 makes the fourth quarter's report due then).
    package func dueDate(_ unit: Unit, source: Period) -> DueDate? {
        let own = catalog.deadlines.due(unit, source, registry: registry)
        guard source != period, source.year == period.year, source.months.upperBound == period.months.upperBound,
              let whole = catalog.deadlines.due(unit, period, registry: registry) else { return own }
        guard let own else { return whole }
        return whole.date < own.date ? whole : own
    }

    /// The nearest unit at or above `code` (up to `scope`) that sent a compiled report.
    public func compiledAncestor(of code: String, within scope: String) -> String? {
        if compiled.isEmpty { return nil }
        if compiled[code] != nil { return code }
        for a in registry.ancestors(of: code) {
            if compiled[a.code] != nil { return a.code }
            if a.code == scope { break }
        }
        return nil
    }

    /// The unit's total: its compiled report, or its own figures plus its children's totals.
    public func total(_ code: String) -> UnitTotal {
        if let cached = memo.withLock({ $0.totals[code] }) { return cached }
        // Worked out outside the lock, the children's totals asked for the same way; two threads
        // asking at once may both work it out, to the same figures.
        let result = computeTotal(code) { total($0) }
        memo.withLock { $0.totals[code] = result }
        return result
    }

    /// Works out the total of every unit under `code` (the nation when nil), each child's
    /// subtree on its own core, so that the workbooks written next only read them: a national
    /// year is ten thousand units, added up one by one through ``total(_:)`` otherwise.
    public func computeTotals(under code: String? = nil) {
        guard let root = code ?? registry.nation?.code else { return }
        var children = registry.children(of: root)
        if registry.unit(root)?.level == .province { children += registry.departments(of: root) }
        let subtrees = ParallelMap.map(children) { child -> [String: UnitTotal] in
            var found: [String: UnitTotal] = [:]
            func subtreeTotal(_ code: String) -> UnitTotal {
                if let known = found[code] { return known }
                let result = self.computeTotal(code, childTotal: subtreeTotal)
                found[code] = result
                return result
            }
            _ = subtreeTotal(child.code)
            return found
        }
        memo.withLock { memo in
            for subtree in subtrees { memo.totals.merge(subtree) { known, _ in known } }
        }
        _ = total(root)
    }

    /// A unit's total from its own reports and its children's totals, as `childTotal` gives them.
    private func computeTotal(_ code: String, childTotal: (String) -> UnitTotal) -> UnitTotal {
        if let c = compiled[code] {
            return UnitTotal(figures: c.figures, partialUnits: c.coverage == .partial ? [code] : [],
                             reportingUnits: 1, fromCompiledReport: true, incomplete: c.incomplete)
        }
        var result = UnitTotal(figures: FigureVector(slotCount: catalog.slotCount), partialUnits: [], reportingUnits: 0,
                               fromCompiledReport: false)
        if let mine = own[code] {
            result.figures = mine.figures
            result.incomplete = mine.incomplete
            result.reportingUnits = 1
            if mine.coverage == .partial { result.partialUnits.append(code) }
        }
        var children = registry.children(of: code)
        if registry.unit(code)?.level == .province { children += registry.departments(of: code) }
        for child in children { result.add(childTotal(child.code), catalog: catalog) }
        return result
    }
}
