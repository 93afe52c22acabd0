import Foundation
import Synchronization
import HummingbirdBcrypt
import TonghopBase
import TonghopCatalog
import TonghopStore

/// The portal's accounts as library calls: what `tonghop user` and the administration pages
/// both call. Passwords are kept as bcrypt hashes, API tokens as SHA-256 hashes, and every
/// check of a password costs the same whether the login exists or not.
public struct Accounts: Sendable {
    public let store: Store
    public let catalog: Catalog
    /// bcrypt's cost (log2 of its rounds): 12 takes a quarter of a second here, which is what a
    /// person signing in waits and what an attacker pays per guess. Tests use the minimum, 4.
    public let bcryptCost: UInt8

    public init(store: Store, catalog: Catalog, bcryptCost: UInt8 = 12) {
        self.store = store
        self.catalog = catalog
        self.bcryptCost = bcryptCost
    }

    /// What an account may not be, worded for the person typing it.
    public struct Refusal: Error, Sendable, Equatable, CustomStringConvertible {
        public let description: String
        init(_ message: String) { description = message }
    }

    /// The shortest password accepted; bcrypt reads at most 72 bytes of it.
    public static let passwordLength = 8...72

    /// Adds an account for a unit some registry knows.
    @discardableResult
    public func add(login: String, unitCode: String, role: Role, password: String) throws -> Store.Account {
        let login = try Self.checkedLogin(login)
        let unit = unitCode.trimmingBlanks.uppercased()
        guard AccountScope.knows(unit, catalog: catalog) else {
            throw Refusal("\(unitCode) không phải mã đơn vị nào trong danh mục (xã, huyện, sở ngành như 35-CA, tỉnh hoặc VN)")
        }
        try Self.checkPassword(password)
        do {
            return try store.addAccount(login: login, unitCode: unit, role: role.rawValue, passwordHash: Bcrypt.hash(password, cost: bcryptCost))
        } catch Store.AccountError.loginTaken {
            throw Refusal("Tên đăng nhập \(login) đã có")
        }
    }

    public func list() throws -> [Store.Account] { try store.accounts() }

    /// Disables an account: it can no longer sign in or use its API tokens.
    public func disable(login: String) throws {
        try mapped { try store.disableAccount(login: login.lowercased()) }
    }

    /// Sets a new password; the account's open sessions end.
    public func setPassword(login: String, password: String) throws {
        try Self.checkPassword(password)
        let hash = Bcrypt.hash(password, cost: bcryptCost)
        try mapped { try store.setPasswordHash(hash, login: login.lowercased()) }
    }

    /// A new API token for an account; returned once, only its hash is kept.
    public func newToken(login: String) throws -> String {
        let token = "tonghop_" + Secrets.random()
        try mapped { try store.addToken(hash: Secrets.hash(token), login: login.lowercased()) }
        return token
    }

    /// The account a login and password open, if any, and if it is not disabled.
    public func verify(login: String, password: String) throws -> Store.Account? {
        let found = try store.account(login: login.lowercased())
        // An unknown login costs a bcrypt check too, so that the time taken does not tell
        // which logins exist.
        let matches = Bcrypt.verify(password, hash: found?.passwordHash ?? unknownLoginHash)
        guard let found, matches, !found.account.disabled else { return nil }
        return found.account
    }

    /// The account an API token belongs to, if it is not disabled.
    public func account(bearer token: String) throws -> Store.Account? {
        guard let account = try store.account(tokenHash: Secrets.hash(token)), !account.disabled else { return nil }
        return account
    }

    /// A bcrypt hash of a random text nobody knows, at this cost, checked against for unknown
    /// logins; made once per cost.
    private var unknownLoginHash: String {
        Self.unknownLoginHashes.withLock { hashes in
            if let known = hashes[bcryptCost] { return known }
            let made = Bcrypt.hash(Secrets.random(), cost: bcryptCost)
            hashes[bcryptCost] = made
            return made
        }
    }

    private static let unknownLoginHashes = Mutex<[UInt8: String]>([:])

    /// `xa-13285`, `tinh.35`: 2 to 64 lower-case ASCII letters, digits, `.`, `-`, `_`.
    static func checkedLogin(_ text: String) throws -> String {
        let login = text.trimmingBlanks.lowercased()
        let allowed = login.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || ".-_".unicodeScalars.contains($0) }
        guard (2...64).contains(login.count), allowed else {
            throw Refusal("Tên đăng nhập chỉ gồm 2 đến 64 chữ cái không dấu, chữ số, dấu chấm, gạch ngang hoặc gạch dưới (ví dụ xa-13285)")
        }
        return login
    }

    static func checkPassword(_ password: String) throws {
        guard passwordLength.contains(password.utf8.count) else {
            throw Refusal("Mật khẩu cần từ \(passwordLength.lowerBound) đến \(passwordLength.upperBound) ký tự")
        }
    }

    private func mapped(_ body: () throws -> Void) throws {
        do { try body() } catch Store.AccountError.noSuchLogin(let login) {
            throw Refusal("Không có tài khoản \(login)")
        }
    }
}
