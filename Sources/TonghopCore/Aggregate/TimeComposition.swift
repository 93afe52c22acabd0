/// Whether a unit's reports cover the whole period asked for.
public enum Coverage: Int, Sendable, Comparable {
    case missing = 0
    /// Some sub-periods were reported, not all: the figures are shown, marked partial.
    case partial
    case complete

    public static func < (a: Coverage, b: Coverage) -> Bool { a.rawValue < b.rawValue }
}

/// A unit's figures for one period, composed from the finest reports available.
public struct ComposedFigures: Sendable {
    public var figures: FigureVector
    public var coverage: Coverage
    /// The reported periods the figures were taken from, in order.
    public var sources: [Period]
}

/// Composes one unit's reports over time (DOMAIN §4): a direct report for the period when
/// there is one, else its sub-periods composed recursively (year ← halves ← quarters), each
/// indicator by its time rule.
///
/// Example: NN01 (last) for 2024 is Q4's figure; MT08 (sum) is Q1+Q2+Q3+Q4; MT07 (first) is
/// Q1's; XA03 (any) is yes if any quarter said yes.
public enum TimeComposition {
    public static func compose(_ period: Period, reports: [Period: FigureVector], catalog: Catalog) -> ComposedFigures? {
        compose(period, catalog: catalog) { reports[$0] }
    }

    /// As ``compose(_:reports:catalog:)``, the reports given by a lookup.
    static func compose(_ period: Period, catalog: Catalog, report: (Period) -> FigureVector?) -> ComposedFigures? {
        if let direct = report(period) {
            return ComposedFigures(figures: direct, coverage: .complete, sources: [period])
        }
        let subs = period.subperiods
        if subs.isEmpty { return nil }
        let parts = subs.map { compose($0, catalog: catalog, report: report) }
        let present = parts.compactMap { $0 }
        if present.isEmpty { return nil }
        let coverage: Coverage = parts.allSatisfy { $0?.coverage == .complete } ? .complete : .partial
        return ComposedFigures(figures: combine(present.map(\.figures), catalog: catalog),
                               coverage: coverage, sources: present.flatMap(\.sources))
    }

    /// Combines the figures of consecutive sub-periods, given in time order.
    public static func combine(_ parts: [FigureVector], catalog: Catalog) -> FigureVector {
        var result = FigureVector(slotCount: catalog.slotCount)
        for indicator in catalog.indicators {
            let range = indicator.slot..<(indicator.slot + indicator.slotCount)
            var firstPart = -1, lastPart = -1
            for (i, p) in parts.enumerated() where p.reports(indicator) {
                if firstPart < 0 { firstPart = i }
                lastPart = i
            }
            guard firstPart >= 0 else { continue }
            switch indicator.time {
            case .last:
                // A stock is a snapshot: all of its slots come from the same sub-period,
                // or a commune's category could be counted twice.
                result.copy(indicator, from: parts[lastPart])
            case .first:
                result.copy(indicator, from: parts[firstPart])
            case .sum, .max, .average:
                for s in range {
                    var acc = Double.nan, count = 0.0
                    for p in parts {
                        let v = p.slots[s]
                        if v.isNaN { continue }
                        count += 1
                        acc = acc.isNaN ? v : (indicator.time == .max ? Swift.max(acc, v) : acc + v)
                    }
                    result.slots[s] = indicator.time == .average && count > 0 ? acc / count : acc
                }
            case .any:
                // Yes/no: a unit is "co" for the period if it said yes in any sub-period. For a
                // compiled report (counts of communes) the largest count of yes is kept.
                let reporting = parts.filter { $0.reports(indicator) }
                guard let yes = indicator.slot(for: "co"), let no = indicator.slot(for: "khong") else {
                    result.copy(indicator, from: parts[lastPart])
                    continue
                }
                let units = reporting.compactMap { $0[indicator.slot] ?? (($0[yes] ?? 0) + ($0[no] ?? 0)) }.max() ?? 0
                let yesCount = reporting.compactMap { $0[yes] }.max() ?? 0
                result[yes] = yesCount
                result[no] = Swift.max(0, units - yesCount)
                result[indicator.slot] = units
            }
        }
        return result
    }
}
