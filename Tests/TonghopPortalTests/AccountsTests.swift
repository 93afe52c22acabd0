import XCTest
import TonghopStore
@testable import TonghopPortal
import TonghopTestSupport

/// Accounts as library calls (what `tonghop user` calls): secrets kept only as hashes.
final class AccountsTests: XCTestCase {
    func accounts() throws -> Accounts {
        let (store, _) = try Fixtures.temporaryStore()
        return Accounts(store: store, catalog: Fixtures.catalog, bcryptCost: 4)
    }

    func testThePasswordIsKeptAsABcryptHashAndOpensTheAccount() throws {
        let accounts = try accounts()
        try accounts.add(login: "Xa-13285", unitCode: "13285", role: .dataEntry, password: "mot-hai-ba-bon")
        let (account, hash) = try XCTUnwrap(accounts.store.account(login: "xa-13285"))
        XCTAssertEqual(account.login, "xa-13285", "logins are kept in lower case")
        XCTAssertTrue(hash.hasPrefix("$2b$04$"), "a bcrypt hash at the cost asked for: \(hash)")
        XCTAssertFalse(hash.contains("mot-hai-ba-bon"))
        XCTAssertEqual(try accounts.verify(login: "XA-13285", password: "mot-hai-ba-bon")?.login, "xa-13285")
        XCTAssertNil(try accounts.verify(login: "xa-13285", password: "mot-hai-ba-nam"))
    }

    func testAnAPITokenIsShownOnceAndKeptAsItsHash() throws {
        let accounts = try accounts()
        try accounts.add(login: "tinh-35", unitCode: "35", role: .compiler, password: "mot-hai-ba-bon")
        let token = try accounts.newToken(login: "tinh-35")
        XCTAssertTrue(token.hasPrefix("tonghop_") && token.count > 40, "a long random token: \(token)")
        XCTAssertNil(try accounts.store.account(tokenHash: token), "the token's text is not in the store")
        XCTAssertEqual(try accounts.account(bearer: token)?.login, "tinh-35")
        XCTAssertNotEqual(try accounts.newToken(login: "tinh-35"), token, "each token is new")
    }

    func testWhatAnAccountMayNotBe() throws {
        let accounts = try accounts()
        XCTAssertThrowsError(try accounts.add(login: "x", unitCode: "13285", role: .dataEntry, password: "mot-hai-ba-bon"), "a one-letter login")
        XCTAssertThrowsError(try accounts.add(login: "xã 13285", unitCode: "13285", role: .dataEntry, password: "mot-hai-ba-bon"), "spaces, diacritics")
        XCTAssertThrowsError(try accounts.add(login: "xa-99999", unitCode: "99999", role: .dataEntry, password: "mot-hai-ba-bon"), "a unit no registry knows")
        XCTAssertThrowsError(try accounts.add(login: "xa-13285", unitCode: "13285", role: .dataEntry, password: "ngan"), "a short password")
        try accounts.add(login: "xa-13285", unitCode: "13285", role: .dataEntry, password: "mot-hai-ba-bon")
        XCTAssertThrowsError(try accounts.add(login: "xa-13285", unitCode: "13291", role: .dataEntry, password: "mot-hai-ba-bon"), "a login taken") { error in
            XCTAssertEqual((error as? Accounts.Refusal)?.description, "Tên đăng nhập xa-13285 đã có")
        }
        XCTAssertEqual(try accounts.add(login: "ca-35", unitCode: "35-ca", role: .compiler, password: "mot-hai-ba-bon").unitCode, "35-CA",
                       "a department's code, in any case")
    }

    func testANewPasswordEndsTheSessions() throws {
        let accounts = try accounts()
        let account = try accounts.add(login: "tinh-35", unitCode: "35", role: .compiler, password: "mot-hai-ba-bon")
        try accounts.store.addSession(tokenHash: "h", accountId: account.id, csrfToken: "c", expiresAt: Date().addingTimeInterval(60), address: "-")
        XCTAssertNotNil(try accounts.store.session(tokenHash: "h"))
        try accounts.setPassword(login: "tinh-35", password: "nam-sau-bay-tam")
        XCTAssertNil(try accounts.store.session(tokenHash: "h"), "a password changed because it may be known ends every session")
        XCTAssertNil(try accounts.verify(login: "tinh-35", password: "mot-hai-ba-bon"))
        XCTAssertNotNil(try accounts.verify(login: "tinh-35", password: "nam-sau-bay-tam"))
    }

    func testAnExpiredSessionOpensNothing() throws {
        let accounts = try accounts()
        let account = try accounts.add(login: "tinh-35", unitCode: "35", role: .compiler, password: "mot-hai-ba-bon")
        try accounts.store.addSession(tokenHash: "h", accountId: account.id, csrfToken: "c", expiresAt: Date().addingTimeInterval(-1), address: "-")
        XCTAssertNil(try accounts.store.session(tokenHash: "h"))
    }
}
