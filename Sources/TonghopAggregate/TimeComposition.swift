import TonghopBase
import TonghopCatalog

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
    /// Slots whose figure lacks some of what it should hold (see ``FigureVector/add(_:catalog:incomplete:)``).
    public var incomplete = SlotSet()
}

/// A report's figures as filed for composition: one sub-period of one unit.
public struct FiledFigures: Sendable {
    public var figures: FigureVector
    public var incomplete = SlotSet()

    public init(_ figures: FigureVector, incomplete: SlotSet = SlotSet()) {
        self.figures = figures
        self.incomplete = incomplete
    }

    /// Adds another report of the same sub-period (old communes merged into one new commune).
    package mutating func merge(_ other: FigureVector, catalog: Catalog) {
        figures.merge(other, catalog: catalog, incomplete: &incomplete)
    }
}

/// Composes one unit's reports over time (DOMAIN §4): a direct report for the period when
/// there is one, else its sub-periods composed recursively (year ← halves ← quarters), each
/// indicator by its time rule.
///
/// Example: NN01 (last) for 2024 is Q4's figure; MT08 (sum) is Q1+Q2+Q3+Q4; MT07 (first) is
/// Q1's; XA03 (any) is yes if any quarter said yes.
///
/// **Compiled reports.** A compiled report (a province's export) holds totals over many units.
/// A rule that picks one sub-period (`last`, `first`) or is linear (`sum`, `average`) gives the
/// same figure whether the units are added first or the sub-periods; `max` and `any` do not: a
/// commune that said yes in two quarters is one commune, not two, and the largest of four sums
/// is not the sum of four largest. Such a figure is taken only from the unit's own report for
/// the period; composed from sub-periods it is ``FigureVector/unknown``. See
/// ``compiledFiguresCompose(_:)``.
public enum TimeComposition {
    /// What the figures being composed are: one unit's own answers and numbers, or totals
    /// compiled over the units under it.
    public enum Source: Sendable {
        case own, compiled
    }

    /// Whether an indicator's figure for a period follows from its sub-periods' figures when
    /// these are totals compiled over several units (a province's quarterly exports).
    ///
    /// | time rule | unit rule `sum`, `count` | unit rule `none` |
    /// | --- | --- | --- |
    /// | `sum` | yes (the sum of sums) | yes |
    /// | `last`, `first` | yes (one sub-period's total) | yes |
    /// | `average` | yes (linear) | yes |
    /// | `max` | no: the largest sum is not the sum of the largest | yes |
    /// | `any` | no: a count of yes is not a function of the quarters' counts | yes |
    ///
    /// A `none` indicator is never added over units: its compiled figure is one unit's own.
    /// `last`, `first` and `average` are exact when the compiled sub-period reports are
    /// complete; a unit partial in them makes the compiled report partial, as it does the
    /// unit's own composition.
    public static func compiledFiguresCompose(_ indicator: Indicator) -> Bool {
        if indicator.unitRule == .none { return true }
        switch indicator.time {
        case .sum, .last, .first, .average: return true
        case .max, .any: return false
        }
    }

    public static func compose(_ period: Period, reports: [Period: FigureVector], source: Source = .own, catalog: Catalog) -> ComposedFigures? {
        compose(period, catalog: catalog, source: source) { reports[$0].map { FiledFigures($0) } }
    }

    /// As ``compose(_:reports:source:catalog:)``, the reports given by a lookup.
    ///
    /// - Parameter endedOn: the last day (yyyymmdd) of a unit that ceased to exist during the
    ///   period: the sub-periods after it are not missing, there was nobody to report them.
    package static func compose(_ period: Period, catalog: Catalog, source: Source, endedOn: Int? = nil,
                        report: (Period) -> FiledFigures?) -> ComposedFigures? {
        if let direct = report(period) {
            return ComposedFigures(figures: direct.figures, coverage: .complete, sources: [period], incomplete: direct.incomplete)
        }
        var subs = period.subperiods
        if let endedOn { subs.removeAll { $0.year * 10000 + $0.months.lowerBound * 100 + 1 > endedOn } }
        if subs.isEmpty { return nil }
        let parts = subs.map { compose($0, catalog: catalog, source: source, endedOn: endedOn, report: report) }
        let present = parts.compactMap { $0 }
        if present.isEmpty { return nil }
        let coverage: Coverage = parts.allSatisfy { $0?.coverage == .complete } ? .complete : .partial
        let combined = combine(present.map { FiledFigures($0.figures, incomplete: $0.incomplete) }, catalog: catalog, source: source)
        return ComposedFigures(figures: combined.figures, coverage: coverage, sources: present.flatMap(\.sources),
                               incomplete: combined.incomplete)
    }

    /// Combines the figures of consecutive sub-periods, given in time order.
    public static func combine(_ parts: [FigureVector], catalog: Catalog, source: Source = .own) -> FigureVector {
        combine(parts.map { FiledFigures($0) }, catalog: catalog, source: source).figures
    }

    package static func combine(_ parts: [FiledFigures], catalog: Catalog, source: Source) -> FiledFigures {
        var result = FiledFigures(FigureVector(slotCount: catalog.slotCount))
        for indicator in catalog.indicators {
            let range = indicator.slot..<(indicator.slot + indicator.slotCount)
            var firstPart = -1, lastPart = -1, mentioning = 0
            for (i, p) in parts.enumerated() where p.figures.mentions(indicator) {
                if firstPart < 0 { firstPart = i }
                lastPart = i
                mentioning += 1
            }
            guard firstPart >= 0 else { continue }
            func take(_ part: FiledFigures) {
                result.figures.copy(indicator, from: part.figures)
                for s in range where part.incomplete.contains(s) { result.incomplete.insert(s) }
            }
            switch indicator.time {
            case .last:
                // A stock is a snapshot: all of its slots come from the same sub-period,
                // or a commune's category could be counted twice.
                take(parts[lastPart])
                continue
            case .first:
                take(parts[firstPart])
                continue
            case .sum, .max, .average, .any:
                break
            }
            if mentioning == 1 {
                take(parts[firstPart])
            } else if source == .compiled && !compiledFiguresCompose(indicator) {
                result.figures.markUnknown(indicator)
            } else if indicator.time == .any {
                anyOfAnswers(indicator, parts, into: &result)
            } else {
                for s in range { accumulate(s, indicator.time, parts, indicator: indicator, into: &result) }
            }
        }
        return result
    }

    /// Yes/no of one unit: yes for the period if any sub-period said yes. A unit that is
    /// several earlier units merged (old communes in one new commune) is still one unit.
    private static func anyOfAnswers(_ indicator: Indicator, _ parts: [FiledFigures], into result: inout FiledFigures) {
        guard let yes = indicator.slot(for: "co"), let no = indicator.slot(for: "khong") else { return }
        let saidYes = parts.contains { ($0.figures[yes] ?? 0) > 0 }
        result.figures[yes] = saidYes ? 1 : 0
        result.figures[no] = saidYes ? 0 : 1
        result.figures[indicator.slot] = 1
    }

    /// One slot summed, averaged or maximised over the sub-periods that give its indicator.
    /// A sub-period that gives the indicator without this slot (a total without its parts)
    /// leaves the figure short of it: shown, marked incomplete.
    private static func accumulate(_ s: Int, _ rule: TimeAggregation, _ parts: [FiledFigures], indicator: Indicator,
                                   into result: inout FiledFigures) {
        var acc = Double.nan, count = 0.0, short = false
        let range = indicator.slot..<(indicator.slot + indicator.slotCount)
        for p in parts where p.figures.mentions(indicator) {
            let v = p.figures.slots[s]
            if p.incomplete.contains(s) { short = true }
            if v.isNaN {
                if p.figures.lacks(s, of: range) { short = true }
                continue
            }
            count += 1
            acc = acc.isNaN ? v : (rule == .max ? Swift.max(acc, v) : acc + v)
        }
        result.figures.slots[s] = rule == .average && count > 0 ? acc / count : acc
        if short { result.incomplete.insert(s) }
    }
}
