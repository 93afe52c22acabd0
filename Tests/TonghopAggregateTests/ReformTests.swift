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

/// The 2025 reform: a period is composed on the map in force at its end, earlier reports are
/// translated through the crosswalk, and comparisons map old units onto new ones.
///
/// Facts read by hand from `templates/crosswalk-2025.csv` and the unit lists:
/// - new commune 13291 (Phường Phù Vân) ← old 13291 (Phường Lê Hồng Phong) and 13306 (Xã Phù Vân), whole;
/// - old 13285 (Phường Quang Trung) was split between new 13285 and 13366 (partial = 1);
/// - every old district (347 Phủ Lý) ended on 30/6/2025; Hà Nam (35) and Nam Định (36) went into Ninh Bình (37).
final class ReformTests: XCTestCase {
    let catalog = Fixtures.catalog
    var old: Registry { catalog.registries.registry(for: .half(2025, 1))! }
    var new: Registry { catalog.registries.registry(for: .year(2025))! }

    func value(_ r: Rollup, _ unit: String, _ code: String, _ category: String? = nil) -> Double? {
        r.total(unit).figures.value(catalog.indicator(code)!, category: category)
    }

    func testTranslationFollowsTheCrosswalk() throws {
        let t = try XCTUnwrap(RegistryTranslation(from: old, to: new))
        XCTAssertEqual(t.target(of: "13306")?.code, "13291", "Xã Phù Vân went into the new Phường Phù Vân")
        XCTAssertEqual(t.target(of: "13306")?.approximate, false)
        XCTAssertEqual(t.target(of: "13285")?.code, "13285", "a split commune goes whole to the first new commune")
        XCTAssertEqual(t.target(of: "13285")?.approximate, true, "13285 was split between 13285 and 13366")
        XCTAssertEqual(t.target(of: "347")?.code, "37-HUYEN", "a district's own figures go to the former districts of the new province")
        XCTAssertEqual(t.target(of: "35-CA")?.code, "37-CA", "Hà Nam's police is now Ninh Bình's")
        XCTAssertEqual(t.target(of: "35")?.code, "37")
    }

    /// The reform year, worked out by hand: two old communes merge, a split commune, an old
    /// district whose stocks end with it, two old provinces' health departments merged.
    func reformYear() -> Rollup {
        let q = { (n: Int) in Period.quarter(2025, n) }
        return Rollup(period: .year(2025), registry: new, catalog: catalog, submissions: [
            // Old communes merging into new 13291.
            Fixtures.submission("13291", q(1), [StoredValue("TT01", "", 2), StoredValue("NN02", "", 5), StoredValue("MT07", "", 1),
                                                StoredValue("XA03", "co", 1), StoredValue("XA01", "co_ma_tuy", 1)]),
            Fixtures.submission("13291", q(2), [StoredValue("TT01", "", 3), StoredValue("NN02", "", 6), StoredValue("MT07", "", 1),
                                                StoredValue("XA03", "khong", 1), StoredValue("XA01", "co_ma_tuy", 1)]),
            Fixtures.submission("13306", q(1), [StoredValue("TT01", "", 1), StoredValue("NN02", "", 4), StoredValue("MT07", "", 2),
                                                StoredValue("XA03", "co", 1), StoredValue("XA01", "co_ma_tuy", 1)]),
            Fixtures.submission("13306", q(2), [StoredValue("TT01", "", 1), StoredValue("NN02", "", 3), StoredValue("MT07", "", 2),
                                                StoredValue("XA03", "co", 1), StoredValue("XA01", "khong_ma_tuy", 1)]),
            Fixtures.submission("13291", q(3), [StoredValue("TT01", "", 4), StoredValue("NN02", "", 7), StoredValue("MT07", "", 9),
                                                StoredValue("XA03", "khong", 1), StoredValue("XA01", "khong_ma_tuy", 1)]),
            Fixtures.submission("13291", q(4), [StoredValue("TT01", "", 5), StoredValue("NN02", "", 8), StoredValue("MT07", "", 9),
                                                StoredValue("XA03", "khong", 1), StoredValue("XA01", "khong_ma_tuy", 1)]),
            // A split commune: the first half goes whole to new 13285.
            Fixtures.submission("13285", q(1), [StoredValue("TT01", "", 1), StoredValue("NN02", "", 2)]),
            Fixtures.submission("13285", q(2), [StoredValue("TT01", "", 1), StoredValue("NN02", "", 2)]),
            Fixtures.submission("13285", q(3), [StoredValue("TT01", "", 2), StoredValue("NN02", "", 3)]),
            Fixtures.submission("13285", q(4), [StoredValue("TT01", "", 2), StoredValue("NN02", "", 3)]),
            // The old district: flows count, its stocks end on 30/6/2025.
            Fixtures.submission("347", q(1), form: "HUYEN", [StoredValue("TT01", "", 10), StoredValue("HIV03", "", 100)]),
            Fixtures.submission("347", q(2), form: "HUYEN", [StoredValue("TT01", "", 10), StoredValue("HIV03", "", 110)]),
            // Hà Nam's and Nam Định's health departments, then Ninh Bình's.
            Fixtures.submission("35-YT", q(1), form: "YT", [StoredValue("HIV03", "", 50), StoredValue("HIV02", "", 1)]),
            Fixtures.submission("35-YT", q(2), form: "YT", [StoredValue("HIV03", "", 60), StoredValue("HIV02", "", 2)]),
            Fixtures.submission("36-YT", q(1), form: "YT", [StoredValue("HIV03", "", 30), StoredValue("HIV02", "", 3)]),
            Fixtures.submission("36-YT", q(2), form: "YT", [StoredValue("HIV03", "", 40), StoredValue("HIV02", "", 4)]),
            Fixtures.submission("37-YT", q(3), form: "YT", [StoredValue("HIV03", "", 95), StoredValue("HIV02", "", 5)]),
            Fixtures.submission("37-YT", q(4), form: "YT", [StoredValue("HIV03", "", 120), StoredValue("HIV02", "", 6)]),
        ])
    }

    func testMergedCommuneTakesFlowsFromAllStocksFromTheEndOpeningFromTheStart() {
        let r = reformYear()
        XCTAssertEqual(r.own["13291"]?.coverage, .complete, "the old communes' halves and the new commune's make a whole year")
        XCTAssertEqual(value(r, "13291", "TT01"), 16, "a flow adds every quarter of every unit: 2+3 + 1+1 + 4+5")
        XCTAssertEqual(value(r, "13291", "NN02"), 8, "the year-end stock is the new commune's fourth quarter")
        XCTAssertEqual(value(r, "13291", "MT07"), 3, "the opening is the old communes' Q1 (1 + 2), not the new commune's Q3")
        XCTAssertEqual(value(r, "13291", "XA03", "co"), 1, "one commune that said yes during the year, however many old ones did")
        XCTAssertEqual(value(r, "13291", "XA03", "khong"), 0)
        XCTAssertEqual(value(r, "13291", "XA03"), 1)
        XCTAssertEqual(value(r, "13291", "XA01", "khong_ma_tuy"), 1, "its class at the end is its own Q4 answer")
        XCTAssertEqual(value(r, "13291", "XA01"), 1, "one commune, not three")
    }

    func testDissolvedDistrictsStocksAreNeverAddedIntoTheYearEnd() {
        let r = reformYear()
        XCTAssertEqual(value(r, "37-HUYEN", "TT01"), 20, "the former districts' flows of the first half count")
        XCTAssertNil(value(r, "37-HUYEN", "HIV03"), "a district ended on 30/6/2025: it has no year-end stock")
        XCTAssertEqual(r.endedStocks["37-HUYEN"]?.figures.value(catalog.indicator("HIV03")!), 110, "its last figure stays for its own row")
        XCTAssertEqual(r.endedStocks["37-HUYEN"]?.endedOn?.month, 6)
        XCTAssertEqual(r.endedStocks["37-HUYEN"]?.endedOn?.day, 30)
        XCTAssertEqual(r.coverage(of: "37-HUYEN"), .complete, "a unit that ceased is not missing the quarters after it")
        XCTAssertEqual(value(r, "37-YT", "HIV03"), 120, "the merged health department's year-end is its own Q4")
        XCTAssertEqual(value(r, "37-YT", "HIV02"), 21, "its flows add both old departments' and its own: 1+2+3+4+5+6")
        XCTAssertEqual(value(r, "37", "HIV03"), 120, "the province's ARV patients at year-end: 120, not 120 + 110")
        XCTAssertEqual(value(r, "37", "TT01"), 42, "16 + 6 + 20")
        XCTAssertEqual(value(r, "37", "NN02"), 11, "8 + 3: Q4 of the communes that exist at the year's end")
        XCTAssertEqual(value(r, "37", "MT07"), 3)
        XCTAssertEqual(value(r, "VN", "HIV03"), 120)
        XCTAssertEqual(r.approximateUnits, ["13285"], "the split commune's first half is counted whole in new 13285")
    }

    func testNextYearComparesWithTheCorrectedYearEnd() {
        let year2025 = reformYear()
        let year2026 = Rollup(period: .year(2026), registry: new, catalog: catalog, submissions: [
            Fixtures.submission("37-YT", .year(2026), form: "YT", [StoredValue("HIV03", "", 130)]),
        ])
        let comparison = PreviousYear(current: year2026, previous: year2025)
        XCTAssertFalse(comparison.acrossReform)
        XCTAssertEqual(comparison.figures(of: "37")?.figures.value(catalog.indicator("HIV03")!), 120,
                       "2026's 'cùng kỳ' is 2025's corrected year-end")
    }

    func testOpeningFigureWithAMissingFirstQuarterIsTheEarliestAndPartial() {
        let r = Rollup(period: .year(2024), registry: old, catalog: catalog, submissions: [
            Fixtures.submission("13285", .quarter(2024, 2), [StoredValue("MT07", "", 4)]),
            Fixtures.submission("13285", .quarter(2024, 3), [StoredValue("MT07", "", 5)]),
            Fixtures.submission("13285", .quarter(2024, 4), [StoredValue("MT07", "", 6)]),
        ])
        XCTAssertEqual(value(r, "13285", "MT07"), 4, "a unit that existed at the start and missed Q1 keeps its earliest opening")
        XCTAssertEqual(r.coverage(of: "13285"), .partial)
        XCTAssertEqual(r.total("35").partialUnits, ["13285"])
    }

    func testPreviousYearOfANewProvinceSumsTheOldOnes() throws {
        let previous = Rollup(period: .year(2024), registry: old, catalog: catalog, submissions: [
            Fixtures.submission("13285", .year(2024), [StoredValue("TT01", "", 2)]),
            Fixtures.submission("36-CA", .year(2024), form: "CA", [StoredValue("TT01", "", 3)]),
            Fixtures.submission("38-CA", .year(2024), form: "CA", [StoredValue("TT01", "", 100)]),
        ])
        let current = Rollup(period: .year(2025), registry: new, catalog: catalog, submissions: [])
        let comparison = PreviousYear(current: current, previous: previous)
        XCTAssertTrue(comparison.acrossReform)
        XCTAssertEqual(comparison.figures(of: "37")?.figures.value(catalog.indicator("TT01")!), 5, "Hà Nam and Nam Định went into Ninh Bình")
        XCTAssertEqual(comparison.figures(of: "38")?.figures.value(catalog.indicator("TT01")!), 100)
    }
}
