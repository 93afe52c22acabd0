import Foundation
import XCTest

/// A folder mixing good files with one of each kind of bad input: `rollup` stores all the good
/// data, refuses the rest with one clear report and one error slip per bad file.
final class IntakeEndToEndTests: XCTestCase {
    /// "Quý I/2024" in Windows-1258: the acute of "ý" is a combining mark (0xEC) after "y".
    static let windows1258Form: [UInt8] = Array("don_vi,13294\r\nky_bao_cao,Quy".utf8) + [0xEC]
        + Array(" I/2024\r\n\r\nma_chi_tieu,gia_tri\r\nTT01,5\r\n".utf8)

    /// Excel's "Unicode Text": UTF-16 with a byte-order mark, here big-endian, tab-separated.
    static var utf16Table: [UInt8] {
        let text = "ma_don_vi\tky_bao_cao\tTT01\r\n13303\t2024-Q1\t7\r\n"
        return [0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
    }

    func makeHome() throws -> URL {
        let home = try TonghopProcess.home(inputs: [
            "xa/13285.csv": "don_vi,13285\nky_bao_cao,2024-Q1\n\nma_chi_tieu,gia_tri\nTT01,3\n",
            "xa/ten-thay-ma.csv": "don_vi,Phường Liêm Chính\nky_bao_cao,2024-Q1\n\nma_chi_tieu,gia_tri\nTT01,9\n",
            "bang-347.csv": "ma_don_vi,ky_bao_cao,TT01\n13291,2024-Q1,4\n13306,2024-Q1,hai\n",
            "huyen/347.csv": "don_vi,347\nky_bao_cao,2024-Q1\nbieu_mau,HUYEN\n\nma_chi_tieu,gia_tri\nTT01,10\nMD01,2\nMD02,5\n",
            "trong.csv": "",
            "=1+2.csv": "ma_don_vi,ky_bao_cao,TT01\n@SUM(A1),2024-Q1,1,2\n",
        ])
        let inputs = home.appendingPathComponent("inputs")
        try Data(Self.windows1258Form).write(to: inputs.appendingPathComponent("xa/13294-windows.csv"))
        try Data(Self.utf16Table).write(to: inputs.appendingPathComponent("xa/13303-unicode.txt"))
        try Data("PK\u{3}\u{4}not a csv".utf8).write(to: inputs.appendingPathComponent("bao-cao.xlsx.csv"))
        // Neither may hang the run or fill the memory.
        XCTAssertEqual(mkfifo(inputs.appendingPathComponent("ong.csv").path, 0o600), 0)
        try FileManager.default.createSymbolicLink(atPath: inputs.appendingPathComponent("zero.csv").path, withDestinationPath: "/dev/zero")
        return home
    }

    func slips(_ home: URL) throws -> [String] {
        let folder = home.appendingPathComponent("outputs/phieu-bao-loi")
        return (FileManager.default.subpaths(atPath: folder.path) ?? []).filter { $0.hasSuffix(".txt") }.sorted()
    }

    func testAMixedFolderKeepsEveryGoodFigureAndReportsEachBadFile() throws {
        let home = try makeHome()
        let result = try TonghopProcess.run(["rollup", "--home", home.path, "--period", "2024-Q1"])
        XCTAssertEqual(result.status, 2, result.output + result.error)
        let out = result.output
        XCTAssertTrue(out.contains("Không phải UTF-8, đã đọc theo bảng mã khác: 1 tệp UTF-16 BE, 1 tệp Windows-1258."), out)
        XCTAssertTrue(out.contains("bao-cao.xlsx.csv — TỪ CHỐI"), out)
        XCTAssertTrue(out.contains("có thể là tệp Excel .xlsx đổi tên thành .csv"), out)
        XCTAssertTrue(out.contains("trong.csv — TỪ CHỐI"), out)
        XCTAssertTrue(out.contains("có phải là 13309 Phường Liêm Chính (Thành phố Phủ Lý, Tỉnh Hà Nam)?"), out)
        XCTAssertTrue(out.contains("bang-347.csv — nhận một phần"), out)
        XCTAssertTrue(out.contains("Tìm thấy: \"MD02 = 5\". Cần: ≤ MD01 = 2"), out)
        XCTAssertTrue(out.contains("Đã xem 11 tệp"), "the pipe and the link to /dev/zero are counted: \(out)")
        XCTAssertTrue(out.contains("ong.csv — TỪ CHỐI:\n    LỖI — Không phải một tệp thông thường (một đường ống (FIFO))"), out)
        XCTAssertTrue(out.contains("zero.csv — TỪ CHỐI:\n    LỖI — Đây là liên kết (symbolic link) trỏ ra ngoài thư mục inputs/"), out)

        // Every good figure is there: 13285, 13291 (beside a bad row), 13294 (Windows-1258),
        // 13303 (UTF-16); the district's report was refused by rule QT03.
        let book = try XlsxReader(url: home.appendingPathComponent("outputs/2024-Q1/bao-cao-35-ha-nam-2024-Q1.xlsx"))
        let sheet = book.sheetNames.first { name in name.hasPrefix("Biểu") && book.sheets[name]!.values.contains { $0.text == "TT01" } }!
        let column = String(book.sheets[sheet]!.first { $0.value.text == "TT01" }!.key.prefix { $0.isLetter })
        let row = book.row(sheet, column: "B", text: "347")!
        XCTAssertEqual(book.cell(sheet, "\(column)\(row)")?.number, 3 + 4 + 5 + 7)

        // One slip per bad file, named after it.
        XCTAssertEqual(try slips(home), ["_1+2.csv.txt", "bang-347.csv.txt", "bao-cao.xlsx.csv.txt", "huyen/347.csv.txt",
                                         "ong.csv.txt", "trong.csv.txt", "xa/ten-thay-ma.csv.txt", "zero.csv.txt"])
        let slip = try String(contentsOf: home.appendingPathComponent("outputs/phieu-bao-loi/bang-347.csv.txt"), encoding: .utf8)
        XCTAssertTrue(slip.contains("Kết quả: NHẬN MỘT PHẦN"), slip)
        XCTAssertTrue(slip.contains("dòng 3, cột 3 (C): LỖI — Giá trị của chỉ tiêu TT01 không phải là số. Tìm thấy: \"hai\""), slip)
        XCTAssertTrue(slip.contains("Đơn vị: 13306 Xã Phù Vân"), slip)

        // Text from the files that looks like a formula stays text in the workbook (the
        // national one lists the problems of units no province knows).
        let national = try XlsxReader(url: home.appendingPathComponent("outputs/2024-Q1/bao-cao-toan-quoc-2024-Q1.xlsx"))
        let problems = national.sheets["Lỗi dữ liệu"]!
        let fileCell = problems.values.first { $0.text == "=1+2.csv" }
        XCTAssertNotNil(fileCell, "the file name is listed")
        XCTAssertNil(fileCell?.formula)
        XCTAssertTrue(problems.values.contains { $0.text == "@SUM(A1)" }, "the unit cell is quoted as found")
        XCTAssertTrue(problems.values.allSatisfy { $0.formula == nil }, "no cell of the problems sheet is a formula")
    }

    func testACorrectedFileLosesItsSlip() throws {
        let home = try makeHome()
        try TonghopProcess.run(["rollup", "--home", home.path, "--period", "2024-Q1"])
        XCTAssertTrue(try slips(home).contains("bang-347.csv.txt"))
        try TonghopProcess.write("ma_don_vi,ky_bao_cao,TT01\n13291,2024-Q1,4\n13306,2024-Q1,2\n",
                                 to: home.appendingPathComponent("inputs/bang-347.csv"))
        let again = try TonghopProcess.run(["rollup", "--home", home.path, "--period", "2024-Q1"])
        XCTAssertTrue(again.output.contains("1 tệp mới hoặc đã sửa"), again.output)
        XCTAssertFalse(try slips(home).contains("bang-347.csv.txt"), "the slip of a corrected file is removed")
        XCTAssertTrue(try slips(home).contains("trong.csv.txt"), "the others stay until their files are corrected")
    }

    func testAScopedRunRefusesOtherUnitsAndWritesOnlyItsProvince() throws {
        let home = try TonghopProcess.home(inputs: [
            "bang.csv": "ma_don_vi,ky_bao_cao,TT01\n13285,2024-Q1,3\n15574,2024-Q1,2\n",
        ])
        let result = try TonghopProcess.run(["rollup", "--home", home.path, "--scope", "347"])
        XCTAssertEqual(result.status, 2, result.output)
        XCTAssertTrue(result.output.contains("15574 Xã Xuân Tín không thuộc 347 Thành phố Phủ Lý"), result.output)
        let written = try FileManager.default.contentsOfDirectory(atPath: home.appendingPathComponent("outputs/2024-Q1").path)
        XCTAssertEqual(written.filter { $0.hasSuffix(".xlsx") }, ["bao-cao-35-ha-nam-2024-Q1.xlsx"])

        let bad = try TonghopProcess.run(["rollup", "--home", home.path, "--scope", "99999"])
        XCTAssertEqual(bad.status, 4, "an unknown scope is a configuration mistake")
        XCTAssertTrue(bad.error.contains("--scope"), bad.error)
    }

    func testCheckSpeaksEnglishAndHonoursTheScope() throws {
        let home = try TonghopProcess.home(inputs: ["bang.csv": "ma_don_vi,ky_bao_cao,TT01\n13285,2024-Q1,3\n35-CA,2024-Q1,2\n"])
        let result = try TonghopProcess.run(["check", "--home", home.path, "--lang", "en", "--scope", "347",
                                             home.appendingPathComponent("inputs/bang.csv").path])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.output.contains("ERROR — The unit is outside the scope being compiled (35-CA Công an tỉnh - Tỉnh Hà Nam is not within 347 Thành phố Phủ Lý)"), result.output)
        XCTAssertTrue(result.output.contains("How to fix: send this file to the office compiling that unit"), result.output)
    }
}
