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

/// A name written where a code belongs is never taken, but the message says which code was
/// probably meant.
final class NameSuggestionTests: XCTestCase {
    func testAUnitGivenByNameInAFormGetsItsCodeSuggested() {
        let o = Fixtures.read(Fixtures.communeForm(unit: "Phường Châu Cầu", rows: ["TT01,,,,3,"]))
        XCTAssertEqual(o.problems.map(\.code), [.unitGivenByName])
        XCTAssertEqual(o.status, .rejected, "a suggestion is never taken silently")
        let message = Messages.render(o.problems[0])
        XCTAssertTrue(message.contains("có phải là 13294 Phường Châu Cầu (Thành phố Phủ Lý, Tỉnh Hà Nam)?"), message)
        XCTAssertTrue(Messages.render(o.problems[0], .en).contains("did you mean 13294 Phường Châu Cầu"))
    }

    func testANameWithoutDiacriticsIsSuggestedToo() {
        let o = Fixtures.read(Fixtures.communeForm(unit: "phuong chau  cau", rows: ["TT01,,,,3,"]))
        XCTAssertEqual(o.problems.map(\.code), [.unitGivenByName])
        XCTAssertEqual(o.problems[0].detail?.vi, "13294 Phường Châu Cầu (Thành phố Phủ Lý, Tỉnh Hà Nam)")
    }

    func testUnitsOfTheFilesOwnDistrictComeFirst() {
        // "Quang Trung" names 26 units; the file's other rows are communes of Phủ Lý (347).
        let o = Fixtures.read("""
            ma_don_vi,ky_bao_cao,TT01
            13291,2024-Q1,4
            Quang Trung,2024-Q1,3
            13294,2024-Q1,2
            """)
        XCTAssertEqual(o.submissions.map(\.unitCode), ["13291", "13294"], "the good rows beside it are kept")
        XCTAssertEqual(o.problems.map(\.code), [.unitGivenByName])
        XCTAssertEqual(o.problems[0].detail?.vi, "13285 Phường Quang Trung (Thành phố Phủ Lý, Tỉnh Hà Nam)")
        XCTAssertEqual(o.problems[0].line, 3)
    }

    func testWithoutNeighboursEveryUnitOfTheNameIsCounted() {
        let o = Fixtures.read(Fixtures.communeForm(unit: "Phường Quang Trung", rows: ["TT01,,,,3,"]))
        XCTAssertEqual(o.problems.map(\.code), [.unitGivenByName])
        XCTAssertTrue(o.problems[0].detail!.vi.hasSuffix("(còn 9 đơn vị khác cùng tên)"), o.problems[0].detail!.vi)
    }

    func testAnIndicatorGivenByNameGetsItsCodeSuggested() {
        let o = Fixtures.read(Fixtures.communeForm(rows: ["TT01,,,,3,", "so nguoi nghien ma tuy co ho so quan ly,,,,5,"]))
        XCTAssertEqual(o.problems.map(\.code), [.indicatorGivenByName])
        XCTAssertEqual(o.problems[0].detail?.vi, "NN01 Số người nghiện ma túy có hồ sơ quản lý")
        XCTAssertEqual(o.status, .rejected)
    }

    func testAnIndicatorNameAsATableColumnRefusesTheFileSaidOnce() {
        let o = Fixtures.read("""
            ma_don_vi,ky_bao_cao,TT01,Số người sử dụng trái phép chất ma túy có hồ sơ quản lý
            13285,2024-Q1,3,2
            13291,2024-Q1,4,1
            13294,2024-Q1,4,
            """)
        XCTAssertEqual(o.problems.map(\.code), [.indicatorGivenByName], "one message for the column")
        XCTAssertEqual(o.problems[0].detail?.vi, "NN02 Số người sử dụng trái phép chất ma túy có hồ sơ quản lý")
        XCTAssertEqual(o.problems[0].column, 4)
        XCTAssertEqual(o.status, .rejected, "the header must be right before any row is trusted")
    }

    func testAnUnknownNameIsStillAnUnknownUnit() {
        XCTAssertEqual(Fixtures.read(Fixtures.communeForm(unit: "Xã Không Có Thật", rows: ["TT01,,,,3,"])).problems.map(\.code), [.unknownUnit])
    }
}
