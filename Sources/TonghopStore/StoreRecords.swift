import GRDB
import TonghopBase
import TonghopCatalog

// The store's rows as record types, one per shape a query reads. Each names its table and the
// columns it selects (`databaseSelection`), so that its `init(row:)` reads them in that order:
// the hot reads of a national run (tens of thousands of files and reports) read by position,
// which costs a tenth of a lookup by name, and the position lives beside its column.

/// A stored version of an input file, as the scan of `inputs/` compares it (`knownFiles()`).
package struct FileVersionRecord: FetchableRecord, TableRecord {
    package static let databaseTableName = "inputFile"
    package static var databaseSelection: [any SQLSelectable] { [Column("id"), Column("path"), Column("size"), Column("modifiedAt")] }

    package let id: Int64
    package let path: String
    package let size: Int64
    package let modifiedAt: Double

    package init(row: Row) {
        id = row[0]
        path = row[1]
        size = row[2]
        modifiedAt = row[3]
    }
}

/// The latest version (largest id) of an input path.
package struct LatestFileVersionRecord: FetchableRecord, TableRecord {
    package static let databaseTableName = "inputFile"
    package static var databaseSelection: [any SQLSelectable] { [Column("path"), max(Column("id"))] }

    package let path: String
    package let id: Int64

    package init(row: Row) {
        path = row[0]
        id = row[1]
    }

    /// Every path's latest version.
    package static var everyPath: QueryInterfaceRequest<Self> { all().group(Column("path")) }
}

/// What the store holds under a report's key (unit, period, form): its active version.
package struct ActiveReportRecord: FetchableRecord, TableRecord {
    package static let databaseTableName = "submission"
    package static var databaseSelection: [any SQLSelectable] {
        [Column("id"), Column("unitCode"), Column("period"), Column("form"), Column("version"), Column("fileId")]
    }

    package let id: Int64
    package let unitCode: String
    package let period: String
    package let form: String
    package let version: Int
    package let fileId: Int64

    package init(row: Row) {
        id = row[0]
        unitCode = row[1]
        period = row[2]
        form = row[3]
        version = row[4]
        fileId = row[5]
    }

    package static var active: QueryInterfaceRequest<Self> { filter(Column("active") == true) }
}

/// An active report with its values, as the checks against other reports read it.
package struct StoredReportRecord: FetchableRecord, TableRecord {
    package static let databaseTableName = "submission"
    package static var databaseSelection: [any SQLSelectable] {
        [Column("id"), Column("unitCode"), Column("period"), Column("form"), Column("line"), Column("preparedOn"), Column("payload")]
    }

    package let id: Int64
    package let unitCode: String
    package let period: String
    package let form: String
    package let line: Int
    package let preparedOn: String?
    package let payload: String

    package init(row: Row) {
        id = row[0]
        unitCode = row[1]
        period = row[2]
        form = row[3]
        line = row[4]
        preparedOn = row[5]
        payload = row[6]
    }

    package func submission(_ period: Period) -> Submission {
        Submission(unitCode: unitCode, period: period, form: form, line: line, preparedOn: preparedOn,
                   values: Store.values(fromPayload: payload))
    }

    /// Active reports, compiled ones left out.
    package static var activeOwn: QueryInterfaceRequest<Self> {
        filter(Column("active") == true && Column("form") != Submission.compiledForm)
    }
}

/// The columns `activeFigures` reads of each active report; its payload is read from SQLite's
/// buffer in place (`Columns.payload`), never made a string.
package enum ActiveFiguresSelection: TableRecord {
    package static let databaseTableName = "submission"
    package static var databaseSelection: [any SQLSelectable] {
        [Column("unitCode"), Column("period"), Column("form"), Column("preparedOn"), Column("payload"), Column("fileId")]
    }

    /// Positions in the selection.
    package enum Columns {
        package static let unitCode = 0, period = 1, form = 2, preparedOn = 3, payload = 4, fileId = 5
    }
}

/// A stored problem, with the path of its file.
package struct ProblemRecord: FetchableRecord {
    package let path: String
    package let severity: Int
    package let code: String
    package let line: Int?
    package let column: Int?
    package let found: String?
    package let expected: String?, expectedEn: String?
    package let detail: String?, detailEn: String?
    package let unitCode: String?
    package let period: String?
    package let sheet: String?
    package let element: String?

    package init(row: Row) {
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
        sheet = row["sheet"]
        element = row["element"]
    }

    /// The problem as found; rows from before English was kept show the Vietnamese in both.
    package var problem: Problem? {
        guard let severity = Severity(rawValue: severity), let code = ProblemCode(rawValue: code) else { return nil }
        func wording(_ vi: String?, _ en: String?) -> Wording? { vi.map { Wording(vi: $0, en: en ?? $0) } }
        var problem = Problem(severity, code, file: path, line: line, column: column, found: found,
                              expected: wording(expected, expectedEn), detail: wording(detail, detailEn),
                              unitCode: unitCode, period: period)
        problem.sheet = sheet
        problem.element = element
        return problem
    }
}

/// One period's reports as last written in full (`writtenPeriod`).
package struct WrittenPeriodRecord: FetchableRecord, TableRecord {
    package static let databaseTableName = "writtenPeriod"

    package let period: String
    package let dataGeneration: Int64
    package let madeWith: String
    package let files: String

    package init(row: Row) {
        period = row["period"]
        dataGeneration = row["dataGeneration"]
        madeWith = row["madeWith"]
        files = row["files"]
    }
}

// MARK: The portal's tables (`tonghop serve`, `tonghop user`)

/// A portal account (`account`).
package struct AccountRecord: Codable, FetchableRecord, PersistableRecord {
    package static let databaseTableName = "account"

    package var id: Int64?
    package var login: String
    package var unitCode: String
    package var role: String
    package var passwordHash: String
    package var disabled: Bool
    package var createdAt: String
    package var passwordChangedAt: String

    package var account: Store.Account {
        Store.Account(id: id ?? 0, login: login, unitCode: unitCode, role: role, disabled: disabled, createdAt: createdAt)
    }
}

/// An API token, by the SHA-256 of its text (`apiToken`).
package struct APITokenRecord: Codable, FetchableRecord, PersistableRecord {
    package static let databaseTableName = "apiToken"

    package var id: Int64?
    package var accountId: Int64
    package var tokenHash: String
    package var createdAt: String
}

/// A signed-in browser, by the SHA-256 of its cookie (`session`).
package struct SessionRecord: Codable, FetchableRecord, PersistableRecord {
    package static let databaseTableName = "session"

    package var tokenHash: String
    package var accountId: Int64
    package var csrfToken: String
    package var createdAt: String
    /// Seconds since 1970.
    package var expiresAt: Double
    package var address: String
}

/// One try at signing in (`loginAttempt`), for the throttle.
package struct LoginAttemptRecord: Codable, FetchableRecord, PersistableRecord {
    package static let databaseTableName = "loginAttempt"

    package var id: Int64?
    package var login: String
    package var address: String
    /// Seconds since 1970.
    package var at: Double
    package var succeeded: Bool
}

/// One line of the audit log (`auditEvent`).
package struct AuditEventRecord: Codable, FetchableRecord, PersistableRecord {
    package static let databaseTableName = "auditEvent"

    package var id: Int64?
    package var at: String
    package var login: String?
    package var unitCode: String?
    package var action: String
    package var object: String
    package var outcome: String
    package var address: String

    package var event: Store.AuditEvent {
        Store.AuditEvent(id: id ?? 0, at: at, login: login, unitCode: unitCode, action: action, object: object, outcome: outcome, address: address)
    }
}
