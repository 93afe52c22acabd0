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

final class ReportFreshnessTests: XCTestCase {
    func workspace() throws -> Workspace {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("tonghop-test-\(UUID().uuidString)")
        let ws = Workspace(home: home, templates: Fixtures.templates)
        try FileManager.default.createDirectory(at: ws.inputs, withIntermediateDirectories: true)
        return ws
    }

    func testReportsAreStaleUntilWrittenFromTheCurrentData() throws {
        let ws = try workspace()
        try Data(Fixtures.communeForm(rows: ["TT01,,,,1,"]).utf8).write(to: ws.inputs.appendingPathComponent("a.csv"))
        let pipeline = try ReportingPipeline(workspace: ws, today: Fixtures.today)
        let store = try Store(path: ws.store.path)
        _ = try pipeline.ingest(into: store, runId: try store.beginRun(command: "1"))
        let periods: [Period] = [.quarter(2024, 1), .half(2024, 1)]
        // What a run killed between storing and writing leaves: the data is in, no report is out.
        XCTAssertEqual(try pipeline.staleReports(periods, store: store), periods)

        _ = try pipeline.writeReports(.quarter(2024, 1), store: store)
        XCTAssertEqual(try pipeline.staleReports(periods, store: store), [.half(2024, 1)])
        _ = try pipeline.writeReports(.half(2024, 1), scope: "35", store: store)
        XCTAssertEqual(try pipeline.staleReports(periods, store: store), [.half(2024, 1)], "one scope is not the whole period")
        _ = try pipeline.writeReports(.half(2024, 1), store: store)
        XCTAssertEqual(try pipeline.staleReports(periods, store: store), [])

        try Data(Fixtures.communeForm(unit: "13291", rows: ["TT01,,,,2,"]).utf8).write(to: ws.inputs.appendingPathComponent("b.csv"))
        _ = try pipeline.ingest(into: store, runId: try store.beginRun(command: "2"))
        XCTAssertEqual(try pipeline.staleReports(periods, store: store), periods, "new data makes every report stale")
        for p in periods { _ = try pipeline.writeReports(p, store: store) }

        try FileManager.default.removeItem(at: ReportNaming.folder(ws.outputs, .half(2024, 1)))
        XCTAssertEqual(try pipeline.staleReports(periods, store: store), [.half(2024, 1)], "a report deleted by hand is written again")
    }

    func testAnUnchangedFileTouchedIsNotNewData() throws {
        let ws = try workspace()
        let file = ws.inputs.appendingPathComponent("a.csv")
        try Data(Fixtures.communeForm(rows: ["TT01,,,,1,"]).utf8).write(to: file)
        let pipeline = try ReportingPipeline(workspace: ws, today: Fixtures.today)
        let store = try Store(path: ws.store.path)
        _ = try pipeline.ingest(into: store, runId: try store.beginRun(command: "1"))
        _ = try pipeline.writeReports(.quarter(2024, 1), store: store)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 60)], ofItemAtPath: file.path)
        let again = try pipeline.ingest(into: store, runId: try store.beginRun(command: "2"))
        XCTAssertTrue(again.filesRead.isEmpty)
        XCTAssertEqual(try pipeline.staleReports([.quarter(2024, 1)], store: store), [])
    }

    func testAnEditedPlanMakesTheReportsStaleThroughALinkedTemplatesFolder() throws {
        // templates/ as a link to a copy, as `make bench` and shared installations have it.
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("tonghop-test-\(UUID().uuidString)")
        let copy = base.appendingPathComponent("mau")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Fixtures.templates, to: copy)
        let home = base.appendingPathComponent("home")
        try FileManager.default.createDirectory(at: home.appendingPathComponent("inputs"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: home.appendingPathComponent("templates"), withDestinationURL: copy)
        let ws = Workspace(home: home)
        try Data(Fixtures.communeForm(rows: ["TT01,,,,1,"]).utf8).write(to: ws.inputs.appendingPathComponent("a.csv"))
        let pipeline = try ReportingPipeline(workspace: ws, today: Fixtures.today)
        let store = try Store(path: ws.store.path)
        _ = try pipeline.ingest(into: store, runId: try store.beginRun(command: "1"))
        _ = try pipeline.writeReports(.quarter(2024, 1), store: store)
        XCTAssertEqual(try pipeline.staleReports([.quarter(2024, 1)], store: store), [])

        let plan = try XCTUnwrap(try FileManager.default.contentsOfDirectory(at: copy.appendingPathComponent("plans"), includingPropertiesForKeys: nil).first)
        try (try Data(contentsOf: plan) + Data("\n".utf8)).write(to: plan)
        XCTAssertEqual(try pipeline.staleReports([.quarter(2024, 1)], store: store), [.quarter(2024, 1)],
                       "a plan of templates/plans/ edited: its targets sheet must be written again")
    }
}
