import XCTest
@testable import TonghopBase
@testable import TonghopCatalog
@testable import TonghopIngest
@testable import TonghopValidate
import TonghopTestSupport

/// A UTF-8 form opened with the wrong character set and saved again: its letters are read back,
/// the file is read as its clean twin is, and one note says what happened and how to avoid it.
final class GarbledTextTests: XCTestCase {
    /// A commune form with names in its heading and its rows, as tonghop's blank form has them.
    static let form = """
        don_vi,13285
        ten_don_vi,Phường Quang Trung
        ky_bao_cao,Quý I/2024
        bieu_mau,XA
        ngay_lap,2024-03-12

        ma_chi_tieu,ten_chi_tieu,phan_to,don_vi_tinh,gia_tri,ghi_chu
        NN01,Số người nghiện ma túy có hồ sơ quản lý,18_30,người,12,
        MT10,Diện tích cây có chứa chất ma túy bị phát hiện,,m²,1.5,
        TT01,"Số buổi tuyên truyền, tập huấn",,buổi,3,"ghi chú, có dấu phẩy"

        """
    /// The form's cells holding a letter that is not ASCII.
    static let accentedCells = 9

    func read(_ bytes: [UInt8], path: String = "13285.csv") -> FileOutcome {
        FileIntake.read(bytes, path: path, catalog: Fixtures.catalog, today: Fixtures.today)
    }

    func testAGarbledCSVFileIsReadAsItsCleanTwinWithOneNote() {
        let clean = Fixtures.read(Self.form)
        XCTAssertEqual(clean.problems, [])
        for garbling in Garbling.allCases {
            // LibreOffice's CSV export writes no byte-order mark: the one it read is in the text.
            let o = read(Array(garbling.garble("\u{FEFF}" + Self.form).utf8))
            XCTAssertEqual(o.status, .accepted, "\(garbling): \(o.problems)")
            XCTAssertEqual(o.submissions.map(\.values), clean.submissions.map(\.values), "\(garbling): the figures of the clean file")
            XCTAssertEqual(o.problems.map(\.code), [.garbledTextRepaired], "\(garbling): one note for the file")
            XCTAssertEqual(o.problems.first?.severity, .notice)
            XCTAssertEqual(o.problems.first?.detail?.vi, String(Self.accentedCells + 1), "\(garbling): the cells read back, don_vi's included")
        }
    }

    func testTheNoteSaysWhatHappenedAndHowToAvoidIt() {
        let o = read(Array(Garbling.windows1252.garble(Self.form).utf8))
        let vi = Messages.render(o.problems[0], .vi), en = Messages.render(o.problems[0], .en)
        XCTAssertTrue(vi.contains("sai bảng mã") && vi.contains("\"QuÃ½\"") && vi.contains("ở \(Self.accentedCells) ô"), vi)
        XCTAssertTrue(vi.contains("65001: Unicode (UTF-8)") && vi.contains("LibreOffice"), vi)
        XCTAssertTrue(en.contains("wrong character set") && en.contains("in \(Self.accentedCells) cells"), en)
    }

    /// All or none for a CSV file: one cell typed again rightly after the damage, and the file
    /// is read as it is, with the usual refusals.
    func testAGarbledCSVFileWithOneGenuineLetterIsLeftAsItIs() {
        let garbled = Garbling.windows1252.garble(Self.form).replacingOccurrences(of: ",12,", with: ",12,đã sửa")
        let o = read(Array(garbled.utf8))
        XCTAssertFalse(o.problems.contains { $0.code == .garbledTextRepaired }, "\(o.problems)")
        XCTAssertEqual(o.problems.map(\.code), [.unknownPeriod], "QuÃ½ I/2024 is not read as a period")
    }

    func testACleanFileGetsNoNote() {
        XCTAssertEqual(read(Array(("\u{FEFF}" + Self.form).utf8)).problems, [], "UTF-8 with its byte-order mark")
        XCTAssertEqual(read(Array(Self.form.utf8)).problems, [])
    }

    /// A workbook's cells are read back one by one; the note counts them. A workbook has no
    /// text encoding: no note says it was read in one.
    func testAWorkbookSavedFromAGarbledFormIsReadWithOneNote() throws {
        let clean = Fixtures.read(Self.form)
        let garbled = Garbling.latin1.garble("\u{FEFF}" + Self.form)
        let records = try CSVReader.parse(Array(garbled.utf8), separator: UInt8(ascii: ","))
        let workbook = InputWorkbook(kind: .xlsx, sheets: [InputWorkbook.Sheet(name: "13285", records: records.map {
            CSVRecord(fields: $0.fields, line: $0.line)
        })])
        let o = FileIntake.readWorkbook(.workbook(workbook), path: "13285.xlsx", catalog: Fixtures.catalog, today: Fixtures.today, scope: nil)
        XCTAssertEqual(o.status, .accepted, "\(o.problems)")
        XCTAssertEqual(o.submissions.map(\.values), clean.submissions.map(\.values))
        XCTAssertEqual(o.problems.map(\.code), [.garbledTextRepaired])
        XCTAssertEqual(o.problems.first?.detail?.vi, String(Self.accentedCells + 1))
        XCTAssertEqual(o.encoding, "XLSX")
    }
}
