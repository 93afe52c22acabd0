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

/// Whatever sits in `inputs/`, reading it takes bounded time and memory.
final class InputReadingTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("tonghop-read-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    func refusal(_ r: InputReading.Result) -> ProblemCode? {
        if case .refused(let code, _) = r { return code }
        return nil
    }

    func testARegularFileIsReadWhole() throws {
        let url = dir.appendingPathComponent("a.csv")
        try Data("ma_don_vi,ky_bao_cao\n".utf8).write(to: url)
        guard case .bytes(let b) = InputReading.contents(of: url.path) else { return XCTFail("not read") }
        XCTAssertEqual(b, Array("ma_don_vi,ky_bao_cao\n".utf8))
    }

    func testAFileLargerThanTheLimitIsRefusedAfterReadingOneByteMore() throws {
        let url = dir.appendingPathComponent("big.csv")
        try Data(repeating: 0x31, count: 5000).write(to: url)
        XCTAssertEqual(refusal(InputReading.contents(of: url.path, limit: 4999)), .tooLarge)
        guard case .bytes(let b) = InputReading.contents(of: url.path, limit: 5000) else { return XCTFail("at the limit is fine") }
        XCTAssertEqual(b.count, 5000)
    }

    func testALinkToAnEndlessDeviceIsRefusedAtOnce() throws {
        let url = dir.appendingPathComponent("zero.csv")
        try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: "/dev/zero")
        XCTAssertEqual(refusal(InputReading.contents(of: url.path)), .notARegularFile)
    }

    func testANamedPipeNobodyWritesToDoesNotHang() throws {
        let url = dir.appendingPathComponent("pipe.csv")
        XCTAssertEqual(mkfifo(url.path, 0o600), 0)
        XCTAssertEqual(refusal(InputReading.contents(of: url.path)), .notARegularFile)
    }

    func testAFolderNamedLikeAReportIsRefused() throws {
        let url = dir.appendingPathComponent("folder.csv")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        XCTAssertEqual(refusal(InputReading.contents(of: url.path)), .notARegularFile)
    }

    func testAMissingFileIsAReadFailure() {
        XCTAssertEqual(refusal(InputReading.contents(of: dir.appendingPathComponent("none.csv").path)), .readFailed)
    }
}
