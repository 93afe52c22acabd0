import Foundation
import GRDB
import TonghopBase
import TonghopCatalog

/// The portal's accounts, API tokens, sessions, login attempts and audit log, kept in the store
/// so that `tonghop user` works without the server and the server keeps nothing in memory that a
/// restart would lose. Secrets arrive here already hashed (see the migration "v6").
extension Store {
    /// A portal account: one login, one unit, one role.
    public struct Account: Sendable, Equatable {
        public let id: Int64
        public let login: String
        /// The unit whose reports the account sends and sees: `13285`, `347`, `35-CA`, `35`, `VN`.
        public let unitCode: String
        /// `nhap-lieu`, `tong-hop` or `quan-tri`.
        public let role: String
        public let disabled: Bool
        public let createdAt: String
    }

    /// One line of the audit log: who did what, when, from which address, and how it ended.
    public struct AuditEvent: Sendable, Equatable {
        public let id: Int64
        public let at: String
        /// Nil for a sign-in with an unknown login.
        public let login: String?
        public let unitCode: String?
        /// `dang-nhap`, `dang-xuat`, `gui-tep`, `tai-ve`, `xuat`, `tai-khoan`...
        public let action: String
        /// What it was done to: a file, a period and scope, an account.
        public let object: String
        public let outcome: String
        public let address: String

        public init(login: String?, unitCode: String?, action: String, object: String, outcome: String, address: String,
                    at date: Date = Date()) {
            id = 0
            at = Days.timestamp(date)
            self.login = login
            self.unitCode = unitCode
            self.action = action
            self.object = object
            self.outcome = outcome
            self.address = address
        }

        package init(id: Int64, at: String, login: String?, unitCode: String?, action: String, object: String, outcome: String, address: String) {
            self.id = id
            self.at = at
            self.login = login
            self.unitCode = unitCode
            self.action = action
            self.object = object
            self.outcome = outcome
            self.address = address
        }
    }

    /// Why an account could not be changed.
    public enum AccountError: Error, Sendable, Equatable {
        case loginTaken(String)
        case noSuchLogin(String)
    }

    // MARK: Accounts

    /// Adds an account; its login must be new.
    @discardableResult
    public func addAccount(login: String, unitCode: String, role: String, passwordHash: String, at date: Date = Date()) throws -> Account {
        try db.write { db in
            if try AccountRecord.filter(Column("login") == login).fetchCount(db) > 0 { throw AccountError.loginTaken(login) }
            let now = Days.timestamp(date)
            var record = AccountRecord(id: nil, login: login, unitCode: unitCode, role: role, passwordHash: passwordHash,
                                       disabled: false, createdAt: now, passwordChangedAt: now)
            try record.insert(db)
            record.id = db.lastInsertedRowID
            return record.account
        }
    }

    /// The account of a login and its password hash.
    public func account(login: String) throws -> (account: Account, passwordHash: String)? {
        try db.read { db in
            try AccountRecord.filter(Column("login") == login).fetchOne(db).map { ($0.account, $0.passwordHash) }
        }
    }

    /// Every account, by login.
    public func accounts() throws -> [Account] {
        try db.read { db in try AccountRecord.order(Column("login")).fetchAll(db).map(\.account) }
    }

    /// A new password hash; every session of the account ends (a password is changed when it
    /// may be known to someone else).
    public func setPasswordHash(_ hash: String, login: String, at date: Date = Date()) throws {
        try db.write { db in
            guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM account WHERE login = ?", arguments: [login]) else {
                throw AccountError.noSuchLogin(login)
            }
            try db.execute(sql: "UPDATE account SET passwordHash = ?, passwordChangedAt = ? WHERE id = ?",
                           arguments: [hash, Days.timestamp(date), id])
            try db.execute(sql: "DELETE FROM session WHERE accountId = ?", arguments: [id])
        }
    }

    /// Disables an account: its sessions end and its API tokens are refused; nothing it sent
    /// is touched.
    public func disableAccount(login: String) throws {
        try db.write { db in
            guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM account WHERE login = ?", arguments: [login]) else {
                throw AccountError.noSuchLogin(login)
            }
            try db.execute(sql: "UPDATE account SET disabled = 1 WHERE id = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM session WHERE accountId = ?", arguments: [id])
        }
    }

    // MARK: API tokens

    /// Keeps the hash of a new API token of an account.
    public func addToken(hash: String, login: String, at date: Date = Date()) throws {
        try db.write { db in
            guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM account WHERE login = ?", arguments: [login]) else {
                throw AccountError.noSuchLogin(login)
            }
            try APITokenRecord(id: nil, accountId: id, tokenHash: hash, createdAt: Days.timestamp(date)).insert(db)
        }
    }

    /// The account an API token (by its hash) belongs to, disabled or not.
    public func account(tokenHash: String) throws -> Account? {
        try db.read { db in
            try AccountRecord.fetchOne(db, sql: """
                SELECT a.* FROM account a JOIN apiToken t ON t.accountId = a.id WHERE t.tokenHash = ?
                """, arguments: [tokenHash])?.account
        }
    }

    // MARK: Sessions

    /// Records a signed-in browser by the hash of its cookie.
    public func addSession(tokenHash: String, accountId: Int64, csrfToken: String, expiresAt: Date, address: String,
                           at date: Date = Date()) throws {
        try db.write { db in
            try SessionRecord(tokenHash: tokenHash, accountId: accountId, csrfToken: csrfToken, createdAt: Days.timestamp(date),
                              expiresAt: expiresAt.timeIntervalSince1970, address: address).insert(db)
        }
    }

    /// The account and CSRF token of a session that has not expired, of an account not disabled.
    public func session(tokenHash: String, now: Date = Date()) throws -> (account: Account, csrfToken: String)? {
        try db.read { db in
            guard let session = try SessionRecord.fetchOne(db, key: tokenHash), session.expiresAt > now.timeIntervalSince1970,
                  let account = try AccountRecord.fetchOne(db, key: session.accountId), !account.disabled else { return nil }
            return (account.account, session.csrfToken)
        }
    }

    /// Ends a session (signing out).
    public func endSession(tokenHash: String) throws {
        try db.write { db in _ = try SessionRecord.deleteOne(db, key: tokenHash) }
    }

    // MARK: Login attempts

    public func recordLoginAttempt(login: String, address: String, succeeded: Bool, at date: Date = Date()) throws {
        try db.write { db in
            try LoginAttemptRecord(id: nil, login: login, address: address, at: date.timeIntervalSince1970, succeeded: succeeded).insert(db)
        }
    }

    /// Failed sign-ins since a moment: for a login, those after its last success; for an
    /// address, all of them (one address trying many logins).
    public func failedLoginAttempts(login: String, address: String, since date: Date) throws -> (login: Int, address: Int, lastFailure: Date?) {
        try db.read { db in
            let since = date.timeIntervalSince1970
            let lastSuccess = try Double.fetchOne(db, sql: "SELECT MAX(at) FROM loginAttempt WHERE login = ? AND succeeded = 1",
                                                  arguments: [login]) ?? 0
            let byLogin = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM loginAttempt WHERE login = ? AND succeeded = 0 AND at > ?",
                                           arguments: [login, max(since, lastSuccess)]) ?? 0
            let byAddress = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM loginAttempt WHERE address = ? AND succeeded = 0 AND at > ?",
                                             arguments: [address, since]) ?? 0
            let last = try Double.fetchOne(db, sql: """
                SELECT MAX(at) FROM loginAttempt WHERE succeeded = 0 AND at > ? AND (login = ? OR address = ?)
                """, arguments: [since, login, address])
            return (byLogin, byAddress, last.map(Date.init(timeIntervalSince1970:)))
        }
    }

    // MARK: Audit

    public func record(_ event: AuditEvent) throws {
        try db.write { db in
            try AuditEventRecord(id: nil, at: event.at, login: event.login, unitCode: event.unitCode, action: event.action,
                                 object: event.object, outcome: event.outcome, address: event.address).insert(db)
        }
    }

    /// The latest events first, at most `limit`, of the units `include` accepts (nil for an
    /// unknown login's).
    public func auditEvents(limit: Int, include: (String?) -> Bool = { _ in true }) throws -> [AuditEvent] {
        try db.read { db in
            var result: [AuditEvent] = []
            let events = try AuditEventRecord.order(Column("id").desc).fetchCursor(db)
            while result.count < limit, let e = try events.next() {
                if include(e.unitCode) { result.append(e.event) }
            }
            return result
        }
    }
}
