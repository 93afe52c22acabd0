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

/// `--scope`: a province or district compiles only its own units.
final class ScopeTests: XCTestCase {
    func read(_ text: String, scope: String) -> FileOutcome {
        FileIntake.read(Array(text.utf8), path: "t.csv", catalog: Fixtures.catalog, today: Fixtures.today, scope: scope)
    }

    func testUnitsOutsideTheProvinceAreRefusedAndTheOthersKept() {
        let o = read("""
            ma_don_vi,ky_bao_cao,TT01
            13285,2024-Q1,3
            15574,2024-Q1,2
            35-CA,2024-Q1,1
            """, scope: "35")
        XCTAssertEqual(o.submissions.map(\.unitCode), ["13285", "35-CA"])
        XCTAssertEqual(o.problems.map(\.code), [.outsideScope])
        XCTAssertEqual(o.problems[0].line, 3)
        XCTAssertTrue(Messages.render(o.problems[0]).contains("không thuộc 35 Tỉnh Hà Nam"), Messages.render(o.problems[0]))
    }

    func testADistrictScopeRefusesItsNeighboursAndTheDepartments() {
        let o = read("""
            ma_don_vi,ky_bao_cao,TT01
            13285,2024-Q1,3
            35-CA,2024-Q1,1
            """, scope: "347")
        XCTAssertEqual(o.submissions.map(\.unitCode), ["13285"])
        XCTAssertEqual(o.problems.map(\.code), [.outsideScope])
    }

    func testAScopeThatDidNotExistInThePeriodRefusesEverything() {
        // District 347 was abolished on 1 July 2025: in Q4 2025 nothing lies within it.
        let o = read("ma_don_vi,ky_bao_cao,TT01\n01-CA,2025-Q4,1\n", scope: "347")
        XCTAssertEqual(o.problems.map(\.code), [.outsideScope])
        XCTAssertTrue(o.problems[0].detail!.vi.contains("không có trong danh mục 2025"), o.problems[0].detail!.vi)
    }
}
