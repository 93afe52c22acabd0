import Foundation
import Spreadsheet
import TonghopBase
import TonghopCatalog
import TonghopAggregate
import TonghopStore

/// Writes ``SheetModel``s into an `.xlsx` file, atomically: the workbook is written under a
/// temporary name beside the target and renamed over it only when complete, so a run killed
/// half-way never leaves a half-written workbook where an officer would open it.
public enum WorkbookWriter {
    /// The document date of a report: the last day of its window, from the data, never the
    /// clock, so that the same store gives byte-identical workbooks.
    public static func documentDate(_ period: Period, window: ReportingWindow) -> Date {
        let end = window.window(period).to
        var c = DateComponents()
        c.year = end.year
        c.month = end.month
        c.day = end.day
        c.hour = 12
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(from: c)!
    }

    public static func write(_ sheets: [SheetModel], to url: URL, title: String, createdAt: Date) throws {
        let directory = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
        do {
            let workbook = try Workbook(path: temporary.path, title: title, createdAt: createdAt)
            for model in sheets { try write(model, into: workbook) }
            try workbook.close()
            if rename(temporary.path, url.path) != 0 {
                throw SpreadsheetError(message: String(cString: strerror(errno)), action: "đổi tên thành \(url.path)")
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }

    package static func write(_ model: SheetModel, into workbook: Workbook) throws {
        let sheet = try workbook.addWorksheet(model.name)
        for (column, width) in model.columnWidths.sorted(by: { $0.key < $1.key }) {
            try sheet.setColumns(column, column, width: width)
        }
        for (row, height) in TextFit.rowHeights(model, style: style).sorted(by: { $0.key < $1.key }) {
            try sheet.setRow(row, height: height)
        }
        for m in model.merges {
            try sheet.merge(m.firstRow, m.firstColumn, m.lastRow, m.lastColumn, text: m.text, style: style(m.role))
        }
        // Each role's format found once a sheet, in the order of first use as before (so the
        // workbook's formats, and its bytes, stay the same).
        // By the role's position, not hashed: a national run writes a million cells.
        var formats = [CellFormat?](repeating: nil, count: SheetModel.Role.allCases.count)
        func format(_ role: SheetModel.Role) -> CellFormat {
            if let f = formats[role.rawValue] { return f }
            let f = workbook.cellFormat(style(role))
            formats[role.rawValue] = f
            return f
        }
        for (row, cells) in model.rows.enumerated() {
            for (column, cell) in cells.enumerated() {
                guard let cell else { continue }
                switch cell.value {
                case .text(let t): try sheet.write(row, column, text: t, format: format(cell.role))
                case .number(let n): try sheet.write(row, column, number: rounded(n), format: format(cell.role))
                case .formula(let f, let v): try sheet.writeFormula(row, column, f, value: v, style: style(cell.role))
                case .empty: try sheet.writeBlank(row, column, format: format(cell.role))
                }
            }
        }
        for chart in model.charts {
            func range(_ column: Int) -> CellRange {
                CellRange(sheet: model.name, firstRow: chart.rows.lowerBound, firstColumn: column, lastRow: chart.rows.upperBound, lastColumn: column)
            }
            try sheet.insert(ColumnChart(title: chart.title, categories: range(chart.categoryColumn),
                                         series: chart.series.map { ColumnChart.Series(name: $0.name, values: range($0.column), color: $0.color) },
                                         valueAxisTitle: chart.valueAxisTitle, scale: chart.scale),
                             row: chart.anchor.row, column: chart.anchor.column)
        }
        for v in model.validations { try sheet.validate(v.row, v.column, v.rule) }
        if model.isProtected { try sheet.protect() }
        if let f = model.freeze { try sheet.freezePanes(row: f.row, column: f.column) }
        try sheet.setupPrint(repeatRows: model.repeatRows, printArea: (model.printLastRow ?? model.lastRow, model.printLastColumn ?? model.lastColumn),
                             footer: "&L&\"Times New Roman\"&9\(model.name)&R&\"Times New Roman\"&9Trang &P/&N",
                             pageBreaks: model.pageBreaks)
    }

    /// Sums of decimals carry binary noise (9.559999999999999); no figure here has more than
    /// six meaningful decimals. Formulas keep their exact value, so that a recalculation gives
    /// the same number.
    package static func rounded(_ v: Double) -> Double { (v * 1_000_000).rounded() / 1_000_000 }

    package static let integerFormat = "#,##0"
    package static let decimalFormat = "#,##0.00"
    package static let percentFormat = "0.0%"
    /// Pale green: the cells a reporter fills in, told apart from the printed ones.
    package static let entryFill: UInt32 = 0xEBF5E1

    /// The style of each role, made once: a national run writes a million cells.
    package static let styles: [CellStyle] = SheetModel.Role.allCases.map(makeStyle)

    package static func style(_ role: SheetModel.Role) -> CellStyle { styles[role.rawValue] }

    private static func makeStyle(_ role: SheetModel.Role) -> CellStyle {
        CellStyle { s in
            switch role {
            case .agency: s.bold = false; s.horizontal = .center; s.fontSize = 12; s.wrap = true
            case .agencyUnderline: s.bold = true; s.underline = true; s.horizontal = .center; s.fontSize = 11; s.wrap = true
            case .motto: s.bold = true; s.horizontal = .center
            case .mottoUnderline: s.bold = true; s.underline = true; s.horizontal = .center; s.fontSize = 13
            case .title: s.bold = true; s.fontSize = 14; s.horizontal = .center
            case .subtitle: s.bold = true; s.horizontal = .center
            case .window: s.italic = true; s.horizontal = .center
            case .note: s.italic = true; s.fontSize = 11
            case .noteBlock: s.italic = true; s.fontSize = 11; s.wrap = true
            case .columnHeader:
                s.bold = true; s.border = true; s.wrap = true; s.horizontal = .center; s.fontSize = 11; s.fill = 0xDDEBF7
            case .groupHeader:
                s.bold = true; s.border = true; s.wrap = true; s.horizontal = .center; s.fill = 0xBDD7EE
            case .text: s.border = true; s.wrap = true
            case .code: s.border = true; s.horizontal = .center
            case .integer: s.border = true; s.numberFormat = integerFormat
            case .decimal: s.border = true; s.numberFormat = decimalFormat
            case .percent: s.border = true; s.numberFormat = percentFormat
            case .totalLabel: s.border = true; s.bold = true; s.fill = 0xF2F2F2
            case .totalInteger: s.border = true; s.bold = true; s.numberFormat = integerFormat; s.fill = 0xF2F2F2
            case .totalDecimal: s.border = true; s.bold = true; s.numberFormat = decimalFormat; s.fill = 0xF2F2F2
            case .totalPercent: s.border = true; s.bold = true; s.numberFormat = percentFormat; s.fill = 0xF2F2F2
            case .partialInteger: s.border = true; s.italic = true; s.numberFormat = integerFormat; s.fill = 0xFFF2CC
            case .partialDecimal: s.border = true; s.italic = true; s.numberFormat = decimalFormat; s.fill = 0xFFF2CC
            case .met: s.border = true; s.bold = true; s.horizontal = .center; s.fill = 0xE2EFDA
            case .notMet: s.border = true; s.bold = true; s.horizontal = .center; s.fill = 0xF8CBAD
            case .unknown: s.border = true; s.italic = true; s.horizontal = .center; s.wrap = true
            case .figureNote: s.border = true; s.italic = true; s.wrap = true; s.fontSize = 10; s.horizontal = .center; s.fill = 0xFFF2CC
            case .entry: s.border = true; s.locked = false; s.fill = entryFill
            case .entryText: s.border = true; s.wrap = true; s.locked = false; s.fill = entryFill; s.numberFormat = "@"
            }
        }
    }
}
