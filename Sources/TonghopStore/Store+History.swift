import Foundation
import GRDB
import TonghopBase
import TonghopCatalog

/// Reading back what the store keeps for the record: every version of every submission, with
/// the file it came from, and the runs.
extension Store {
    /// One stored version of a unit's report for a period on a form, with its source file.
    public struct StoredVersion: Sendable {
        public let submissionId: Int64
        public let unitCode: String
        public let period: Period
        public let form: String
        public let active: Bool
        /// The submission that replaced this one, if a newer version of the report did.
        public let supersededBy: Int64?
        public let preparedOn: String?
        public let values: [StoredValue]
        /// The input file, relative to `inputs/`, its SHA-256 and when it was stored.
        public let file: String
        public let sha256: String
        public let receivedAt: String
        /// The day the report counts as received (see ``Store/receivedDay(uploadedOn:preparedOn:modifiedAt:days:)``).
        public let receivedOn: Int
        public let runId: Int64
    }

    /// Every version of a unit's submissions, for the given periods (all when nil), in the
    /// order they were stored.
    public func submissionVersions(unit: String, periods: [Period]? = nil) throws -> [StoredVersion] {
        try db.read { db in
            var sql = """
                SELECT s.id, s.unitCode, s.period, s.form, s.active, s.supersededBy, s.preparedOn, s.payload,
                       f.path, f.sha256, f.ingestedAt, f.runId, f.modifiedAt, f.uploadedOn
                FROM submission s JOIN inputFile f ON f.id = s.fileId
                WHERE s.unitCode = ?
                """
            var arguments: [any DatabaseValueConvertible] = [unit]
            if let periods {
                sql += " AND s.period IN (\(Array(repeating: "?", count: periods.count).joined(separator: ",")))"
                arguments += periods.map(\.code)
            }
            sql += " ORDER BY s.id"
            var days = DayKeys()
            return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)).compactMap { row in
                guard let period = Period.parse(row["period"]) else { return nil }
                return StoredVersion(submissionId: row["id"], unitCode: row["unitCode"], period: period, form: row["form"],
                                     active: row["active"], supersededBy: row["supersededBy"], preparedOn: row["preparedOn"],
                                     values: Store.values(fromPayload: row["payload"]), file: row["path"],
                                     sha256: row["sha256"], receivedAt: row["ingestedAt"],
                                     receivedOn: Store.receivedDay(uploadedOn: row["uploadedOn"], preparedOn: row["preparedOn"],
                                                                   modifiedAt: row["modifiedAt"], days: &days),
                                     runId: row["runId"])
            }
        }
    }

    /// A run as recorded.
    public struct RunRecord: Sendable {
        public let id: Int64
        public let command: String
        public let startedAt: String
        /// Nil while it runs, or if it was killed.
        public let finishedAt: String?
        public let exitCode: Int32?
    }

    /// The latest run recorded, if any.
    public func lastRun() throws -> RunRecord? {
        try db.read { db in
            try Row.fetchOne(db, sql: "SELECT id, command, startedAt, finishedAt, exitCode FROM run ORDER BY id DESC LIMIT 1").map { row in
                RunRecord(id: row["id"], command: row["command"], startedAt: row["startedAt"],
                          finishedAt: row["finishedAt"], exitCode: row["exitCode"])
            }
        }
    }
}
