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

final class ReportingStatusTests: XCTestCase {
    func testMissingPeriodsAreTheFinestUncovered() {
        XCTAssertEqual(ReportingStatus.missing(.half(2024, 1), reported: [.quarter(2024, 1)]), [.quarter(2024, 2)])
        XCTAssertEqual(ReportingStatus.missing(.year(2024), reported: [.half(2024, 1), .quarter(2024, 3)]), [.quarter(2024, 4)])
        XCTAssertEqual(ReportingStatus.missing(.year(2024), reported: [.year(2024)]), [])
    }

    func testRowsSayWhoIsPartialAndWhoIsMissing() {
        let registry = Fixtures.registry2024
        let submissions = [Fixtures.submission("13285", .quarter(2024, 1), [StoredValue("TT01", "", 1)]),
                           Fixtures.submission("13285", .quarter(2024, 2), [StoredValue("TT01", "", 1)]),
                           Fixtures.submission("13291", .quarter(2024, 1), [StoredValue("TT01", "", 1)])]
        let rollup = Rollup(period: .half(2024, 1), registry: registry, catalog: Fixtures.catalog, submissions: submissions)
        let status = ReportingStatus(scope: registry.unit("35")!, rollup: rollup)
        let phuLy = status.rows.first { $0.unit.code == "347" }!
        XCTAssertEqual(phuLy.complete, 1)
        XCTAssertEqual(phuLy.partial.map(\.unit.code), ["13291"])
        XCTAssertEqual(phuLy.partial.first?.missing, [.quarter(2024, 2)])
        XCTAssertEqual(phuLy.missing.count, phuLy.expected - 2)
        XCTAssertFalse(phuLy.silent)
        XCTAssertTrue(status.rows.first { $0.unit.code == "349" }!.silent)
    }
}

extension ReportingStatusTests {
    func testRowsNameWhoSentLate() {
        let registry = Fixtures.registry2024
        var onTime = Fixtures.submission("13285", .quarter(2024, 1), [StoredValue("TT01", "", 1)])
        onTime.receivedOn = 20240315
        var late = Fixtures.submission("13291", .quarter(2024, 1), [StoredValue("TT01", "", 1)])
        late.receivedOn = 20240320
        let rollup = Rollup(period: .quarter(2024, 1), registry: registry, catalog: Fixtures.catalog, submissions: [onTime, late])
        let status = ReportingStatus(scope: registry.unit("35")!, rollup: rollup)
        let phuLy = status.rows.first { $0.unit.code == "347" }!
        XCTAssertEqual(phuLy.late.map(\.unit.code), ["13291"], "communes are due on the 16th of the quarter's last month")
        XCTAssertEqual(phuLy.late.first?.late.first?.due.date, 20240316)
        XCTAssertEqual(status.late, 1)
    }
}
