import Foundation
import GRDB

/// The embedded SQLite store: every input file seen, every version of every submission,
/// every problem, every run. Nothing is deleted by normal operation; a newer version of a
/// report marks the older one inactive (`supersededBy`).
///
/// Submissions keep their values as a compact text payload (one `code\tcategory\tvalue` line
/// each) instead of one row per value: a national year is a million values, and a row each
/// would make storing them the slowest stage of the run.
public final class Store: @unchecked Sendable {
    public let path: String
    let db: DatabaseQueue

    /// The copy of a large batch from the write-ahead log into the database file, running on
    /// another core (see ``store(_:runId:at:laterProblems:)``); waited for before closing.
    private var checkpoint: BackgroundWork<Void>?

    public init(path: String) throws {
        self.path = path
        db = try DatabaseQueue(path: path, configuration: Store.configuration)
        try db.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA journal_mode = WAL")
        }
        try Store.migrator.migrate(db)
    }

    deinit {
        checkpoint?.result()
    }

    static var configuration: Configuration {
        var config = Configuration()
        config.busyMode = .timeout(10)
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        return config
    }

    /// Named, forward-only schema migrations.
    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1: files, submissions, problems, runs") { db in
            try db.execute(sql: """
                CREATE TABLE run (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    command TEXT NOT NULL,
                    startedAt TEXT NOT NULL,
                    finishedAt TEXT,
                    summary TEXT
                );
                CREATE TABLE inputFile (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    runId INTEGER NOT NULL REFERENCES run(id),
                    path TEXT NOT NULL,
                    size INTEGER NOT NULL,
                    modifiedAt DOUBLE NOT NULL,
                    sha256 TEXT NOT NULL,
                    layout TEXT,
                    encoding TEXT,
                    status TEXT NOT NULL,
                    ingestedAt TEXT NOT NULL
                );
                CREATE INDEX inputFile_path ON inputFile(path, id);
                CREATE TABLE submission (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    fileId INTEGER NOT NULL REFERENCES inputFile(id),
                    unitCode TEXT NOT NULL,
                    period TEXT NOT NULL,
                    form TEXT NOT NULL,
                    line INTEGER NOT NULL,
                    preparedOn TEXT,
                    version INTEGER NOT NULL,
                    active INTEGER NOT NULL,
                    supersededBy INTEGER REFERENCES submission(id),
                    payload TEXT NOT NULL
                );
                CREATE INDEX submission_active ON submission(period, active);
                CREATE INDEX submission_unit ON submission(unitCode, period, form);
                CREATE TABLE problem (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    fileId INTEGER NOT NULL REFERENCES inputFile(id),
                    severity INTEGER NOT NULL,
                    code TEXT NOT NULL,
                    line INTEGER,
                    col INTEGER,
                    found TEXT,
                    expected TEXT,
                    detail TEXT,
                    unitCode TEXT,
                    period TEXT
                );
                CREATE INDEX problem_file ON problem(fileId);
                """)
        }
        registerWrittenReportMigrations(&m)
        m.registerMigration("v3: problem wording in English") { db in
            // `expected` and `detail` keep the Vietnamese; these the English (see Wording).
            try db.execute(sql: """
                ALTER TABLE problem ADD COLUMN expectedEn TEXT;
                ALTER TABLE problem ADD COLUMN detailEn TEXT;
                """)
        }
        m.registerMigration("v4: plain row ids for files, reports and problems") { db in
            // Nothing is ever deleted from these tables, so a plain row id (the largest so far
            // plus one) is never used twice either; AUTOINCREMENT only added a write to
            // sqlite_sequence for every row, a fifth of the time of storing a national batch.
            // Rebuilt as SQLite's documentation says, ids kept; GRDB checks the foreign keys
            // before the migration commits.
            try db.execute(sql: """
                CREATE TABLE inputFile_new (
                    id INTEGER PRIMARY KEY,
                    runId INTEGER NOT NULL REFERENCES run(id),
                    path TEXT NOT NULL,
                    size INTEGER NOT NULL,
                    modifiedAt DOUBLE NOT NULL,
                    sha256 TEXT NOT NULL,
                    layout TEXT,
                    encoding TEXT,
                    status TEXT NOT NULL,
                    ingestedAt TEXT NOT NULL
                );
                INSERT INTO inputFile_new (id, runId, path, size, modifiedAt, sha256, layout, encoding, status, ingestedAt)
                    SELECT id, runId, path, size, modifiedAt, sha256, layout, encoding, status, ingestedAt FROM inputFile;
                DROP TABLE inputFile;
                ALTER TABLE inputFile_new RENAME TO inputFile;
                CREATE INDEX inputFile_path ON inputFile(path, id);

                CREATE TABLE submission_new (
                    id INTEGER PRIMARY KEY,
                    fileId INTEGER NOT NULL REFERENCES inputFile(id),
                    unitCode TEXT NOT NULL,
                    period TEXT NOT NULL,
                    form TEXT NOT NULL,
                    line INTEGER NOT NULL,
                    preparedOn TEXT,
                    version INTEGER NOT NULL,
                    active INTEGER NOT NULL,
                    supersededBy INTEGER REFERENCES submission(id),
                    payload TEXT NOT NULL
                );
                INSERT INTO submission_new (id, fileId, unitCode, period, form, line, preparedOn, version, active, supersededBy, payload)
                    SELECT id, fileId, unitCode, period, form, line, preparedOn, version, active, supersededBy, payload FROM submission;
                DROP TABLE submission;
                ALTER TABLE submission_new RENAME TO submission;
                CREATE INDEX submission_active ON submission(period, active);
                CREATE INDEX submission_unit ON submission(unitCode, period, form);

                CREATE TABLE problem_new (
                    id INTEGER PRIMARY KEY,
                    fileId INTEGER NOT NULL REFERENCES inputFile(id),
                    severity INTEGER NOT NULL,
                    code TEXT NOT NULL,
                    line INTEGER,
                    col INTEGER,
                    found TEXT,
                    expected TEXT,
                    detail TEXT,
                    unitCode TEXT,
                    period TEXT,
                    expectedEn TEXT,
                    detailEn TEXT
                );
                INSERT INTO problem_new (id, fileId, severity, code, line, col, found, expected, detail, unitCode, period, expectedEn, detailEn)
                    SELECT id, fileId, severity, code, line, col, found, expected, detail, unitCode, period, expectedEn, detailEn FROM problem;
                DROP TABLE problem;
                ALTER TABLE problem_new RENAME TO problem;
                CREATE INDEX problem_file ON problem(fileId);
                """)
        }
        m.registerMigration("v5: the sheet or record of a problem") { db in
            // A workbook's sheets and an XML or JSON file's records (see Problem.sheet,
            // Problem.element); empty in the rows stored before.
            try db.execute(sql: """
                ALTER TABLE problem ADD COLUMN sheet TEXT;
                ALTER TABLE problem ADD COLUMN element TEXT;
                """)
        }
        return m
    }

    // MARK: Runs

    public func beginRun(command: String, at date: Date = Date()) throws -> Int64 {
        try db.write { db in
            try db.execute(sql: "INSERT INTO run (command, startedAt) VALUES (?, ?)", arguments: [command, Store.timestamp(date)])
            return db.lastInsertedRowID
        }
    }

    public func finishRun(_ id: Int64, summary: String, exitStatus: ExitStatus? = nil, at date: Date = Date()) throws {
        try db.write { db in
            try db.execute(sql: "UPDATE run SET finishedAt = ?, summary = ?, exitCode = ? WHERE id = ?",
                           arguments: [Store.timestamp(date), summary, exitStatus?.rawValue, id])
        }
    }

    // MARK: Files

    /// What the store knows of a path: its latest version.
    public struct KnownFile: Sendable {
        public let id: Int64
        public let size: Int64
        public let modifiedAt: Double
    }

    /// The latest version of every input path seen. Their SHA-256 are asked for apart, by
    /// ``sha256(ofFiles:)``, for the few whose size or time changed.
    public func knownFiles() throws -> [String: KnownFile] {
        try db.read { db in
            var result: [String: KnownFile] = [:]
            // Sized at once (ids have no gaps but those of deleted rows): grown row by row, the
            // table was copied a dozen times over.
            result.reserveCapacity(Int(try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM inputFile") ?? 0))
            // Read by column position: a national inbox is tens of thousands of rows, every run.
            // Every version in id order, the latest of a path replacing the earlier ones: one
            // pass over the table, where grouping by path first took twice as long.
            let rows = try Row.fetchCursor(db, sql: "SELECT id, path, size, modifiedAt FROM inputFile ORDER BY id")
            while let row = try rows.next() {
                result[row[1]] = KnownFile(id: row[0], size: row[2], modifiedAt: row[3])
            }
            return result
        }
    }

    /// The SHA-256 of stored file versions, by id.
    public func sha256(ofFiles ids: [Int64]) throws -> [Int64: String] {
        guard !ids.isEmpty else { return [:] }
        return try db.read { db in
            let statement = try db.makeStatement(sql: "SELECT sha256 FROM inputFile WHERE id = ?")
            var result: [Int64: String] = [:]
            for id in ids { result[id] = try String.fetchOne(statement, arguments: [id]) }
            return result
        }
    }

    /// Records that a known file was touched (new modification time) without changing.
    public func touch(fileIds: [(Int64, Double)]) throws {
        guard !fileIds.isEmpty else { return }
        try db.write { db in
            let statement = try db.makeStatement(sql: "UPDATE inputFile SET modifiedAt = ? WHERE id = ?")
            for (id, modified) in fileIds { try statement.execute(arguments: [modified, id]) }
        }
    }

    /// A file read in this run, with what the run found in it.
    public struct IncomingFile: Sendable {
        /// The file's reading; once made, only problems are added to it (see ``addProblems(_:)``),
        /// so that ``payloads`` stay those of its reports.
        public private(set) var outcome: FileOutcome
        public var size: Int64
        public var modifiedAt: Double
        public var sha256: String
        /// Each report's values as the store keeps them, made with the file: files are made on
        /// every core, and the store's transaction runs on one.
        let payloads: [String]

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
    }

    /// Up to this many files, ``store(_:runId:at:)`` looks up what the store holds key by key.
    static let smallBatch = 200

    /// Stores a batch of files in one transaction.
    ///
    /// Within the batch, reports for the same unit, period and form are applied oldest first,
    /// by their own date line, then the file's modification time, then path, so the newest
    /// wins; the losers stay in the store as superseded versions and a notice names the winner.
    /// A new version of a path retires whatever its earlier version had sent.
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
        guard files.count > Store.smallBatch else { return try store(files, runId: runId, now: Store.timestamp(date), laterProblems: laterProblems) }
        try db.writeWithoutTransaction { try $0.execute(sql: "PRAGMA wal_autocheckpoint = 0") }
        // Then back to SQLite's default: the next commits check the log's size again, and give
        // up at once while the copy below holds the checkpoint lock.
        defer { try? db.writeWithoutTransaction { try $0.execute(sql: "PRAGMA wal_autocheckpoint = 1000") } }
        let result = try store(files, runId: runId, now: Store.timestamp(date), laterProblems: laterProblems)
        checkpoint?.result()
        let path = self.path
        checkpoint = BackgroundWork {
            // Another connection, since this one is serial. If the copy fails (the disk is
            // full), the batch is still safe in the log, and SQLite copies it later.
            _ = try? DatabaseQueue(path: path, configuration: Store.configuration).writeWithoutTransaction { try $0.checkpoint(.passive) }
        }
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
                let activeReport = try db.makeStatement(sql: """
                    SELECT id, version, fileId FROM submission WHERE unitCode = ? AND period = ? AND form = ? AND active = 1
                    """)
                let latestVersion = try db.makeStatement(sql: "SELECT MAX(id) FROM inputFile WHERE path = ?")
                for file in files {
                    if let id = try Int64.fetchOne(latestVersion, arguments: [file.outcome.path]) { previousVersions[file.outcome.path] = id }
                    for s in file.outcome.submissions {
                        let key = Store.key(s.unitCode, s.period.code, s.form)
                        if let row = try Row.fetchOne(activeReport, arguments: [s.unitCode, s.period.code, s.form]) {
                            current[key] = (row[0], row[1], row[2])
                        }
                    }
                }
            } else {
                let rows = try Row.fetchCursor(db, sql: "SELECT id, unitCode, period, form, version, fileId FROM submission WHERE active = 1")
                while let row = try rows.next() {
                    current[Store.key(row[1], row[2], row[3])] = (row[0], row[4], row[5])
                }
                let latest = try Row.fetchCursor(db, sql: "SELECT path, MAX(id) FROM inputFile GROUP BY path")
                while let row = try latest.next() { previousVersions[row[0]] = row[1] }
            }

            let insertFile = try db.makeStatement(sql: """
                INSERT INTO inputFile (runId, path, size, modifiedAt, sha256, layout, encoding, status, ingestedAt)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
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
            let pathOfFile = try db.makeStatement(sql: "SELECT path FROM inputFile WHERE id = ?")
            let retire = try db.makeStatement(sql: "UPDATE submission SET active = 0 WHERE fileId = ? AND active = 1")

            var fileIds: [Int64] = []
            // Files and reports are read where they lie in `files` (by index): `for file in files`
            // would copy each, tens of thousands in a national batch, on the one core storing.
            fileIds.reserveCapacity(files.count)
            for i in files.indices {
                let path = files[i].outcome.path
                try BulkInsert(statement: insertFile).run(db, [.integer(runId), .text(path), .integer(files[i].size), .real(files[i].modifiedAt),
                                                              .text(files[i].sha256), .text(files[i].outcome.layout?.rawValue),
                                                              .text(files[i].outcome.encoding), .text(files[i].outcome.status.rawValue), .text(now)])
                let fileId = db.lastInsertedRowID
                fileIds.append(fileId)
                // A new version of a path withdraws what the old version sent; its reports that
                // the new version repeats are then superseded one by one below, keeping versions.
                if let previous = previousVersions[path] { try retire.execute(arguments: [previous]) }
            }

            // Apply submissions oldest first so that the newest of a batch wins.
            // Sorted as positions in `files`, not as copies of the reports: a national batch is
            // forty-five thousand reports, and copies of them cost twenty megabytes at the run's
            // peak of memory.
            struct Pending {
                let file: Int32, report: Int32
                let preparedOn: Int
                let modifiedAt: Double
            }
            var pending: [Pending] = []
            pending.reserveCapacity(files.reduce(0) { $0 + $1.outcome.submissions.count })
            for i in files.indices {
                let submissions = files[i].outcome.submissions, modifiedAt = files[i].modifiedAt
                for r in submissions.indices {
                    pending.append(Pending(file: Int32(i), report: Int32(r), preparedOn: Store.dateKey(submissions[r].preparedOn), modifiedAt: modifiedAt))
                }
            }
            pending.sort { a, b in
                if a.preparedOn != b.preparedOn { return a.preparedOn < b.preparedOn }
                if a.modifiedAt != b.modifiedAt { return a.modifiedAt < b.modifiedAt }
                return files[Int(a.file)].outcome.path < files[Int(b.file)].outcome.path
            }
            // Per report key, what the store holds after each report applied and which of the
            // batch's files sent it: one lookup a report, read and updated in place.
            struct Latest {
                var stored: (id: Int64, version: Int, fileId: Int64)?
                var fromBatch: (file: Int, line: Int, sheet: String?)?
            }
            var latest: [ReportKey: Latest] = [:]
            latest.reserveCapacity(current.count + pending.count)
            for (key, stored) in current { latest[key] = Latest(stored: stored) }
            current = [:]
            var batchProblems: [Int: [Problem]] = [:]
            // A report is read where it lies in its file's outcome, not copied out.
            func apply(_ s: borrowing Submission, payload: String, file: Int) throws {
                let period = s.period.code
                try update(&latest[Store.key(s.unitCode, period, s.form)])
                func update(_ entry: inout Latest?) throws {
                    let previous = entry?.stored
                    try BulkInsert(statement: insertSubmission).run(db, [.integer(fileIds[file]), .text(s.unitCode), .text(period),
                                                                         .text(s.form), .integer(s.line), .text(s.preparedOn),
                                                                         .integer((previous?.version ?? 0) + 1), .text(payload)])
                    let id = db.lastInsertedRowID
                    if let previous {
                        try supersede.execute(arguments: [id, previous.id])
                        if let loser = entry?.fromBatch {
                            var p = Problem(.notice, .lostToNewerFile, file: files[loser.file].outcome.path, line: loser.line,
                                            detail: Messages.newerFile(files[file].outcome.path, preparedOn: s.preparedOn),
                                            unitCode: s.unitCode, period: period)
                            p.sheet = loser.sheet
                            batchProblems[loser.file, default: []].append(p)
                        } else {
                            result.superseded += 1
                            let earlier = try String.fetchOne(pathOfFile, arguments: [previous.fileId]) ?? "?"
                            var p = Problem(.notice, .supersedesEarlier, file: files[file].outcome.path, line: s.line,
                                            detail: Wording(vi: "\(earlier) (phiên bản \(previous.version))", en: "\(earlier) (version \(previous.version))"),
                                            unitCode: s.unitCode, period: period)
                            p.sheet = s.sheet
                            batchProblems[file, default: []].append(p)
                        }
                    }
                    entry = Latest(stored: (id, (previous?.version ?? 0) + 1, fileIds[file]), fromBatch: (file, s.line, s.sheet))
                    result.submissionsStored += 1
                    result.valuesStored += s.values.count
                }
            }
            for p in pending {
                let file = Int(p.file), report = Int(p.report)
                try apply(files[file].outcome.submissions[report], payload: files[file].payloads[report], file: file)
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

    // MARK: Reading back

    /// The active submissions for the given periods.
    public func activeSubmissions(periods: [Period]) throws -> [Submission] {
        guard !periods.isEmpty else { return [] }
        return try db.read { db in
            let placeholders = Array(repeating: "?", count: periods.count).joined(separator: ",")
            let rows = try Row.fetchCursor(db, sql: """
                SELECT s.unitCode, s.period, s.form, s.line, s.preparedOn, s.payload, f.modifiedAt
                FROM submission s JOIN inputFile f ON f.id = s.fileId
                WHERE s.active = 1 AND s.period IN (\(placeholders)) ORDER BY s.id
                """, arguments: StatementArguments(periods.map(\.code)))
            var result: [Submission] = []
            var days = DayKeys()
            while let row = try rows.next() {
                guard let period = Period.parse(row["period"]) else { continue }
                var s = Submission(unitCode: row["unitCode"], period: period, form: row["form"], line: row["line"],
                                   preparedOn: row["preparedOn"], values: Store.values(fromPayload: row["payload"]))
                let stated = Store.dateKey(s.preparedOn)
                s.receivedOn = stated != 0 ? stated : days.day(secondsSince1970: row["modifiedAt"])
                result.append(s)
            }
            return result
        }
    }

    /// The active reports for the given periods, their values decoded straight into the
    /// catalog's slots (values of codes the catalog no longer has are left out).
    public func activeFigures(periods: [Period], catalog: Catalog) throws -> [ReportFigures] {
        guard !periods.isEmpty else { return [] }
        // This thread steps through the rows while other cores decode the payloads, a slice of
        // rows at a time: a national year is tens of thousands of rows and a million values,
        // read for every report written.
        struct Fetched {
            let unitCode: String
            let period: Period
            let isCompiled: Bool
            var receivedOn: Int
        }
        let decoding = SliceDecoding(catalog: catalog)
        let fetched: [Fetched] = try db.read { db in
            let placeholders = Array(repeating: "?", count: periods.count).joined(separator: ",")
            // In the order of the index on (period, active): ordered by id alone, SQLite would
            // sort every row in a temporary B-tree first, which doubled the time of this query.
            // The files' modification times are read afterwards, only for the reports without
            // a date line of their own: joining every row to its file cost a third of the query.
            let rows = try Row.fetchCursor(db, sql: """
                SELECT s.unitCode, s.period, s.form, s.preparedOn, s.payload, s.fileId
                FROM submission s
                WHERE s.active = 1 AND s.period IN (\(placeholders)) ORDER BY s.period, s.id
                """, arguments: StatementArguments(periods.map(\.code)))
            var byCode: [String: Period] = [:]
            for p in periods { byCode[p.code] = p }
            var result: [Fetched] = []
            var undated: [(index: Int, fileId: Int64)] = []
            var payloads: [[UInt8]] = []
            // Columns by position, the payload copied straight from SQLite's buffer.
            while let row = try rows.next() {
                guard let period = byCode[row[1] as String] else { continue }
                let stated = Store.dateKey(row[3] as String?)
                if stated == 0 { undated.append((result.count, row[5])) }
                payloads.append(try row.withUnsafeData(atIndex: 4) { data in
                    data.map { d in d.withUnsafeBytes { [UInt8]($0) } } ?? []
                })
                result.append(Fetched(unitCode: row[0], period: period, isCompiled: (row[2] as String) == Submission.compiledForm,
                                      receivedOn: stated))
                if payloads.count == SliceDecoding.sliceSize {
                    decoding.start(payloads)
                    payloads = []
                }
            }
            decoding.start(payloads)
            if !undated.isEmpty {
                let modifiedAt = try db.makeStatement(sql: "SELECT modifiedAt FROM inputFile WHERE id = ?")
                var days = DayKeys()
                for u in undated {
                    result[u.index].receivedOn = days.day(secondsSince1970: try Double.fetchOne(modifiedAt, arguments: [u.fileId]) ?? 0)
                }
            }
            return result
        }
        let figures = decoding.finish()
        return zip(fetched, figures).map { f, figures in
            ReportFigures(unitCode: f.unitCode, period: f.period, isCompiled: f.isCompiled, receivedOn: f.receivedOn, figures: figures)
        }
    }

    /// Payloads decoded into figures on other threads, slice by slice as they are read, and
    /// given back in the order they were read.
    private final class SliceDecoding: @unchecked Sendable {
        static let sliceSize = 1024
        let catalog: Catalog
        private let group = DispatchGroup()
        private let lock = NSLock()
        private var slices: [[FigureVector]] = []

        init(catalog: Catalog) { self.catalog = catalog }

        func start(_ payloads: [[UInt8]]) {
            if payloads.isEmpty { return }
            lock.lock()
            let index = slices.count
            slices.append([])
            lock.unlock()
            group.enter()
            DispatchQueue.global().async { [catalog] in
                let decoded = payloads.map { payload in
                    var figures = FigureVector(slotCount: catalog.slotCount)
                    payload.withUnsafeBufferPointer { Store.decode($0, into: &figures, catalog: catalog) }
                    figures.completeTotals(catalog: catalog)
                    return figures
                }
                self.lock.lock()
                self.slices[index] = decoded
                self.lock.unlock()
                self.group.leave()
            }
        }

        func finish() -> [FigureVector] {
            group.wait()
            return slices.flatMap { $0 }
        }
    }

    /// Reads `code\tcategory\tvalue` lines into slots.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, into figures: inout FigureVector, catalog: Catalog) {
        var lineStart = 0
        var keyEnd = -1
        var tabs = 0
        for i in 0...bytes.count {
            let b: UInt8 = i < bytes.count ? bytes[i] : 0x0A
            if b == 0x09 {
                tabs += 1
                if tabs == 2 { keyEnd = i }
            } else if b == 0x0A {
                if tabs == 2, i > keyEnd + 1,
                   let slot = catalog.slot(payloadKey: UnsafeBufferPointer(rebasing: bytes[lineStart..<keyEnd])),
                   let v = Store.number(UnsafeBufferPointer(rebasing: bytes[(keyEnd + 1)..<i])) {
                    figures[slot] = v
                }
                tabs = 0
                lineStart = i + 1
            }
        }
    }

    /// A payload number: whole numbers (nearly all) digit by digit, the rest by `Double`.
    static func number(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        if let whole = plainDigitsValue(bytes) { return Double(whole) }
        return Double(String(decoding: bytes, as: UTF8.self))
    }

    /// The calendar days of modification times, remembered by the second: the files of one
    /// delivery share a handful of them, and a calendar computation is slow.
    struct DayKeys {
        private var known: [Int64: Int] = [:]
        mutating func day(secondsSince1970 t: Double) -> Int {
            let key = Int64(t.rounded(.down))
            if let d = known[key] { return d }
            let d = Store.dayKey(secondsSince1970: t)
            known[key] = d
            return d
        }
    }

    /// Every period some active submission is for.
    public func periodsWithData() throws -> [Period] {
        try db.read { db in
            try String.fetchAll(db, sql: "SELECT DISTINCT period FROM submission WHERE active = 1").compactMap(Period.parse).sorted()
        }
    }

    /// The problems of the latest version of every input file, for the given periods, and
    /// those of files refused before their period could be read (wrong encoding, empty).
    public func problems(periods: [Period]) throws -> [Problem] {
        guard !periods.isEmpty else { return [] }
        return try db.read { db in
            let placeholders = Array(repeating: "?", count: periods.count).joined(separator: ",")
            let rows = try Row.fetchAll(db, sql: """
                SELECT f.path, p.* FROM problem p
                JOIN inputFile f ON f.id = p.fileId
                WHERE (p.period IN (\(placeholders)) OR (p.period IS NULL AND p.unitCode IS NULL))
                  AND NOT EXISTS (SELECT 1 FROM inputFile later WHERE later.path = f.path AND later.id > f.id)
                ORDER BY f.path, p.line, p.id
                """, arguments: StatementArguments(periods.map(\.code)))
            return rows.compactMap(Store.problem)
        }
    }

    /// A problem as stored; rows from before English was kept show the Vietnamese in both.
    static func problem(_ row: Row) -> Problem? {
        guard let severity = Severity(rawValue: row["severity"]), let code = ProblemCode(rawValue: row["code"]) else { return nil }
        func wording(_ vi: String?, _ en: String?) -> Wording? { vi.map { Wording(vi: $0, en: en ?? $0) } }
        var problem = Problem(severity, code, file: row["path"], line: row["line"], column: row["col"], found: row["found"],
                              expected: wording(row["expected"], row["expectedEn"]), detail: wording(row["detail"], row["detailEn"]),
                              unitCode: row["unitCode"], period: row["period"])
        problem.sheet = row["sheet"]
        problem.element = row["element"]
        return problem
    }

    /// The active submissions of the given units for the given periods, compiled reports
    /// left out: the history a batch is compared with (previous quarters, a district's communes).
    public func activeSubmissions(periods: [Period], units: Set<String>) throws -> [Submission] {
        guard !periods.isEmpty, !units.isEmpty else { return [] }
        // A few units (a file or two added to a national store): looked up by key through the
        // index, in the order a scan would give. Else each period is read once and filtered.
        if units.count <= Store.smallBatch { return try activeSubmissions(periods: periods, fewUnits: units.sorted()) }
        return try db.read { db in
            var result: [Submission] = []
            for period in periods {
                let rows = try Row.fetchCursor(db, sql: """
                    SELECT unitCode, form, line, preparedOn, payload FROM submission
                    WHERE active = 1 AND period = ? AND form <> ? ORDER BY id
                    """, arguments: [period.code, Submission.compiledForm])
                while let row = try rows.next() {
                    let unit: String = row["unitCode"]
                    guard units.contains(unit) else { continue }
                    result.append(Submission(unitCode: unit, period: period, form: row["form"], line: row["line"],
                                             preparedOn: row["preparedOn"], values: Store.values(fromPayload: row["payload"])))
                }
            }
            return result
        }
    }

    private func activeSubmissions(periods: [Period], fewUnits units: [String]) throws -> [Submission] {
        try db.read { db in
            let byKey = try db.makeStatement(sql: """
                SELECT id, form, line, preparedOn, payload FROM submission
                WHERE unitCode = ? AND period = ? AND active = 1 AND form <> ?
                """)
            var result: [Submission] = []
            for period in periods {
                var found: [(id: Int64, submission: Submission)] = []
                for unit in units {
                    let rows = try Row.fetchCursor(byKey, arguments: [unit, period.code, Submission.compiledForm])
                    while let row = try rows.next() {
                        found.append((row[0], Submission(unitCode: unit, period: period, form: row[1], line: row[2],
                                                         preparedOn: row[3], values: Store.values(fromPayload: row[4]))))
                    }
                }
                result += found.sorted { $0.id < $1.id }.map(\.submission)
            }
            return result
        }
    }

    /// What the store holds of a file as last read: its status, layout, and every problem.
    public struct FileVerdict: Sendable {
        public let path: String
        public let status: FileStatus
        public let problems: [Problem]
    }

    /// The latest version of every path whose file was rejected or partly rejected.
    public func rejectedFiles() throws -> [FileVerdict] {
        try db.read { db in
            let files = try Row.fetchAll(db, sql: """
                SELECT f.id, f.path, f.status FROM inputFile f
                WHERE f.status <> ? AND NOT EXISTS (SELECT 1 FROM inputFile later WHERE later.path = f.path AND later.id > f.id)
                ORDER BY f.path
                """, arguments: [FileStatus.accepted.rawValue])
            return try files.compactMap { file in
                guard let status = FileStatus(rawValue: file["status"]) else { return nil }
                let problems = try Row.fetchAll(db, sql: """
                    SELECT ? AS path, p.* FROM problem p WHERE p.fileId = ? ORDER BY p.id
                    """, arguments: [file["path"] as String, file["id"] as Int64]).compactMap(Store.problem)
                return FileVerdict(path: file["path"], status: status, problems: problems)
            }
        }
    }

    // MARK: Encoding

    /// A report's identity: a unit's report for a period on a form. Three strings, not one made
    /// of them: a national batch keys forty-five thousand reports twice.
    struct ReportKey: Hashable {
        let unit: String
        let period: String
        let form: String
    }

    static func key(_ unit: String, _ period: String, _ form: String) -> ReportKey { ReportKey(unit: unit, period: period, form: form) }

    static func payload(_ values: [StoredValue]) -> String {
        // Built on bytes, without a temporary String per line: a million lines a national year.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(values.count * 20)
        for v in values {
            bytes.append(contentsOf: v.indicator.utf8)
            bytes.append(0x09)
            bytes.append(contentsOf: v.category.utf8)
            bytes.append(0x09)
            LongExport.appendNumber(v.value, to: &bytes)
            bytes.append(0x0A)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Reads a payload back, splitting on bytes: a national year is a million of these lines.
    static func values(fromPayload payload: String) -> [StoredValue] {
        var result: [StoredValue] = []
        var payload = payload
        payload.withUTF8 { bytes in
            var lineStart = 0
            var tabs: [Int] = []
            tabs.reserveCapacity(2)
            for i in 0...bytes.count {
                let b: UInt8 = i < bytes.count ? bytes[i] : 0x0A
                if b == 0x09 {
                    tabs.append(i)
                } else if b == 0x0A {
                    if tabs.count == 2, i > lineStart {
                        let code = String(decoding: UnsafeBufferPointer(rebasing: bytes[lineStart..<tabs[0]]), as: UTF8.self)
                        let category = String(decoding: UnsafeBufferPointer(rebasing: bytes[(tabs[0] + 1)..<tabs[1]]), as: UTF8.self)
                        if let v = Store.number(UnsafeBufferPointer(rebasing: bytes[(tabs[1] + 1)..<i])) {
                            result.append(StoredValue(code, category, v))
                        }
                    }
                    tabs.removeAll(keepingCapacity: true)
                    lineStart = i + 1
                }
            }
        }
        return result
    }

    /// `2024-06-12` or `12/06/2024` as 20240612; 0 when absent or unreadable.
    static func dateKey(_ text: String?) -> Int {
        guard let text else { return 0 }
        // Three runs of ASCII digits, read on bytes without an array (this runs once per
        // stored report, for every report written).
        var first = 0, second = 0, third = 0, runs = 0
        var current = -1
        func endRun() {
            switch runs {
            case 0: first = current
            case 1: second = current
            case 2: third = current
            default: break
            }
            runs += 1
            current = -1
        }
        for b in text.utf8 {
            if b >= 0x30 && b <= 0x39 {
                current = (current < 0 ? 0 : current * 10) + Int(b - 0x30)
            } else if current >= 0 {
                endRun()
            }
        }
        if current >= 0 { endRun() }
        guard runs == 3 else { return 0 }
        if first > 31 { return first * 10000 + second * 100 + third }
        return third * 10000 + second * 100 + first
    }

    /// The calendar day (local time) of a file's modification time, yyyymmdd.
    static func dayKey(secondsSince1970: Double) -> Int {
        let c = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: secondsSince1970))
        return c.year! * 10000 + c.month! * 100 + c.day!
    }

    static func timestamp(_ date: Date) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: date)
    }
}
