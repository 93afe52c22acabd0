/// One value of a validated report, as stored: indicator code, category (empty for the total
/// or a plain number) and the number. An answer (`co`, `co_ma_tuy`) is stored as a count of 1
/// in its category, so that a commune's answer and a province's counts read the same way.
public struct StoredValue: Sendable, Equatable, Hashable {
    public var indicator: String
    public var category: String
    public var value: Double
    // Where the value was read (line 0: not known) and its slot hint, packed into eight bytes:
    // a national year holds a million values until they are stored, 48 bytes each, not 56.
    private var line: Int32
    private var column: UInt16
    private var slotHint: Int16

    /// Where the value was read; not stored, and no part of what the value is.
    public var position: CellPosition? {
        get { line > 0 ? CellPosition(line: line, column: Int32(column)) : nil }
        set {
            line = max(0, newValue?.line ?? 0)
            column = UInt16(clamping: newValue?.column ?? 0)
        }
    }

    /// Its slot in a ``FigureVector`` of the catalog it was validated against, -1 when not
    /// known (read back from the store): spares a lookup by code for every value of a batch.
    /// Not stored, and no part of what the value is.
    public var slot: Int32 { Int32(slotHint) }

    public init(_ indicator: String, _ category: String, _ value: Double, position: CellPosition? = nil, slot: Int? = nil) {
        self.indicator = indicator
        self.category = category
        self.value = value
        self.line = max(0, position?.line ?? 0)
        self.column = UInt16(clamping: position?.column ?? 0)
        self.slotHint = slot.flatMap { Int16(exactly: $0) } ?? -1
    }

    public static func == (a: StoredValue, b: StoredValue) -> Bool {
        a.indicator == b.indicator && a.category == b.category && a.value == b.value
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(indicator)
        hasher.combine(category)
        hasher.combine(value)
    }
}

/// A validated report of one unit for one period on one form, ready to be stored.
public struct Submission: Sendable, Equatable {
    /// The form code of a compiled report: the aggregated figures another tonghop exported.
    public static let compiledForm = "TONGHOP"

    public var unitCode: String
    public var period: Period
    public var form: String
    /// The line in the file where the report starts.
    public var line: Int
    /// The sheet of a workbook the report was read from, by its name; not stored.
    public var sheet: String?
    /// The report's own date line (`ngay_lap`), if any.
    public var preparedOn: String?
    public var values: [StoredValue]
    /// When the report was received, yyyymmdd: its own date line, else the day its file was
    /// saved into `inputs/`. Set when read back from the store.
    public var receivedOn: Int?
    /// Figures the unit gave only to be checked against the sum of its children (a district's
    /// count of addicts under management, `doi_chieu` in `forms.csv`): compared when the file is
    /// read, never stored, never added into any total.
    public var reconciliation: [StoredValue] = []

    public var isCompiled: Bool { form == Submission.compiledForm }

    public init(unitCode: String, period: Period, form: String, line: Int, preparedOn: String?, values: [StoredValue]) {
        self.unitCode = unitCode
        self.period = period
        self.form = form
        self.line = line
        self.preparedOn = preparedOn
        self.values = values
    }

    /// Where a figure of an indicator was read: its total, else its first part given; nil
    /// when the report comes from the store.
    public func position(of indicator: String) -> CellPosition? {
        let mine = (values + reconciliation).filter { $0.indicator == indicator }
        return (mine.first { $0.category.isEmpty } ?? mine.first)?.position
    }

}

/// One stored report as the rollup needs it: who, when, and its figures in the catalog's slots.
public struct ReportFigures: Sendable {
    public var unitCode: String
    public var period: Period
    public var isCompiled: Bool
    /// yyyymmdd; see ``Submission/receivedOn``.
    public var receivedOn: Int?
    public var figures: FigureVector

    public init(unitCode: String, period: Period, isCompiled: Bool, receivedOn: Int? = nil, figures: FigureVector) {
        self.unitCode = unitCode
        self.period = period
        self.isCompiled = isCompiled
        self.receivedOn = receivedOn
        self.figures = figures
    }
}

/// Where a value was read, kept with it (8 bytes: a national year holds a million values) so
/// that checks made after the whole batch is read can still point at its cell.
public struct CellPosition: Sendable, Hashable {
    public let line: Int32
    public let column: Int32

    public init(line: Int32, column: Int32) {
        self.line = line
        self.column = column
    }
}
