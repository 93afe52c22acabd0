import CXlsxWriter

/// A sheet of a ``Workbook``. Rows and columns are 0-based, as in libxlsxwriter.
///
/// Text is always written as text: a cell starting with `=`, `+`, `-` or `@` never becomes a
/// formula. Formulas are written only through ``writeFormula(_:_:_:value:style:)``, with their
/// computed value, so that a reader that does not recalculate still sees the right number.
public final class Worksheet {
    private var handle: UnsafeMutablePointer<lxw_worksheet>?
    private unowned let workbook: Workbook
    public let name: String

    init(handle: UnsafeMutablePointer<lxw_worksheet>, workbook: Workbook, name: String) {
        self.handle = handle
        self.workbook = workbook
        self.name = name
    }

    func invalidate() { handle = nil }

    var workbookForCharts: Workbook { workbook }

    func handleForCharts() throws -> UnsafeMutablePointer<lxw_worksheet> { try ws("chèn biểu đồ") }

    /// The C handle, or an error naming `action` once the workbook is closed.
    func ws(_ action: String) throws -> UnsafeMutablePointer<lxw_worksheet> {
        guard let handle else { throw SpreadsheetError(message: "bảng tính đã đóng", action: action) }
        return handle
    }

    public func write(_ row: Int, _ column: Int, text: String, style: CellStyle) throws {
        try write(row, column, text: text, format: workbook.cellFormat(style))
    }

    public func write(_ row: Int, _ column: Int, number: Double, style: CellStyle) throws {
        try write(row, column, number: number, format: workbook.cellFormat(style))
    }

    public func writeBlank(_ row: Int, _ column: Int, style: CellStyle) throws {
        try writeBlank(row, column, format: workbook.cellFormat(style))
    }

    public func write(_ row: Int, _ column: Int, text: String, format: CellFormat) throws {
        try check(worksheet_write_string(try ws("ghi ô"), lxw_row_t(row), lxw_col_t(column), text, format.pointer),
                  "ghi ô \(name)!R\(row + 1)C\(column + 1)")
    }

    public func write(_ row: Int, _ column: Int, number: Double, format: CellFormat) throws {
        try check(worksheet_write_number(try ws("ghi ô"), lxw_row_t(row), lxw_col_t(column), number, format.pointer),
                  "ghi ô \(name)!R\(row + 1)C\(column + 1)")
    }

    public func writeBlank(_ row: Int, _ column: Int, format: CellFormat) throws {
        try check(worksheet_write_blank(try ws("ghi ô"), lxw_row_t(row), lxw_col_t(column), format.pointer),
                  "ghi ô \(name)!R\(row + 1)C\(column + 1)")
    }

    /// A formula such as `=SUM(D9:D20)` with the value it computes.
    public func writeFormula(_ row: Int, _ column: Int, _ formula: String, value: Double, style: CellStyle) throws {
        try check(worksheet_write_formula_num(try ws("ghi công thức"), lxw_row_t(row), lxw_col_t(column), formula,
                                              workbook.format(style), value),
                  "ghi công thức \(name)!R\(row + 1)C\(column + 1)")
    }

    public func merge(_ firstRow: Int, _ firstColumn: Int, _ lastRow: Int, _ lastColumn: Int, text: String, style: CellStyle) throws {
        try check(worksheet_merge_range(try ws("gộp ô"), lxw_row_t(firstRow), lxw_col_t(firstColumn), lxw_row_t(lastRow),
                                        lxw_col_t(lastColumn), text, workbook.format(style)),
                  "gộp ô \(name)!R\(firstRow + 1)C\(firstColumn + 1)")
    }

    public func setColumns(_ first: Int, _ last: Int, width: Double) throws {
        try check(worksheet_set_column(try ws("đặt cột"), lxw_col_t(first), lxw_col_t(last), width, nil), "đặt độ rộng cột \(name)")
    }

    public func setRow(_ row: Int, height: Double) throws {
        try check(worksheet_set_row(try ws("đặt dòng"), lxw_row_t(row), height, nil), "đặt chiều cao dòng \(name)")
    }

    /// Freezes the rows above `row` and the columns left of `column`.
    public func freezePanes(row: Int, column: Int) throws {
        worksheet_freeze_panes(try ws("cố định"), lxw_row_t(row), lxw_col_t(column))
    }

    /// A4 landscape, fit to one page wide, the given rows repeated on every page, page
    /// numbers in the footer, and the print area.
    /// - Parameter pageBreaks: rows that start a new printed page.
    public func setupPrint(repeatRows: ClosedRange<Int>?, printArea: (lastRow: Int, lastColumn: Int)?, footer: String,
                           pageBreaks: [Int] = []) throws {
        let h = try ws("thiết lập in")
        worksheet_set_landscape(h)
        worksheet_set_paper(h, 9)
        worksheet_fit_to_pages(h, 1, 0)
        worksheet_set_margins(h, 0.4, 0.4, 0.6, 0.6)
        worksheet_center_horizontally(h)
        try check(worksheet_set_footer(h, footer), "đặt chân trang \(name)")
        if let r = repeatRows {
            try check(worksheet_repeat_rows(h, lxw_row_t(r.lowerBound), lxw_row_t(r.upperBound)), "lặp dòng tiêu đề \(name)")
        }
        if let a = printArea {
            try check(worksheet_print_area(h, 0, 0, lxw_row_t(a.lastRow), lxw_col_t(a.lastColumn)), "vùng in \(name)")
        }
        if !pageBreaks.isEmpty {
            // libxlsxwriter reads the rows up to a 0.
            var rows = pageBreaks.map { lxw_row_t($0) } + [0]
            try check(worksheet_set_h_pagebreaks(h, &rows), "ngắt trang \(name)")
        }
    }
}
