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

    func testOnlyTheWorkbooksWhoseFiguresChangedWaitForTheRewrite() throws {
        let home = try PortalFixture.home()
        defer { try? FileManager.default.removeItem(at: home) }
        let workspace = PortalFixture.workspace(home)
        // A quarter after the 2025 reform beside the fixture's, its workbooks written: its year
        // before lies on the old map, which once made any new data anywhere call it waiting.
        let folder = "2025/37-ninh-binh/2025-Q3"
        try FileManager.default.copyItem(at: Fixtures.root.appendingPathComponent("inputs/" + folder),
                                         to: workspace.inputs.appendingPathComponent(folder))
        let pipeline = ReportingPipeline(workspace: workspace, catalog: Fixtures.catalog, today: Fixtures.today)
        var request = RunRequest(kind: .rollup, command: "rollup")
        request.periods = [.quarter(2025, 3)]
        _ = try pipeline.run(request)

        _ = try pipeline.receive(Upload(fileName: "13285.csv", bytes: Array(try quangTrungForm(tt01: "99").utf8), scope: "13285", sender: "test"))
        let store = try Store(path: workspace.store.path)
        func waits(_ period: Period, _ unit: String) throws -> Bool { try pipeline.workbookAwaitsRewrite(period, unitCode: unit, store: store) }
        XCTAssertTrue(try waits(.quarter(2024, 1), "VN"), "the nation's quarter holds the new figure")
        XCTAssertTrue(try waits(.quarter(2024, 1), "35"), "so does Hà Nam's")
        XCTAssertFalse(try waits(.quarter(2024, 1), "24"), "Bắc Giang's figures did not change")
        XCTAssertFalse(try waits(.quarter(2023, 1), "35"), "last year's quarter did not change")
        XCTAssertFalse(try waits(.quarter(2025, 3), "37"), "a quarter across the reform did not change")
        XCTAssertFalse(try waits(.quarter(2025, 3), "VN"))
        XCTAssertEqual(try pipeline.provincesToRewrite(.quarter(2025, 3), store: store), [], "cron's run rewrites no province of it")
    }
}
