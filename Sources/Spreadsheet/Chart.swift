import CXlsxWriter
import Foundation

/// A block of cells of a sheet, for chart data: `='Biểu đồ'!$C$9:$C$72`.
public struct CellRange: Sendable, Equatable {
    public var sheet: String
    public var firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int

    public init(sheet: String, firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int) {
        self.sheet = sheet
        self.firstRow = firstRow
        self.firstColumn = firstColumn
        self.lastRow = lastRow
        self.lastColumn = lastColumn
    }

    /// The absolute reference Excel expects, the sheet name quoted.
    public var formula: String {
        func cell(_ r: Int, _ c: Int) -> String { "$\(Self.letters(c + 1))$\(r + 1)" }
        let quoted = "'" + sheet.replacingOccurrences(of: "'", with: "''") + "'"
        return "=\(quoted)!\(cell(firstRow, firstColumn)):\(cell(lastRow, lastColumn))"
    }

    static func letters(_ column: Int) -> String {
        var n = column, s = ""
        while n > 0 {
            s = String(UnicodeScalar(UInt8(65 + (n - 1) % 26))) + s
            n = (n - 1) / 26
        }
        return s
    }
}

/// A native Excel column chart: categories along the bottom, one coloured series per set of values.
public struct ColumnChart: Sendable {
    public struct Series: Sendable {
        public var name: String
        public var values: CellRange
        /// 0xRRGGBB.
        public var color: UInt32

        public init(name: String, values: CellRange, color: UInt32) {
            self.name = name
            self.values = values
            self.color = color
        }
    }

    public var title: String
    public var categories: CellRange
    public var series: [Series]
    public var valueAxisTitle: String
    /// Size relative to Excel's default chart (480 × 288 pixels).
    public var scale: (x: Double, y: Double)

    public init(title: String, categories: CellRange, series: [Series], valueAxisTitle: String, scale: (x: Double, y: Double)) {
        self.title = title
        self.categories = categories
        self.series = series
        self.valueAxisTitle = valueAxisTitle
        self.scale = scale
    }
}

extension Workbook {
    /// Creates the chart in the workbook; the workbook owns and frees it.
    func makeChart(_ model: ColumnChart) throws -> UnsafeMutablePointer<lxw_chart> {
        guard let wb = workbookHandle, let chart = workbook_add_chart(wb, UInt8(LXW_CHART_COLUMN.rawValue)) else {
            throw SpreadsheetError(message: "không tạo được biểu đồ", action: "tạo biểu đồ \(model.title)")
        }
        return try withFont(size: 12, bold: true) { titleFont in
            try withFont(size: 10, bold: false) { axisFont in
                chart_title_set_name(chart, model.title)
                chart_title_set_name_font(chart, titleFont)
                for s in model.series {
                    guard let series = chart_add_series(chart, model.categories.formula, s.values.formula) else {
                        throw SpreadsheetError(message: "không thêm được dãy số liệu", action: "biểu đồ \(model.title)")
                    }
                    chart_series_set_name(series, s.name)
                    var fill = lxw_chart_fill()
                    fill.color = lxw_color_t(s.color)
                    chart_series_set_fill(series, &fill)
                }
                chart_axis_set_num_font(chart.pointee.x_axis, axisFont)
                chart_axis_set_num_font(chart.pointee.y_axis, axisFont)
                chart_axis_set_name(chart.pointee.y_axis, model.valueAxisTitle)
                chart_axis_set_name_font(chart.pointee.y_axis, axisFont)
                chart_axis_set_num_format(chart.pointee.y_axis, "#,##0")
                chart_legend_set_position(chart, UInt8(LXW_CHART_LEGEND_BOTTOM.rawValue))
                return chart
            }
        }
    }

    private func withFont<R>(size: Double, bold: Bool, _ body: (UnsafeMutablePointer<lxw_chart_font>) throws -> R) rethrows -> R {
        let name = strdup("Times New Roman")
        defer { free(name) }
        var font = lxw_chart_font()
        font.name = name
        font.size = size
        font.bold = bold ? 1 : 0
        return try withUnsafeMutablePointer(to: &font) { try body($0) }
    }
}

extension Worksheet {
    /// Places a chart with its top-left corner at a cell.
    public func insert(_ chart: ColumnChart, row: Int, column: Int) throws {
        let c = try workbookForCharts.makeChart(chart)
        var options = lxw_chart_options()
        options.x_scale = chart.scale.x
        options.y_scale = chart.scale.y
        try check(worksheet_insert_chart_opt(try handleForCharts(), lxw_row_t(row), lxw_col_t(column), c, &options),
                  "chèn biểu đồ vào \(name)")
    }
}
