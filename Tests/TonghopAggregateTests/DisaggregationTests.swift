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

/// A disaggregated indicator given as a total by some units and as parts by others: the total
/// adds up; a part is shown only as far as it is known, marked incomplete, never sent upward as
/// if it were whole.
final class DisaggregationTests: XCTestCase {
    let catalog = Fixtures.catalog
    let q1 = Period.quarter(2024, 1), q2 = Period.quarter(2024, 2)
    var nn01: Indicator { catalog.indicator("NN01")! }

    func testTotalFromOneUnitAndPartsFromAnotherAddUpOnlyInTheTotal() {
        let r = Rollup(period: q1, registry: Fixtures.registry2024, catalog: catalog, submissions: [
            Fixtures.submission("13285", q1, [StoredValue("NN01", "", 10)]),
            Fixtures.submission("13291", q1, [StoredValue("NN01", "duoi_18", 1), StoredValue("NN01", "18_30", 2), StoredValue("NN01", "tren_30", 3)]),
        ])
        let province = r.total("35")
        XCTAssertEqual(province.figures.value(nn01), 16, "10 + (1 + 2 + 3)")
        XCTAssertFalse(province.incomplete.contains(nn01.slot), "the total is whole")
        XCTAssertEqual(province.figures.value(nn01, category: "duoi_18"), 1, "what is known of the part is shown")
        XCTAssertTrue(province.incomplete.contains(nn01.slot(for: "duoi_18")!), "but marked: 13285's 10 are not broken down")
        let lines = LongExport.csv(scope: "35", rollup: r).split(separator: "\n")
        XCTAssertTrue(lines.contains("35,2024-Q1,NN01,,16"))
        XCTAssertFalse(lines.contains { $0.hasPrefix("35,2024-Q1,NN01,duoi_18") }, "a part known only in part is not sent upward")
    }

    func testPartsLeftEmptyBesideTheirWholeTotalAreNone() {
        let r = Rollup(period: q1, registry: Fixtures.registry2024, catalog: catalog, submissions: [
            Fixtures.submission("13285", q1, [StoredValue("NN01", "", 7), StoredValue("NN01", "18_30", 7)]),
            Fixtures.submission("13291", q1, [StoredValue("NN01", "duoi_18", 1), StoredValue("NN01", "18_30", 2), StoredValue("NN01", "tren_30", 3)]),
        ])
        let province = r.total("35")
        XCTAssertEqual(province.figures.value(nn01, category: "duoi_18"), 1)
        XCTAssertTrue(province.incomplete.isEmpty, "13285's 7 are all 18-30: its other age groups are none, not unknown")
    }

    func testPartsInOneQuarterAndATotalInTheNextLeaveTheHalfYearsPartsUnknown() {
        let r = Rollup(period: .half(2024, 1), registry: Fixtures.registry2024, catalog: catalog, submissions: [
            Fixtures.submission("13285", q1, [StoredValue("NN01", "duoi_18", 1), StoredValue("NN01", "18_30", 2), StoredValue("NN01", "tren_30", 3)]),
            Fixtures.submission("13285", q2, [StoredValue("NN01", "", 8)]),
            Fixtures.submission("13291", q1, [StoredValue("NN01", "duoi_18", 2), StoredValue("NN01", "18_30", 2), StoredValue("NN01", "tren_30", 2)]),
            Fixtures.submission("13291", q2, [StoredValue("NN01", "duoi_18", 1), StoredValue("NN01", "18_30", 1), StoredValue("NN01", "tren_30", 1)]),
        ])
        // NN01 is a stock: the half year is Q2's. 13285's Q2 is a total alone.
        XCTAssertEqual(r.total("13285").figures.value(nn01), 8)
        XCTAssertNil(r.total("13285").figures.value(nn01, category: "duoi_18"), "Q1's parts are not mixed with Q2's total")
        XCTAssertEqual(r.total("35").figures.value(nn01), 11, "8 + 3")
        XCTAssertEqual(r.total("35").figures.value(nn01, category: "duoi_18"), 1, "only 13291's")
        XCTAssertTrue(r.total("35").incomplete.contains(nn01.slot(for: "duoi_18")!))
    }

    /// A flow with parts (a catalog of a province's own: cases by kind), parts in Q1, a total
    /// alone in Q2: the half year's total is the sum, its parts are short of Q2's.
    func testFlowPartsOverTime() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tonghop-parts-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Fixtures.templates, to: dir)
        defer { try? FileManager.default.removeItem(at: dir) }
        let indicators = dir.appendingPathComponent("indicators.csv")
        try (try String(contentsOf: indicators, encoding: .utf8) + "YCASES,Số vụ theo loại,vụ,integer,sum,sum,a b,Thử,Thử\n")
            .write(to: indicators, atomically: true, encoding: .utf8)
        let catalog = try Catalog.load(from: dir)
        let cases = try XCTUnwrap(catalog.indicator("YCASES"))
        let composed = try XCTUnwrap(TimeComposition.compose(.half(2024, 1), reports: [
            q1: Fixtures.submission("13285", q1, [StoredValue("YCASES", "a", 2), StoredValue("YCASES", "b", 3)]).figures(catalog: catalog),
            q2: Fixtures.submission("13285", q2, [StoredValue("YCASES", "", 4)]).figures(catalog: catalog),
        ], catalog: catalog))
        XCTAssertEqual(composed.figures.value(cases), 9, "2 + 3 + 4")
        XCTAssertEqual(composed.figures.value(cases, category: "a"), 2, "Q1's part is known")
        XCTAssertTrue(composed.incomplete.contains(cases.slot(for: "a")!), "Q2's 4 cases are not broken down")
        XCTAssertFalse(composed.incomplete.contains(cases.slot), "the total is whole")
    }
}
