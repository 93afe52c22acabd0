import TonghopBase

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

/// One value as read from a file, before validation.
public struct RawValue: Sendable {
    public var indicator: SourceCell
    public var category: SourceCell?
    public var value: SourceCell
    /// The unit of measure the row states (`don_vi_tinh`), checked against the indicator's.
    public var measure: SourceCell? = nil

    public init(indicator: SourceCell, category: SourceCell? = nil, value: SourceCell, measure: SourceCell? = nil) {
        self.indicator = indicator
        self.category = category
        self.value = value
        self.measure = measure
    }
}


/// One unit's report for one period as read from a file, before validation.
public struct RawReport: Sendable {
    public var unit: SourceCell
    public var period: SourceCell
    public var form: SourceCell?
    /// The file's own date line (`ngay_lap`), which decides between duplicates and when the
    /// report counts as sent; checked by the validator.
    public var preparedOn: SourceCell?
    /// Where the report starts: the heading (form), the row (table) or its first row (long).
    public var line: Int
    public var values: [RawValue]
    /// The unit's name as written (`ten_don_vi`), checked against the code's.
    public var unitName: SourceCell? = nil

    public init(unit: SourceCell, period: SourceCell, form: SourceCell? = nil, preparedOn: SourceCell? = nil, line: Int, values: [RawValue], unitName: SourceCell? = nil) {
        self.unit = unit
        self.period = period
        self.form = form
        self.preparedOn = preparedOn
        self.line = line
        self.values = values
        self.unitName = unitName
    }
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

    public init(layout: Layout? = nil, reports: [RawReport] = [], problems: [Problem] = [], indicatorHeaders: [SourceCell] = [], refusedRows: [Problem] = []) {
        self.layout = layout
        self.reports = reports
        self.problems = problems
        self.indicatorHeaders = indicatorHeaders
        self.refusedRows = refusedRows
    }
}
