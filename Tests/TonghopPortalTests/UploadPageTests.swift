import XCTest
import HummingbirdTesting
import TonghopBase
import TonghopStore
@testable import TonghopPortal
import TonghopTestSupport

/// The upload page: each file read and stored at once, and answered file by file with every
/// problem worded as on the error slip.
final class UploadPageTests: XCTestCase {
    func testAGoodFileIsAcceptedAndStored() async throws {
        try await PortalFixture.test { app in
            let browser = try await app.signedIn("xa-13285")
            try await browser.get("/gui-bao-cao")
            let page = try await browser.upload([("quang-trung-q1.csv", try quangTrungForm(tt01: "99"))])
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.text.contains(#"<span class="badge ok">Đã nhận</span>"#), "the file is shown accepted")
            XCTAssertTrue(page.text.contains("Đã lưu 1 báo cáo"), "the page says what was stored")
            let stored = try app.store().activeSubmissions(periods: [.quarter(2024, 1)], units: ["13285"])
            XCTAssertEqual(stored.first?.values.first { $0.indicator == "TT01" }?.value, 99, "the new TT01 is the one in use")
            XCTAssertTrue(FileManager.default.fileExists(atPath: app.workspace.inputs.appendingPathComponent("tai-len/13285/quang-trung-q1.csv").path),
                          "the file is kept under inputs/tai-len/<unit>/")
        }
    }

    func testAFileWithAMistakeIsRefusedWithTheSlipsMessage() async throws {
        try await PortalFixture.test { app in
            let browser = try await app.signedIn("xa-13285")
            try await browser.get("/gui-bao-cao")
            let page = try await browser.upload([("13285.csv", try quangTrungForm(tt01: "ba"))])
            XCTAssertTrue(page.text.contains(#"<span class="badge bad">Bị từ chối</span>"#), "the file is shown refused")
            XCTAssertTrue(page.text.contains("dòng 27, cột 5 (E):"), "the problem is placed at its line and column")
            XCTAssertTrue(page.text.contains("Tìm thấy: &quot;ba&quot;"), "what was found is quoted (HTML-escaped)")
            XCTAssertTrue(page.text.contains("Cần: số nguyên không âm"), "what was expected is said")
            XCTAssertTrue(page.text.contains("Cách sửa:"), "how to fix it is said")
            // The same sentence as the error slip's, place included.
            let slip = try String(contentsOf: app.workspace.outputs.appendingPathComponent("phieu-bao-loi/tai-len/13285/13285.csv.txt"), encoding: .utf8)
            let slipLine = try XCTUnwrap(slip.split(separator: "\n").first { $0.contains("dòng 27, cột 5 (E)") })
            let sentence = String(slipLine.drop { $0 != "d" })
            XCTAssertTrue(page.visibleText.contains(sentence), "the page's message is the slip's: \(sentence)")
            XCTAssertTrue(page.text.contains("/don-vi/phieu-bao-loi?tep=tai-len/13285/13285.csv"), "the page links the file's slip")
        }
    }

    func testAPartlyBadTableIsPartlyAccepted() async throws {
        try await PortalFixture.test { app in
            let browser = try await app.signedIn("tinh-24")
            try await browser.get("/gui-bao-cao")
            let sample = try String(contentsOf: Fixtures.root.appendingPathComponent("inputs/2024/24-bac-giang/2024-Q1/bang-xa-huyen-213.csv"), encoding: .utf8)
            var lines = sample.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            var cells = lines[2].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            cells[4] = "hai"  // MT07 of the second commune, as a word
            lines[2] = cells.joined(separator: ",")
            let page = try await browser.upload([("bang-213.csv", lines.joined(separator: "\n"))])
            XCTAssertTrue(page.text.contains(#"<span class="badge warn">Nhận một phần</span>"#), "one bad row leaves the file partly accepted")
            XCTAssertTrue(page.text.contains("dòng 3, cột 5 (E):"), "the bad cell is placed")
            XCTAssertTrue(page.text.contains("Tìm thấy: &quot;hai&quot;"))
            XCTAssertTrue(page.text.contains("phần có lỗi dưới đây chưa được nhận"), "the page says the rest was taken")
        }
    }

    func testAWorkbookIsReadLikeItsCSVTwin() async throws {
        try await PortalFixture.test { app in
            let browser = try await app.signedIn("xa-13285")
            let blank = try await browser.get("/don-vi/bieu-mau?ky=2024-Q2&dang=xlsx")
            try await browser.get("/gui-bao-cao")
            var body = Multipart()
            body.field("csrf", try XCTUnwrap(browser.csrf))
            body.file("tep", name: "bieu-mau.xlsx", bytes: Array(blank.body.readableBytesView))
            let page = try await browser.post(multipart: body)
            XCTAssertTrue(page.text.contains(#"<span class="badge bad">Bị từ chối</span>"#), "a blank form sent back unfilled is refused")
            XCTAssertTrue(page.visibleText.contains("Tệp không có số liệu nào"), "because it holds no figures: \(page.visibleText)")
            let kept = app.workspace.inputs.appendingPathComponent("tai-len/13285/bieu-mau.xlsx")
            XCTAssertEqual(try Data(contentsOf: kept), Data(blank.body.readableBytesView), "the workbook is kept byte for byte")
        }
    }

    func testSeveralFilesAreAnsweredOneByOne() async throws {
        try await PortalFixture.test { app in
            let browser = try await app.signedIn("xa-13285")
            try await browser.get("/gui-bao-cao")
            let page = try await browser.upload([("sai.csv", try quangTrungForm(tt01: "ba")), ("dung.csv", try quangTrungForm(tt01: "5"))])
            let bad = try XCTUnwrap(page.text.range(of: "sai.csv")), good = try XCTUnwrap(page.text.range(of: "dung.csv"))
            XCTAssertLessThan(bad.lowerBound, good.lowerBound, "files are answered in the order sent")
            XCTAssertTrue(page.text[bad.lowerBound..<good.lowerBound].contains("Bị từ chối"), "the first is refused")
            XCTAssertTrue(page.text[good.lowerBound...].contains("Đã nhận"), "the second is accepted")
        }
    }

    func testTheSameFileAgainChangesNothing() async throws {
        try await PortalFixture.test { app in
            let browser = try await app.signedIn("xa-13285")
            try await browser.get("/gui-bao-cao")
            try await browser.upload([("13285.csv", try quangTrungForm(tt01: "7"))])
            let generation = try app.store().dataGeneration()
            let again = try await browser.upload([("13285-lai.csv", try quangTrungForm(tt01: "7"))])
            XCTAssertTrue(again.text.contains("Đã nhận trước đây"), "the page says the same bytes were received before")
            XCTAssertEqual(try app.store().dataGeneration(), generation, "nothing was stored")
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: app.workspace.inputs.appendingPathComponent("tai-len/13285").path), ["13285.csv"],
                           "nothing more is kept in inputs/")
        }
    }

    func testAnUploadOverTheLimitIsRefused413() async throws {
        try await PortalFixture.test(maxUploadBytes: 4096) { app in
            let browser = try await app.signedIn("xa-13285")
            try await browser.get("/gui-bao-cao")
            let page = try await browser.upload([("lon.csv", String(repeating: "x", count: 8192))])
            XCTAssertEqual(page.status, .contentTooLarge)
            XCTAssertTrue(page.text.contains("Tệp gửi lên quá lớn"), "the page says why, in Vietnamese")
            XCTAssertFalse(FileManager.default.fileExists(atPath: app.workspace.inputs.appendingPathComponent("tai-len").path), "nothing is kept")
        }
    }

    func testNoFileChosenIsSaid() async throws {
        try await PortalFixture.test { app in
            let browser = try await app.signedIn("xa-13285")
            try await browser.get("/gui-bao-cao")
            let page = try await browser.upload([])
            XCTAssertEqual(page.status, .badRequest)
            XCTAssertTrue(page.text.contains("Chưa chọn tệp nào"))
        }
    }
}
