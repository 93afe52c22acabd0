import XCTest
import Hummingbird
import HummingbirdTesting
import TonghopBase
@testable import TonghopPortal
import TonghopTestSupport

/// What fails or is refused is answered in Vietnamese: the page's title and heading as well as
/// its reason, and "nothing there" as 404, never as the server's failure.
final class ErrorPageTests: XCTestCase {
    func testExportingAPeriodWithNoReportsIs404WithItsReason() async throws {
        try await PortalFixture.test { app in
            let response = try await app.api(.get, "/api/v1/export?period=2024-Q4&scope=35", token: try app.token("tinh-35"))
            XCTAssertEqual(response.status, .notFound, "the store holds no report of Hà Nam for 2024-Q4: nothing there, not a failure")
            let json = try response.json()
            XCTAssertEqual(json["error"] as? String, "noReports")
            let reason = try XCTUnwrap(json["reason"] as? String)
            XCTAssertTrue(reason.contains("Hà Nam (35)") && reason.contains("quý IV năm 2024"), "the reason names the unit and the period: \(reason)")

            let compiler = try await app.signedIn("tinh-35")
            let page = try await compiler.get("/bao-cao/xuat?ky=2024-Q4&don-vi=35&dang=csv")
            XCTAssertEqual(page.status, .notFound, "the page's export link is answered the same way")
            XCTAssertTrue(page.visibleText.contains("chưa có báo cáo nào của Tỉnh Hà Nam (35) cho quý IV năm 2024"), page.visibleText)
        }
    }
}
