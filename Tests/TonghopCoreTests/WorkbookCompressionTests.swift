import Foundation
import Spreadsheet
import XCTest

/// The workbooks' XML parts are deflated at level 1, not zlib's default (see
/// Sources/CXlsxZipLevel/zip_level.c): the choice reaches minizip, and the file stays a
/// workbook any zip reader opens.
final class WorkbookCompressionTests: XCTestCase {
    func testEveryPartIsDeflatedAtTheFastestLevel() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tonghop-zip-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("a.xlsx").path
        let workbook = try Workbook(path: path, title: "Thử", createdAt: Date(timeIntervalSince1970: 1_700_000_000))
        let sheet = try workbook.addWorksheet("Biểu 1")
        for row in 0..<200 { try sheet.write(row, 0, text: "Xã số \(row)", style: CellStyle()) }
        try workbook.close()

        // Each local file header of the zip: signature PK\3\4, then the version, then the
        // general purpose flags, whose bits 1 and 2 give the deflate level (APPNOTE 4.4.4:
        // both set for "super fast", level 1; neither for the default).
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        var parts = 0
        var at = 0
        while at + 30 <= bytes.count {
            if bytes[at] == 0x50 && bytes[at + 1] == 0x4B && bytes[at + 2] == 0x03 && bytes[at + 3] == 0x04 {
                let flags = Int(bytes[at + 6]) | Int(bytes[at + 7]) << 8
                let method = Int(bytes[at + 8]) | Int(bytes[at + 9]) << 8
                XCTAssertEqual(method, 8, "deflated")
                XCTAssertEqual(flags & 0b110, 0b110, "part \(parts) deflated at level 1")
                parts += 1
            }
            at += 1
        }
        XCTAssertGreaterThan(parts, 5)
    }
}
