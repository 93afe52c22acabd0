import XCTest
@testable import TonghopBase
@testable import TonghopCatalog
@testable import TonghopIngest
@testable import TonghopValidate
@testable import TonghopStore
@testable import TonghopAggregate
@testable import TonghopRender
@testable import TonghopPipeline
import TonghopTestSupport

/// Every message reads whole in either language: what was expected and the details too.
final class MessageLanguageTests: XCTestCase {
    func testExpectationsAndDetailsAreWordedInEnglish() {
        let o = Fixtures.read("""
            ma_don_vi,ky_bao_cao,bieu_mau,TT01,XA02,NN01.duoi_15
            13285,2024-Q1,,x,chưa rõ,
            13291,quý 5,,1,,
            347,2024-Q1,XA,1,,
            13294,2031-Q1,,1,,
            13303,2024-Q1,,1,,2
            """)
        let english = o.problems.map { Messages.render($0, .en) }
        XCTAssertEqual(o.problems.map(\.code), [.notANumber, .notYesNo, .unknownPeriod, .formMismatch, .periodInFuture, .unknownCategory])
        // Names and the text found stay as written; none of the Vietnamese wording may show.
        let vietnameseWording = ["Cần:", "Tìm thấy", "Cách sửa", "số nguyên", "một trong", "là cấp", "dùng biểu", "danh mục", "hôm nay", "kỳ báo cáo", "hoặc"]
        for (p, line) in zip(o.problems, english) {
            XCTAssertFalse(vietnameseWording.contains(where: line.contains), "\(p.code): \(line)")
        }
        XCTAssertTrue(english[3].contains("347 Thành phố Phủ Lý is a district, its form is HUYEN"), english[3])
        XCTAssertTrue(english[4].contains("Expected: a period that has begun (today is 23/11/2026)"), english[4])
    }

    func testEnglishIsKeptInTheStore() throws {
        let (store, _) = try Fixtures.temporaryStore()
        let run = try store.beginRun(command: "test")
        let o = Fixtures.read(Fixtures.communeForm(rows: ["TT01,,,,abc,"]))
        _ = try store.store([Store.IncomingFile(outcome: o, size: 1, modifiedAt: 1, sha256: "x")], runId: run)
        let back = try store.problems(periods: [.quarter(2024, 1)])
        XCTAssertEqual(back.first?.expected, Messages.wholeNumber)
        XCTAssertEqual(back.first?.detail, Wording("TT01"))
    }
}
