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

/// Reading `.xlsx` files: the first sheet's cells become the records a CSV file would give.
final class XlsxIntakeTests: XCTestCase {
    var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("tonghop-xlsx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: directory) }

    /// Writes a workbook with the project's own writer (text in shared strings, numbers as numbers).
    func workbook(_ sheets: [SheetModel]) throws -> [UInt8] {
        let url = directory.appendingPathComponent("\(UUID().uuidString).xlsx")
        try WorkbookWriter.write(sheets, to: url, title: "t", createdAt: Date(timeIntervalSince1970: 0))
        return [UInt8](try Data(contentsOf: url))
    }

    func sheets(_ bytes: [UInt8]) -> [InputWorkbook.Sheet] {
        guard case .workbook(let workbook)? = XlsxIntake.read(bytes) else {
            XCTFail("not read as a workbook")
            return []
        }
        return workbook.sheets
    }

    /// A zip holding the given parts, for workbooks no spreadsheet program would write.
    func zip(_ parts: [String: String]) throws -> [UInt8] {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, text) in parts.sorted(by: { $0.key < $1.key }) {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count)) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return [UInt8](archive.data!)
    }

    func testSharedStringsNumbersEmptyCellsAndSparseRows() throws {
        var sheet = SheetModel(name: "Trang 1")
        sheet.set(0, 0, .text("don_vi"), .text)
        sheet.set(0, 1, .text("13285"), .text)
        sheet.set(3, 0, .text("TT01"), .code)
        sheet.set(3, 1, .empty, .entry)
        sheet.set(3, 4, .number(12), .integer)
        sheet.set(4, 2, .number(1.5), .decimal)
        sheet.set(4, 3, .text("Phường Quang Trung"), .text)
        var second = SheetModel(name: "Trang 2")
        second.set(2, 1, .text("second"), .text)
        let read = sheets(try workbook([sheet, second]))
        XCTAssertEqual(read.map(\.name), ["Trang 1", "Trang 2"], "every sheet, in the workbook's order")
        let r = read[0].records
        XCTAssertEqual(r.map(\.line), [1, 4, 5], "line numbers are the sheet's row numbers; empty rows are left out")
        XCTAssertEqual(r[0].fields, ["don_vi", "13285"])
        XCTAssertEqual(r[1].fields, ["TT01", "", "", "", "12"], "12, not 12.0; empty cells are empty fields")
        XCTAssertEqual(r[2].fields, ["", "", "1.5", "Phường Quang Trung"])
        XCTAssertEqual(read[1].records.map(\.line), [3])
        XCTAssertEqual(read[1].records[0].fields, ["", "second"])
    }

    func testNumbersReadBackExactly() {
        XCTAssertEqual(XlsxParts.numberText(12), "12")
        XCTAssertEqual(XlsxParts.numberText(0), "0")
        XCTAssertEqual(XlsxParts.numberText(1.5), "1.5")
        XCTAssertEqual(XlsxParts.numberText(0.00001), "0.00001")
        XCTAssertEqual(XlsxParts.numberText(1.234), "1.2340", "three decimals would read as thousands in a count field")
        for (number, integer) in [(1.234, false), (1.234, true), (12345.678, false), (0.1 + 0.2, false)] {
            let parsed = ValueParsing.number(XlsxParts.numberText(number), integer: integer)
            XCTAssertEqual(parsed, integer ? .fractionInInteger(number) : .value(number), "\(number) stays \(number)")
        }
    }

    func testDatesAreWrittenAsISODays() {
        XCTAssertEqual(XlsxParts.dateText(serial: 45455, date1904: false), "2024-06-12")
        XCTAssertEqual(XlsxParts.dateText(serial: 45455.75, date1904: false), "2024-06-12")
        XCTAssertEqual(XlsxParts.dateText(serial: 43993, date1904: true), "2024-06-12")
        XCTAssertTrue(XlsxParts.Styles.isDate(formatId: 14, code: nil))
        XCTAssertTrue(XlsxParts.Styles.isDate(formatId: 164, code: "dd/mm/yyyy"))
        XCTAssertFalse(XlsxParts.Styles.isDate(formatId: 164, code: "#,##0.00\" ngày\""))
        XCTAssertFalse(XlsxParts.Styles.isDate(formatId: 3, code: nil))
    }

    func testInlineAndRichStringsBooleansFormulasAndCellsWithoutReferences() {
        let xml = """
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
            <row r="2"><c r="B2" t="inlineStr"><is><t>co</t></is></c><c t="s"><v>0</v></c><c t="b"><v>1</v></c></row>
            <row><c t="s"><v>1</v></c><c r="D3" s="1"><v>45455</v></c><c r="E3"><f>1+2</f><v>3</v></c><c t="str"><f>"a"&amp;"b"</f><v>ab</v></c></row>
            <row r="9"><c r="A9" s="0"/></row>
            </sheetData></worksheet>
            """
        let sheet = XlsxParts.Worksheet(sharedStrings: ["khong_ma_tuy", "Rich text"], dateStyles: [1], date1904: false, fieldBudget: 100)
        XCTAssertTrue(XlsxParts.parse(Data(xml.utf8), with: sheet))
        XCTAssertEqual(sheet.rows.map(\.number), [2, 3], "a row without a reference follows the previous one; a row of blanks is left out")
        XCTAssertEqual(sheet.rows[0].cells, [1: "co", 2: "khong_ma_tuy", 3: "1"])
        XCTAssertEqual(sheet.rows[1].cells, [0: "Rich text", 3: "2024-06-12", 4: "3", 5: "ab"], "formulas give the value Excel computed")
    }

    func testRichSharedStringsJoinTheirRunsWithoutPhoneticHints() {
        let xml = """
            <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
            <si><t>plain</t></si><si><r><rPr><b/></rPr><t>Phường </t></r><r><t xml:space="preserve">Quang Trung</t></r><rPh><t>x</t></rPh></si><si/>
            </sst>
            """
        let shared = XlsxParts.SharedStrings()
        XCTAssertTrue(XlsxParts.parse(Data(xml.utf8), with: shared))
        XCTAssertEqual(shared.strings, ["plain", "Phường Quang Trung", ""])
    }

    func testHugeSheetsAreStoppedWithinBoundedMemory() {
        let rows = (1...50).map { "<row r=\"\($0)\"><c r=\"XFD\($0)\" t=\"inlineStr\"><is><t>x</t></is></c></row>" }.joined()
        let sheet = XlsxParts.Worksheet(sharedStrings: [], dateStyles: [], date1904: false, fieldBudget: 100_000)
        _ = XlsxParts.parse(Data("<worksheet><sheetData>\(rows)</sheetData></worksheet>".utf8), with: sheet)
        XCTAssertTrue(sheet.exceededBudget)
    }

    func testFilledFormWorkbookReadsLikeItsCSVTwin() throws {
        let blank = try BlankForm(unitCode: "35-CA", period: .quarter(2024, 2), catalog: Fixtures.catalog)
        var sheet = BlankFormSheet.sheet(blank, catalog: Fixtures.catalog, window: .decree09)
        var rows = blank.tableRows(catalog: Fixtures.catalog)
        let headerRow = sheet.cells.first { $0.value[0]?.value == .text("ma_chi_tieu") }!.key
        for i in rows.indices {
            // Decreasing down the form, so that every "of which" figure stays under its whole.
            let typed: Double = rows[i].code == "MT05" ? 0.75 : Double(rows.count - i)
            rows[i].value = DecimalText.text(typed)
            sheet.set(headerRow + 1 + i, 4, .number(typed), .entry)
        }
        let fromWorkbook = FileIntake.read(try workbook([sheet]), path: "35-CA.xlsx", catalog: Fixtures.catalog, today: Fixtures.today)
        let fromCSV = Fixtures.read(FormLayoutWriter.csv(heading: blank.heading, rows: rows))
        XCTAssertEqual(fromWorkbook.status, .accepted, "\(fromWorkbook.problems)")
        XCTAssertEqual(fromWorkbook.encoding, "XLSX")
        XCTAssertEqual(fromWorkbook.submissions.first?.values, fromCSV.submissions.first?.values)
        XCTAssertEqual(fromWorkbook.submissions.first?.values.first { $0.indicator == "MT05" }?.value, 0.75)
    }

    func testWorkbookNamedCSVIsReadWithANotice() throws {
        var sheet = SheetModel(name: "Sheet1")
        for (r, line) in Fixtures.communeForm(rows: ["TT01,,,,3,"]).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            for (c, field) in line.split(separator: ",", omittingEmptySubsequences: false).enumerated() where !field.isEmpty {
                sheet.set(r, c, .text(String(field)), .text)
            }
        }
        let o = FileIntake.read(try workbook([sheet]), path: "bao-cao.csv", catalog: Fixtures.catalog, today: Fixtures.today)
        XCTAssertEqual(o.status, .accepted)
        XCTAssertEqual(o.problems.map(\.code), [.workbookNamedAsText])
        XCTAssertEqual(o.problems[0].severity, .notice)
        XCTAssertEqual(o.submissions.first?.values, [StoredValue("TT01", "", 3)])
    }

    func testOtherSpreadsheetsGetAClearMessage() throws {
        var sheet = SheetModel(name: "Danh sách")
        sheet.set(0, 0, .text("Họ tên"), .text)
        sheet.set(0, 1, .text("Tuổi"), .text)
        let o = FileIntake.read(try workbook([sheet]), path: "ds.xlsx", catalog: Fixtures.catalog, today: Fixtures.today)
        XCTAssertEqual(o.problems.map(\.code), [.workbookNotAReport])
        XCTAssertTrue(Messages.render(o.problems[0]).contains("Không trang tính nào của tệp là biểu mẫu báo cáo (các trang: \"Danh sách\")"),
                      Messages.render(o.problems[0]))
    }

    func testDamagedWorkbooksAndOtherZipsAreRefused() throws {
        let damaged = try zip([
            "xl/workbook.xml": "<workbook><sheets><sheet name=\"S\" r:id=\"rId1\" xmlns:r=\"r\"/></sheets></workbook>",
            "xl/_rels/workbook.xml.rels": "<Relationships><Relationship Id=\"rId1\" Type=\"x/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>",
            "xl/worksheets/sheet1.xml": "<worksheet><sheetData><row r=\"1\"><c",
        ])
        let o = FileIntake.read(damaged, path: "a.xlsx", catalog: Fixtures.catalog, today: Fixtures.today)
        XCTAssertEqual(o.problems.map(\.code), [.unreadableWorkbook])
        var entities = [
            "xl/workbook.xml": "<workbook><sheets><sheet name=\"S\" r:id=\"rId1\" xmlns:r=\"r\"/></sheets></workbook>",
            "xl/_rels/workbook.xml.rels": "<Relationships><Relationship Id=\"rId1\" Type=\"x/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>",
        ]
        entities["xl/worksheets/sheet1.xml"] = "<?xml version=\"1.0\"?><!DOCTYPE w [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;\">"
            + "<!ENTITY x SYSTEM \"file:///etc/passwd\">]><worksheet><sheetData><row r=\"1\"><c t=\"inlineStr\"><is><t>&b;&x;</t></is></c></row></sheetData></worksheet>"
        let hostile = FileIntake.read(try zip(entities), path: "a.xlsx", catalog: Fixtures.catalog, today: Fixtures.today)
        XCTAssertEqual(hostile.problems.map(\.code), [.unreadableWorkbook], "a part with a DOCTYPE is refused, nothing expanded or fetched")
        let otherZip = try zip(["word/document.xml": "<document/>"])
        XCTAssertNil(XlsxIntake.read(otherZip), "a zip without a workbook is not a workbook")
        let refused = FileIntake.read(otherZip, path: "a.csv", catalog: Fixtures.catalog, today: Fixtures.today)
        XCTAssertEqual(refused.problems.map(\.code), [.notText])
    }
}
