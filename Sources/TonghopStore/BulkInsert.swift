import GRDB
import GRDBSQLite
import TonghopBase
import TonghopCatalog

/// Binds the values of an `INSERT` straight through SQLite's C interface and steps it.
///
/// A national batch inserts 39,000 files and 45,000 reports in one transaction. Through
/// GRDB's `StatementArguments` each value is boxed, copied and retained before it is bound,
/// which made the inserts take twice as long as SQLite itself needs. The statement is still
/// prepared, owned and finalised by GRDB; this only fills it in, on GRDB's own thread.
package struct BulkInsert {
    package enum Value {
        case integer(Int64)
        case real(Double)
        case text(String)
        case null
    }

    package let statement: Statement

    /// Binds `values` to the statement's parameters, in order, and runs it once.
    package func run(_ db: Database, _ values: [Value]) throws {
        let s = statement.sqliteStatement
        sqlite3_reset(s)
        for (i, v) in values.enumerated() {
            let index = Int32(i + 1)
            let code: Int32
            switch v {
            case .integer(let n): code = sqlite3_bind_int64(s, index, n)
            case .real(let d): code = sqlite3_bind_double(s, index, d)
            case .null: code = sqlite3_bind_null(s, index)
            case .text(let t):
                var t = t
                // SQLITE_TRANSIENT: SQLite copies the bytes before the call returns.
                code = t.withUTF8 { bytes in
                    guard let base = bytes.baseAddress else { return sqlite3_bind_text(s, index, "", 0, nil) }
                    return sqlite3_bind_text(s, index, UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self),
                                             Int32(bytes.count), unsafeBitCast(-1, to: sqlite3_destructor_type.self))
                }
            }
            guard code == SQLITE_OK else { throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection))) }
        }
        let step = sqlite3_step(s)
        guard step == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: step), message: String(cString: sqlite3_errmsg(db.sqliteConnection)),
                                sql: statement.sql)
        }
    }
}

extension BulkInsert.Value {
    package static func text(_ t: String?) -> Self { t.map { .text($0) } ?? .null }
    package static func integer(_ n: Int?) -> Self { n.map { .integer(Int64($0)) } ?? .null }
}
