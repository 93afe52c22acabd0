import Foundation
import Synchronization
import GRDB
import TonghopBase
import TonghopCatalog

/// The embedded SQLite store: every input file seen, every version of every submission,
/// every problem, every run. Nothing is deleted by normal operation; a newer version of a
/// report marks the older one inactive (`supersededBy`).
///
/// Submissions keep their values as a compact text payload (one `code\tcategory\tvalue` line
/// each) instead of one row per value: a national year is a million values, and a row each
/// would make storing them the slowest stage of the run.
public final class Store: Sendable {
    public let path: String
    /// A pool of connections over the store file (SQLite's write-ahead log: readers never wait
    /// for the writer, and `tonghop serve` reads while cron's `run` writes); a queue for a store
    /// in memory.
    package let db: any DatabaseWriter

    /// The copy of a large batch from the write-ahead log into the database file, running on
    /// another core (see ``store(_:runId:at:laterProblems:)``); waited for before closing.
    package let checkpoint = Mutex<BackgroundWork<Void>?>(nil)

    /// Opens the store file, creating it and bringing its schema up to date.
    public init(path: String) throws {
        self.path = path
        db = try DatabasePool(path: path, configuration: Store.configuration)
        try Store.migrator.migrate(db)
    }

    private init(inMemory writer: DatabaseQueue) throws {
        path = ":memory:"
        db = writer
        try Store.migrator.migrate(db)
    }

    /// A store that lives in memory only, for tests: nothing on disk, gone when released.
    public static func inMemory() throws -> Store { try Store(inMemory: DatabaseQueue(configuration: configuration)) }

    deinit {
        checkpoint.withLock { $0 }?.result()
    }

    package static var configuration: Configuration {
        var config = Configuration()
        config.busyMode = .timeout(10)
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        return config
    }

    // MARK: Runs

    public func beginRun(command: String, at date: Date = Date()) throws -> Int64 {
        try db.write { db in
            try db.execute(sql: "INSERT INTO run (command, startedAt) VALUES (?, ?)", arguments: [command, Days.timestamp(date)])
            return db.lastInsertedRowID
        }
    }

    public func finishRun(_ id: Int64, summary: String, exitStatus: ExitStatus? = nil, at date: Date = Date()) throws {
        try db.write { db in
            try db.execute(sql: "UPDATE run SET finishedAt = ?, summary = ?, exitCode = ? WHERE id = ?",
                           arguments: [Days.timestamp(date), summary, exitStatus?.rawValue, id])
        }
    }
}
