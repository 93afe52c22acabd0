import XCTest
import HummingbirdTesting
@testable import TonghopPortal
import TonghopTestSupport

/// Downloads serve only files the store records as written (or forms tonghop writes), by a
/// path the server makes from a period and a unit code: never one a request names.
final class DownloadTests: XCTestCase {
    func testAWorkbookWithinTheAccountIsServed() async throws {
        try await PortalFixture.test { app in
            let browser = try await app.signedIn("tinh-35")
            let response = try await browser.get("/bao-cao/tai-ve?ky=2024-Q1&don-vi=35&dang=xlsx")
            XCTAssertEqual(response.status, .ok)
            XCTAssertEqual(Array(response.body.readableBytesView.prefix(2)), Array("PK".utf8), "an .xlsx (a zip)")
            let onDisk = try Data(contentsOf: app.workspace.outputs.appendingPathComponent("2024-Q1/bao-cao-35-ha-nam-2024-Q1.xlsx"))
            XCTAssertEqual(Data(response.body.readableBytesView), onDisk, "the workbook as written")
            XCTAssertTrue(response.headers[.contentDisposition]?.contains("attachment; filename=\"bao-cao-35-ha-nam-2024-Q1.xlsx\"") ?? false)
            let csv = try await browser.get("/bao-cao/tai-ve?ky=2024-Q1&don-vi=35&dang=csv")
            XCTAssertTrue(csv.text.hasPrefix("ma_don_vi,ky_bao_cao,ma_chi_tieu,phan_to,gia_tri"))
        }
    }

    func testNoPathCanBeNamed() async throws {
        try await PortalFixture.test { app in
            let browser = try await app.signedIn("qt-vn")
            for query in ["ky=2024-Q1&don-vi=../../tonghop.sqlite&dang=xlsx", "ky=../../..&don-vi=35&dang=xlsx",
                          "ky=2024-Q1&don-vi=35&dang=sqlite", "ky=2024-Q1&don-vi=35%2F..%2F..&dang=csv"] {
                let status = try await browser.get("/bao-cao/tai-ve?" + query).status
                XCTAssertTrue([.badRequest, .forbidden, .notFound].contains(status), "\(query) serves nothing (\(status))")
            }
            let slip = try await browser.get("/don-vi/phieu-bao-loi?tep=../tonghop.sqlite")
            XCTAssertEqual(slip.status, .notFound, "a slip is made from the store, never read from a path")
        }
    }

    func testAWorkbookTheStoreDoesNotRecordIsNotServed() async throws {
        try await PortalFixture.test { app in
            // A file dropped under outputs/ by hand, at the name a workbook would have.
            let stray = app.workspace.outputs.appendingPathComponent("2024-Q2/bao-cao-35-ha-nam-2024-Q2.xlsx")
            try FileManager.default.createDirectory(at: stray.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("PK".utf8).write(to: stray)
            let browser = try await app.signedIn("tinh-35")
            let response3 = try await browser.get("/bao-cao/tai-ve?ky=2024-Q2&don-vi=35&dang=xlsx")
            XCTAssertEqual(response3.status, .notFound)
        }
    }

    func testAnotherProvincesWorkbookIsRefused() async throws {
        try await PortalFixture.test { app in
            let browser = try await app.signedIn("tinh-35")
            let response4 = try await browser.get("/bao-cao/tai-ve?ky=2024-Q1&don-vi=24&dang=xlsx")
            XCTAssertEqual(response4.status, .forbidden)
            let response5 = try await browser.get("/bao-cao/tai-ve?ky=2024-Q1&don-vi=VN&dang=xlsx")
            XCTAssertEqual(response5.status, .forbidden, "nor the national one")
        }
    }

    func testBlankFormsAreTheTemplateCommandsForms() async throws {
        try await PortalFixture.test { app in
            let browser = try await app.signedIn("xa-13285")
            let csv = try await browser.get("/don-vi/bieu-mau?ky=2024-Q2&dang=csv")
            XCTAssertEqual(csv.status, .ok)
            XCTAssertEqual(Array(csv.body.readableBytesView.prefix(3)), [0xEF, 0xBB, 0xBF], "the CSV form starts with a byte-order mark (Excel)")
            XCTAssertTrue(csv.text.contains("don_vi,13285"))
            XCTAssertTrue(csv.text.contains("ky_bao_cao,2024-Q2"))
            let disposition = try XCTUnwrap(csv.headers[.contentDisposition])
            XCTAssertTrue(disposition.contains("2024-Q2.csv"), "named with its period, as several quarters' forms end in one folder: \(disposition)")
            let xlsx = try await browser.get("/don-vi/bieu-mau?ky=2024-Q2&dang=xlsx")
            XCTAssertEqual(Array(xlsx.body.readableBytesView.prefix(2)), Array("PK".utf8))
        }
    }
}
