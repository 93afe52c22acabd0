/// The figures of one unit for a period once its subtree is added up.
public struct UnitTotal: Sendable {
    public var figures: FigureVector
    /// Units whose own reports cover only part of the period, in the subtree.
    public var partialUnits: [String]
    /// Units that reported anything, in the subtree (the unit itself included).
    public var reportingUnits: Int
    /// Whether the figures are a compiled report sent by the unit (an export of another tonghop).
    public var fromCompiledReport: Bool
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
public final class Rollup: @unchecked Sendable {
    public let period: Period
    public let registry: Registry
    public let catalog: Catalog
    /// Each unit's own reports composed over time (one form per unit).
    public let own: [String: ComposedFigures]
    /// Compiled reports composed over time.
    public let compiled: [String: ComposedFigures]
    private var totals: [String: UnitTotal] = [:]

    public init(period: Period, registry: Registry, catalog: Catalog, submissions: [Submission]) {
        self.period = period
        self.registry = registry
        self.catalog = catalog
        var ownReports: [String: [Period: FigureVector]] = [:]
        var compiledReports: [String: [Period: FigureVector]] = [:]
        for s in submissions where period.contains(s.period) {
            if s.isCompiled {
                compiledReports[s.unitCode, default: [:]][s.period] = s.figures(catalog: catalog)
            } else {
                ownReports[s.unitCode, default: [:]][s.period] = s.figures(catalog: catalog)
            }
        }
        own = ownReports.compactMapValues { TimeComposition.compose(period, reports: $0, catalog: catalog) }
        compiled = compiledReports.compactMapValues { TimeComposition.compose(period, reports: $0, catalog: catalog) }
    }

    /// The coverage of a unit's own reports for the period.
    public func coverage(of code: String) -> Coverage { own[code]?.coverage ?? .missing }

    /// The nearest unit at or above `code` (up to `scope`) that sent a compiled report.
    public func compiledAncestor(of code: String, within scope: String) -> String? {
        if compiled[code] != nil { return code }
        for a in registry.ancestors(of: code) {
            if compiled[a.code] != nil { return a.code }
            if a.code == scope { break }
        }
        return nil
    }

    /// The unit's total: its compiled report, or its own figures plus its children's totals.
    public func total(_ code: String) -> UnitTotal {
        if let cached = totals[code] { return cached }
        var result: UnitTotal
        if let c = compiled[code] {
            result = UnitTotal(figures: c.figures, partialUnits: c.coverage == .partial ? [code] : [],
                               reportingUnits: 1, fromCompiledReport: true)
        } else {
            result = UnitTotal(figures: FigureVector(slotCount: catalog.slotCount), partialUnits: [], reportingUnits: 0,
                               fromCompiledReport: false)
            if let mine = own[code] {
                result.figures = mine.figures
                result.reportingUnits = 1
                if mine.coverage == .partial { result.partialUnits.append(code) }
            }
            var children = registry.children(of: code)
            if registry.unit(code)?.level == .province { children += registry.departments(of: code) }
            for child in children {
                let t = total(child.code)
                if t.reportingUnits == 0 { continue }
                result.figures.add(t.figures, catalog: catalog)
                result.partialUnits += t.partialUnits
                result.reportingUnits += t.reportingUnits
            }
        }
        totals[code] = result
        return result
    }
}
