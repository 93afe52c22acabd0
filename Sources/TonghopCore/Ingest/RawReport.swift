/// A cell of an input file with its position, kept so that every message can point at it.
public struct SourceCell: Sendable, Equatable {
    public var text: String
    public var line: Int
    public var column: Int

    public init(_ text: String, line: Int, column: Int) {
        self.text = text
        self.line = line
        self.column = column
    }

    public var position: CellPosition { CellPosition(line: Int32(clamping: line), column: Int32(clamping: column)) }
}

/// Where a value was read, kept with it (8 bytes: a national year holds a million values) so
/// that checks made after the whole batch is read can still point at its cell.
public struct CellPosition: Sendable, Hashable {
    public let line: Int32
    public let column: Int32
}

/// One value as read from a file, before validation.
public struct RawValue: Sendable {
    public var indicator: SourceCell
    public var category: SourceCell?
    public var value: SourceCell
    /// The unit of measure the row states (`don_vi_tinh`), checked against the indicator's.
    public var measure: SourceCell? = nil
}

/// The three input layouts of DOMAIN §5.
public enum Layout: String, Sendable, Codable {
    /// One unit, one period: key/value heading lines, then a table of indicators.
    case form
    /// Many units, one row each, one column per indicator (`MT01`, `NN01.duoi_18`).
    case table
    /// One value per row: `ma_don_vi,ky_bao_cao,ma_chi_tieu,phan_to,gia_tri`.
    case long
    /// DHIS2's exchange formats, one value per element or row, read as the long layout is:
    /// ADX (XML), dataValueSets in JSON, dataValueSets in CSV.
    case adx, dataValueSetJSON = "dhis2-json", dataValueSetCSV = "dhis2-csv"
}

/// One unit's report for one period as read from a file, before validation.
public struct RawReport: Sendable {
    public var unit: SourceCell
    public var period: SourceCell
    public var form: SourceCell?
    /// The file's own date line (`ngay_lap`), which decides between duplicates.
    public var preparedOn: String?
    /// Where the report starts: the heading (form), the row (table) or its first row (long).
    public var line: Int
    public var values: [RawValue]
    /// The unit's name as written (`ten_don_vi`), checked against the code's.
    public var unitName: SourceCell? = nil
}

/// What a file's layout reader produced.
public struct LayoutReading: Sendable {
    public var layout: Layout?
    public var reports: [RawReport] = []
    /// Structural problems (missing columns, unknown layout); errors here concern the whole
    /// file or one whole column.
    public var problems: [Problem] = []
    /// A table's header cells read as indicator columns (`MT01`, `NN01.duoi_18`): the caller
    /// checks them against the catalog before trusting any row.
    public var indicatorHeaders: [SourceCell] = []
    /// Problems of single rows that were left out of ``reports``; the rest of the file stands
    /// (all of it but for a form, which is one report).
    public var refusedRows: [Problem] = []
}
