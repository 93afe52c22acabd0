import XCTest
import HummingbirdTesting
@testable import TonghopPortal
import TonghopTestSupport

/// Signing in and out: a session cookie the browser keeps and no script reads, and pages that
/// need it.
final class SignInTests: XCTestCase {
    func testAVisitorGetsTheSignInForm() async throws {
        try await PortalFixture.test { app in
            let browser = app.browser()
            let page = try await browser.get("/")
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.text.contains(#"<form method="post" action="/dang-nhap">"#), "the visitor's home is the sign-in form")
            XCTAssertNotNil(browser.csrf, "the sign-in form carries a CSRF token")
            XCTAssertEqual(browser.cookies[SessionCookies.signIn], browser.csrf, "the token is also in the visitor's cookie (double submit)")
        }
    }

    func testTheRightPasswordOpensASessionWithAStrictHttpOnlyCookie() async throws {
        try await PortalFixture.test { app in
            let browser = app.browser()
            let response = try await browser.signIn("xa-13285", password: PortalFixture.password)
            XCTAssertEqual(response.status, .seeOther)
            XCTAssertEqual(response.headers[.location], "/")
            let cookie = try XCTUnwrap(response.headers[values: .setCookie].first { $0.hasPrefix(SessionCookies.session + "=") })
            XCTAssertTrue(cookie.contains("HttpOnly"), "no script can read the session cookie: \(cookie)")
            XCTAssertTrue(cookie.contains("SameSite=Strict"), "no other site's page sends the session cookie: \(cookie)")
            XCTAssertFalse(cookie.contains("Secure"), "over plain HTTP (loopback) the cookie cannot be Secure: \(cookie)")
            let home = try await browser.get("/")
            // 13285 is Phường Quang Trung on the 2024 map and Phường Phủ Lý on 2025's, in force on the tests' day.
            XCTAssertTrue(home.text.contains("<h1>Phường Phủ Lý</h1>"), "the home page names the account's unit as the map in force does")
            XCTAssertTrue(home.text.contains("Mã đơn vị 13285"))
            XCTAssertTrue(home.text.contains(#"action="/dang-xuat""#), "a signed-in page offers signing out")
        }
    }

    func testTheStoreKeepsOnlyTheHashOfTheSessionCookie() async throws {
        try await PortalFixture.test { app in
            let browser = try await app.signedIn("xa-13285")
            let cookie = try XCTUnwrap(browser.cookies[SessionCookies.session])
            XCTAssertNil(try app.store().session(tokenHash: cookie), "the cookie's own text opens no session in the store")
            XCTAssertNotNil(try app.store().session(tokenHash: Secrets.hash(cookie)), "the store finds the session by the cookie's hash")
        }
    }

    func testAWrongPasswordOrAnUnknownLoginOpensNothing() async throws {
        try await PortalFixture.test { app in
            for (login, password) in [("xa-13285", "sai-mat-khau"), ("khong-co-ai", PortalFixture.password)] {
                let browser = app.browser()
                let response = try await browser.signIn(login, password: password)
                XCTAssertEqual(response.status, .unauthorized, "\(login): a failed sign-in is answered 401")
                XCTAssertTrue(response.text.contains("Tên đăng nhập hoặc mật khẩu không đúng"), "\(login): the page says why")
                XCTAssertNil(browser.cookies[SessionCookies.session], "\(login): no session cookie")
            }
        }
    }

    func testADisabledAccountCannotSignInAndLosesItsSessions() async throws {
        try await PortalFixture.test { app in
            let before = try await app.signedIn("xa-13285")
            try Accounts(store: app.store(), catalog: Fixtures.catalog, bcryptCost: 4).disable(login: "xa-13285")
            let page = try await before.get("/gui-bao-cao")
            XCTAssertEqual(page.status, .seeOther, "the disabled account's open session no longer opens pages")
            let again = try await app.browser().signIn("xa-13285", password: PortalFixture.password)
            XCTAssertEqual(again.status, .unauthorized, "a disabled account cannot sign in with its right password")
        }
    }

    func testSigningOutEndsTheSession() async throws {
        try await PortalFixture.test { app in
            let browser = try await app.signedIn("tinh-35")
            let cookie = try XCTUnwrap(browser.cookies[SessionCookies.session])
            try await browser.get("/")
            let out = try await browser.post("/dang-xuat", fields: [])
            XCTAssertEqual(out.status, .seeOther)
            XCTAssertNil(browser.cookies[SessionCookies.session], "signing out clears the cookie")
            let replay = Browser(client: app.client)
            replay.cookies[SessionCookies.session] = cookie
            let response1 = try await replay.get("/tinh-hinh")
            XCTAssertEqual(response1.status, .seeOther, "the old cookie, sent again, opens nothing")
        }
    }

    func testPagesSendAVisitorToSignIn() async throws {
        try await PortalFixture.test { app in
            for path in ["/gui-bao-cao", "/don-vi", "/tinh-hinh", "/bao-cao", "/quan-tri/tai-khoan", "/quan-tri/nhat-ky"] {
                let response = try await app.browser().get(path)
                XCTAssertEqual(response.status, .seeOther, "\(path) needs a session")
                XCTAssertEqual(response.headers[.location], "/", "\(path) leads a visitor to the sign-in page")
            }
        }
    }
}
