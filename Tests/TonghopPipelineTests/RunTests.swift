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

/// A run as a library call: the same entry point as `rollup`, `run` and the portal, and the text
/// the console prints read without the binary.
final class RunTests: XCTestCase {
    func home(_ files: [String: String]) throws -> Workspace {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("tonghop-run-\(UUID().uuidString)")
        for (path, text) in files {
            let url = home.appendingPathComponent("inputs/\(path)")
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return Workspace(home: home, templates: Fixtures.templates)
    }

    func testARollupIsOneCallAndItsTextIsAValue() throws {
        let workspace = try home(["xa/13285.csv": Fixtures.communeForm(rows: ["TT01,,,,3,"]),
                                  "xa/hong.csv": Fixtures.communeForm(unit: "13291", rows: ["TT01,,,,ba,"])])
        let pipeline = try ReportingPipeline(workspace: workspace, today: Fixtures.today)
        let request = RunRequest(kind: .rollup, command: "rollup")
        let result = try pipeline.run(request)
        XCTAssertEqual(result.status, .rejected)
        XCTAssertEqual(result.ingest.accepted, 1)
        XCTAssertEqual(result.ingest.rejected, 1)
        XCTAssertEqual(result.errorSlips.map(\.lastPathComponent), ["hong.csv.txt"])
        XCTAssertEqual(result.periodsWritten.map(\.code), ["2024-Q1", "2024-H1", "2024"])
        let lines = ConsoleText.run(result, request: request, outputs: workspace.outputs, lang: .vi)
        XCTAssertEqual(lines.first, "Đã xem 2 tệp trong inputs/: 2 tệp mới hoặc đã sửa, 0 tệp không đổi.")
        XCTAssertTrue(lines.contains("  xa/hong.csv — TỪ CHỐI:"), "\(lines)")
        XCTAssertTrue(lines.contains { $0.hasPrefix("Đã ghi 1 phiếu báo lỗi") }, "\(lines)")
        let english = ConsoleText.run(result, request: request, outputs: workspace.outputs, lang: .en)
        XCTAssertEqual(english.first, "Saw 2 files in inputs/: 2 new or changed, 0 unchanged.")
    }

    func testAScheduledRunWritesOnlyWhatIsStaleAndSaysWhenThereIsNothingToDo() throws {
        let workspace = try home(["xa/13285.csv": Fixtures.communeForm(rows: ["TT01,,,,3,"])])
        let pipeline = try ReportingPipeline(workspace: workspace, today: Fixtures.today)
        let request = RunRequest(kind: .scheduled(log: workspace.outputs.appendingPathComponent("nhat-ky/tonghop.log")), command: "run")
        XCTAssertEqual(try pipeline.run(request).status, .success)
        let again = try pipeline.run(request)
        XCTAssertEqual(again.status, .nothingToDo)
        XCTAssertTrue(again.written.isEmpty)
        XCTAssertEqual(again.summary?.outcome, "nothingToDo")
        XCTAssertTrue(ConsoleText.run(again, request: request, outputs: workspace.outputs, lang: .vi)
            .contains { $0.hasPrefix("Không có gì mới") })
    }
}
