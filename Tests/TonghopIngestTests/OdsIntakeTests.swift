import Foundation
import XCTest
import ZIPFoundation
@testable import TonghopBase
@testable import TonghopCatalog
@testable import TonghopIngest
@testable import TonghopValidate
@testable import TonghopStore
@testable import TonghopAggregate
@testable import TonghopRender
@testable import TonghopPipeline
import TonghopTestSupport

/// OpenDocument spreadsheets written by hand, for what LibreOffice writes rarely or never: cell
/// types, repeats, merged and commented cells, and damaged or hostile files.
final class OdsIntakeTests: XCTestCase {
    static let namespaces = """
        xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
        xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" \
        xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
        """

    /// An .ods holding the given tables (and a mimetype).
    static func ods(_ tables: String, mimetype: String = OdsIntake.mimeType, prolog: String = "") throws -> [UInt8] {
        let content = prolog + "<office:document-content \(namespaces)><office:body><office:spreadsheet>\(tables)"
            + "</office:spreadsheet></office:body></office:document-content>"
        return try zip(["mimetype": Data(mimetype.utf8), "content.xml": Data(content.utf8)])
    }

    static func zip(_ parts: [String: Data], compressed: Bool = false) throws -> [UInt8] {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, data) in parts.sorted(by: { $0.key > $1.key }) {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count),
                                 compressionMethod: compressed ? .deflate : .none) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return [UInt8](archive.data!)
    }

    func sheets(_ bytes: [UInt8]) -> [InputWorkbook.Sheet] {
        guard case .workbook(let w)? = OdsIntake.read(bytes) else {
            XCTFail("not read: \(String(describing: OdsIntake.read(bytes)))")
            return []
        }
        return w.sheets
    }

    func refusal(_ bytes: [UInt8]) -> (ProblemCode, String)? {
        guard case .refused(let code, let detail)? = OdsIntake.read(bytes) else { return nil }
        return (code, detail.vi)
    }

    func testCellTypesAsTheSheetShowsThem() throws {
        let s = sheets(try Self.ods("""
            <table:table table:name="Trang 1">
            <table:table-row>
              <table:table-cell office:value-type="float" office:value="12"><text:p>12</text:p></table:table-cell>
              <table:table-cell office:value-type="float" office:value="1.5"><text:p>1,5</text:p></table:table-cell>
              <table:table-cell office:value-type="float" office:value="1.234"><text:p>1,234</text:p></table:table-cell>
              <table:table-cell office:value-type="percentage" office:value="0.15"><text:p>15%</text:p></table:table-cell>
              <table:table-cell office:value-type="date" office:date-value="2024-06-12T00:00:00"><text:p>12/06/24</text:p></table:table-cell>
              <table:table-cell office:value-type="boolean" office:boolean-value="true"><text:p>TRUE</text:p></table:table-cell>
              <table:table-cell office:value-type="string"><text:p>Phường<text:s text:c="2"/>Quang Trung</text:p><text:p>dòng hai</text:p></table:table-cell>
              <table:table-cell office:value-type="string"><office:annotation><text:p>ghi chú ẩn</text:p></office:annotation><text:p>co</text:p></table:table-cell>
            </table:table-row>
            </table:table>
            """))
        XCTAssertEqual(s.map(\.name), ["Trang 1"])
        XCTAssertEqual(s[0].records.first?.fields,
                       ["12", "1.5", "1.2340", "0.15", "2024-06-12", "1", "Phường  Quang Trung\ndòng hai", "co"],
                       "the value, not the text shown (1,5); three decimals keep a zero so as not to read as thousands; comments are no text")
    }

    /// LibreOffice writes a sheet's empty rows and columns as one repeated row or cell: a
    /// million of them cost nothing; a repeated cell that holds something is as many cells.
    func testRepeatsMoveOnWithoutBeingMaterialised() throws {
        let start = Date()
        let s = sheets(try Self.ods("""
            <table:table table:name="S">
            <table:table-row table:number-rows-repeated="2"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>
            <table:table-row><table:table-cell table:number-columns-repeated="2"/>
              <table:table-cell table:number-columns-repeated="3" office:value-type="float" office:value="0"/></table:table-row>
            <table:table-row table:number-rows-repeated="2"><table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell>
              <table:table-cell table:number-columns-repeated="1020"/></table:table-row>
            <table:table-row table:number-rows-repeated="1048571"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>
            </table:table>
            <table:table table:name="T"><table:table-row><table:covered-table-cell office:value-type="string"><text:p>hidden</text:p></table:covered-table-cell>
              <table:table-cell office:value-type="string"><text:p>shown</text:p></table:table-cell></table:table-row></table:table>
            """))
        XCTAssertLessThan(Date().timeIntervalSince(start), 2, "a million empty rows are one counter")
        XCTAssertEqual(s[0].records.map(\.line), [3, 4, 5])
        XCTAssertEqual(s[0].records.map(\.fields), [["", "", "0", "0", "0"], ["x"], ["x"]])
        XCTAssertEqual(s[1].records.map(\.fields), [["", "shown"]], "a cell under a merged one reads empty, as the sheet shows it")
    }

    func testSheetsBeyondTheLimitsAreRefused() throws {
        let wide = try Self.ods("""
            <table:table table:name="Rộng"><table:table-row><table:table-cell table:number-columns-repeated="20000"/>
            <table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row></table:table>
            """)
        XCTAssertEqual(refusal(wide)?.0, .tooLarge)
        XCTAssertTrue(refusal(wide)?.1.contains("quá 16384 cột") ?? false, "\(String(describing: refusal(wide)))")

        let deep = try Self.ods("""
            <table:table table:name="Sâu"><table:table-row table:number-rows-repeated="1048576"><table:table-cell/></table:table-row>
            <table:table-row><table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row></table:table>
            """)
        XCTAssertEqual(refusal(deep)?.0, .tooLarge)

        // A row of 10 cells repeated a million times: ten million cells, beyond the budget.
        let many = try Self.ods("""
            <table:table table:name="Nhiều"><table:table-row table:number-rows-repeated="1000000">
            <table:table-cell table:number-columns-repeated="10" office:value-type="float" office:value="1"/></table:table-row></table:table>
            """)
        let start = Date()
        XCTAssertEqual(refusal(many)?.0, .tooLarge)
        XCTAssertLessThan(Date().timeIntervalSince(start), 5)
    }

    func testEntitiesAndDamagedFilesAreRefusedWithoutCrashing() throws {
        let laughs = try Self.ods("<table:table table:name=\"S\"><table:table-row><table:table-cell><text:p>&lol9;</text:p></table:table-cell></table:table-row></table:table>",
                                  prolog: "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY lol \"lol\"><!ENTITY lol9 \"&lol;&lol;&lol;\"><!ENTITY x SYSTEM \"file:///etc/passwd\">]>")
        XCTAssertEqual(refusal(laughs)?.0, .unreadableWorkbook, "a DOCTYPE is refused before parsing")

        var truncated = try Self.ods("<table:table table:name=\"S\"><table:table-row><table:table-cell office:value-type=\"string\"><text:p>x</text:p>")
        XCTAssertEqual(refusal(truncated)?.0, .unreadableWorkbook)
        truncated = Array(try Self.ods("<table:table table:name=\"S\"/>", mimetype: OdsIntake.mimeType).prefix(120))
        XCTAssertNil(OdsIntake.read(truncated), "a zip cut short is no workbook: read, or refused, as text")
        let outcome = FileIntake.read(truncated, path: "a.ods", catalog: Fixtures.catalog, today: Fixtures.today)
        XCTAssertEqual(outcome.status, .rejected)

        let text = try Self.ods("<table:table table:name=\"S\"/>", mimetype: "application/vnd.oasis.opendocument.text")
        XCTAssertNil(OdsIntake.read(text), "a text document is no spreadsheet")

        // A part larger than a report may be once inflated, however small the zip.
        let bomb = try Self.zip(["mimetype": Data(OdsIntake.mimeType.utf8),
                                 "content.xml": Data(repeating: 0x20, count: TextDecoding.maximumFileSize + 1)], compressed: true)
        XCTAssertLessThan(bomb.count, 1_000_000)
        XCTAssertEqual(refusal(bomb)?.0, .tooLarge)
    }
}
