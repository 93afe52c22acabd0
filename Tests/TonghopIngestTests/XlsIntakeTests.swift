import Foundation
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

/// Excel 97-2003 workbooks through FreeXL: damaged and hostile files are refused with a clear
/// message before FreeXL can be made to exhaust the memory, and never crash the run.
/// `Inputs/bao-cao-nhieu-trang.xls` was saved by LibreOffice (see ``WorkbookIntakeTests``).
final class XlsIntakeTests: XCTestCase {
    var xls: [UInt8] = []

    override func setUpWithError() throws {
        xls = [UInt8](try Data(contentsOf: Fixtures.root.appendingPathComponent("Tests/TonghopIngestTests/Inputs/bao-cao-nhieu-trang.xls")))
    }

    func refusal(_ bytes: [UInt8]) -> (ProblemCode, String)? {
        guard case .refused(let code, let detail)? = XlsIntake.read(bytes) else { return nil }
        return (code, detail.vi)
    }

    /// Where a BIFF record of a type first starts in the file (the fixture's workbook stream is
    /// in one run of sectors, as LibreOffice writes small files).
    func record(_ type: UInt16, size: UInt16) -> Int {
        let pattern: [UInt8] = [UInt8(type & 0xFF), UInt8(type >> 8), UInt8(size & 0xFF), UInt8(size >> 8)]
        return (0...(xls.count - 4)).first { Array(xls[$0..<($0 + 4)]) == pattern }!
    }

    func testCellsOfEveryTypeAndTheSheetsInOrder() throws {
        guard case .workbook(let w)? = XlsIntake.read(xls) else { return XCTFail("not read") }
        XCTAssertEqual(w.kind, .xls)
        XCTAssertEqual(w.sheets.count, 4)
        XCTAssertEqual(XlsIntake.text(.integer(12)), "12")
        XCTAssertEqual(XlsIntake.text(.number(12)), "12", "12, not 12.0")
        XCTAssertEqual(XlsIntake.text(.number(1.234)), "1.2340")
        XCTAssertEqual(XlsIntake.text(.dateTime("2024-06-12 08:30:00")), "2024-06-12")
        XCTAssertEqual(XlsIntake.text(.date("2024-06-12")), "2024-06-12")
    }

    func testASheetDeclaringABillionCellsIsRefusedBeforeFreeXLAllocatesThem() {
        // DIMENSION (0x0200, 14 bytes): first row, last row + 1 (32 bits), first column, last column + 1.
        let at = record(0x0200, size: 14)
        var huge = xls
        huge.replaceSubrange((at + 8)..<(at + 12), with: [0xFF, 0xFF, 0xFF, 0x0F])
        huge.replaceSubrange((at + 14)..<(at + 16), with: [0x00, 0x01])
        let start = Date()
        XCTAssertEqual(refusal(huge)?.0, .tooLarge)
        XCTAssertTrue(refusal(huge)?.1.contains("tối đa 8000000 ô") ?? false, "\(String(describing: refusal(huge)))")
        XCTAssertLessThan(Date().timeIntervalSince(start), 2)
    }

    func testAStringTableLargerThanTheFileIsRefused() {
        // SST (0x00FC): its size, then total strings and unique strings (32 bits each).
        func u32(_ i: Int) -> UInt32 { UInt32(xls[i]) | UInt32(xls[i + 1]) << 8 | UInt32(xls[i + 2]) << 16 | UInt32(xls[i + 3]) << 24 }
        let at = (0...(xls.count - 12)).first { xls[$0] == 0xFC && xls[$0 + 1] == 0x00 && (1...200).contains(u32($0 + 8)) && u32($0 + 4) >= u32($0 + 8) }!
        var sst = xls
        sst.replaceSubrange((at + 8)..<(at + 12), with: [0xFF, 0xFF, 0xFF, 0xFF])
        XCTAssertEqual(refusal(sst)?.0, .unreadableWorkbook)
    }

    func testDamagedFilesAreRefusedNamingWhatFailed() {
        let truncated = Array(xls.prefix(xls.count / 2))
        XCTAssertEqual(refusal(truncated)?.0, .unreadableWorkbook)
        let outcome = FileIntake.read(truncated, path: "a.xls", catalog: Fixtures.catalog, today: Fixtures.today)
        XCTAssertTrue(Messages.render(outcome.problems[0]).contains("Tệp bảng tính (Excel hoặc LibreOffice) bị hỏng"), Messages.render(outcome.problems[0]))

        // The directory's "Workbook" renamed: a Compound File without a workbook, such as a
        // Word .doc, is no workbook and is refused as before, as a file of another kind.
        let name = Array("Workbook".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let at = (0...(xls.count - name.count)).first { Array(xls[$0..<($0 + name.count)]) == name }!
        var document = xls
        document[at] = UInt8(ascii: "X")
        XCTAssertNil(XlsIntake.read(document))
        let doc = FileIntake.read(document, path: "a.xls", catalog: Fixtures.catalog, today: Fixtures.today)
        XCTAssertEqual(doc.problems.map(\.code), [.notText])
        XCTAssertTrue(Messages.render(doc.problems[0]).contains("Excel 97-2003 (.xls) hoặc Word (.doc)"))

        XCTAssertEqual(refusal(CompoundFile.signature + [UInt8](repeating: 0, count: 600))?.0, .unreadableWorkbook)
    }

    func testFreeXLFailuresCarryItsCodeAndWhatWasBeingDone() {
        XCTAssertThrowsError(try FreeXLWorkbook(path: "/nonexistent/x.xls")) { error in
            XCTAssertEqual((error as? FreeXLWorkbook.Failure)?.description, "FreeXL -1 (FREEXL_FILE_NOT_FOUND) khi mở tệp")
        }
    }

    /// Random damage anywhere: each file is read or refused, and nothing crashes.
    func testRandomDamageNeverCrashes() {
        var generator = SystemRandomNumberGenerator()
        var read = 0, refused = 0
        for _ in 0..<150 {
            var bytes = xls
            for _ in 0..<Int.random(in: 1...8, using: &generator) {
                bytes[Int.random(in: 8..<bytes.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
            }
            switch FileIntake.read(bytes, path: "x.xls", catalog: Fixtures.catalog, today: Fixtures.today).status {
            case .rejected: refused += 1
            case .accepted, .partial: read += 1
            }
        }
        XCTAssertEqual(read + refused, 150)
    }
}
