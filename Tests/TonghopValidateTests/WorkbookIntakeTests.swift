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

/// Workbooks of every kind and every sheet. `Inputs/bao-cao-nhieu-trang.xls` and `.ods` were
/// saved by LibreOffice 7.4 (scripts/office-workbooks.py) from the two CSV files below, with a
/// cover sheet before them and an empty sheet after: what an office's computer writes, not what
/// tonghop's own writer does.
final class WorkbookIntakeTests: XCTestCase {
    static let form = """
        don_vi,13285
        ten_don_vi,Phường Quang Trung
        ky_bao_cao,Quý I/2024
        bieu_mau,XA
        ngay_lap,2024-03-12

        ma_chi_tieu,ten_chi_tieu,phan_to,don_vi_tinh,gia_tri,ghi_chu
        NN01,Số người nghiện ma túy có hồ sơ quản lý,duoi_18,người,1,
        NN01,Số người nghiện ma túy có hồ sơ quản lý,18_30,người,12,
        MT10,Diện tích cây có chứa chất ma túy bị phát hiện,,m2,1.5,
        TT01,"Số buổi tuyên truyền, tập huấn",,buổi,3,"ghi chú, có dấu phẩy"

        """
    /// The second row's TT01 (0.75) is no whole number: that row is refused.
    static let table = """
        ma_don_vi,ten_don_vi,ky_bao_cao,TT01,NN01.duoi_18
        13291,Phường Lê Hồng Phong,2024-Q1,4,2
        13294,Phường Châu Cầu,2024-Q1,0.75,1

        """

    func fixture(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: Fixtures.root.appendingPathComponent("Tests/TonghopIngestTests/Inputs/\(name)")))
    }

    func read(_ bytes: [UInt8], path: String) -> FileOutcome {
        FileIntake.read(bytes, path: path, catalog: Fixtures.catalog, today: Fixtures.today)
    }

    func testSheetsOfAnXlsAndAnOdsReadAsLibreOfficeShowsThem() throws {
        for (name, reading) in [("xls", XlsIntake.read(try fixture("bao-cao-nhieu-trang.xls"))),
                                ("ods", OdsIntake.read(try fixture("bao-cao-nhieu-trang.ods")))] {
            guard case .workbook(let workbook)? = reading else { return XCTFail("\(name): not read") }
            XCTAssertEqual(workbook.sheets.map(\.name), ["Bìa", "Xã 13285", "Bảng 347", "Trống"], name)
            let form = workbook.sheets[1].records
            XCTAssertEqual(form.map(\.line), [1, 2, 3, 4, 5, 7, 8, 9, 10, 11], "\(name): rows as the sheet numbers them, the empty one left out")
            XCTAssertEqual(form[0].fields, ["don_vi", "13285"], "\(name): a number cell reads as the code typed")
            XCTAssertEqual(form[4].fields, ["ngay_lap", "2024-03-12"], "\(name): LibreOffice made the date a date; it reads as yyyy-mm-dd")
            XCTAssertEqual(form[7].fields, ["NN01", "Số người nghiện ma túy có hồ sơ quản lý", "18_30", "người", "12"], name)
            XCTAssertEqual(form[8][4], "1.5", "\(name): a decimal exactly")
            XCTAssertEqual(form[9][5], "ghi chú, có dấu phẩy", name)
            XCTAssertEqual(workbook.sheets[0].records.map(\.fields), [["BÁO CÁO CÔNG TÁC PHÒNG, CHỐNG MA TÚY QUÝ I/2024"], ["Thành phố Phủ Lý", "347"]], name)
            XCTAssertEqual(workbook.sheets[2].records[2].fields, ["13294", "Phường Châu Cầu", "2024-Q1", "0.75", "1"], name)
            XCTAssertTrue(workbook.sheets[3].records.isEmpty, name)
        }
    }

    /// Each sheet is read as its own CSV file is: the workbook's reports are the CSV files'
    /// reports, value for value; the cover and the empty sheet are skipped with a note; the bad
    /// row of the table costs that row only, and the file is partly accepted.
    func testEachSheetIsReadAsItsOwnFileWouldBe() throws {
        let fromCSV = Fixtures.read(Self.form).submissions + Fixtures.read(Self.table, path: "bang.csv").submissions
        XCTAssertEqual(fromCSV.count, 2)
        for (name, kind) in [("bao-cao-nhieu-trang.xls", "XLS"), ("bao-cao-nhieu-trang.ods", "ODS")] {
            let o = read(try fixture(name), path: name)
            XCTAssertEqual(o.encoding, kind)
            XCTAssertEqual(o.status, .partial, "\(name): \(o.problems)")
            XCTAssertEqual(o.submissions.map(\.unitCode), ["13285", "13291"], name)
            XCTAssertEqual(o.submissions.map(\.values), fromCSV.map(\.values), "\(name): the figures of the CSV files, exactly")
            XCTAssertEqual(o.submissions.map(\.sheet), ["Xã 13285", "Bảng 347"])
            XCTAssertEqual(o.submissions[0].values.first { $0.indicator == "MT10" }?.value, 1.5)
            XCTAssertEqual(o.submissions[0].preparedOn, "2024-03-12", "\(name): a date cell is the form's date")
            let codes = o.sortedProblems.map { "\($0.sheet ?? "-")/\($0.code.rawValue)/\($0.line ?? 0)/\($0.column ?? 0)" }
            XCTAssertEqual(codes, ["Bảng 347/decimalInInteger/3/4", "Bìa/sheetNotAReport/0/0", "Trống/sheetEmpty/0/0"], name)
            XCTAssertEqual(Messages.location(o.sortedProblems[0], .vi), "trang tính \"Bảng 347\", dòng 3, cột 4 (D)")
            XCTAssertEqual(Messages.location(o.sortedProblems[0], .en), "sheet \"Bảng 347\", line 3, column 4 (D)")
        }
    }

    /// A sheet whose error refuses its form refuses that sheet only; a workbook without any
    /// report sheet keeps the old refusal; the same report on two sheets is taken from neither.
    func testSheetsStandOrFallOnTheirOwn() throws {
        func sheet(_ name: String, _ text: String) -> SheetModel {
            var s = SheetModel(name: name)
            for (r, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                for (c, field) in line.split(separator: ",", omittingEmptySubsequences: false).enumerated() where !field.isEmpty {
                    s.set(r, c, .text(String(field)), .text)
                }
            }
            return s
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tonghop-sheets-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        func workbook(_ sheets: [SheetModel]) throws -> [UInt8] {
            let url = directory.appendingPathComponent("\(UUID().uuidString).xlsx")
            try WorkbookWriter.write(sheets, to: url, title: "t", createdAt: Date(timeIntervalSince1970: 0))
            return [UInt8](try Data(contentsOf: url))
        }
        let good = Fixtures.communeForm(unit: "13285", rows: ["TT01,,,,3,"])
        let bad = Fixtures.communeForm(unit: "13291", rows: ["TT01,,,,ba,"])
        let o = read(try workbook([sheet("Hướng dẫn", "Điền số liệu vào các trang sau"), sheet("13285", good), sheet("13291", bad)]), path: "h.xlsx")
        XCTAssertEqual(o.status, .partial)
        XCTAssertEqual(o.submissions.map(\.unitCode), ["13285"], "the bad form refuses its own sheet only")
        XCTAssertEqual(o.problems.filter { $0.severity == .error }.map(\.sheet), ["13291"])

        let none = read(try workbook([sheet("Bìa", "Báo cáo"), sheet("Ghi chú", "x,y")]), path: "n.xlsx")
        XCTAssertEqual(none.problems.map(\.code), [.workbookNotAReport], "no report sheet: refused, not two notes")
        XCTAssertTrue(Messages.render(none.problems[0]).contains("(các trang: \"Bìa\", \"Ghi chú\")"), Messages.render(none.problems[0]))

        let twice = read(try workbook([sheet("A", good), sheet("B", Fixtures.communeForm(unit: "13285", rows: ["TT01,,,,4,"]))]), path: "t.xlsx")
        XCTAssertEqual(twice.status, .rejected)
        XCTAssertEqual(twice.problems.map(\.code), [.reportOnSeveralSheets, .reportOnSeveralSheets])
        XCTAssertEqual(twice.problems.map(\.sheet), ["A", "B"])
        XCTAssertTrue(Messages.render(twice.problems[0]).contains("(\"A\" dòng 1, \"B\" dòng 1)"), Messages.render(twice.problems[0]))
    }

    /// `Inputs/cong-thuc.xls` and `.ods`: a form LibreOffice saved with formulas (a total as the
    /// sum of its parts, a decimal product, an answer chosen by IF). Each formula cell gives the
    /// value LibreOffice computed and saved, in `.xls` too, where FreeXL leaves them empty.
    func testFormulaCellsGiveTheValueTheSpreadsheetComputed() throws {
        for name in ["cong-thuc.xls", "cong-thuc.ods"] {
            let o = read(try fixture(name), path: name)
            XCTAssertEqual(o.status, .accepted, "\(name): \(o.problems)")
            XCTAssertEqual(o.submissions.first?.values, [StoredValue("NN01", "duoi_18", 1), StoredValue("NN01", "18_30", 2), StoredValue("NN01", "", 3),
                                                         StoredValue("MT10", "", 1.5), StoredValue("XA02", "co", 1), StoredValue("TT01", "", 4)], name)
        }
    }

    func testAWorkbookNamedOtherwiseIsReadWithANote() throws {
        let o = read(try fixture("bao-cao-nhieu-trang.ods"), path: "bao-cao.xls")
        XCTAssertEqual(o.encoding, "ODS")
        XCTAssertEqual(o.submissions.count, 2)
        let note = try XCTUnwrap(o.problems.first { $0.code == .workbookNamedOtherwise })
        XCTAssertEqual(note.severity, .notice)
        XCTAssertTrue(Messages.render(note).contains("Tệp có đuôi .xls nhưng thực ra là bảng tính LibreOffice .ods"), Messages.render(note))
    }
}
