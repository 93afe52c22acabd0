import TonghopBase
import TonghopCatalog
import TonghopAggregate
import TonghopStore

/// One figure column of a report table: an indicator's total, one of its parts, or the count
/// of units giving one answer.
public struct ReportColumn: Sendable {
    public let indicator: Indicator
    /// The category shown (nil: the total).
    public let category: String?
    /// The header people read.
    public let title: String
    public let measure: String
    /// The machine code under the header (`NN01.duoi_18`), for people who cross-check files.
    public let code: String
    /// For a single unit's row, write the answer as text ("Có", "Có ma túy") instead of a count.
    public let answerAsText: Bool

    public var isDecimal: Bool { indicator.valueType == .decimal }
    /// Whether a total row adds this column up (never for `none` indicators).
    public var isSummable: Bool { indicator.unitRule != .none && !answerAsText }

    public func value(_ figures: FigureVector) -> Double? { figures.value(indicator, category: category) }

    /// The answer of a single unit, as text.
    public func answer(_ figures: FigureVector, catalog: Catalog) -> String? {
        for c in indicator.categories where (figures.value(indicator, category: c) ?? 0) > 0 {
            return catalog.categoryName(c)
        }
        return nil
    }

    /// Columns for the indicators given, in catalog order.
    ///
    /// - Parameter singleUnits: rows are single communes (answers as text), not totals
    ///   (answers as counts of communes).
    public static func columns(for indicators: [Indicator], catalog: Catalog, singleUnits: Bool) -> [ReportColumn] {
        var result: [ReportColumn] = []
        for i in indicators {
            if i.isAnswer {
                if singleUnits {
                    result.append(ReportColumn(indicator: i, category: nil, title: i.name, measure: "", code: i.code, answerAsText: true))
                } else if i.valueType == .yesNo {
                    result.append(ReportColumn(indicator: i, category: "co", title: "\(i.name) (số \(i.measure) có)",
                                               measure: i.measure, code: "\(i.code).co", answerAsText: false))
                } else {
                    for c in i.categories {
                        result.append(ReportColumn(indicator: i, category: c, title: "\(i.name): \(catalog.categoryName(c))",
                                                   measure: i.measure, code: "\(i.code).\(c)", answerAsText: false))
                    }
                }
                continue
            }
            result.append(ReportColumn(indicator: i, category: nil, title: i.name, measure: i.measure, code: i.code, answerAsText: false))
            for c in i.categories {
                result.append(ReportColumn(indicator: i, category: c, title: "Trong đó: \(catalog.categoryName(c))",
                                           measure: i.measure, code: "\(i.code).\(c)", answerAsText: false))
            }
        }
        return result
    }

    /// Splits columns into tables narrow enough to print on A4 landscape: whole domain groups
    /// together while they fit, a group wider than a page split across tables.
    public static func printableChunks(_ columns: [ReportColumn], width: Int = 14) -> [[ReportColumn]] {
        var groups: [[ReportColumn]] = []
        for c in columns {
            if let last = groups.last?.last, last.indicator.group == c.indicator.group {
                groups[groups.count - 1].append(c)
            } else {
                groups.append([c])
            }
        }
        var chunks: [[ReportColumn]] = []
        var current: [ReportColumn] = []
        for var group in groups {
            if !current.isEmpty && current.count + group.count > width {
                chunks.append(current)
                current = []
            }
            while group.count > width {
                chunks.append(Array(group.prefix(width)))
                group.removeFirst(width)
            }
            current += group
        }
        if !current.isEmpty { chunks.append(current) }
        return chunks
    }
}
