import Foundation
import XCTest

/// Reports as offices send them: LibreOffice (scripts/office-workbooks.py) opens sample CSV
/// forms as Calc opens them and saves them as `.xls`, `.ods`, and workbooks of several sheets
/// with a cover page and an empty sheet. Dropped into `inputs/`, they give the same figures as
/// the CSV files themselves.
final class OfficeWorkbookEndToEndTests: XCTestCase {
    /// Hà Nam's first quarter: communes, a district (decimals in kg) and the police.
    static let folder = TonghopProcess.root.appendingPathComponent("inputs/2024/35-ha-nam/2024-Q1")
    static let files = ["xa/13285.csv", "xa/13291.csv", "xa/13294.csv", "xa/13303.csv", "xa/13306.csv", "xa/13309.csv",
                        "xa/13315.csv", "huyen/347.csv", "so-nganh/35-CA.csv"]

    /// Runs scripts/office-workbooks.py on a spec.
    static func makeWorkbooks(_ spec: [[String: Any]], in folder: URL) throws {
        let specURL = folder.appendingPathComponent("spec.json")
        try JSONSerialization.data(withJSONObject: spec).write(to: specURL)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [TonghopProcess.root.appendingPathComponent("scripts/office-workbooks.py").path, specURL.path]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "LibreOffice (libreoffice-calc-nogui, python3-uno) saves the workbooks: \(output)")
    }

    func testFormsSavedByLibreOfficeGiveTheFiguresOfTheirCSVFiles() throws {
        let fromCSV = try TonghopProcess.home(inputs: [:])
        for file in Self.files {
            try FileManager.default.copyItem(at: Self.folder.appendingPathComponent(file),
                                             to: fromCSV.appendingPathComponent("inputs/" + file.replacingOccurrences(of: "/", with: "-")))
        }
        let fromOffice = try TonghopProcess.home(inputs: [:])
        let inputs = fromOffice.appendingPathComponent("inputs")
        // LibreOffice opens the copies, never the repository's inputs/: a run stopped half-way
        // must not leave its lock files there.
        func csv(_ file: String) -> String { fromCSV.appendingPathComponent("inputs/" + file.replacingOccurrences(of: "/", with: "-")).path }
        let cover: [String: Any] = ["name": "Bìa", "rows": [["ỦY BAN NHÂN DÂN THÀNH PHỐ PHỦ LÝ"], ["BÁO CÁO QUÝ I/2024"], ["Số trang", 4]]]
        try Self.makeWorkbooks([
            ["out": inputs.appendingPathComponent("13285.xls").path, "sheets": [["name": "13285", "csv": csv("xa/13285.csv")]]],
            ["out": inputs.appendingPathComponent("13291.ods").path, "sheets": [["name": "13291", "csv": csv("xa/13291.csv")]]],
            ["out": inputs.appendingPathComponent("phu-ly.xlsx").path, "sheets": [
                cover, ["name": "Xã 13294", "csv": csv("xa/13294.csv")], ["name": "Xã 13303", "csv": csv("xa/13303.csv")],
                ["name": "Huyện 347", "csv": csv("huyen/347.csv")]]],
            ["out": inputs.appendingPathComponent("phu-ly-2.xls").path, "sheets": [
                ["name": "Xã 13306", "csv": csv("xa/13306.csv")], ["name": "Xã 13309", "csv": csv("xa/13309.csv")],
                ["name": "Trống", "rows": [[String]]()]]],
            ["out": inputs.appendingPathComponent("phu-ly-3.ods").path, "sheets": [
                ["name": "Hướng dẫn", "rows": [["Điền số liệu vào các trang sau, không sửa dòng tiêu đề"]]],
                ["name": "Xã 13315", "csv": csv("xa/13315.csv")], ["name": "Công an tỉnh", "csv": csv("so-nganh/35-CA.csv")]]],
        ], in: inputs)
        try FileManager.default.removeItem(at: inputs.appendingPathComponent("spec.json"))

        let csvRun = try TonghopProcess.run(["rollup", "--home", fromCSV.path, "--period", "2024-Q1"])
        XCTAssertEqual(csvRun.status, 0, csvRun.output)
        let officeRun = try TonghopProcess.run(["run", "--home", fromOffice.path, "--period", "2024-Q1"])
        XCTAssertEqual(officeRun.status, 0, officeRun.output + officeRun.error)
        XCTAssertTrue(officeRun.output.contains("Nhận: 5 tệp; nhận một phần: 0; từ chối: 0. Đã lưu 9 báo cáo"), officeRun.output)
        XCTAssertTrue(officeRun.output.contains("phu-ly.xlsx — nhận:\n    trang tính \"Bìa\": GHI CHÚ — Trang tính này không phải là báo cáo"),
                      "the cover is skipped with a note: \(officeRun.output)")
        XCTAssertTrue(officeRun.output.contains("trang tính \"Trống\": GHI CHÚ — Trang tính trống: bỏ qua"), officeRun.output)
        XCTAssertTrue(officeRun.output.contains("trang tính \"Hướng dẫn\": GHI CHÚ"), officeRun.output)

        // The figures, unit by unit, as the province would send them upward.
        for scope in ["35", "347"] {
            let expected = try TonghopProcess.run(["export", "--home", fromCSV.path, "--period", "2024-Q1", "--scope", scope]).output
            let actual = try TonghopProcess.run(["export", "--home", fromOffice.path, "--period", "2024-Q1", "--scope", scope]).output
            XCTAssertGreaterThan(expected.split(separator: "\n").count, 40)
            XCTAssertEqual(actual, expected, "\(scope): the workbooks' figures are the CSV files'")
        }

        // The log and the JSON summary say how each file was read; the notes name their sheets.
        let log = try String(contentsOf: fromOffice.appendingPathComponent("outputs/nhat-ky/tonghop.log"), encoding: .utf8)
        XCTAssertTrue(log.contains("file=\"13285.xls\" status=accepted layout=form encoding=XLS reports=1"), log)
        XCTAssertTrue(log.contains("file=\"phu-ly-3.ods\" status=accepted layout=form encoding=ODS reports=2"), log)
        let summary = try RunFixture.summary(in: fromOffice)
        let files = try XCTUnwrap(summary["filesWithProblems"] as? [[String: Any]])
        let notes = files.first { $0["path"] as? String == "phu-ly.xlsx" }?["problems"] as? [[String: Any]]
        XCTAssertEqual(notes?.first?["sheet"] as? String, "Bìa")
        XCTAssertEqual(notes?.first?["code"] as? String, "sheetNotAReport")
        XCTAssertFalse(officeRun.output.contains("bảng mã khác"), "a workbook has no text encoding to tell: \(officeRun.output)")
    }

    /// UTF-8 forms, some with a byte-order mark, opened in LibreOffice as Latin-1, Windows-1252
    /// or Windows-1258 (the character set nobody chose) and saved as .xlsx, .xls, .ods or CSV
    /// again: every letter is read back, every figure is the clean file's, and each file gets
    /// one note more than its clean twin, saying so.
    func testFormsOpenedWithTheWrongCharacterSetAndSavedAgainGiveTheFiguresOfTheirCSVFiles() throws {
        let files = ["xa/13285.csv", "xa/13291.csv", "xa/13294.csv", "huyen/347.csv"]
        func flat(_ file: String) -> String { file.replacingOccurrences(of: "/", with: "-") }
        let fromCSV = try TonghopProcess.home(inputs: [:])
        // The forms as the clerks had them, tonghop's blank forms being UTF-8 with or without a
        // byte-order mark; LibreOffice opens them from outside inputs/.
        let sources = fromCSV.appendingPathComponent("sources")
        try FileManager.default.createDirectory(at: sources, withIntermediateDirectories: true)
        for file in files {
            let bytes = try Data(contentsOf: Self.folder.appendingPathComponent(file))
            try bytes.write(to: fromCSV.appendingPathComponent("inputs/" + flat(file)))
            try (file == "xa/13291.csv" ? bytes : Data([0xEF, 0xBB, 0xBF]) + bytes).write(to: sources.appendingPathComponent(flat(file)))
        }
        let fromOffice = try TonghopProcess.home(inputs: [:])
        let inputs = fromOffice.appendingPathComponent("inputs")
        func garbled(_ file: String, as options: String) -> [String: Any] {
            ["name": "Sheet1", "csv": sources.appendingPathComponent(flat(file)).path, "options": options]
        }
        let latin1 = "44,34,12,1", windows1252 = "44,34,1,1", windows1258 = "44,34,40,1"
        try Self.makeWorkbooks([
            ["out": inputs.appendingPathComponent("13285.xlsx").path, "sheets": [garbled("xa/13285.csv", as: latin1)]],
            ["out": inputs.appendingPathComponent("13291.xls").path, "sheets": [garbled("xa/13291.csv", as: windows1252)]],
            ["out": inputs.appendingPathComponent("13294.ods").path, "sheets": [garbled("xa/13294.csv", as: windows1258)]],
            ["out": inputs.appendingPathComponent("347.csv").path, "sheets": [garbled("huyen/347.csv", as: latin1)]],
        ], in: inputs)
        try FileManager.default.removeItem(at: inputs.appendingPathComponent("spec.json"))
        let resaved = try String(contentsOf: inputs.appendingPathComponent("347.csv"), encoding: .utf8)
        XCTAssertTrue(resaved.hasPrefix("ï»¿don_vi,347"), "the byte-order mark became text: \(resaved.prefix(40))")

        let csvRun = try TonghopProcess.run(["run", "--home", fromCSV.path, "--period", "2024-Q1"])
        XCTAssertEqual(csvRun.status, 0, csvRun.output + csvRun.error)
        let officeRun = try TonghopProcess.run(["run", "--home", fromOffice.path, "--period", "2024-Q1"])
        XCTAssertEqual(officeRun.status, 0, officeRun.output + officeRun.error)
        XCTAssertTrue(officeRun.output.contains("Nhận: 4 tệp; nhận một phần: 0; từ chối: 0. Đã lưu 4 báo cáo"), officeRun.output)
        XCTAssertFalse(officeRun.output.contains("bảng mã khác"), "nothing was read in another encoding: \(officeRun.output)")

        for scope in ["35", "347"] {
            let expected = try TonghopProcess.run(["export", "--home", fromCSV.path, "--period", "2024-Q1", "--scope", scope]).output
            let actual = try TonghopProcess.run(["export", "--home", fromOffice.path, "--period", "2024-Q1", "--scope", scope]).output
            XCTAssertGreaterThan(expected.split(separator: "\n").count, 20)
            XCTAssertEqual(actual, expected, "\(scope): the garbled files' figures are the CSV files'")
        }

        // Each file's problems are its clean twin's, and one note.
        func codes(_ home: URL) throws -> [String: [String]] {
            let files = try XCTUnwrap(try RunFixture.summary(in: home)["filesWithProblems"] as? [[String: Any]])
            return Dictionary(uniqueKeysWithValues: files.map { file in
                (file["path"] as? String ?? "", (file["problems"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String })
            })
        }
        let clean = try codes(fromCSV), repaired = try codes(fromOffice)
        for (file, office) in zip(files, ["13285.xlsx", "13291.xls", "13294.ods", "347.csv"]) {
            XCTAssertEqual(repaired[office]?.filter { $0 == "garbledTextRepaired" }.count, 1, "\(office): one note")
            XCTAssertEqual(repaired[office]?.filter { $0 != "garbledTextRepaired" }, clean[flat(file)] ?? [], "\(office): the clean file's problems")
        }
        XCTAssertTrue(officeRun.output.contains("13285.xlsx — nhận:\n    GHI CHÚ — Chữ có dấu trong tệp đã bị hỏng"), officeRun.output)
    }
}
