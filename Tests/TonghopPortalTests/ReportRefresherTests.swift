import XCTest
import Logging
import TonghopBase
import TonghopStore
import TonghopPipeline
@testable import TonghopPortal
import TonghopTestSupport

/// Workbooks an upload changed are rewritten in the background, period by period.
final class ReportRefresherTests: XCTestCase {
    func testAnUploadsPeriodsAreRewrittenWithTheirHalfAndYear() async throws {
        let home = try PortalFixture.home()
        defer { try? FileManager.default.removeItem(at: home) }
        let workspace = PortalFixture.workspace(home)
        let writer = DispatchQueue(label: "test.writer")
        let refresher = ReportRefresher(quiet: .seconds(3600), longest: .seconds(3600), writer: writer, logger: Logger(label: "test")) {
            ReportingPipeline(workspace: workspace, catalog: Fixtures.catalog, today: Fixtures.today)
        }
        let pipeline = ReportingPipeline(workspace: workspace, catalog: Fixtures.catalog, today: Fixtures.today)
        let result = try pipeline.receive(Upload(fileName: "13285.csv", bytes: Array(try quangTrungForm(tt01: "99").utf8), scope: "13285", sender: "test"))
        let store = try Store(path: workspace.store.path)
        XCTAssertEqual(try pipeline.staleReports([.quarter(2024, 1)], store: store), [.quarter(2024, 1)], "the upload made the quarter's workbooks stale")
        refresher.schedule(result.periods)
        await refresher.flush()
        XCTAssertEqual(try pipeline.staleReports([.quarter(2024, 1), .half(2024, 1), .year(2024)], store: store), [],
                       "the quarter, its half and its year are written again")
        let csv = try String(contentsOf: workspace.outputs.appendingPathComponent("2024-Q1/so-lieu-35-ha-nam-2024-Q1.csv"), encoding: .utf8)
        XCTAssertFalse(csv.isEmpty)
        let export = try pipeline.export(.quarter(2024, 1), scope: "35")
        XCTAssertEqual(csv, export, "the province's CSV beside its workbook holds the new figures")
    }
}
