import Foundation
import GRDB
import TonghopBase
import TonghopCatalog

/// Storing a run's files, reports and problems in one transaction.
extension Store {
    /// A file read in this run, with what the run found in it.
    public struct IncomingFile: Sendable {
        /// The file's reading; once made, only problems are added to it (see ``addProblems(_:)``),
        /// so that ``payloads`` stay those of its reports.
        public private(set) var outcome: FileOutcome
        public var size: Int64
        public var modifiedAt: Double
        public var sha256: String
        /// The day (yyyymmdd) the portal received the file; nil for a file read from `inputs/`.
        public var uploadedOn: Int?
        /// Each report's values as the store keeps them, made with the file: files are made on
        /// every core, and the store's transaction runs on one.
        package let payloads: [String]

        public init(outcome: FileOutcome, size: Int64, modifiedAt: Double, sha256: String) {
            self.outcome = outcome
            self.size = size
            self.modifiedAt = modifiedAt
            self.sha256 = sha256
            self.payloads = outcome.submissions.map { Store.payload($0.values) }
        }

        /// Adds problems found after the file was read (the checks against other reports).
        public mutating func addProblems(_ problems: [Problem]) { outcome.problems += problems }
    }

    /// What storing a batch did.
    public struct BatchResult: Sendable {
        public var submissionsStored = 0
        public var valuesStored = 0
        /// Submissions that replaced an earlier version from an earlier run.
        public var superseded = 0
        /// Problems the batch itself raised (a file that lost to a newer one), by the position
        /// of their file in the batch.
        public var problemsByFile: [Int: [Problem]] = [:]
        /// The same problems in the order of the batch's files.
        public var problems: [Problem] { problemsByFile.keys.sorted().flatMap { problemsByFile[$0]! } }

        public init() {}
    }

    /// Up to this many files, ``store(_:runId:at:)`` looks up what the store holds key by key.
    package static let smallBatch = 200

    /// Stores a batch of files in one transaction.
    ///
    /// Within the batch, reports for the same unit, period and form are applied oldest first,
    /// by their own date line, then the file's modification time, then path, so the newest
    /// wins; the losers stay in the store as superseded versions and a notice names the winner.
    /// A new version of a path, accepted whole, retires whatever its earlier versions had sent
    /// and it does not repeat (the unit was taken out of a table). A new version with an error
    /// retires nothing it does not replace: a report it could not read, or a row it refused,
    /// may be one the earlier version sent, and the figures accepted then are good data that a
    /// bad resend must not lose. A warning names the reports kept.
    /// - Parameter laterProblems: problems still being found while the batch is stored (the
    ///   warnings that compare reports with each other), by position in `files`; asked for
    ///   once the files and reports are written, just before the problems. A finding may only
    ///   be a warning about a file with reports: the file's status is written before it.
    ///
    /// A large batch is copied from the write-ahead log into the database file on another core
    /// (SQLite would do it on this one as the transaction commits: a national year is 23 MB,
    /// a tenth of a second). Readers see the batch either way; until the copy is done they
    /// find its pages in the log.
    public func store(_ files: [IncomingFile], runId: Int64, at date: Date = Date(),
                      laterProblems: (() -> [Int: [Problem]])? = nil) throws -> BatchResult {
        if files.isEmpty { return BatchResult() }
        guard files.count > Store.smallBatch, let pool = db as? DatabasePool else {
            return try store(files, runId: runId, now: Days.timestamp(date), laterProblems: laterProblems)
        }
        try pool.writeWithoutTransaction { try $0.execute(sql: "PRAGMA wal_autocheckpoint = 0") }
        // Then back to SQLite's default: the next commits check the log's size again.
        defer { try? pool.writeWithoutTransaction { try $0.execute(sql: "PRAGMA wal_autocheckpoint = 1000") } }
        let result = try store(files, runId: runId, now: Days.timestamp(date), laterProblems: laterProblems)
        checkpoint.withLock { $0 }?.result()
        let copy = BackgroundWork {
            // On the pool's writer, from another thread: the readers go on meanwhile (the
            // workbooks are read from them), and the next write waits for it. If the copy fails
            // (the disk is full), the batch is still safe in the log, and SQLite copies it later.
            _ = try? pool.writeWithoutTransaction { try $0.checkpoint(.passive) }
        }
        checkpoint.withLock { $0 = copy }
        return result
    }

    private func store(_ files: [IncomingFile], runId: Int64, now: String, laterProblems: (() -> [Int: [Problem]])?) throws -> BatchResult {
        try db.write { db in
            var result = BatchResult()
            // What the store already holds for the batch's reports and paths. A small batch (a
            // file or two added to a national store) asks by key through the indexes; a large
            // one reads the active reports and latest paths once.
            var current: [ReportKey: (id: Int64, version: Int, fileId: Int64)] = [:]
            var previousVersions: [String: Int64] = [:]
            if files.count <= Store.smallBatch {
                for file in files {
                    let path = file.outcome.path
                    if let latest = try LatestFileVersionRecord.everyPath.filter(Column("path") == path).fetchOne(db) {
                        previousVersions[path] = latest.id
                    }
                    for s in file.outcome.submissions {
                        let request = ActiveReportRecord.active
                            .filter(Column("unitCode") == s.unitCode && Column("period") == s.period.code && Column("form") == s.form)
                        if let r = try request.fetchOne(db) { current[Store.key(s.unitCode, s.period.code, s.form)] = (r.id, r.version, r.fileId) }
                    }
                }
            } else {
                let reports = try ActiveReportRecord.active.fetchCursor(db)
                while let r = try reports.next() { current[Store.key(r.unitCode, r.period, r.form)] = (r.id, r.version, r.fileId) }
                let latest = try LatestFileVersionRecord.everyPath.fetchCursor(db)
                while let v = try latest.next() { previousVersions[v.path] = v.id }
            }

            let insertFile = try db.makeStatement(sql: """
                INSERT INTO inputFile (runId, path, size, modifiedAt, sha256, layout, encoding, status, ingestedAt, uploadedOn)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            let insertProblem = try db.makeStatement(sql: """
                INSERT INTO problem (fileId, severity, code, line, col, found, expected, detail, unitCode, period, expectedEn, detailEn,
                                     sheet, element)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            let insertSubmission = try db.makeStatement(sql: """
                INSERT INTO submission (fileId, unitCode, period, form, line, preparedOn, version, active, payload)
                VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?)
                """)
            let supersede = try db.makeStatement(sql: "UPDATE submission SET active = 0, supersededBy = ? WHERE id = ?")
            let insertOlder = try db.makeStatement(sql: """
                INSERT INTO submission (fileId, unitCode, period, form, line, preparedOn, version, active, supersededBy, payload)
                VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?)
                """)
            let recencyOfReport = try db.makeStatement(sql: """
                SELECT s.preparedOn, f.modifiedAt, f.path, s.payload FROM submission s JOIN inputFile f ON f.id = s.fileId WHERE s.id = ?
                """)
            let pathOfFile = try db.makeStatement(sql: "SELECT path FROM inputFile WHERE id = ?")
            // Every earlier version of the path: one that was partly refused may have left
            // reports in force beside a later version's.
            let retire = try db.makeStatement(sql: """
                UPDATE submission SET active = 0
                WHERE active = 1 AND fileId IN (SELECT id FROM inputFile WHERE path = ? AND id < ?)
                """)
            let keptFromEarlier = try db.makeStatement(sql: """
                SELECT unitCode, period FROM submission
                WHERE active = 1 AND fileId IN (SELECT id FROM inputFile WHERE path = ? AND id < ?)
                ORDER BY unitCode, period
                """)
            var resentWithErrors: [Int] = []

            var fileIds: [Int64] = []
            // Files and reports are read where they lie in `files` (by index): `for file in files`
            // would copy each, tens of thousands in a national batch, on the one core storing.
            fileIds.reserveCapacity(files.count)
            for i in files.indices {
                let path = files[i].outcome.path
                try BulkInsert(statement: insertFile).run(db, [.integer(runId), .text(path), .integer(files[i].size), .real(files[i].modifiedAt),
                                                              .text(files[i].sha256), .text(files[i].outcome.layout?.rawValue),
                                                              .text(files[i].outcome.encoding), .text(files[i].outcome.status.rawValue), .text(now),
                                                              files[i].uploadedOn.map { .integer(Int64($0)) } ?? .null])
                let fileId = db.lastInsertedRowID
                fileIds.append(fileId)
                // A new version of a path withdraws what the old versions sent; its reports that
                // the new version repeats are then superseded one by one below, keeping versions.
                if previousVersions[path] != nil {
                    if files[i].outcome.status == .accepted {
                        try retire.execute(arguments: [path, fileId])
                    } else {
                        resentWithErrors.append(i)
                    }
                }
            }

            // Apply submissions oldest first so that the newest of a batch wins.
            // Sorted as positions in `files`, not as copies of the reports: a national batch is
            // forty-five thousand reports, and copies of them cost twenty megabytes at the run's
            // peak of memory.
            struct Pending {
                let file: Int32, report: Int32
                let recency: ReportRecency
            }
            var pending: [Pending] = []
            pending.reserveCapacity(files.reduce(0) { $0 + $1.outcome.submissions.count })
            for i in files.indices {
                let submissions = files[i].outcome.submissions, modifiedAt = files[i].modifiedAt, path = files[i].outcome.path
                for r in submissions.indices {
                    pending.append(Pending(file: Int32(i), report: Int32(r),
                                           recency: ReportRecency(preparedOn: submissions[r].preparedOn, modifiedAt: modifiedAt, path: path)))
                }
            }
            pending.sort { $0.recency < $1.recency }
            // Per report key, what the store holds after each report applied and which of the
            // batch's files sent it: one lookup a report, read and updated in place.
            struct Latest {
                var stored: (id: Int64, version: Int, fileId: Int64)?
                var fromBatch: (file: Int, report: Int, line: Int, sheet: String?)?
            }
            var latest: [ReportKey: Latest] = [:]
            latest.reserveCapacity(current.count + pending.count)
            for (key, stored) in current { latest[key] = Latest(stored: stored) }
            current = [:]
            var batchProblems: [Int: [Problem]] = [:]
            // A report is read where it lies in its file's outcome, not copied out.
            func apply(_ s: borrowing Submission, payload: String, file: Int, report: Int) throws {
                let period = s.period.code
                try update(&latest[Store.key(s.unitCode, period, s.form)])
                func update(_ entry: inout Latest?) throws {
                    let previous = entry?.stored
                    // A report older than the one the store holds from another file (by its date
                    // line, then its file's time, then its path, as within a batch) is kept as a
                    // version but does not replace it: which report is in use must not depend on
                    // the order files arrived in, so that reports sent over several runs, or
                    // uploaded at once by several clients, give what one run of them gives.
                    if let previous, entry?.fromBatch == nil, let row = try Row.fetchOne(recencyOfReport, arguments: [previous.id]) {
                        let held = ReportRecency(preparedOn: row[0], modifiedAt: row[1], path: row[2])
                        let incoming = ReportRecency(preparedOn: s.preparedOn, modifiedAt: files[file].modifiedAt, path: files[file].outcome.path)
                        if held.path != incoming.path, incoming < held {
                            try BulkInsert(statement: insertOlder).run(db, [.integer(fileIds[file]), .text(s.unitCode), .text(period),
                                                                            .text(s.form), .integer(s.line), .text(s.preparedOn),
                                                                            .integer(previous.version + 1), .integer(previous.id), .text(payload)])
                            // Dated the same day with other figures: which copy was meant cannot be
                            // told, so the sender is warned, as within a batch.
                            let tie = s.preparedOn != nil && incoming.preparedOn == held.preparedOn && (row[3] as String?) != payload
                            var p = Problem(tie ? .warning : .notice, tie ? .sameDateOtherFigures : .lostToNewerFile,
                                            file: files[file].outcome.path, line: s.line,
                                            detail: Messages.newerFile(held.path, preparedOn: row[0]), unitCode: s.unitCode, period: period)
                            p.sheet = s.sheet
                            batchProblems[file, default: []].append(p)
                            entry?.stored = (previous.id, previous.version + 1, previous.fileId)
                            result.submissionsStored += 1
                            result.valuesStored += s.values.count
                            return
                        }
                    }
                    try BulkInsert(statement: insertSubmission).run(db, [.integer(fileIds[file]), .text(s.unitCode), .text(period),
                                                                         .text(s.form), .integer(s.line), .text(s.preparedOn),
                                                                         .integer((previous?.version ?? 0) + 1), .text(payload)])
                    let id = db.lastInsertedRowID
                    if let previous {
                        try supersede.execute(arguments: [id, previous.id])
                        if let loser = entry?.fromBatch {
                            // Two copies dated the same day with other figures: the later file
                            // wins, which may not be the one meant, so the sender is warned.
                            let other = files[loser.file].outcome.submissions[loser.report]
                            let tie = other.preparedOn != nil && other.preparedOn == s.preparedOn && other.values != s.values
                            var p = Problem(tie ? .warning : .notice, tie ? .sameDateOtherFigures : .lostToNewerFile,
                                            file: files[loser.file].outcome.path, line: loser.line,
                                            detail: Messages.newerFile(files[file].outcome.path, preparedOn: s.preparedOn),
                                            unitCode: s.unitCode, period: period)
                            p.sheet = loser.sheet
                            batchProblems[loser.file, default: []].append(p)
                        } else {
                            result.superseded += 1
                            // A file sent again replacing its own earlier version is the usual
                            // correction: said only when the report came from another file.
                            let earlier = try String.fetchOne(pathOfFile, arguments: [previous.fileId]) ?? "?"
                            if earlier != files[file].outcome.path {
                                var p = Problem(.notice, .supersedesEarlier, file: files[file].outcome.path, line: s.line,
                                                detail: Wording(vi: "\(earlier) (phiên bản \(previous.version))", en: "\(earlier) (version \(previous.version))"),
                                                unitCode: s.unitCode, period: period)
                                p.sheet = s.sheet
                                batchProblems[file, default: []].append(p)
                            }
                        }
                    }
                    entry = Latest(stored: (id, (previous?.version ?? 0) + 1, fileIds[file]), fromBatch: (file, report, s.line, s.sheet))
                    result.submissionsStored += 1
                    result.valuesStored += s.values.count
                }
            }
            for p in pending {
                let file = Int(p.file), report = Int(p.report)
                try apply(files[file].outcome.submissions[report], payload: files[file].payloads[report], file: file, report: report)
            }

            for i in resentWithErrors {
                let kept = try Row.fetchAll(keptFromEarlier, arguments: [files[i].outcome.path, fileIds[i]])
                    .map { "\($0[0] as String) \($0[1] as String)" }
                guard !kept.isEmpty else { continue }
                batchProblems[i, default: []].append(Problem(.warning, .earlierVersionKept, file: files[i].outcome.path,
                                                             detail: Messages.listed(kept)))
            }

            let later = laterProblems?() ?? [:]
            for i in files.indices {
                let problems = files[i].outcome.problems + (later[i] ?? []) + (batchProblems[i] ?? [])
                for p in problems {
                    try insertProblem.execute(arguments: [fileIds[i], p.severity.rawValue, p.code.rawValue, p.line, p.column,
                                                          p.found, p.expected?.vi, p.detail?.vi, p.unitCode, p.period,
                                                          p.expected?.en, p.detail?.en, p.sheet, p.element])
                }
            }
            result.problemsByFile = batchProblems
            return result
        }
    }
}
