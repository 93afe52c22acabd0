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

final class OutputsProbeTests: XCTestCase {
    func testAWritableFolderIsCreatedAndLeftClean() throws {
        let outputs = FileManager.default.temporaryDirectory.appendingPathComponent("tonghop-test-\(UUID().uuidString)/outputs")
        try OutputsProbe.check(outputs)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: outputs.path), [], "the probe file is removed")
    }

    func testAFileInPlaceOfTheFolderIsNamed() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("tonghop-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let outputs = home.appendingPathComponent("outputs")
        try Data("x".utf8).write(to: outputs)
        XCTAssertThrowsError(try OutputsProbe.check(outputs)) { error in
            let e = error as? OutputError
            XCTAssertEqual(e?.path, outputs.path)
            XCTAssertEqual(e?.errorNumber, ENOTDIR)
            XCTAssertEqual(e?.stage, .probe)
        }
    }
}
