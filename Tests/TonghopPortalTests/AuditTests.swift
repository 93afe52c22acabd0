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
}
