import Foundation
import XCTest

/// `tonghop history` and `tonghop status`: every version of a unit's reports with what changed,
/// any past version exported, and the morning completeness check.
final class HistoryEndToEndTests: XCTestCase {
    /// The fixture rolled up, then 13285's Q2 corrected in a second file.
    func corrected() throws -> URL {
        let home = try TonghopProcess.home(inputs: RunFixture.inputs)
        XCTAssertEqual(try TonghopProcess.run(["run", "--home", home.path]).status, 2)
        try TonghopProcess.write(RunFixture.correction, to: home.appendingPathComponent("inputs/\(RunFixture.correctionPath)"))
        XCTAssertEqual(try TonghopProcess.run(["run", "--home", home.path]).status, 0)
        return home
    }

    func testHistoryListsEveryVersionWithWhatChanged() throws {
        let home = try corrected()
        let result = try TonghopProcess.run(["history", "--home", home.path, "--unit", "13285"])
        XCTAssertEqual(result.status, 0, result.error)
        let lines = result.output.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, "Lịch sử báo cáo của Phường Quang Trung (13285):")
        XCTAssertTrue(lines.contains("2024-Q1 · biểu XA · 1 phiên bản"), result.output)
        XCTAssertTrue(lines.contains("2024-Q2 · biểu XA · 2 phiên bản"), result.output)
        let first = try XCTUnwrap(lines.first { $0.contains("Bản 1") && $0.contains("xa/13285-q2.csv") }, result.output)
        XCTAssertTrue(first.contains("đã được thay bởi bản 2 (tệp xa/13285-q2-sua.csv)"), first)
        XCTAssertTrue(first.contains("sha256 "), first)
        let second = try XCTUnwrap(lines.first { $0.contains("Bản 2") }, result.output)
        XCTAssertTrue(second.contains("tệp xa/13285-q2-sua.csv") && second.contains("ĐANG DÙNG") && second.contains("ngày lập 2024-06-20"), second)
        XCTAssertTrue(lines.contains("      TT01: 5 → 40"), result.output)
        XCTAssertTrue(lines.contains("      NN01.18_30: 4 → 9"), result.output)
        XCTAssertLessThan(lines.firstIndex { $0.hasPrefix("2024-Q1") }!, lines.firstIndex { $0.hasPrefix("2024-Q2") }!, "oldest period first")

        let english = try TonghopProcess.run(["history", "--home", home.path, "--unit", "13285", "--period", "2024-Q2", "--lang", "en"])
        XCTAssertTrue(english.output.contains("superseded by version 2 (file xa/13285-q2-sua.csv)"), english.output)
        XCTAssertFalse(english.output.contains("2024-Q1 ·"), "only the period asked for")
    }

    func testAnyPastVersionCanBeExported() throws {
        let home = try corrected()
        let file = home.appendingPathComponent("ban-1.csv")
        let result = try TonghopProcess.run(["history", "--home", home.path, "--unit", "13285", "--period", "2024-Q2", "--version", "1", "-o", file.path])
        XCTAssertEqual(result.status, 0, result.error)
        XCTAssertEqual(try String(contentsOf: file, encoding: .utf8), """
            ma_don_vi,ky_bao_cao,ma_chi_tieu,phan_to,gia_tri
            13285,2024-Q2,TT01,,5
            13285,2024-Q2,NN01,18_30,4
            13285,2024-Q2,XA01,co_ma_tuy,1

            """, "the superseded version, as it was received")
        let current = try TonghopProcess.run(["history", "--home", home.path, "--unit", "13285", "--period", "2024-Q2", "--version", "2"])
        XCTAssertTrue(current.output.contains("13285,2024-Q2,TT01,,40"), current.output)
        let missing = try TonghopProcess.run(["history", "--home", home.path, "--unit", "13285", "--period", "2024-Q2", "--version", "3"])
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.error.contains("chỉ có 2 phiên bản"), missing.error)
    }

    func testStatusNamesTheMissingAndThePartial() throws {
        let home = try TonghopProcess.home(inputs: RunFixture.inputs)
        XCTAssertEqual(try TonghopProcess.run(["run", "--home", home.path]).status, 2)
        let province = try TonghopProcess.run(["status", "--home", home.path, "--period", "2024-H1", "--scope", "35"])
        XCTAssertEqual(province.status, 0, province.error)
        let lines = province.output.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, "Tình hình báo cáo 6 tháng đầu năm 2024 (2024-H1) — Tỉnh Hà Nam, danh mục đơn vị 2024")
        let phuLy = try XCTUnwrap(lines.first { $0.hasPrefix("  347 Thành phố Phủ Lý:") }, province.output)
        XCTAssertTrue(phuLy.contains("đủ 3, chưa đủ 1"), "13285, 13291 and the district in full; 13294 sent Q2 only: \(phuLy)")
        XCTAssertTrue(lines.contains { $0.contains("chưa đủ kỳ: Phường Châu Cầu (13294, thiếu 2024-Q1)") }, province.output)
        XCTAssertTrue(lines.contains { $0.hasPrefix("      chưa báo cáo: ") && $0.contains("(13303)") }, province.output)
        XCTAssertTrue(lines.contains { $0.hasPrefix("  Chưa có báo cáo nào (5): ") }, "the other districts, one line: \(province.output)")
        XCTAssertTrue(lines.last?.hasPrefix("Lượt chạy gần nhất: số 1 (tonghop run") ?? false, province.output)

        let nation = try TonghopProcess.run(["status", "--home", home.path, "--period", "2024-H1", "--lang", "en"])
        XCTAssertTrue(nation.output.contains("  35 Tỉnh Hà Nam: expected "), nation.output)
        XCTAssertTrue(nation.output.contains("  Nothing received (62): "), nation.output)
        XCTAssertTrue(nation.output.contains("... and 52 more"), "lists are capped: \(nation.output)")
    }

    func testHistoryAndStatusNeedAStore() throws {
        let home = try TonghopProcess.home(inputs: [:])
        let result = try TonghopProcess.run(["status", "--home", home.path, "--period", "2024"])
        XCTAssertEqual(result.status, 4, result.error)
        XCTAssertTrue(result.error.contains("chưa có kho dữ liệu"), result.error)
        XCTAssertFalse(FileManager.default.fileExists(atPath: home.appendingPathComponent("tonghop.sqlite").path))
    }
}
