import Foundation
import XCTest

/// `tonghop run`, the cron entry point: exit codes, the log, the JSON summary, progress only
/// on a terminal, and an unwritable `outputs/`.
final class RunEndToEndTests: XCTestCase {
    func testRunLogsEveryFileWritesTheSummaryThenHasNothingToDo() throws {
        let home = try TonghopProcess.home(inputs: RunFixture.inputs)
        let first = try TonghopProcess.run(["run", "--home", home.path])
        XCTAssertEqual(first.status, 2, "a rejected file and a rejected row give exit code 2\n\(first.output)\(first.error)")
        XCTAssertTrue(first.output.contains("hong.csv — TỪ CHỐI"), first.output)
        XCTAssertTrue(first.output.contains("Tóm tắt lượt chạy: "), first.output)
        XCTAssertFalse(first.error.contains("\r"), "no progress display when stderr is not a terminal: \(first.error)")

        let log = try String(contentsOf: home.appendingPathComponent("outputs/nhat-ky/tonghop.log"), encoding: .utf8)
        let fileLines = log.split(separator: "\n").filter { $0.contains(" file=") }
        XCTAssertEqual(fileLines.count, RunFixture.inputs.count, "one log line per file read\n\(log)")
        XCTAssertTrue(fileLines.contains { $0.contains("file=\"hong.csv\" status=rejected layout=- encoding=- reports=0 values=0 problems=1") }, log)
        XCTAssertTrue(fileLines.contains { $0.contains("file=\"bang-347-q2.csv\" status=partial layout=table encoding=UTF-8 reports=1") }, log)
        XCTAssertTrue(log.contains("run=1 end exit=2"), log)
        // The file lines are written on another thread while the reports are made: still
        // between the run's start and end lines.
        let lines = log.split(separator: "\n")
        XCTAssertTrue(lines.first?.contains("run=1 start") ?? false, log)
        XCTAssertEqual(lines.lastIndex { $0.contains(" file=") }.map { $0 + 1 }, lines.firstIndex { $0.contains("run=1 end") }, log)

        let summary = try RunFixture.summary(in: home)
        XCTAssertEqual(summary["exitCode"] as? Int, 2)
        XCTAssertEqual(summary["outcome"] as? String, "rejected")
        let files = try XCTUnwrap(summary["files"] as? [String: Int])
        XCTAssertEqual(files["seen"], RunFixture.inputs.count)
        XCTAssertEqual(files["rejected"], 1)
        XCTAssertEqual(files["partlyAccepted"], 1)
        let withProblems = try XCTUnwrap(summary["filesWithProblems"] as? [[String: Any]])
        XCTAssertEqual(withProblems.first?["path"] as? String, "hong.csv", "rejected files come first")
        let problem = try XCTUnwrap((withProblems.first?["problems"] as? [[String: Any]])?.first)
        XCTAssertEqual(problem["code"] as? String, "notText")
        XCTAssertTrue((problem["message"] as? String)?.hasPrefix("LỖI — ") ?? false, "\(problem)")
        XCTAssertEqual(summary["periodsWritten"] as? [String], ["2024-Q1", "2024-Q2", "2024-H1", "2024"])
        XCTAssertTrue((summary["filesWritten"] as? [String])?.contains("2024-H1/bao-cao-35-ha-nam-2024-H1.xlsx") ?? false)
        XCTAssertEqual(Set((summary["seconds"] as? [String: Double])?.keys.map { $0 } ?? []), ["read", "store", "write", "total"])
        XCTAssertTrue(FileManager.default.fileExists(atPath: home.appendingPathComponent("outputs/nhat-ky/lan-chay-000001.json").path),
                      "each run keeps its own copy of the summary")

        let second = try TonghopProcess.run(["run", "--home", home.path])
        XCTAssertEqual(second.status, 3, "nothing new and every report up to date: nothing to do\n\(second.output)")
        XCTAssertTrue(second.output.contains("Không có gì mới"), second.output)
        XCTAssertEqual(try RunFixture.summary(in: home)["periodsUpToDate"] as? [String], ["2024-Q1", "2024-Q2", "2024-H1", "2024"])

        try TonghopProcess.write(RunFixture.correction, to: home.appendingPathComponent("inputs/\(RunFixture.correctionPath)"))
        let third = try TonghopProcess.run(["run", "--home", home.path, "--lang", "en"])
        XCTAssertEqual(third.status, 0, "a new good file: success, whatever earlier runs rejected\n\(third.output)")
        XCTAssertTrue(third.output.contains("1 new or changed"), third.output)
    }

    func testRunWritesTheSameReportsAsRollup() throws {
        let viaRun = try TonghopProcess.home(inputs: RunFixture.inputs)
        let viaRollup = try TonghopProcess.home(inputs: RunFixture.inputs)
        XCTAssertEqual(try TonghopProcess.run(["run", "--home", viaRun.path]).status, 2)
        XCTAssertEqual(try TonghopProcess.run(["rollup", "--home", viaRollup.path]).status, 2)
        let reports = try RunFixture.reports(in: viaRun)
        XCTAssertEqual(reports.count, 16, "Q1, Q2, H1 and the year; national and Hà Nam; a workbook and a CSV each")
        XCTAssertEqual(reports, try RunFixture.reports(in: viaRollup), "run and rollup write byte-identical reports")
        XCTAssertEqual(try TonghopProcess.run(["run", "--home", viaRollup.path]).status, 3,
                       "reports written by rollup count as up to date")
    }

    func testRunOnlyForThePeriodsAsked() throws {
        let home = try TonghopProcess.home(inputs: RunFixture.inputs)
        XCTAssertEqual(try TonghopProcess.run(["run", "--home", home.path, "--period", "2024-H1"]).status, 2)
        XCTAssertEqual(Set(try RunFixture.reports(in: home).keys.map { String($0.prefix { $0 != "/" }) }), ["2024-H1"])
        XCTAssertEqual(try TonghopProcess.run(["run", "--home", home.path, "--period", "2024-H1"]).status, 3)
        XCTAssertEqual(try TonghopProcess.run(["run", "--home", home.path, "--period", "2024"]).status, 0,
                       "nothing new to read, but the year's reports were never written")
    }

    func testLogOptionMovesTheLog() throws {
        let home = try TonghopProcess.home(inputs: RunFixture.inputs)
        let log = home.appendingPathComponent("nhat-ky-rieng/cron.log")
        XCTAssertEqual(try TonghopProcess.run(["run", "--home", home.path, "--log", log.path]).status, 2)
        XCTAssertTrue(try String(contentsOf: log, encoding: .utf8).contains("file=\"hong.csv\" status=rejected"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: home.appendingPathComponent("outputs/nhat-ky/tonghop.log").path))
    }

    func testProgressIsShownOnATerminalOnly() throws {
        let script = URL(fileURLWithPath: "/usr/bin/script")
        // script(1) gives tonghop a terminal; it comes with bsdutils, an essential Debian package.
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: script.path), "script(1) from bsdutils is needed")
        let home = try TonghopProcess.home(inputs: RunFixture.inputs)
        let process = Process()
        process.executableURL = script
        process.arguments = ["-qec", "\(TonghopProcess.binary.path) run --home \(home.path)", "/dev/null"]
        var environment = ProcessInfo.processInfo.environment
        environment["TONGHOP_TODAY"] = "2026-11-23"
        process.environment = environment
        let out = Pipe()
        process.standardOutput = out
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let terminal = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 2, terminal)
        XCTAssertTrue(terminal.contains("\rĐọc tệp \(RunFixture.inputs.count)/\(RunFixture.inputs.count)"), "files read / total on a terminal: \(terminal)")
        XCTAssertTrue(terminal.contains("Ghi báo cáo các kỳ 4/4"), terminal)
    }

    func testUnwritableOutputsStopsBeforeTheStore() throws {
        // Tests may run as root, whom chmod does not stop: a file where the folder should be does.
        let home = try TonghopProcess.home(inputs: RunFixture.inputs)
        try TonghopProcess.write("not a folder", to: home.appendingPathComponent("outputs"))
        let result = try TonghopProcess.run(["run", "--home", home.path])
        XCTAssertEqual(result.status, 1, result.error)
        XCTAssertTrue(result.error.contains("Không ghi được vào thư mục kết quả \(home.appendingPathComponent("outputs").path)"), result.error)
        XCTAssertTrue(result.error.contains("kho dữ liệu không thay đổi"), result.error)
        for name in ["tonghop.sqlite", "tonghop.sqlite.lock"] {
            XCTAssertFalse(FileManager.default.fileExists(atPath: home.appendingPathComponent(name).path), "\(name): the store is untouched")
        }
        let below = try TonghopProcess.run(["run", "--home", home.path, "--outputs", home.appendingPathComponent("outputs/ket-qua").path, "--lang", "en"])
        XCTAssertEqual(below.status, 1)
        XCTAssertTrue(below.error.contains("part of the path is a file, not a folder"), below.error)
    }

    func testAReportThatCannotBeWrittenIsNamedAndRedoneByTheNextRun() throws {
        let reference = try TonghopProcess.home(inputs: RunFixture.inputs)
        XCTAssertEqual(try TonghopProcess.run(["run", "--home", reference.path]).status, 2)

        let home = try TonghopProcess.home(inputs: RunFixture.inputs)
        // The H1 folder cannot be created: the run stores the data, writes Q1 and Q2, then fails.
        try TonghopProcess.write("in the way", to: home.appendingPathComponent("outputs/2024-H1"))
        let failed = try TonghopProcess.run(["run", "--home", home.path])
        XCTAssertEqual(failed.status, 1, failed.output + failed.error)
        XCTAssertTrue(failed.error.contains("Không ghi được tệp \(home.path)/outputs/2024-H1/bao-cao-toan-quoc-2024-H1.xlsx"), failed.error)
        XCTAssertTrue(failed.error.contains("Số liệu đã lưu trong kho vẫn nguyên vẹn"), failed.error)
        XCTAssertEqual(try RunFixture.summary(in: home)["exitCode"] as? Int, 1)
        XCTAssertEqual(try RunFixture.storeCheck(in: home).integrity, ["ok"])

        try FileManager.default.removeItem(at: home.appendingPathComponent("outputs/2024-H1"))
        let next = try TonghopProcess.run(["run", "--home", home.path])
        XCTAssertEqual(next.status, 0, "nothing new to read, the missing reports written\n\(next.output)\(next.error)")
        XCTAssertEqual(try RunFixture.summary(in: home)["periodsWritten"] as? [String], ["2024-H1", "2024"])
        XCTAssertEqual(try RunFixture.reports(in: home), try RunFixture.reports(in: reference))
    }
}

extension RunEndToEndTests {
    /// Cron runs are how most files arrive: they write the error slips too, and can be scoped.
    func testRunWritesErrorSlipsAndHonoursTheScope() throws {
        let home = try TonghopProcess.home(inputs: [
            "xa.csv": "ma_don_vi,ky_bao_cao,TT01\n13285,2024-Q1,3\n13291,2024-Q1,ba\n",
            "thanh-hoa.csv": "ma_don_vi,ky_bao_cao,TT01\n14761,2024-Q1,4\n",
        ])
        let result = try TonghopProcess.run(["run", "--home", home.path, "--scope", "35", "--period", "2024-Q1"])
        XCTAssertEqual(result.status, 2, result.output + result.error)
        XCTAssertTrue(FileManager.default.fileExists(atPath: home.appendingPathComponent("outputs/phieu-bao-loi/xa.csv.txt").path),
                      "the bad row gets its error slip")
        let written = try FileManager.default.contentsOfDirectory(atPath: home.appendingPathComponent("outputs/2024-Q1").path)
        XCTAssertTrue(written.contains("bao-cao-35-ha-nam-2024-Q1.xlsx"), "\(written)")
        XCTAssertFalse(written.contains { $0.contains("toan-quoc") || $0.contains("38-thanh-hoa") }, "a scoped run writes its province only: \(written)")
    }
}
