import Foundation
import XCTest

/// The committed sample `inputs/` rolled up as `make demo` does, with the plans' targets
/// checked against figures this test reads straight from the input files.
final class SampleReportsTests: XCTestCase {
    static let inputs = TonghopProcess.root.appendingPathComponent("inputs")

    /// Sum of an indicator's values in the form files under a folder: `CODE,name,category,measure,value,note`.
    func formSum(_ folder: String, _ code: String, fileFilter: (String) -> Bool = { _ in true }) throws -> (sum: Double, perFile: [String: Double]) {
        let base = Self.inputs.appendingPathComponent(folder)
        var sum = 0.0
        var perFile: [String: Double] = [:]
        for path in try FileManager.default.subpathsOfDirectory(atPath: base.path) where path.hasSuffix(".csv") && fileFilter(path) {
            let text = try String(contentsOf: base.appendingPathComponent(path), encoding: .utf8)
            guard text.hasPrefix("don_vi,") else { continue }
            for line in text.split(separator: "\n") where line.hasPrefix(code + ",") {
                let fields = line.split(separator: ",", omittingEmptySubsequences: false)
                if let v = Double(fields[fields.count - 2]) {
                    sum += v
                    perFile[path, default: 0] += v
                }
            }
        }
        return (sum, perFile)
    }

    func targetRow(_ book: XlsxReader, _ id: String) -> (actual: String?, status: String?, units: String?)? {
        let sheet = "Chỉ tiêu kế hoạch"
        guard let row = book.row(sheet, column: "B", text: id) else { return nil }
        return (book.cell(sheet, "F\(row)")?.text, book.cell(sheet, "G\(row)")?.text, book.cell(sheet, "H\(row)")?.text)
    }

    func testTargetsOfThePlansAgainstTheInputFiles() throws {
        let home = try TonghopProcess.home(inputs: [:])
        let result = try TonghopProcess.run(["rollup", "--home", home.path, "--inputs", Self.inputs.path,
                                             "--period", "2023", "--period", "2024-06"])
        XCTAssertEqual(result.status, 0, result.output)

        let thanhHoa = try XlsxReader(url: home.appendingPathComponent("outputs/2023/bao-cao-38-thanh-hoa-2023.xlsx"))
        // TH23-01: rings dismantled (MT03) over the year, every Thanh Hóa report added up.
        let rings = try formSum("2023/38-thanh-hoa", "MT03")
        let th1 = try XCTUnwrap(targetRow(thanhHoa, "TH23-01"))
        XCTAssertTrue(th1.actual?.hasPrefix(String(Int(rings.sum))) ?? false, "\(String(describing: th1.actual)) vs \(rings.sum)")
        XCTAssertEqual(th1.status, rings.sum >= 10 ? "đạt" : "không đạt")
        // TH23-09: cross-border rings of the border guard alone.
        let crossBorder = try formSum("2023/38-thanh-hoa", "MT04") { $0.contains("38-BDBP") }
        let th9 = try XCTUnwrap(targetRow(thanhHoa, "TH23-09"))
        XCTAssertEqual(th9.actual, String(Int(crossBorder.sum)))
        XCTAssertEqual(th9.status, crossBorder.sum >= 4 ? "đạt" : "không đạt")

        // BL24-01: each commune of Bình Lục hangs at least three banners in June 2024.
        let haNam = try XlsxReader(url: home.appendingPathComponent("outputs/2024-06/bao-cao-35-ha-nam-2024-06.xlsx"))
        let banners = try formSum("2024/35-ha-nam/2024-06", "TT04")
        let short = banners.perFile.filter { $0.value < 3 }
        let bl = try XCTUnwrap(targetRow(haNam, "BL24-01"))
        XCTAssertEqual(bl.status, "không đạt", "some communes hung fewer than three banners: \(short)")
        XCTAssertFalse(short.isEmpty)
        for path in short.keys {
            let code = String(path.split(separator: "/").last!.dropLast(4))
            let text = try String(contentsOf: Self.inputs.appendingPathComponent("2024/35-ha-nam/2024-06/\(path)"), encoding: .utf8)
            let name = text.split(separator: "\n")[1].split(separator: ",")[1]
            XCTAssertTrue(bl.units?.contains(String(name.dropFirst(name.hasPrefix("Xã ") ? 3 : 0))) ?? false, "\(code) \(name) is named: \(String(describing: bl.units))")
        }
        // The campaign expects only Bình Lục's communes, and names the one that did not report.
        let missing = haNam.sheets["Đơn vị chưa báo cáo"]!.values.compactMap(\.text)
        XCTAssertTrue(missing.contains("Xã An Lão"), "\(missing)")
        XCTAssertFalse(missing.contains("Thành phố Phủ Lý"), "districts are not expected in the action month")
    }
}

extension SampleReportsTests {
    /// The annual 2025 report, on the post-reform map, compares with 2024 and says how.
    func testAnnual2025ComparesAcrossTheReform() throws {
        let home = try TonghopProcess.home(inputs: [:])
        let result = try TonghopProcess.run(["rollup", "--home", home.path, "--inputs", Self.inputs.path, "--period", "2025"])
        XCTAssertEqual(result.status, 0, result.output)
        let national = try XlsxReader(url: home.appendingPathComponent("outputs/2025/bao-cao-toan-quoc-2025.xlsx"))
        let notes = national.sheets["Tóm tắt"]!.values.compactMap(\.text)
        XCTAssertTrue(notes.contains { $0.hasPrefix("So sánh trên đơn vị hành chính hiện hành") }, "\(notes.prefix(12))")
        XCTAssertNotNil(national.row("Biểu 1", column: "B", text: "37"), "Ninh Bình is a row of the 2025 national report")
        XCTAssertNil(national.row("Biểu 1", column: "B", text: "35"), "Hà Nam no longer is")
        let ninhBinh = try XlsxReader(url: home.appendingPathComponent("outputs/2025/bao-cao-37-ninh-binh-2025.xlsx"))
        let provinceNotes = ninhBinh.sheets["Tóm tắt"]!.values.compactMap(\.text)
        XCTAssertTrue(provinceNotes.contains { $0.contains("Tỉnh Nam Định") }, "the old provinces without 2024 data are named")
        XCTAssertTrue(ninhBinh.sheetNames.contains("Sở, ngành 1"))
        XCTAssertFalse(ninhBinh.sheetNames.contains("Chi tiết xã 1"), "without districts, communes are the rows of the Biểu sheets")
    }
}
