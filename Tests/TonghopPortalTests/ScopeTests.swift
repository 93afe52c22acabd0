import XCTest
import HummingbirdTesting
import TonghopBase
@testable import TonghopPortal
import TonghopTestSupport

/// Nobody sees or sends anything outside their own unit, on any route.
final class ScopeTests: XCTestCase {
    func testACommuneCannotUploadAnotherUnitsReport() async throws {
        try await PortalFixture.test { app in
            let browser = try await app.signedIn("xa-13285")
            try await browser.get("/gui-bao-cao")
            let other = Fixtures.communeForm(unit: "13291", rows: ["TT01,,,,3,"])
            let page = try await browser.upload([("13291.csv", other)])
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.text.contains("ngoài phạm vi tài khoản (13291)"), "the page says the report is outside the account's unit")
            XCTAssertFalse(FileManager.default.fileExists(atPath: app.workspace.inputs.appendingPathComponent("tai-len").path),
                           "nothing of it is kept in inputs/")
            XCTAssertEqual(try app.store().latestFiles(under: "tai-len/").count, 0, "nothing of it is stored")
        }
    }

    func testACommuneCannotReadAnotherProvincesStatusOrDownloadItsWorkbook() async throws {
        try await PortalFixture.test { app in
            let browser = try await app.signedIn("xa-13285-th")
            for path in ["/tinh-hinh?ky=2024-Q1&don-vi=24", "/bao-cao?ky=2024-Q1&don-vi=24", "/bao-cao/tai-ve?ky=2024-Q1&don-vi=24&dang=xlsx",
                         "/bao-cao/xuat?ky=2024-Q1&don-vi=24&dang=csv", "/don-vi?don-vi=07201", "/don-vi/bieu-mau?don-vi=13291&ky=2024-Q1&dang=csv",
                         "/tinh-hinh?ky=2024-Q1&don-vi=347", "/bao-cao/tai-ve?ky=2024-Q1&don-vi=35&dang=xlsx"] {
                let response = try await browser.get(path)
                XCTAssertEqual(response.status, .forbidden, "\(path) lies outside Phường Quang Trung's account")
            }
        }
    }

    func testEveryRouteNamingAUnitHoldsItToTheAccount() async throws {
        try await PortalFixture.test { app in
            let hanam = try await app.signedIn("qt-35")
            let pages = ["/", "/gui-bao-cao", "/don-vi", "/don-vi/phieu-bao-loi", "/don-vi/bieu-mau", "/tinh-hinh", "/bao-cao",
                         "/bao-cao/tai-ve", "/bao-cao/xuat", "/quan-tri/tai-khoan", "/quan-tri/nhat-ky"]
            for path in pages {
                let response = try await hanam.get(path + "?ky=2024-Q1&don-vi=24&dang=csv&tep=x")
                XCTAssertEqual(response.status, .forbidden, "\(path) refuses a unit outside Hà Nam (Bắc Giang, 24)")
            }
            let token = try app.token("tinh-35")
            for path in ["/api/v1/export", "/api/v1/status"] {
                let response = try await app.api(.get, path + "?period=2024-Q1&scope=24", token: token)
                XCTAssertEqual(response.status, .forbidden, "\(path) refuses a scope outside Hà Nam")
                XCTAssertEqual(try response.json()["error"] as? String, "outsideScope", "\(path) says why, in JSON")
            }
        }
    }

    func testAUnitThePeriodsRegistryDoesNotKnowIsSaidToBeSo() async throws {
        try await PortalFixture.test { app in
            // Hà Nam (35) merged into Ninh Bình on 1 July 2025: no unit of 2025-Q3, for the
            // nation's account too. Not "outside your scope".
            let nation = try await app.signedIn("qt-vn")
            let page = try await nation.get("/tinh-hinh?ky=2025-Q3&don-vi=35")
            XCTAssertEqual(page.status, .notFound)
            XCTAssertTrue(page.text.contains("Không có đơn vị mã 35 trong danh mục đơn vị áp dụng cho quý III năm 2025"), page.text)
            XCTAssertFalse(page.text.contains("ngoài phạm vi"))
            let known = try await nation.get("/tinh-hinh?ky=2024-Q3&don-vi=35")
            XCTAssertEqual(known.status, .ok, "the same code in a period it existed")
        }
    }

    func testADistrictSeesItsCommunesButNotItsProvince() async throws {
        try await PortalFixture.test { app in
            let browser = try await app.signedIn("huyen-347")
            let response6 = try await browser.get("/tinh-hinh?ky=2024-Q1&don-vi=347")
            XCTAssertEqual(response6.status, .ok, "a district sees its own status")
            let response7 = try await browser.get("/don-vi?don-vi=13285")
            XCTAssertEqual(response7.status, .ok, "a district sees its communes' pages")
            let response8 = try await browser.get("/tinh-hinh?ky=2024-Q1&don-vi=35")
            XCTAssertEqual(response8.status, .forbidden, "a district does not see its province")
            let response9 = try await browser.get("/don-vi?don-vi=13456")
            XCTAssertEqual(response9.status, .forbidden, "nor a commune of another district")
        }
    }

    func testADepartmentSeesOnlyItself() async throws {
        try await PortalFixture.test { app in
            let browser = try await app.signedIn("ca-35")
            let response10 = try await browser.get("/don-vi")
            XCTAssertEqual(response10.status, .ok)
            let response11 = try await browser.get("/tinh-hinh?ky=2024-Q1&don-vi=35")
            XCTAssertEqual(response11.status, .forbidden, "a department does not see its province")
            let response12 = try await browser.get("/don-vi?don-vi=35-YT")
            XCTAssertEqual(response12.status, .forbidden, "nor another department")
        }
    }

    func testTheAccountScopeFollowsThePeriodsRegistry() throws {
        let district = AccountScope(unitCode: "347", catalog: Fixtures.catalog)
        XCTAssertTrue(district.contains("13285", period: .quarter(2024, 1)), "13285 lies within Phủ Lý in 2024")
        XCTAssertFalse(district.contains("13285", period: .half(2025, 2)), "districts are gone from the 2025 map: nothing lies within one")
        let nation = AccountScope(unitCode: "VN", catalog: Fixtures.catalog)
        XCTAssertTrue(nation.contains("35-CA", period: .quarter(2024, 1)), "a department lies within the nation")
        XCTAssertFalse(nation.contains("99999", period: nil), "a code no registry knows lies within nothing")
    }

    func testRolesOpenOnlyTheirPages() async throws {
        try await PortalFixture.test { app in
            let clerk = try await app.signedIn("xa-13285")
            let response13 = try await clerk.get("/gui-bao-cao")
            XCTAssertEqual(response13.status, .ok)
            let response14 = try await clerk.get("/don-vi")
            XCTAssertEqual(response14.status, .ok)
            for path in ["/tinh-hinh", "/bao-cao", "/bao-cao/xuat?ky=2024-Q1&don-vi=13285", "/quan-tri/tai-khoan", "/quan-tri/nhat-ky"] {
                let response15 = try await clerk.get(path)
                XCTAssertEqual(response15.status, .forbidden, "nhap-lieu does not open \(path)")
            }
            let compiler = try await app.signedIn("tinh-35")
            let response16 = try await compiler.get("/tinh-hinh")
            XCTAssertEqual(response16.status, .ok)
            let response17 = try await compiler.get("/quan-tri/tai-khoan")
            XCTAssertEqual(response17.status, .forbidden, "tong-hop does not manage accounts")
        }
    }
}
