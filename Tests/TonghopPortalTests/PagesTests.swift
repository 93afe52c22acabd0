import XCTest
import HummingbirdTesting
import TonghopBase
@testable import TonghopPortal
import TonghopTestSupport

/// The pages a unit reads: its own, the reporting status with its drill-down, the figures.
final class PagesTests: XCTestCase {
    func testTheUnitPageShowsPeriodsVersionsChangesAndSlips() async throws {
        try await PortalFixture.test { app in
            let browser = try await app.signedIn("xa-13285")
            try await browser.get("/gui-bao-cao")
            try await browser.upload([("13285.csv", try quangTrungForm(tt01: "ba"))])
            try await browser.upload([("13285-sua.csv", try quangTrungForm(tt01: "99"))])
            let page = try await browser.get("/don-vi")
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.text.contains("<td>Quý I năm 2024</td><td><span class=\"badge warn\">Gửi muộn</span></td><td data-label=\"Nhận\">23/11/2026</td><td data-label=\"Hạn\">16/3/2024</td>"),
                          "sent through the portal on the fixture's day (23/11/2026), the quarter due 16/3/2024 (deadlines.csv) is late, whatever its date line (12/3/2024) says")
            XCTAssertTrue(page.text.contains("TT01: 1 → 99"), "the corrected version says what changed")
            XCTAssertTrue(page.text.contains("Chưa nhận — quá hạn"), "a past quarter with nothing is overdue")
            XCTAssertTrue(page.text.contains("/don-vi/phieu-bao-loi?tep=tai-len/13285/13285.csv"), "the refused file's slip is listed")
            let slip = try await browser.get("/don-vi/phieu-bao-loi?tep=tai-len/13285/13285.csv")
            XCTAssertEqual(slip.headers[.contentType], "text/plain; charset=utf-8")
            XCTAssertEqual(slip.text, try String(contentsOf: app.workspace.outputs.appendingPathComponent("phieu-bao-loi/tai-len/13285/13285.csv.txt"), encoding: .utf8),
                           "the slip shown is the slip written")
        }
    }

    func testTheStatusLeadsFromTheNationToACommune() async throws {
        try await PortalFixture.test { app in
            let browser = try await app.signedIn("qt-vn")
            let nation = try await browser.get("/tinh-hinh?ky=2024-Q1")
            XCTAssertTrue(nation.text.contains("Tình hình báo cáo Quý I năm 2024"))
            XCTAssertTrue(nation.text.contains(#"<a href="/tinh-hinh?ky=2024-Q1&amp;don-vi=35">Tỉnh Hà Nam</a>"#), "each province leads to its status")
            let province = try await browser.get("/tinh-hinh?ky=2024-Q1&don-vi=35")
            XCTAssertTrue(province.text.contains(#"<a href="/tinh-hinh?ky=2024-Q1&amp;don-vi=347">Thành phố Phủ Lý</a>"#), "each district leads to its status")
            XCTAssertTrue(province.text.contains("Các sở, ban, ngành"), "the province's departments have their row")
            let district = try await browser.get("/tinh-hinh?ky=2024-Q1&don-vi=347")
            XCTAssertTrue(district.text.contains(#"<a href="/don-vi?don-vi=13285">Phường Quang Trung</a>"#), "each commune leads to its page")
        }
    }

    func testTheStatusNamesWhoIsMissing() async throws {
        try await PortalFixture.test { app in
            // The sample holds Hà Nam and Bắc Giang only: Hà Nội's communes have sent nothing.
            let browser = try await app.signedIn("qt-vn")
            let page = try await browser.get("/tinh-hinh?ky=2024-Q1&don-vi=VN").text
            let row = try XCTUnwrap(page.components(separatedBy: "<tr>").first { $0.contains("Thành phố Hà Nội") })
            XCTAssertTrue(row.contains("Chưa báo cáo: "), "missing reporters are named")
            XCTAssertTrue(row.contains("đơn vị khác"), "ten names at most, then how many more")
            XCTAssertFalse(page.components(separatedBy: "<tr>").first { $0.contains("Tỉnh Hà Nam") }?.contains("Chưa báo cáo") ?? true,
                           "Hà Nam, complete, names nobody")
        }
    }

    func testTheFiguresFollowTheDataAndStandBesideLastYear() async throws {
        try await PortalFixture.test { app in
            let compiler = try await app.signedIn("huyen-347")
            func tt01() async throws -> Double {
                let page = try await compiler.get("/bao-cao?ky=2024-Q1&don-vi=347").text
                let row = try XCTUnwrap(page.components(separatedBy: "<tr>").first { $0.contains("Số buổi tuyên truyền") })
                let cell = try XCTUnwrap(row.components(separatedBy: "data-label=\"Kỳ này\">").dropFirst().first?.components(separatedBy: "<").first)
                return try XCTUnwrap(Double(cell.replacingOccurrences(of: ".", with: "")), "a number: \(cell)")
            }
            let before = try await tt01()
            let clerk = try await app.signedIn("xa-13285")
            try await clerk.get("/gui-bao-cao")
            try await clerk.upload([("13285.csv", try quangTrungForm(tt01: "97"))])
            let value21 = try await tt01()
            XCTAssertEqual(value21 - before, 96, "Phủ Lý's TT01 grows by what Quang Trung's corrected form adds (1 → 97)")
            let page = try await compiler.get("/bao-cao?ky=2024-Q1&don-vi=347").text
            XCTAssertTrue(page.text.contains("Cùng kỳ: Quý I năm 2023"), "last year's column")
            XCTAssertTrue(page.text.contains("<svg class=\"chart\""), "a chart, drawn by the server")
            XCTAssertTrue(page.text.contains("Phường Quang Trung"), "the chart names the district's communes")
        }
    }

    func testAPeriodNotAllUnitsReportedSaysSoAboveItsFigures() async throws {
        try await PortalFixture.test { app in
            let nation = try await app.signedIn("qt-vn")
            let page = try await nation.get("/bao-cao?ky=2024-Q1&don-vi=VN").text
            // The fixture holds the reports of two provinces' units only, of the nation's 11,329
            // expected (as the status page counts them).
            XCTAssertTrue(page.contains("Chưa đủ báo cáo: mới có 325/11329 đơn vị gửi báo cáo"), page)
            XCTAssertTrue(page.contains("so sánh với cùng kỳ chỉ có ý nghĩa khi đủ báo cáo"))
            let district = try await nation.get("/bao-cao?ky=2024-Q1&don-vi=347").text
            XCTAssertFalse(district.contains("Chưa đủ báo cáo"), "every commune of Phủ Lý reported")
        }
    }

    func testTheReportsPageOffersOnlyWrittenWorkbooksWithinTheAccount() async throws {
        try await PortalFixture.test { app in
            let province = try await app.signedIn("tinh-35")
            let page = try await province.get("/bao-cao?ky=2024-Q1&don-vi=35").text
            XCTAssertTrue(page.contains("/bao-cao/tai-ve?ky=2024-Q1&amp;don-vi=35&amp;dang=xlsx"), "its own workbook")
            XCTAssertFalse(page.contains("don-vi=24&amp;dang=xlsx"), "no other province's")
            let nation = try await app.signedIn("qt-vn")
            let all = try await nation.get("/bao-cao?ky=2024-Q1&don-vi=VN").text
            for code in ["VN", "35", "24"] {
                XCTAssertTrue(all.contains("/bao-cao/tai-ve?ky=2024-Q1&amp;don-vi=\(code)&amp;dang=xlsx"), "the nation's page offers \(code)'s workbook")
            }
        }
    }
}

private extension String { var text: String { self } }
