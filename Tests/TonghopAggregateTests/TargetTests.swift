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

/// The plans' targets and the derived indicators they measure, on the shipped plans of
/// `templates/plans/`. Expected statuses are worked out by hand.
final class TargetTests: XCTestCase {
    let catalog = Fixtures.catalog
    var registry: Registry { Fixtures.registry2024 }

    func target(_ id: String) -> Target { catalog.targets.first { $0.id == id }! }

    func testDerivedIndicatorWithAZeroDenominatorIsUnknownNotInfinite() {
        let r = Rollup(period: .year(2023), registry: registry, catalog: catalog, submissions: [
            Fixtures.submission("13285", .year(2023), [StoredValue("MT07", "", 0), StoredValue("MT08", "", 0), StoredValue("MT09", "", 0)]),
        ])
        let tl01 = catalog.derivedByCode["TL01"]!
        XCTAssertNil(tl01.formula.evaluate(EvaluationContext(rollup: r, unitCode: "35", derived: catalog.derivedByCode)),
                     "0 / (0 + 0): no ratio, not 0, not infinity")
        let r2 = Rollup(period: .year(2023), registry: registry, catalog: catalog, submissions: [
            Fixtures.submission("13285", .year(2023), [StoredValue("MT07", "", 3), StoredValue("MT08", "", 1), StoredValue("MT09", "", 1)]),
        ])
        XCTAssertEqual(tl01.formula.evaluate(EvaluationContext(rollup: r2, unitCode: "35", derived: catalog.derivedByCode)), 25,
                       "1 / (3 + 1) × 100")
    }

    /// Bắc Giang's BG20-01: cases (MT01) up at least 5% on the year before.
    func testPreviousYearTarget() {
        func result(_ now: Double, _ before: Double) -> TargetResult {
            let current = Rollup(period: .year(2019), registry: registry, catalog: catalog, submissions: [
                Fixtures.submission("213", .year(2019), form: "HUYEN", [StoredValue("MT01", "", now)])])
            let previous = Rollup(period: .year(2018), registry: registry, catalog: catalog, submissions: [
                Fixtures.submission("213", .year(2018), form: "HUYEN", [StoredValue("MT01", "", before)])])
            return TargetEvaluation(rollup: current, previousYear: PreviousYear(current: current, previous: previous)).evaluate(target("BG20-01"))
        }
        XCTAssertEqual(result(105, 100).status, .met, "+5% meets ≥ 5")
        XCTAssertEqual(result(105, 100).actual ?? 0, 5, accuracy: 1e-9)
        XCTAssertEqual(result(104, 100).status, .notMet, "+4%")
        XCTAssertEqual(result(104, 0).status, .insufficientData, "no change in percent from zero")
        let current = Rollup(period: .year(2019), registry: registry, catalog: catalog, submissions: [
            Fixtures.submission("213", .year(2019), form: "HUYEN", [StoredValue("MT01", "", 105)])])
        XCTAssertEqual(TargetEvaluation(rollup: current, previousYear: nil).evaluate(target("BG20-01")).status, .insufficientData,
                       "no figures of the year before")
    }

    /// Thanh Hóa's TH23-12: each of its 26 districts (units-2024.csv) has a methadone facility.
    func testEachDistrictTargetNamesTheDistrictsThatMissIt() {
        let districts = registry.children(of: "38").filter { $0.level == .district }.map(\.code)
        XCTAssertEqual(districts.count, 26)
        var submissions: [Submission] = []
        for d in districts where d != "381" {
            submissions.append(Fixtures.submission(d, .year(2023), form: "HUYEN", [StoredValue("CS01", "", d == "380" ? 0 : 2)]))
        }
        let r = Rollup(period: .year(2023), registry: registry, catalog: catalog, submissions: submissions)
        let result = TargetEvaluation(rollup: r, previousYear: nil).evaluate(target("TH23-12"))
        XCTAssertEqual(result.status, .notMet)
        XCTAssertEqual(result.actual, 24, "26 districts, 380 has none, 381 sent nothing")
        XCTAssertEqual(result.failing.map(\.code), ["380"])
        XCTAssertEqual(result.withoutData.map(\.code), ["381"])
        XCTAssertEqual(result.actualText, "24/26 huyện đạt")
    }
}
