import XCTest
@testable import TonghopBase
@testable import TonghopStore
@testable import TonghopPipeline
import TonghopTestSupport

/// A file sent through the portal: read at once within the sender's unit, kept under
/// `inputs/tai-len/<unit>/`, stored as a run would store it.
final class UploadTests: XCTestCase {
    func pipeline() throws -> ReportingPipeline {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("tonghop-upload-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home.appendingPathComponent("inputs"), withIntermediateDirectories: true)
        return try ReportingPipeline(workspace: Workspace(home: home, templates: Fixtures.templates), today: Fixtures.today)
    }

    func upload(_ text: String, name: String = "13285.csv", scope: String = "13285") -> Upload {
        Upload(fileName: name, bytes: Array(text.utf8), scope: scope, sender: "xa-13285")
    }

    func testAGoodFormIsKeptUnderItsUnitAndStored() throws {
        let p = try pipeline()
        let result = try p.receive(upload(Fixtures.communeForm(rows: ["TT01,,,,3,"])))
        XCTAssertEqual(result.verdict, .stored)
        XCTAssertEqual(result.status, .accepted)
        XCTAssertEqual(result.path, "tai-len/13285/13285.csv")
        XCTAssertEqual(result.periods.map(\.code), ["2024-Q1"])
        XCTAssertTrue(FileManager.default.fileExists(atPath: p.workspace.inputs.appendingPathComponent(result.path).path))
        let stored = try Store(path: p.workspace.store.path).activeSubmissions(periods: [.quarter(2024, 1)])
        XCTAssertEqual(stored.map(\.unitCode), ["13285"])
        // Cron's next run finds it known and unchanged: not read again.
        let run = try p.run(RunRequest(kind: .rollup, command: "rollup"))
        XCTAssertEqual(run.ingest.filesSeen, 1)
        XCTAssertTrue(run.ingest.filesRead.isEmpty, "the upload is not read a second time")
    }

    func testTheSameBytesAgainChangeNothingAndANewFileNeverOverwrites() throws {
        let p = try pipeline()
        _ = try p.receive(upload(Fixtures.communeForm(rows: ["TT01,,,,3,"])))
        let again = try p.receive(upload(Fixtures.communeForm(rows: ["TT01,,,,3,"])))
        XCTAssertEqual(again.verdict, .alreadyReceived)
        XCTAssertEqual(again.status, .accepted)
        let corrected = try p.receive(upload(Fixtures.communeForm(rows: ["TT01,,,,4,"])))
        XCTAssertEqual(corrected.path, "tai-len/13285/13285-2.csv", "the first file is kept as it was")
        let files = try FileManager.default.contentsOfDirectory(atPath: p.workspace.inputs.appendingPathComponent("tai-len/13285").path).sorted()
        XCTAssertEqual(files, ["13285-2.csv", "13285.csv"])
        let stored = try Store(path: p.workspace.store.path).activeSubmissions(periods: [.quarter(2024, 1)])
        XCTAssertEqual(stored.first?.values, [StoredValue("TT01", "", 4)], "the corrected report is the one in use")
    }

    func testAReportOutsideTheSendersUnitKeepsNothing() throws {
        let p = try pipeline()
        let result = try p.receive(upload(Fixtures.communeForm(unit: "13291", rows: ["TT01,,,,3,"])))
        XCTAssertEqual(result.verdict, .outsideScope(units: ["13291"]))
        XCTAssertFalse(FileManager.default.fileExists(atPath: p.workspace.inputs.appendingPathComponent("tai-len").path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: p.workspace.store.path), "nothing stored")
        let district = try p.receive(upload(Fixtures.communeForm(unit: "13291", rows: ["TT01,,,,3,"]), scope: "347"))
        XCTAssertEqual(district.status, .accepted, "Phủ Lý's account may send its communes' reports")
    }

    func testAFileWithMistakesIsRefusedWithItsSlip() throws {
        let p = try pipeline()
        let result = try p.receive(upload(Fixtures.communeForm(rows: ["TT01,,,,ba,"])))
        XCTAssertEqual(result.status, .rejected)
        XCTAssertEqual(result.problems.map(\.code), [.notANumber])
        XCTAssertEqual(result.problems.first?.file, "tai-len/13285/13285.csv")
        let slip = try String(contentsOf: XCTUnwrap(result.errorSlip), encoding: .utf8)
        XCTAssertTrue(slip.contains("Tệp: tai-len/13285/13285.csv"), slip)
    }

    func testAnUploadIsReceivedOnTheDayItCameWhateverItsDateLine() throws {
        // A clerk sends on 20 June 2024 a second quarter form dated 10 June: due on the 16th.
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("tonghop-upload-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home.appendingPathComponent("inputs"), withIntermediateDirectories: true)
        let p = try ReportingPipeline(workspace: Workspace(home: home, templates: Fixtures.templates), today: 20240620)
        let form = Fixtures.communeForm(rows: ["TT01,,,,3,"])
            .replacingOccurrences(of: "ky_bao_cao,2024-Q1", with: "ky_bao_cao,2024-Q2")
            .replacingOccurrences(of: "bieu_mau,XA", with: "bieu_mau,XA\nngay_lap,2024-06-10")
        XCTAssertEqual(try p.receive(upload(form)).status, .accepted)
        let store = try Store(path: p.workspace.store.path)
        XCTAssertEqual(try store.activeSubmissions(periods: [.quarter(2024, 2)]).map(\.receivedOn), [20240620])
        XCTAssertEqual(try store.submissionVersions(unit: "13285").map(\.receivedOn), [20240620])
        let late = try p.rollup(.quarter(2024, 2), store: store).lateReports(of: "13285")
        XCTAssertEqual(late.map(\.received), [20240620], "late: the portal knows the day it came, the date line cannot move it")

        // The same form reaching inputs/ by hand (an email saved there) counts by its date line.
        let byHand = FileManager.default.temporaryDirectory.appendingPathComponent("tonghop-upload-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: byHand.appendingPathComponent("inputs"), withIntermediateDirectories: true)
        try form.write(to: byHand.appendingPathComponent("inputs/13285.csv"), atomically: true, encoding: .utf8)
        let q = try ReportingPipeline(workspace: Workspace(home: byHand, templates: Fixtures.templates), today: 20240620)
        _ = try q.run(RunRequest(kind: .rollup, command: "rollup"))
        let handStore = try Store(path: q.workspace.store.path)
        XCTAssertEqual(try handStore.activeSubmissions(periods: [.quarter(2024, 2)]).map(\.receivedOn), [20240610])
        XCTAssertEqual(try q.rollup(.quarter(2024, 2), store: handStore).lateReports(of: "13285").count, 0)
    }
}
