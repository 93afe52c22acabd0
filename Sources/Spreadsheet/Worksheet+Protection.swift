import CXlsxWriter

extension Worksheet {
    /// Turns on sheet protection without a password: cells whose ``CellStyle/locked`` is true
    /// cannot be changed, the others can. Column widths and row heights stay adjustable.
    ///
    /// It guards against slips, not against intent: Excel's Review > Unprotect Sheet lifts it.
    public func protect() throws {
        var options = lxw_protection()
        options.format_columns = 1
        options.format_rows = 1
        worksheet_protect(try ws("bảo vệ trang"), nil, &options)
    }
}
