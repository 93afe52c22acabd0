import GRDB

// The store's rows as record types, one per shape a query reads. Each names its table and the
// columns it selects (`databaseSelection`), so that its `init(row:)` reads them in that order:
// the hot reads of a national run (tens of thousands of files and reports) read by position,
// which costs a tenth of a lookup by name, and the position lives beside its column.

/// A stored version of an input file, as the scan of `inputs/` compares it (`knownFiles()`).
struct FileVersionRecord: FetchableRecord, TableRecord {
    static let databaseTableName = "inputFile"
    static var databaseSelection: [any SQLSelectable] { [Column("id"), Column("path"), Column("size"), Column("modifiedAt")] }

    let id: Int64
    let path: String
    let size: Int64
    let modifiedAt: Double

    init(row: Row) {
        id = row[0]
        path = row[1]
        size = row[2]
        modifiedAt = row[3]
    }
}

/// The latest version (largest id) of an input path.
struct LatestFileVersionRecord: FetchableRecord, TableRecord {
    static let databaseTableName = "inputFile"
    static var databaseSelection: [any SQLSelectable] { [Column("path"), max(Column("id"))] }

    let path: String
    let id: Int64

    init(row: Row) {
        path = row[0]
        id = row[1]
    }

    /// Every path's latest version.
    static var everyPath: QueryInterfaceRequest<Self> { all().group(Column("path")) }
}

/// What the store holds under a report's key (unit, period, form): its active version.
struct ActiveReportRecord: FetchableRecord, TableRecord {
    static let databaseTableName = "submission"
    static var databaseSelection: [any SQLSelectable] {
        [Column("id"), Column("unitCode"), Column("period"), Column("form"), Column("version"), Column("fileId")]
    }

    let id: Int64
    let unitCode: String
    let period: String
    let form: String
    let version: Int
    let fileId: Int64

    init(row: Row) {
        id = row[0]
        unitCode = row[1]
        period = row[2]
        form = row[3]
        version = row[4]
        fileId = row[5]
    }

    static var active: QueryInterfaceRequest<Self> { filter(Column("active") == true) }
}

/// An active report with its values, as the checks against other reports read it.
struct StoredReportRecord: FetchableRecord, TableRecord {
    static let databaseTableName = "submission"
    static var databaseSelection: [any SQLSelectable] {
        [Column("id"), Column("unitCode"), Column("period"), Column("form"), Column("line"), Column("preparedOn"), Column("payload")]
    }

    let id: Int64
    let unitCode: String
    let period: String
    let form: String
    let line: Int
    let preparedOn: String?
    let payload: String

    init(row: Row) {
        id = row[0]
        unitCode = row[1]
        period = row[2]
        form = row[3]
        line = row[4]
        preparedOn = row[5]
        payload = row[6]
    }

    func submission(_ period: Period) -> Submission {
        Submission(unitCode: unitCode, period: period, form: form, line: line, preparedOn: preparedOn,
                   values: Store.values(fromPayload: payload))
    }

    /// Active reports, compiled ones left out.
    static var activeOwn: QueryInterfaceRequest<Self> {
        filter(Column("active") == true && Column("form") != Submission.compiledForm)
    }
}

/// The columns `activeFigures` reads of each active report; its payload is read from SQLite's
/// buffer in place (`Columns.payload`), never made a string.
enum ActiveFiguresSelection: TableRecord {
    static let databaseTableName = "submission"
    static var databaseSelection: [any SQLSelectable] {
        [Column("unitCode"), Column("period"), Column("form"), Column("preparedOn"), Column("payload"), Column("fileId")]
    }

    /// Positions in the selection.
    enum Columns {
        static let unitCode = 0, period = 1, form = 2, preparedOn = 3, payload = 4, fileId = 5
    }
}

/// A stored problem, with the path of its file.
struct ProblemRecord: FetchableRecord {
    let path: String
    let severity: Int
    let code: String
    let line: Int?
    let column: Int?
    let found: String?
    let expected: String?, expectedEn: String?
    let detail: String?, detailEn: String?
    let unitCode: String?
    let period: String?

    init(row: Row) {
        path = row["path"]
        severity = row["severity"]
        code = row["code"]
        line = row["line"]
        column = row["col"]
        found = row["found"]
        expected = row["expected"]
        expectedEn = row["expectedEn"]
        detail = row["detail"]
        detailEn = row["detailEn"]
        unitCode = row["unitCode"]
        period = row["period"]
    }

    /// The problem as found; rows from before English was kept show the Vietnamese in both.
    var problem: Problem? {
        guard let severity = Severity(rawValue: severity), let code = ProblemCode(rawValue: code) else { return nil }
        func wording(_ vi: String?, _ en: String?) -> Wording? { vi.map { Wording(vi: $0, en: en ?? $0) } }
        return Problem(severity, code, file: path, line: line, column: column, found: found,
                       expected: wording(expected, expectedEn), detail: wording(detail, detailEn),
                       unitCode: unitCode, period: period)
    }
}

/// One period's reports as last written in full (`writtenPeriod`).
struct WrittenPeriodRecord: FetchableRecord, TableRecord {
    static let databaseTableName = "writtenPeriod"

    let period: String
    let dataGeneration: Int64
    let madeWith: String
    let files: String

    init(row: Row) {
        period = row["period"]
        dataGeneration = row["dataGeneration"]
        madeWith = row["madeWith"]
        files = row["files"]
    }
}
