/// One value of a validated report, as stored: indicator code, category (empty for the total
/// or a plain number) and the number. An answer (`co`, `co_ma_tuy`) is stored as a count of 1
/// in its category, so that a commune's answer and a province's counts read the same way.
public struct StoredValue: Sendable, Equatable, Hashable {
    public var indicator: String
    public var category: String
    public var value: Double

    public init(_ indicator: String, _ category: String, _ value: Double) {
        self.indicator = indicator
        self.category = category
        self.value = value
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
    /// The report's own date line (`ngay_lap`), if any.
    public var preparedOn: String?
    public var values: [StoredValue]
    /// Figures the unit gave only to be checked against the sum of its children (a district's
    /// count of addicts under management, `doi_chieu` in `forms.csv`): compared when the file is
    /// read, never stored, never added into any total.
    public var reconciliation: [StoredValue] = []
    /// Where each value was read (`CODE.` or `CODE.category`), so that checks made after
    /// reading (outliers, reconciliation) can point at the cell. Empty when read from the store.
    public var cells: [String: SourceCell] = [:]

    public var isCompiled: Bool { form == Submission.compiledForm }

    public init(unitCode: String, period: Period, form: String, line: Int, preparedOn: String?, values: [StoredValue]) {
        self.unitCode = unitCode
        self.period = period
        self.form = form
        self.line = line
        self.preparedOn = preparedOn
        self.values = values
    }

    /// Equal when they store the same report: where the values were read does not matter.
    public static func == (a: Submission, b: Submission) -> Bool {
        a.unitCode == b.unitCode && a.period == b.period && a.form == b.form && a.line == b.line
            && a.preparedOn == b.preparedOn && a.values == b.values && a.reconciliation == b.reconciliation
    }

    /// The cell a value of an indicator was read from: its total, else its first part given.
    public func cell(of indicator: String) -> SourceCell? {
        cells[indicator + "."] ?? cells.filter { $0.key.hasPrefix(indicator + ".") }.min { $0.key < $1.key }?.value
    }

    /// The figures of this report in the catalog's slots (unknown codes, from an older
    /// catalog, are left out).
    public func figures(catalog: Catalog) -> FigureVector {
        var v = FigureVector(slotCount: catalog.slotCount)
        for value in values {
            guard let indicator = catalog.indicator(value.indicator),
                  let slot = indicator.slot(for: value.category) else { continue }
            v[slot] = value.value
        }
        v.completeTotals(catalog: catalog)
        return v
    }
}
