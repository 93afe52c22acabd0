import Foundation
import GRDB
import TonghopBase
import TonghopCatalog

/// What the store remembers of the reports written under `outputs/`, so that `tonghop run`
/// can tell stale reports from up-to-date ones — also after a run killed between storing the
/// data and writing the workbooks.
///
/// The *data generation* is the id of the latest input file version stored. Every file
/// version stored changes what some report shows (its figures, or its problems sheet), and the
/// id is written in the same transaction as the data, so it can never disagree with it.
extension Store {
    /// The id of the latest input file version stored; 0 for an empty store.
    public func dataGeneration() throws -> Int64 {
        try db.read { db in try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM inputFile") ?? 0 }
    }

    /// One period's reports as last written in full.
    public struct WrittenPeriod: Sendable, Equatable {
        public let source: ReportSource
        /// The files written, relative to `outputs/`.
        public let files: [String]
    }

    /// Records that every report of a period was written from `source`.
    public func recordWrittenPeriod(_ period: Period, source: ReportSource, files: [String], at date: Date = Date()) throws {
        try db.write { db in
            try db.execute(sql: """
                INSERT OR REPLACE INTO writtenPeriod (period, dataGeneration, madeWith, files, writtenAt)
                VALUES (?, ?, ?, ?, ?)
                """, arguments: [period.code, source.dataGeneration, source.madeWith, files.joined(separator: "\n"),
                                 Days.timestamp(date)])
        }
    }

    /// What was last written in full for each period, by period code.
    public func writtenPeriods() throws -> [String: WrittenPeriod] {
        try db.read { db in
            var result: [String: WrittenPeriod] = [:]
            for r in try WrittenPeriodRecord.fetchAll(db) {
                result[r.period] = WrittenPeriod(source: ReportSource(dataGeneration: r.dataGeneration, madeWith: r.madeWith),
                                                 files: r.files.split(separator: "\n").map(String.init))
            }
            return result
        }
    }
}

/// What a period's reports are made from: the store's data generation, and the build, the
/// templates and the reporting window that rendered them. Reports made from another source
/// are stale.
public struct ReportSource: Sendable, Equatable {
    public var dataGeneration: Int64
    public var madeWith: String

    public init(dataGeneration: Int64, madeWith: String) {
        self.dataGeneration = dataGeneration
        self.madeWith = madeWith
    }
}

extension Store {
    /// Units whose data for the given periods changed since a data generation: the units of
    /// newer submissions and problems, and those of earlier versions of the paths read since
    /// (a changed file may have withdrawn them).
    public func unitsChanged(since generation: Int64, periods: [Period]) throws -> Set<String> {
        guard !periods.isEmpty else { return [] }
        return try db.read { db in
            let placeholders = Array(repeating: "?", count: periods.count).joined(separator: ",")
            let codes = periods.map(\.code)
            let rows = try String.fetchAll(db, sql: """
                SELECT unitCode FROM submission WHERE period IN (\(placeholders))
                    AND fileId IN (SELECT id FROM inputFile WHERE path IN (SELECT path FROM inputFile WHERE id > ?))
                UNION
                SELECT unitCode FROM problem WHERE fileId > ? AND unitCode IS NOT NULL AND period IN (\(placeholders))
                """, arguments: StatementArguments(codes + [generation, generation] + codes))
            return Set(rows)
        }
    }
}

