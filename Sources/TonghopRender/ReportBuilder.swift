import Foundation
import TonghopBase
import TonghopCatalog
import TonghopAggregate
import TonghopStore

/// Builds the sheets of one report — national (scope `VN`) or provincial — from a rollup.
///
/// The sheets, in order: the summary of key figures against the same period of last year, the
/// figure tables by province or district (*Biểu*), each commune (provincial), each department
/// (provincial), a chart, the plans' targets, reporting completeness and timeliness, the
/// missing and late units by name, and the data problems of the period's files.
///
/// Each table has the administrative header block, the title and the reporting window, and
/// totals as live `SUM` formulas carrying their computed values.
public struct ReportBuilder {
    public let scope: Unit
    public let rollup: Rollup
    public let previousYear: PreviousYear?
    public let problems: [Problem]
    public let window: ReportingWindow

    package var catalog: Catalog { rollup.catalog }
    package var registry: Registry { rollup.registry }
    package var period: Period { rollup.period }

    public init(scope: Unit, rollup: Rollup, previousYear: PreviousYear?, problems: [Problem], window: ReportingWindow) {
        self.scope = scope
        self.rollup = rollup
        self.previousYear = previousYear
        self.problems = problems
        self.window = window
    }

    /// The workbook's sheets, in order.
    public func sheets() -> [SheetModel] {
        var sheets: [SheetModel] = [summarySheet()]
        let children = registry.children(of: scope.code)
        let summary = summaryColumns
        var units: [(unit: Unit?, row: TableRow)] = children.map { child in (child, row(for: child)) }
        if scope.level == .province { units.append((nil, departmentsRow())) }
        let rows = units.map(\.row)
        let childWord = Self.levelWord(children.first?.level)
        let byWhat = scope.level == .nation ? "theo tỉnh, thành phố" : "theo đơn vị cấp \(childWord)"
        let chunks = ReportColumn.printableChunks(summary)
        for (n, chunk) in chunks.enumerated() {
            sheets.append(table(name: "Biểu \(n + 1)", heading: "Biểu \(n + 1): \(Self.groupNames(chunk)) — tổng hợp \(byWhat)",
                                columns: chunk, rows: rows, total: true))
        }
        sheets += comparisonSheets(chunks, rows: units)
        if scope.level == .province {
            if children.first?.level == .district, let xaForm = catalog.forms["XA"] {
                let communeColumns = ReportColumn.columns(for: xaForm.indicatorCodes.compactMap(catalog.indicator),
                                                          catalog: catalog, singleUnits: true)
                var communeRows: [TableRow] = []
                for district in children {
                    for commune in registry.children(of: district.code) {
                        var r = row(for: commune)
                        r.name = "\(commune.name) (\(district.name))"
                        communeRows.append(r)
                    }
                }
                for (n, chunk) in ReportColumn.printableChunks(communeColumns).enumerated() {
                    sheets.append(table(name: "Chi tiết xã \(n + 1)",
                                        heading: "Số liệu chi tiết của từng xã, phường, thị trấn: \(Self.groupNames(chunk))",
                                        columns: chunk, rows: communeRows, total: true, nameWidth: 44))
                }
            }
            let departmentIndicators = catalog.indicators.filter { i in
                catalog.sectors.contains { catalog.forms[$0.code]?.indicatorSet.contains(i.code) ?? false }
            }
            let departmentColumns = ReportColumn.columns(for: departmentIndicators, catalog: catalog, singleUnits: false)
            let departmentRows = registry.departments(of: scope.code)
                .filter { registry.isExpected(department: $0) || rollup.total($0.code).reportingUnits > 0 }
                .map { d -> TableRow in
                    var r = row(for: d)
                    r.name = catalog.sector(d.sectorCode ?? "")?.name ?? d.name
                    return r
                }
            for (n, chunk) in ReportColumn.printableChunks(departmentColumns).enumerated() {
                sheets.append(table(name: "Sở, ngành \(n + 1)",
                                    heading: "Số liệu của các sở, ban, ngành cấp tỉnh: \(Self.groupNames(chunk))",
                                    columns: chunk, rows: departmentRows, total: true))
            }
        }
        sheets.append(chartSheet())
        sheets.append(targetSheet())
        let completeness = Completeness(scope: scope.code, rollup: rollup)
        sheets.append(completenessSheet(completeness))
        sheets.append(missingSheet(completeness))
        sheets.append(problemSheet())
        return sheets
    }

    /// The columns of the figure tables: every indicator that adds up, with parts and answers.
    package var summaryColumns: [ReportColumn] {
        ReportColumn.columns(for: catalog.indicators.filter { $0.unitRule != .none }, catalog: catalog, singleUnits: false)
    }

    package static func levelWord(_ level: UnitLevel?) -> String {
        switch level {
        case .district: return "huyện"
        case .commune: return "xã"
        default: return "tỉnh"
        }
    }

    /// "Tội phạm, tụ điểm ma túy; Người nghiện, cai nghiện"
    package static func groupNames(_ columns: [ReportColumn]) -> String {
        var names: [String] = []
        for c in columns where names.last != c.indicator.groupShortName { names.append(c.indicator.groupShortName) }
        return names.joined(separator: "; ")
    }

    /// 12 → "12", 6.25 → "6,25".
    package static func format(_ v: Double) -> String { TargetEvaluation.format(v) }
}
