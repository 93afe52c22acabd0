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

/// Unit rules over the 2024 tree: Hà Nam (35) → Phủ Lý (347) → Quang Trung (13285), Lê Hồng Phong (13291).
final class RollupTests: XCTestCase {
    let catalog = Fixtures.catalog
    let q1 = Period.quarter(2024, 1)

    func rollup(_ submissions: [Submission], period: Period? = nil) -> Rollup {
        Rollup(period: period ?? q1, registry: Fixtures.registry2024, catalog: catalog, submissions: submissions)
    }

    func value(_ r: Rollup, _ unit: String, _ code: String, _ category: String? = nil) -> Double? {
        r.total(unit).figures.value(catalog.indicator(code)!, category: category)
    }

    func testCountsAddUpCommuneDistrictProvinceNation() {
        let r = rollup([
            Fixtures.submission("13285", q1, [StoredValue("TT01", "", 2)]),
            Fixtures.submission("13291", q1, [StoredValue("TT01", "", 3)]),
            Fixtures.submission("347", q1, form: "HUYEN", [StoredValue("TT01", "", 4)]),
            Fixtures.submission("35-CA", q1, form: "CA", [StoredValue("TT01", "", 5)]),
        ])
        XCTAssertEqual(value(r, "347", "TT01"), 9, "a district's total is its own figure plus its communes'")
        XCTAssertEqual(value(r, "35", "TT01"), 14, "a province adds its districts' totals and its departments")
        XCTAssertEqual(value(r, "VN", "TT01"), 14)
        XCTAssertNil(value(r, "38", "TT01"), "a province without reports has no figure, not zero")
    }

    func testCoordinatedCasesAreNeverAddedUp() {
        let r = rollup([
            Fixtures.submission("38-BDBP", q1, form: "BDBP", [StoredValue("MT01", "", 4), StoredValue("MT01P", "", 2)]),
            Fixtures.submission("38-HQ", q1, form: "HQ", [StoredValue("MT01", "", 1), StoredValue("MT01P", "", 2)]),
        ])
        XCTAssertEqual(value(r, "38", "MT01"), 5)
        XCTAssertNil(value(r, "38", "MT01P"), "MT01P (unit rule none) would double count")
        XCTAssertEqual(value(r, "38-HQ", "MT01P"), 2, "it stays on the unit that reported it")
    }

    func testAnswersBecomeCountsOfCommunes() {
        let r = rollup([
            Fixtures.submission("13285", q1, [StoredValue("XA01", "co_ma_tuy", 1), StoredValue("XA02", "co", 1)]),
            Fixtures.submission("13291", q1, [StoredValue("XA01", "khong_ma_tuy", 1), StoredValue("XA02", "co", 1)]),
            Fixtures.submission("13294", q1, [StoredValue("XA01", "co_ma_tuy", 1), StoredValue("XA02", "khong", 1)]),
        ])
        XCTAssertEqual(value(r, "35", "XA01", "co_ma_tuy"), 2)
        XCTAssertEqual(value(r, "35", "XA01", "khong_ma_tuy"), 1)
        XCTAssertEqual(value(r, "35", "XA01"), 3, "the total of a categorical indicator counts the communes that answered")
        XCTAssertEqual(value(r, "35", "XA02", "co"), 2)
    }

    func testCompiledReportReplacesEverythingUnderIt() {
        let r = rollup([
            Fixtures.submission("13285", q1, [StoredValue("TT01", "", 2)]),
            Fixtures.submission("35", q1, form: Submission.compiledForm, [StoredValue("TT01", "", 100)]),
            Fixtures.submission("38-CA", q1, form: "CA", [StoredValue("TT01", "", 1)]),
        ])
        XCTAssertEqual(value(r, "35", "TT01"), 100, "the province's own compiled figure is its total")
        XCTAssertEqual(value(r, "VN", "TT01"), 101, "the commune under it is not counted again")
    }

    func testPartialUnitsAreCarriedToTheTotals() {
        let r = rollup([
            Fixtures.submission("13285", .quarter(2024, 1), [StoredValue("TT01", "", 2)]),
            Fixtures.submission("13285", .quarter(2024, 2), [StoredValue("TT01", "", 2)]),
            Fixtures.submission("13291", .quarter(2024, 1), [StoredValue("TT01", "", 3)]),
        ], period: .half(2024, 1))
        XCTAssertEqual(r.coverage(of: "13285"), .complete)
        XCTAssertEqual(r.coverage(of: "13291"), .partial)
        XCTAssertEqual(r.total("35").partialUnits, ["13291"])
        XCTAssertEqual(value(r, "35", "TT01"), 7)
    }

    func testCompletenessNamesTheMissing() {
        let r = rollup([Fixtures.submission("13285", q1, [StoredValue("TT01", "", 2)])])
        let c = Completeness(scope: "35", rollup: r)
        let phuLy = c.groups.first { $0.unit.code == "347" }!
        XCTAssertEqual(phuLy.complete, 1)
        XCTAssertEqual(phuLy.expected, Fixtures.registry2024.children(of: "347").count + 1, "the district itself and its communes")
        XCTAssertTrue(phuLy.missing.contains { $0.unit.code == "13291" })
        XCTAssertEqual(c.groups.last?.unit.code, "35", "the province's departments form the last group")
        XCTAssertTrue(c.groups.last!.reporters.contains { $0.unit.code == "35-CA" })
        XCTAssertFalse(c.groups.last!.reporters.contains { $0.unit.code == "35-BDBP" }, "Hà Nam has no border guard")
    }
}
