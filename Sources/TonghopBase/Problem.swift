/// How serious a problem is.
public enum Severity: Int, Sendable, Comparable, Codable {
    /// The file (form layout) or the row (table and long layouts) is rejected.
    case error = 0
    /// Accepted, with a note to check.
    case warning = 1
    /// Said for the record (a file that lost to a newer one, an assumed encoding).
    case notice = 2

    public static func < (a: Severity, b: Severity) -> Bool { a.rawValue < b.rawValue }
}

/// What kind of problem: each has one Vietnamese and one English wording in ``Messages``.
public enum ProblemCode: String, Sendable, Codable, CaseIterable {
    // Structure of the file.
    case notText, notUTF8, encodingAssumed, garbledTextRepaired, tooLarge, notARegularFile, emptyFile, unterminatedQuote, strayQuote, unknownLayout,
         missingColumn, missingKey, unknownColumn, blankHeader, extraCells, noFigures
    // Entries of the inbox that are not read.
    case fileTypeNotRead, linkOutsideInbox
    // Structure of a workbook (.xlsx, .xls, .ods) and of its sheets.
    case unreadableWorkbook, workbookNotAReport, workbookNamedAsText, workbookNamedOtherwise, sheetEmpty, sheetNotAReport,
         reportOnSeveralSheets
    // Structure of DHIS2's exchange files (ADX, dataValueSets) and of their values.
    case unreadableXML, xmlDocumentType, notADX, unreadableJSON, notADataValueSet, attributeOptionComboNotRead,
         unknownCategoryAttribute
    // Identity of the report.
    case unknownUnit, unitCodeLostZeros, preparedOnUnreadable, preparedOnOutOfRange, preparedOnMonthFirst, unitNameMismatch, unitNameOfOtherMap, unitGivenTwice, unitGivenByName, unitNotInForce, outsideScope, unknownPeriod, periodInFuture, unknownForm,
         formMismatch, unitCannotReport
    // Values.
    case unknownIndicator, indicatorGivenByName, indicatorNotInForm, wrongMeasure, notANumber, negativeValue, decimalInInteger,
         ambiguousNumber, percentSign, unknownCategory, notYesNo, partsMismatch, duplicateValue, answerCountNotSingle,
         noValues, ruleViolated
    // Against other reports: the unit's earlier quarters, its communes, the other files of a batch.
    case outlier, reconciliationMismatch, lostToNewerFile, sameDateOtherFigures, supersedesEarlier, earlierVersionKept, readFailed
}

/// One problem found in an input file: where, what was found, what was expected.
///
/// `line` and `column` are 1-based positions in the file as a spreadsheet shows it.
public struct Problem: Sendable, Equatable, Codable {
    public var severity: Severity
    public var code: ProblemCode
    /// Path relative to `inputs/`.
    public var file: String
    public var line: Int?
    public var column: Int?
    /// The text found in the file (quoted in the message).
    public var found: String?
    /// What was expected instead, worded for people ("số nguyên không âm").
    public var expected: Wording?
    /// Extra facts the message needs (an indicator code, another file's name, a suggestion).
    public var detail: Wording?
    /// The unit and period concerned, when known (for the reports' problem sheets).
    public var unitCode: String?
    public var period: String?
    /// The sheet of a workbook the problem is in (`.xlsx`, `.xls`, `.ods`), by its name.
    public var sheet: String?
    /// The record of an XML or JSON file (ADX, DHIS2 dataValueSets) the problem is about, as a
    /// path into the file (`group[2]/dataValue[5]`, `dataValues[12]`): those files have no columns.
    public var element: String?

    public init(_ severity: Severity, _ code: ProblemCode, file: String, line: Int? = nil, column: Int? = nil,
                found: String? = nil, expected: Wording? = nil, detail: Wording? = nil,
                unitCode: String? = nil, period: String? = nil) {
        self.severity = severity
        self.code = code
        self.file = file
        self.line = line
        self.column = column
        self.found = found
        self.expected = expected
        self.detail = detail
        self.unitCode = unitCode
        self.period = period
    }
}
