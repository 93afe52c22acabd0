import Foundation
import XCTest

/// Runs that overlap or die: two `tonghop run` at once on one home, and `kill -9` at random
/// moments. Bounded in time: a fixture of a dozen files, ten kills.
final class InterruptedRunTests: XCTestCase {
    func testTwoRunsAtOnceOneWaitsOrGivesUp() throws {
        let reference = try TonghopProcess.home(inputs: RunFixture.inputs)
        XCTAssertEqual(try TonghopProcess.run(["run", "--home", reference.path]).status, 2)
        let expected = try RunFixture.reports(in: reference)

        for wait in ["0", "60"] {
            let home = try TonghopProcess.home(inputs: RunFixture.inputs)
            let runs = try (0..<2).map { _ in try TonghopProcess.start(["run", "--home", home.path, "--wait", wait]) }
            let results = runs.map { $0.wait() }
            let statuses = results.map(\.status).sorted()
            let detail = results.map { "\($0.status): \($0.output)\($0.error)" }.joined(separator: "\n")
            if wait == "0" {
                XCTAssertTrue(statuses == [2, 5] || statuses == [2, 3], "one run works, the other gives up (5) or found it done (3)\n\(detail)")
                if statuses == [2, 5] {
                    XCTAssertTrue(results.contains { $0.error.contains("Một lượt chạy khác đang giữ kho dữ liệu") }, detail)
                    let log = try String(contentsOf: home.appendingPathComponent("outputs/nhat-ky/tonghop.log"), encoding: .utf8)
                    XCTAssertTrue(log.contains("locked exit=5"), log)
                }
            } else {
                XCTAssertEqual(statuses, [2, 3], "the second waits for the first, then finds nothing to do\n\(detail)")
            }
            XCTAssertEqual(try RunFixture.reports(in: home), expected, "wait \(wait): the reports are those of one run")
            let check = try RunFixture.storeCheck(in: home)
            XCTAssertEqual(check.integrity, ["ok"])
            XCTAssertEqual(check.active, try RunFixture.storeCheck(in: reference).active, "every report stored once")
        }
    }

    func testARunKilledAtAnyMomentIsCompletedByTheNext() throws {
        // Two states to move between: the fixture rolled up (A), then a correction arrives (B).
        let before = try TonghopProcess.home(inputs: RunFixture.inputs)
        XCTAssertEqual(try TonghopProcess.run(["run", "--home", before.path]).status, 2)
        let reportsA = try RunFixture.reports(in: before)
        let after = try RunFixture.copy(before)
        try TonghopProcess.write(RunFixture.correction, to: after.appendingPathComponent("inputs/\(RunFixture.correctionPath)"))
        let clock = Date()
        XCTAssertEqual(try TonghopProcess.run(["run", "--home", after.path]).status, 0)
        let duration = Date().timeIntervalSince(clock)
        let reportsB = try RunFixture.reports(in: after)
        let activeB = try RunFixture.storeCheck(in: after).active
        XCTAssertNotEqual(reportsA, reportsB, "the correction changes the reports")

        for iteration in 0..<10 {
            let home = try RunFixture.copy(before)
            try TonghopProcess.write(RunFixture.correction, to: home.appendingPathComponent("inputs/\(RunFixture.correctionPath)"))
            let delay = Double.random(in: 0...(duration * 1.2))
            let killed = try TonghopProcess.start(["run", "--home", home.path])
            Thread.sleep(forTimeInterval: delay)
            killed.kill()
            let context = "iteration \(iteration), killed after \(String(format: "%.3f", delay)) s of a \(String(format: "%.3f", duration)) s run"

            // No half-written report under a real name: each is the old or the new one, whole.
            for (path, data) in try RunFixture.reports(in: home) {
                XCTAssertTrue(data == reportsA[path] || data == reportsB[path], "\(path) is neither the old nor the new report (\(context))")
            }
            XCTAssertEqual(try RunFixture.storeCheck(in: home).integrity, ["ok"], context)

            let next = try TonghopProcess.run(["run", "--home", home.path])
            XCTAssertTrue([0, 3].contains(next.status), "\(context): \(next.status)\n\(next.output)\(next.error)")
            XCTAssertEqual(try RunFixture.reports(in: home), reportsB, "the next run completes the work (\(context))")
            XCTAssertEqual(RunFixture.temporaryFiles(in: home), [], "temporary files of the killed run are removed (\(context))")
            XCTAssertEqual(try RunFixture.storeCheck(in: home).active, activeB, context)
            XCTAssertEqual(try TonghopProcess.run(["run", "--home", home.path]).status, 3, context)
        }
    }
}
