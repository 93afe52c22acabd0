import XCTest
import HummingbirdTesting
import TonghopStore
@testable import TonghopPortal
import TonghopTestSupport

/// Every sign-in, upload and download is recorded — who, when, what, from which address — and
/// shown to the administrators of the units concerned.
final class AuditTests: XCTestCase {
    func testSignInsUploadsAndDownloadsAreRecorded() async throws {
        try await PortalFixture.test { app in
            _ = try await app.browser().signIn("xa-13285", password: "sai-mat-khau")
            let clerk = try await app.signedIn("xa-13285")
            try await clerk.get("/gui-bao-cao")
            try await clerk.upload([("13285.csv", try quangTrungForm(tt01: "ba"))])
            try await clerk.get("/don-vi/bieu-mau?ky=2024-Q2&dang=csv")
            let compiler = try await app.signedIn("tinh-35")
            try await compiler.get("/bao-cao/tai-ve?ky=2024-Q1&don-vi=35&dang=xlsx")
            let events = try app.store().auditEvents(limit: 100).reversed().map { "\($0.login ?? "-") \($0.unitCode ?? "-") \($0.action) \($0.outcome)" }
            XCTAssertEqual(events, ["xa-13285 13285 dang-nhap sai-mat-khau", "xa-13285 13285 dang-nhap thanh-cong", "xa-13285 13285 gui-tep rejected",
                                    "xa-13285 13285 tai-ve thanh-cong", "tinh-35 35 dang-nhap thanh-cong", "tinh-35 35 tai-ve thanh-cong"])
            let download = try XCTUnwrap(app.store().auditEvents(limit: 1).first)
            XCTAssertEqual(download.object, "2024-Q1/bao-cao-35-ha-nam-2024-Q1.xlsx", "what was downloaded")
            XCTAssertEqual(download.address, "-", "the address (none without a socket)")
            XCTAssertTrue(download.at.hasPrefix("20"), "when: \(download.at)")
        }
    }

    func testAdministratorsReadTheLogOfTheirUnitsOnly() async throws {
        try await PortalFixture.test { app in
            _ = try await app.signedIn("tinh-24")
            _ = try await app.signedIn("xa-13285")
            let hanam = try await app.signedIn("qt-35")
            let page = try await hanam.get("/quan-tri/nhat-ky")
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.text.contains("xa-13285"), "Hà Nam's administrator sees its commune's sign-in")
            XCTAssertFalse(page.text.contains("tinh-24"), "and not Bắc Giang's")
            let nation = try await app.signedIn("qt-vn")
            let response2 = try await nation.get("/quan-tri/nhat-ky")
            XCTAssertTrue(response2.text.contains("tinh-24"), "the nation's administrator sees all")
        }
    }

    func testRefusalsOfKnownAccountsAreRecorded() async throws {
        try await PortalFixture.test { app in
            let clerk = try await app.signedIn("xa-13285")
            try await clerk.get("/don-vi?don-vi=13291")
            try await clerk.get("/bao-cao/tai-ve?ky=2024-Q1&don-vi=35&dang=xlsx")
            try await clerk.get("/bao-cao")
            try await clerk.get("/gui-bao-cao")
            try await clerk.upload([("13285.csv", try quangTrungForm(tt01: "5"))], csrf: "khong-phai-ma-cua-trang")
            let province = try await app.signedIn("tinh-35")
            try await province.get("/bao-cao/tai-ve?ky=2024-Q1&don-vi=24&dang=xlsx")
            _ = try await app.api(.get, "/api/v1/export?period=2024-Q1&scope=24", token: try app.token("tinh-35"))
            let refusals = try app.store().auditEvents(limit: 100).reversed().filter { $0.action == "truy-cap" }
                .map { "\($0.login ?? "-") \($0.unitCode ?? "-") \($0.object) \($0.outcome)" }
            XCTAssertEqual(refusals, [
                "xa-13285 13285 GET /don-vi?don-vi=13291 tu-choi: outsideScope",
                "xa-13285 13285 GET /bao-cao/tai-ve?ky=2024-Q1&don-vi=35&dang=xlsx tu-choi: outsideScope",
                "xa-13285 13285 GET /bao-cao tu-choi: role",
                "xa-13285 13285 POST /gui-bao-cao tu-choi: csrf",
                "tinh-35 35 GET /bao-cao/tai-ve?ky=2024-Q1&don-vi=24&dang=xlsx tu-choi: outsideScope",
                "tinh-35 35 GET /api/v1/export?period=2024-Q1&scope=24 tu-choi: outsideScope",
            ], "who, what they asked for and why it was refused")
        }
    }

    func testRefusalsOfVisitorsAndUnknownTokensAreNotRecorded() async throws {
        try await PortalFixture.test { app in
            let before = try app.store().auditEvents(limit: 1000).count
            let visitor = app.browser()
            try await visitor.get("/don-vi?don-vi=13291")
            try await visitor.post("/dang-xuat", fields: [], csrf: "khong-co")
            try await visitor.get("/tai-nguyen/khong-co.css")
            for token in [nil, "tonghop_khong-phai-ma-that"] as [String?] {
                _ = try await app.api(.get, "/api/v1/export?period=2024-Q1&scope=24", token: token)
            }
            let clerk = try await app.signedIn("xa-13285")
            let missing = try await clerk.get("/tai-nguyen/khong-co.css")
            XCTAssertEqual(missing.status, .notFound)
            let events = try app.store().auditEvents(limit: 1000)
            XCTAssertEqual(events.count, before + 1, "only the clerk's sign-in: a visitor's refusals cost nothing to send and are not logged, nor is a 404")
        }
    }

    func testTheLogIsShownInWords() async throws {
        try await PortalFixture.test { app in
            let clerk = try await app.signedIn("xa-13285")
            try await clerk.get("/don-vi?don-vi=13291")
            try await clerk.get("/gui-bao-cao")
            try await clerk.upload([("13285.csv", try quangTrungForm(tt01: "ba"))])
            let administrator = try await app.signedIn("qt-35")
            let page = try await administrator.get("/quan-tri/nhat-ky")
            XCTAssertEqual(page.status, .ok)
            for words in ["<td>Đăng nhập</td>", "<td>Gửi tệp</td>", "<td>Từ chối</td>", "<td>Truy cập</td>", "<td>Từ chối truy cập: ngoài phạm vi</td>",
                          "<td>Thành công</td>"] {
                XCTAssertTrue(page.text.contains(words), "the log says \(words)")
            }
            for code in ["dang-nhap", "gui-tep", "rejected", "thanh-cong", "tu-choi", "outsideScope"] {
                XCTAssertFalse(page.text.contains("<td>\(code)"), "no raw code \(code) in a cell")
            }
        }
    }

    func testEveryCodeHasItsWords() {
        XCTAssertEqual(AuditWording.text("dang-nhap"), "Đăng nhập")
        XCTAssertEqual(AuditWording.text("tai-ve"), "Tải về")
        XCTAssertEqual(AuditWording.text("accepted"), "Nhận")
        XCTAssertEqual(AuditWording.text("rejected"), "Từ chối")
        XCTAssertEqual(AuditWording.text("da-nhan-truoc (accepted)"), "Đã nhận trước đó (nhận)")
        XCTAssertEqual(AuditWording.text("ngoai-pham-vi: 13291, 13297"), "Ngoài phạm vi: 13291, 13297", "unit codes stay as they are")
        XCTAssertEqual(AuditWording.text("tu-choi: csrf"), "Từ chối truy cập: biểu mẫu không hợp lệ")
        XCTAssertEqual(AuditWording.text("ma-moi"), "ma-moi", "a code the table does not know is shown as stored")
        let codes = ["dang-nhap", "dang-xuat", "gui-tep", "tai-ve", "xuat", "tai-khoan", "truy-cap", "thanh-cong", "sai-mat-khau", "tam-khoa",
                     "accepted", "partial", "rejected", "da-nhan-truoc", "ngoai-pham-vi", "tu-choi", "outsideScope", "role", "csrf", "unauthorized"]
        for code in codes { XCTAssertNotNil(AuditWording.words[code], "\(code) has its words") }
    }
}
