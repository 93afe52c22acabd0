import XCTest
import Hummingbird
import HummingbirdTesting
import TonghopBase
@testable import TonghopPortal
import TonghopTestSupport

/// What fails or is refused is answered in Vietnamese: the page's title and heading as well as
/// its reason, and "nothing there" as 404, never as the server's failure.
final class ErrorPageTests: XCTestCase {
    func testEveryErrorPageIsTitledInVietnamese() throws {
        let pages = try Pages()
        let statuses: [HTTPResponse.Status] = [.badRequest, .unauthorized, .forbidden, .notFound, .methodNotAllowed, .contentTooLarge,
                                               .tooManyRequests, .internalServerError, .serviceUnavailable, .badGateway]
        for status in statuses {
            let title = Pages.errorTitle(status)
            let page = pages.errorPage(Refused(status, "test", "Lý do.")).text
            XCTAssertTrue(page.contains("<title>\(title) · tonghop</title>"), "\(status.code): the tab says \(title)")
            XCTAssertTrue(page.contains("<h1>\(title)</h1>"), "\(status.code): the heading says it too")
            XCTAssertFalse(page.contains(status.reasonPhrase), "\(status.code): HTTP's English phrase is not shown")
        }
        XCTAssertEqual(Pages.errorTitle(.notFound), "Không tìm thấy")
        XCTAssertEqual(Pages.errorTitle(.internalServerError), "Máy chủ gặp lỗi")
        XCTAssertEqual(Pages.errorTitle(.forbidden), "Không được phép")
        XCTAssertEqual(Pages.errorTitle(.contentTooLarge), "Tệp quá lớn")
        XCTAssertEqual(Pages.errorTitle(.badRequest), "Yêu cầu không hợp lệ")
    }

    func testAnUnknownPageIsNotFoundInVietnamese() async throws {
        try await PortalFixture.test { app in
            let page = try await app.browser().get("/khong-co-trang-nay")
            XCTAssertEqual(page.status, .notFound)
            XCTAssertTrue(page.text.contains("<title>Không tìm thấy · tonghop</title>"), page.text)
            XCTAssertFalse(page.text.contains("Not Found"), "no English title")
        }
    }

    func testAnotherUnitsPageIsForbiddenInVietnamese() async throws {
        try await PortalFixture.test { app in
            let clerk = try await app.signedIn("xa-13285")
            let page = try await clerk.get("/don-vi?don-vi=13291")
            XCTAssertEqual(page.status, .forbidden)
            XCTAssertTrue(page.text.contains("<title>Không được phép · tonghop</title>"))
            XCTAssertFalse(page.text.contains("Forbidden"), "no English title")
        }
    }

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
            XCTAssertTrue(page.text.contains("<title>Không tìm thấy · tonghop</title>"))
            XCTAssertTrue(page.visibleText.contains("chưa có báo cáo nào của Tỉnh Hà Nam (35) cho quý IV năm 2024"), page.visibleText)
        }
    }
}
