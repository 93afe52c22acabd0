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

/// The "phiếu báo lỗi" sent back to the office that made a bad file.
final class ErrorSlipTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("tonghop-slips-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    func testASlipSaysFileUnitPeriodEveryProblemAndWhatToDo() {
        let o = Fixtures.read(Fixtures.communeForm(rows: ["TT01,,,,3,", "TT02,,,,nhiều,", "TT05,,,,30%,"]), path: "2024/xa/13285.csv")
        let text = ErrorSlip(file: o.path, status: o.status, problems: o.problems).text(catalog: Fixtures.catalog, lang: .vi)
        XCTAssertEqual(text, """
            PHIẾU BÁO LỖI SỐ LIỆU BÁO CÁO (phòng, chống ma túy, HIV/AIDS, mại dâm)

            Tệp: 2024/xa/13285.csv
            Đơn vị: 13285 Phường Quang Trung
            Kỳ báo cáo: Quý I năm 2024
            Kết quả: TỪ CHỐI — chưa nhận số liệu nào của tệp này.

            Lỗi phải sửa (1):
              1. dòng 7, cột 5 (E): LỖI — Giá trị của chỉ tiêu TT02 không phải là số. Tìm thấy: "nhiều". Cần: số nguyên không âm. Cách sửa: ghi số bằng chữ số, đúng loại số ở mục Cần, không ghi chữ; để trống nếu không có số liệu.

            Ghi chú (1):
              1. dòng 8, cột 5 (E): GHI CHÚ — Đã bỏ dấu % và đọc số 30 cho chỉ tiêu TT05. Tìm thấy: "30%". Cách sửa: ghi số không kèm dấu %.

            Việc cần làm: sửa các ô nêu trên ngay trong tệp (giữ nguyên các dòng tiêu đề), lưu lại dạng "CSV UTF-8" và gửi lại tệp cho nơi tổng hợp. Tệp gửi lại thay thế số liệu đã gửi trước của cùng đơn vị, cùng kỳ.

            """)
        let en = ErrorSlip(file: o.path, status: o.status, problems: o.problems).text(catalog: Fixtures.catalog, lang: .en)
        XCTAssertTrue(en.contains("Outcome: REJECTED"), en)
        XCTAssertTrue(en.contains("Expected: a whole number, 0 or more"), en)
    }

    /// A workbook is corrected and saved as the workbook it is: its slip never asks for "CSV
    /// UTF-8". The store keeps what the file was, so that the slips of every run say so.
    func testAWorkbookSlipSaysToSaveTheWorkbookAgain() throws {
        let sheet = try CSVReader.parse(Array(Fixtures.communeForm(rows: ["TT02,,,,nhiều,"]).utf8), separator: UInt8(ascii: ","))
        let workbook = InputWorkbook(kind: .ods, sheets: [InputWorkbook.Sheet(name: "13285", records: sheet.map {
            CSVRecord(fields: $0.fields, line: $0.line)
        })])
        let o = FileIntake.readWorkbook(.workbook(workbook), path: "xa/13285.ods", catalog: Fixtures.catalog, today: Fixtures.today, scope: nil)
        XCTAssertEqual(o.status, .rejected)
        let store = try Fixtures.memoryStore()
        _ = try store.store([Store.IncomingFile(outcome: o, size: 1, modifiedAt: 1, sha256: "x")], runId: try store.beginRun(command: "test"))
        let verdict = try XCTUnwrap(try store.rejectedFiles().first)
        XCTAssertEqual(verdict.encoding, "ODS")
        let slip = ErrorSlip(file: verdict.path, status: verdict.status, problems: verdict.problems,
                             workbook: verdict.encoding.flatMap(InputWorkbook.Kind.init(rawValue:)))
        let vi = slip.text(catalog: Fixtures.catalog, lang: .vi), en = slip.text(catalog: Fixtures.catalog, lang: .en)
        XCTAssertTrue(vi.contains("sửa các ô nêu trên ngay trong bảng tính (giữ nguyên các dòng tiêu đề), lưu lại dưới dạng .ods như cũ"), vi)
        XCTAssertTrue(en.contains("save it as a .ods file as before"), en)
        XCTAssertFalse(vi.contains("CSV UTF-8") || en.contains("CSV UTF-8"), vi + en)
    }

    func testSlipNamesStayInsideTheFolder() {
        let folder = dir.appendingPathComponent("phieu-bao-loi")
        func name(_ path: String) -> String? { ErrorSlipFolder.url(for: path, in: folder).map { String($0.path.dropFirst(folder.path.count + 1)) } }
        XCTAssertEqual(name("2024/35-ha-nam/2024-Q1/xa/13285.csv"), "2024/35-ha-nam/2024-Q1/xa/13285.csv.txt")
        XCTAssertEqual(name("../../etc/passwd"), "etc/passwd.txt", "no way up")
        XCTAssertEqual(name("/abs/../x.csv"), "abs/x.csv.txt")
        XCTAssertEqual(name("..\\..\\win.csv"), "win.csv.txt")
        XCTAssertEqual(name(".hidden/.x.csv"), "hidden/x.csv.txt")
        XCTAssertEqual(name("a/b\u{0}c:d*?.csv"), "a/b_c_d__.csv.txt")
        XCTAssertEqual(name("Báo cáo quý 1 (xã).csv"), "Báo cáo quý 1 (xã).csv.txt")
        XCTAssertNil(name("../.."))
    }

    func testSyncWritesTheSlipsAndRemovesTheStaleOnes() throws {
        let folder = dir.appendingPathComponent("phieu-bao-loi")
        _ = try ErrorSlipFolder.sync([(path: "a/x.csv", text: "x"), (path: "b/y.csv", text: "y")], folder: folder)
        let written = try ErrorSlipFolder.sync([(path: "a/x.csv", text: "x2")], folder: folder)
        XCTAssertEqual(written.map(\.lastPathComponent), ["x.csv.txt"])
        XCTAssertEqual(try String(contentsOf: folder.appendingPathComponent("a/x.csv.txt"), encoding: .utf8), "x2")
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("b").path),
                       "the slip of a file since corrected goes, and its emptied folder with it")
        _ = try ErrorSlipFolder.sync([], folder: folder)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), [])
    }
}
