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

final class StaleTemporaryFilesTests: XCTestCase {
    func testWriterIsReadFromTheTemporaryName() {
        XCTAssertEqual(StaleTemporaryFiles.writer(of: ".bao-cao-toan-quoc-2024.xlsx.4242.tmp"), 4242)
        XCTAssertNil(StaleTemporaryFiles.writer(of: "bao-cao-toan-quoc-2024.xlsx"))
        XCTAssertNil(StaleTemporaryFiles.writer(of: ".bao-cao.xlsx.tmp"))
        XCTAssertNil(StaleTemporaryFiles.writer(of: "ghi-chu.tmp"), "only hidden temporary names are tonghop's")
    }

    func testOnlyTheFilesOfDeadProcessesAreRemoved() throws {
        let outputs = FileManager.default.temporaryDirectory.appendingPathComponent("tonghop-test-\(UUID().uuidString)")
        let period = outputs.appendingPathComponent("2024-H1")
        try FileManager.default.createDirectory(at: period, withIntermediateDirectories: true)
        // A process that has ended: its pid is free.
        let ended = Process()
        ended.executableURL = URL(fileURLWithPath: "/bin/true")
        try ended.run()
        ended.waitUntilExit()
        let names = [".a.xlsx.\(ended.processIdentifier).tmp", ".b.xlsx.1.tmp", "a.xlsx"]
        for name in names { try Data("x".utf8).write(to: period.appendingPathComponent(name)) }

        XCTAssertEqual(StaleTemporaryFiles.remove(under: outputs), ["2024-H1/.a.xlsx.\(ended.processIdentifier).tmp"])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: period.path).sorted(), [".b.xlsx.1.tmp", "a.xlsx"],
                       "a running process's temporary file and the reports stay")
    }
}
