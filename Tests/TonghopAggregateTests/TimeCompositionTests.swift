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

final class TimeCompositionTests: XCTestCase {
    let catalog = Fixtures.catalog

    func figures(_ values: [StoredValue]) -> FigureVector {
        Fixtures.submission("13285", .quarter(2024, 1), values).figures(catalog: catalog)
    }

    func quarters(_ perQuarter: [[StoredValue]]) -> [Period: FigureVector] {
        var reports: [Period: FigureVector] = [:]
        for (i, v) in perQuarter.enumerated() where !v.isEmpty { reports[.quarter(2024, i + 1)] = figures(v) }
        return reports
    }

    func value(_ c: ComposedFigures?, _ code: String, _ category: String? = nil) -> Double? {
        c?.figures.value(catalog.indicator(code)!, category: category)
    }

    func testFlowIsTheSumOfQuarters() {
        let reports = quarters([[StoredValue("MT08", "", 1)], [StoredValue("MT08", "", 2)], [StoredValue("MT08", "", 0)], [StoredValue("MT08", "", 4)]])
        XCTAssertEqual(value(TimeComposition.compose(.year(2024), reports: reports, catalog: catalog), "MT08"), 7, "MT08 (sum) adds the quarters")
        XCTAssertEqual(value(TimeComposition.compose(.half(2024, 2), reports: reports, catalog: catalog), "MT08"), 4)
    }

    func testStockIsTheLastQuarterNeverTheSum() {
        let reports = quarters([[StoredValue("NN02", "", 5)], [StoredValue("NN02", "", 6)], [StoredValue("NN02", "", 7)], [StoredValue("NN02", "", 8)]])
        XCTAssertEqual(value(TimeComposition.compose(.year(2024), reports: reports, catalog: catalog), "NN02"), 8, "NN02 (last) is Q4's")
        XCTAssertEqual(value(TimeComposition.compose(.half(2024, 1), reports: reports, catalog: catalog), "NN02"), 6)
    }

    func testOpeningStockIsTheFirstQuarter() {
        let reports = quarters([[StoredValue("MT07", "", 3)], [StoredValue("MT07", "", 2)], [StoredValue("MT07", "", 2)], [StoredValue("MT07", "", 1)]])
        XCTAssertEqual(value(TimeComposition.compose(.year(2024), reports: reports, catalog: catalog), "MT07"), 3)
        XCTAssertEqual(value(TimeComposition.compose(.half(2024, 2), reports: reports, catalog: catalog), "MT07"), 2)
    }

    func testYesInAnyQuarterIsYesForTheYear() {
        let reports = quarters([[StoredValue("XA03", "khong", 1)], [StoredValue("XA03", "co", 1)], [StoredValue("XA03", "khong", 1)], [StoredValue("XA03", "khong", 1)]])
        let year = TimeComposition.compose(.year(2024), reports: reports, catalog: catalog)
        XCTAssertEqual(value(year, "XA03", "co"), 1)
        XCTAssertEqual(value(year, "XA03", "khong"), 0)
    }

    func testCategoricalStockTakesOneQuartersAnswerWhole() {
        let reports = quarters([[StoredValue("XA01", "co_ma_tuy", 1)], [], [StoredValue("XA01", "khong_ma_tuy", 1)], []])
        let year = TimeComposition.compose(.year(2024), reports: reports, catalog: catalog)
        XCTAssertEqual(value(year, "XA01", "khong_ma_tuy"), 1)
        XCTAssertEqual(value(year, "XA01", "co_ma_tuy"), 0, "the latest answer replaces the earlier one, it is not added to it")
        XCTAssertEqual(year?.coverage, .partial)
    }

    func testDirectHalfYearReportIsPreferredToItsQuarters() {
        var reports = quarters([[StoredValue("TT01", "", 1)], [StoredValue("TT01", "", 1)], [], []])
        reports[.half(2024, 1)] = figures([StoredValue("TT01", "", 10)])
        let h1 = TimeComposition.compose(.half(2024, 1), reports: reports, catalog: catalog)
        XCTAssertEqual(value(h1, "TT01"), 10)
        XCTAssertEqual(h1?.sources, [.half(2024, 1)])
    }

    func testMissingQuarterMakesThePeriodPartialNotZero() {
        let reports = quarters([[StoredValue("TT01", "", 2)], [], [StoredValue("TT01", "", 3)], []])
        let year = TimeComposition.compose(.year(2024), reports: reports, catalog: catalog)
        XCTAssertEqual(year?.coverage, .partial)
        XCTAssertEqual(value(year, "TT01"), 5)
        XCTAssertNil(TimeComposition.compose(.half(2024, 2), reports: quarters([[StoredValue("TT01", "", 2)]]), catalog: catalog),
                     "nothing reported is missing, not zero")
    }

    func testDisaggregatedTotalIsCompletedFromItsParts() {
        let f = figures([StoredValue("NN01", "duoi_18", 1), StoredValue("NN01", "18_30", 4), StoredValue("NN01", "tren_30", 5)])
        XCTAssertEqual(f.value(catalog.indicator("NN01")!), 10)
    }
}
