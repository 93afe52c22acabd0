import XCTest
import HummingbirdTesting
@testable import TonghopPortal
import TonghopTestSupport

/// Every form post carries the token of the page it came from; a post without it, or with
/// another, is refused before anything is done.
final class CSRFTests: XCTestCase {
    func testAnUploadWithoutItsTokenIsRefusedAndNothingIsKept() async throws {
        try await PortalFixture.test { app in
            let browser = try await app.signedIn("xa-13285")
            try await browser.get("/gui-bao-cao")
            let response = try await browser.upload([("13285.csv", try quangTrungForm(tt01: "99"))], csrf: .some(nil))
            XCTAssertEqual(response.status, .forbidden, "a form post without its CSRF token is refused")
            XCTAssertTrue(response.text.contains("Biểu mẫu này đã hết hạn"), "the page says what to do")
            XCTAssertFalse(FileManager.default.fileExists(atPath: app.workspace.inputs.appendingPathComponent("tai-len").path),
                           "nothing of the refused post is kept")
        }
    }

    func testAnotherSessionsTokenIsRefused() async throws {
        try await PortalFixture.test { app in
            let victim = try await app.signedIn("qt-35")
            let attacker = try await app.signedIn("xa-13285")
            try await attacker.get("/gui-bao-cao")
            let stolenFromElsewhere = try XCTUnwrap(attacker.csrf)
            try await victim.get("/quan-tri/tai-khoan")
            let response = try await victim.post("/quan-tri/tai-khoan/khoa", fields: [("dang-nhap", "tinh-35")], csrf: .some(stolenFromElsewhere))
            XCTAssertEqual(response.status, .forbidden, "a token is good for its own session only")
            XCTAssertFalse(try XCTUnwrap(app.store().account(login: "tinh-35")).account.disabled, "the account was not disabled")
        }
    }

    func testSigningInNeedsTheFormsTokenToo() async throws {
        try await PortalFixture.test { app in
            let browser = app.browser()
            try await browser.get("/")
            let withoutToken = try await browser.post("/dang-nhap", fields: [("dang-nhap", "xa-13285"), ("mat-khau", PortalFixture.password)], csrf: .some(nil))
            XCTAssertEqual(withoutToken.status, .forbidden, "a sign-in posted from elsewhere (no token) is refused")
            let wrongToken = try await browser.post("/dang-nhap", fields: [("dang-nhap", "xa-13285"), ("mat-khau", PortalFixture.password)], csrf: .some("gia-mao"))
            XCTAssertEqual(wrongToken.status, .forbidden, "a token that is not the visitor cookie's is refused")
            XCTAssertNil(browser.cookies[SessionCookies.session])
        }
    }

    func testEveryFormOfEveryPageCarriesTheToken() async throws {
        try await PortalFixture.test { app in
            let browser = try await app.signedIn("qt-vn")
            for path in ["/", "/gui-bao-cao", "/don-vi", "/tinh-hinh", "/bao-cao", "/quan-tri/tai-khoan", "/quan-tri/nhat-ky"] {
                let html = try await browser.get(path).text
                let forms = html.components(separatedBy: "<form").dropFirst()
                XCTAssertFalse(forms.isEmpty, "\(path) has a form (signing out at least)")
                for form in forms {
                    let body = form.components(separatedBy: "</form>")[0]
                    XCTAssertTrue(body.contains(#"name="csrf" value=""#) && !body.contains(#"name="csrf" value="""#),
                                  "every form of \(path) carries a non-empty CSRF token")
                }
            }
        }
    }
}
