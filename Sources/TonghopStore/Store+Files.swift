import Foundation
import GRDB
import TonghopBase
import TonghopCatalog

/// What the store knows of the files under `inputs/`: the latest version of each path.
extension Store {
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
            // Every version in id order, the latest of a path replacing the earlier ones: one
            // pass over the table, where grouping by path first took twice as long.
            let versions = try FileVersionRecord.order(Column("id")).fetchCursor(db)
            while let v = try versions.next() {
                result[v.path] = KnownFile(id: v.id, size: v.size, modifiedAt: v.modifiedAt)
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

    /// A path under `prefix` whose latest version holds these bytes (by SHA-256), and what
    /// became of it: an upload sent again is recognised without reading it.
    public func latestFile(withSHA256 hash: String, under prefix: String) throws -> (path: String, status: FileStatus)? {
        try db.read { db in
            let row = try Row.fetchOne(db, sql: """
                SELECT f.path, f.status FROM inputFile f
                WHERE f.sha256 = ? AND substr(f.path, 1, ?) = ?
                  AND NOT EXISTS (SELECT 1 FROM inputFile later WHERE later.path = f.path AND later.id > f.id)
                ORDER BY f.id DESC LIMIT 1
                """, arguments: [hash, prefix.count, prefix])
            guard let row, let status = FileStatus(rawValue: row["status"]) else { return nil }
            return (row["path"], status)
        }
    }

    /// A file version as the portal lists it: where it is kept, what became of it, when.
    public struct FileVersion: Sendable, Equatable {
        public let id: Int64
        public let path: String
        public let status: FileStatus
        public let receivedAt: String
    }

    /// The latest version of every path under `prefix` (`tai-len/13285/`), newest first.
    public func latestFiles(under prefix: String, limit: Int = 500) throws -> [FileVersion] {
        try db.read { db in
            try Row.fetchAll(db, sql: """
                SELECT f.id, f.path, f.status, f.ingestedAt FROM inputFile f
                WHERE substr(f.path, 1, ?) = ?
                  AND NOT EXISTS (SELECT 1 FROM inputFile later WHERE later.path = f.path AND later.id > f.id)
                ORDER BY f.id DESC LIMIT ?
                """, arguments: [prefix.count, prefix, limit]).compactMap { row in
                guard let status = FileStatus(rawValue: row["status"]) else { return nil }
                return FileVersion(id: row["id"], path: row["path"], status: status, receivedAt: row["ingestedAt"])
            }
        }
    }

    /// What the store holds of a path's latest version: its status and every problem.
    public func verdict(path: String) throws -> FileVerdict? {
        try db.read { db in
            guard let file = try Row.fetchOne(db, sql: "SELECT id, status, encoding FROM inputFile WHERE path = ? ORDER BY id DESC LIMIT 1",
                                              arguments: [path]),
                  let status = FileStatus(rawValue: file["status"]) else { return nil }
            let problems = try ProblemRecord.fetchAll(db, sql: "SELECT ? AS path, p.* FROM problem p WHERE p.fileId = ? ORDER BY p.id",
                                                      arguments: [path, file["id"] as Int64]).compactMap(\.problem)
            return FileVerdict(path: path, status: status, problems: problems, encoding: file["encoding"])
        }
    }
}
