import Foundation
import XCTest

/// Runs `tonghop rollup` on a small Hà Nam fixture and reads the workbook back, checking its
/// figures against sums computed here, independently of tonghop's own code.
final class RollupEndToEndTests: XCTestCase {
    /// Fixture reports: unit → quarter → indicator → value. 13294 does not report Q2.
    let communes: [String: [Int: [String: Double]]] = [
        "13285": [1: ["TT01": 3, "NN01.duoi_18": 1, "NN01.18_30": 2, "NN01.tren_30": 3], 2: ["TT01": 4, "NN01.duoi_18": 1, "NN01.18_30": 2, "NN01.tren_30": 4]],
        "13291": [1: ["TT01": 2, "NN01.18_30": 2], 2: ["TT01": 6, "NN01.18_30": 5]],
        "13294": [1: ["TT01": 5, "NN01.18_30": 3]],
    ]
    let district: [Int: [String: Double]] = [1: ["TT01": 10, "HIV03": 100, "HIV04": 90], 2: ["TT01": 6, "HIV03": 110, "HIV04": 95]]
    let health: [Int: [String: Double]] = [1: ["HIV03": 50, "HIV04": 40], 2: ["HIV03": 60, "HIV04": 55]]

    func inputs() -> [String: String] {
        var files: [String: String] = [:]
        for (unit, quarters) in communes where unit == "13285" {
            for (q, values) in quarters {
                var lines = ["don_vi,\(unit)", "ky_bao_cao,Quý \(["I", "II"][q - 1])/2024", "", "ma_chi_tieu,phan_to,gia_tri"]
                for (key, v) in values.sorted(by: { $0.key < $1.key }) {
                    let parts = key.split(separator: ".")
                    lines.append("\(parts[0]),\(parts.count > 1 ? String(parts[1]) : ""),\(Int(v))")
                }
                lines.append("XA01,,\(q == 1 ? "co_ma_tuy" : "khong_ma_tuy")")
                files["xa/\(unit)-q\(q).csv"] = lines.joined(separator: "\n") + "\n"
            }
        }
        for q in 1...2 {
            var rows = ["ma_don_vi,ky_bao_cao,TT01,NN01.18_30,XA01"]
            for unit in ["13291", "13294"] {
                guard let v = communes[unit]?[q] else { continue }
                rows.append("\(unit),2024-Q\(q),\(Int(v["TT01"]!)),\(Int(v["NN01.18_30"]!)),co_ma_tuy")
            }
            if q == 2 { rows.append("13303,2024-Q2,abc,1,co_ma_tuy") }
            files["bang-347-q\(q).csv"] = rows.joined(separator: "\n") + "\n"
            let d = district[q]!
            files["huyen-347-q\(q).csv"] = "don_vi,347\nky_bao_cao,2024-Q\(q)\nbieu_mau,HUYEN\n\nma_chi_tieu,gia_tri\n"
                + d.sorted(by: { $0.key < $1.key }).map { "\($0.key),\(Int($0.value))" }.joined(separator: "\n") + "\n"
            let h = health[q]!
            files["35-YT-q\(q).csv"] = "ma_don_vi,ky_bao_cao,ma_chi_tieu,phan_to,gia_tri\n"
                + h.sorted(by: { $0.key < $1.key }).map { "35-YT,2024-Q\(q),\($0.key),,\(Int($0.value))" }.joined(separator: "\n") + "\n"
        }
        files["hong.csv"] = "PK\u{3}\u{4} not really a csv"
        return files
    }

    /// Sum of a flow over the quarters a unit reported.
    func sum(_ series: [Int: [String: Double]], _ key: String) -> Double { series.values.compactMap { $0[key] }.reduce(0, +) }
    /// A stock's value in the latest quarter reported.
    func last(_ series: [Int: [String: Double]], _ key: String) -> Double? { series.keys.sorted().last.flatMap { series[$0]![key] } }

    /// Finds the workbook cell of an indicator code for a unit row (or the total row).
    func figure(_ book: XlsxReader, code: String, unitCode: String?) -> XlsxReader.Cell? {
        for sheet in book.sheetNames where sheet.hasPrefix("Biểu") {
            guard let (ref, _) = book.sheets[sheet]!.first(where: { $0.value.text == code }) else { continue }
            let column = String(ref.prefix { $0.isLetter })
            let row = unitCode.map { book.row(sheet, column: "B", text: $0) } ?? book.row(sheet, column: "A", text: "TỔNG CỘNG")
            return row.flatMap { book.cell(sheet, "\(column)\($0)") }
        }
        return nil
    }

    func testRollupWritesTheFiguresOfTheInputs() throws {
        let home = try TonghopProcess.home(inputs: inputs())
        let result = try TonghopProcess.run(["rollup", "--home", home.path])
        XCTAssertEqual(result.status, 2, "a rejected file and a rejected row give exit code 2\n\(result.output)\(result.error)")
        XCTAssertTrue(result.output.contains("hong.csv — TỪ CHỐI"), result.output)
        XCTAssertTrue(result.output.contains("bang-347-q2.csv — nhận một phần"), result.output)
        XCTAssertTrue(result.output.contains("dòng 3, cột 3 (C): LỖI — Giá trị của chỉ tiêu TT01 không phải là số"), result.output)

        let book = try XlsxReader(url: home.appendingPathComponent("outputs/2024-H1/bao-cao-35-ha-nam-2024-H1.xlsx"))
        // TT01 (sum over quarters, sum over units): communes + district; the health department does not report it.
        let communeTT01 = communes.values.map { sum($0, "TT01") }.reduce(0, +)
        let districtTotal = communeTT01 + sum(district, "TT01")
        XCTAssertEqual(figure(book, code: "TT01", unitCode: "347")?.number, districtTotal)
        let total = figure(book, code: "TT01", unitCode: nil)
        XCTAssertEqual(total?.number, districtTotal, "Hà Nam's TT01 is Phủ Lý's: no other unit reported it")
        XCTAssertTrue(total?.formula?.hasPrefix("SUM(") ?? false, "totals are live formulas: \(String(describing: total))")
        // HIV03 (last quarter, summed over units): district Q2 + health department Q2.
        XCTAssertEqual(figure(book, code: "HIV03", unitCode: nil)?.number, last(district, "HIV03")! + last(health, "HIV03")!)
        XCTAssertEqual(figure(book, code: "HIV04", unitCode: nil)?.number, last(district, "HIV04")! + last(health, "HIV04")!)
        // NN01 (a stock, by age group): each commune's latest quarter, 13294's Q1 because it missed Q2.
        let nn01 = communes.values.map { series in ["duoi_18", "18_30", "tren_30"].compactMap { last(series, "NN01.\($0)") }.reduce(0, +) }.reduce(0, +)
        XCTAssertEqual(figure(book, code: "NN01", unitCode: "347")?.number, nn01)
        XCTAssertEqual(figure(book, code: "NN01.18_30", unitCode: "347")?.number,
                       communes.values.compactMap { last($0, "NN01.18_30") }.reduce(0, +))
        // XA01: communes counted by their latest answer.
        XCTAssertEqual(figure(book, code: "XA01.co_ma_tuy", unitCode: "347")?.number, 2)
        XCTAssertEqual(figure(book, code: "XA01.khong_ma_tuy", unitCode: "347")?.number, 1)

        // Completeness names the missing and the partial.
        let missing = book.sheets["Đơn vị chưa báo cáo"]!.values.compactMap(\.text)
        XCTAssertTrue(missing.contains("Xã Liêm Tuyền") || missing.contains { $0.contains("Phường Lam Hạ") }, "missing communes are named")
        XCTAssertTrue(missing.contains("Phường Châu Cầu"), "13294 missed Q2 and is listed")
        // The problems sheet quotes the bad cell.
        let problems = book.sheets["Lỗi dữ liệu"]!.values.compactMap(\.text)
        XCTAssertTrue(problems.contains { $0.contains("Tìm thấy: \"abc\"") }, "\(problems)")
        // Header block and fonts.
        XCTAssertTrue(book.sheets["Biểu 1"]!.values.contains { $0.text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" })
        XCTAssertTrue(String(decoding: book.parts["xl/styles.xml"]!, as: UTF8.self).contains("Times New Roman"))
        // The national workbook has the province row and the same total.
        let national = try XlsxReader(url: home.appendingPathComponent("outputs/2024-H1/bao-cao-toan-quoc-2024-H1.xlsx"))
        XCTAssertEqual(figure(national, code: "TT01", unitCode: "35")?.number, districtTotal)
        XCTAssertEqual(figure(national, code: "TT01", unitCode: nil)?.number, districtTotal)
    }

    func testSecondRunReadsNothingAndRewritesIdenticalFiles() throws {
        let home = try TonghopProcess.home(inputs: inputs())
        try TonghopProcess.run(["rollup", "--home", home.path])
        let outputs = home.appendingPathComponent("outputs")
        let files = try FileManager.default.subpathsOfDirectory(atPath: outputs.path).filter { $0.hasSuffix(".xlsx") || $0.hasSuffix(".csv") }.sorted()
        let before = try files.map { try Data(contentsOf: outputs.appendingPathComponent($0)) }
        let again = try TonghopProcess.run(["rollup", "--home", home.path])
        XCTAssertEqual(again.status, 0, again.output)
        XCTAssertTrue(again.output.contains("0 tệp mới hoặc đã sửa"), again.output)
        let after = try files.map { try Data(contentsOf: outputs.appendingPathComponent($0)) }
        XCTAssertEqual(before, after, "the same store gives byte-identical files")
        XCTAssertFalse(files.isEmpty)
    }

    func testCheckValidatesWithoutStoring() throws {
        let home = try TonghopProcess.home(inputs: inputs())
        let good = try TonghopProcess.run(["check", "--home", home.path, home.appendingPathComponent("inputs/huyen-347-q1.csv").path])
        XCTAssertEqual(good.status, 0, good.output)
        let bad = try TonghopProcess.run(["check", "--home", home.path, home.appendingPathComponent("inputs/bang-347-q2.csv").path])
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.output.contains("dòng 3, cột 3 (C)"), bad.output)
        XCTAssertFalse(FileManager.default.fileExists(atPath: home.appendingPathComponent("tonghop.sqlite").path), "check stores nothing")
    }

    func testBrokenTemplatesGiveTheConfigurationExitCode() throws {
        let home = try TonghopProcess.home(inputs: [:])
        try FileManager.default.removeItem(at: home.appendingPathComponent("templates"))
        try FileManager.default.createDirectory(at: home.appendingPathComponent("templates"), withIntermediateDirectories: true)
        let result = try TonghopProcess.run(["rollup", "--home", home.path])
        XCTAssertEqual(result.status, 4)
        XCTAssertTrue(result.error.contains("indicators.csv"), result.error)
    }
}

extension RollupEndToEndTests {
    /// One more file rewrites the national workbook and its province's only, and the result
    /// is byte for byte what a full rewrite gives.
    func testOneMoreFileRewritesOnlyWhatItTouches() throws {
        let home = try TonghopProcess.home(inputs: inputs())
        try TonghopProcess.run(["run", "--home", home.path, "--period", "2024-H1"])
        let thanhHoa = "2024/38-thanh-hoa/2024-Q1.csv"
        try TonghopProcess.write("ma_don_vi,ky_bao_cao,TT01\n14761,2024-Q1,4\n", to: home.appendingPathComponent("inputs/\(thanhHoa)"))
        try TonghopProcess.run(["run", "--home", home.path, "--period", "2024-H1"])
        let folder = home.appendingPathComponent("outputs/2024-H1")
        let haNam = folder.appendingPathComponent("bao-cao-35-ha-nam-2024-H1.xlsx")
        let haNamBefore = try FileManager.default.attributesOfItem(atPath: haNam.path)[.modificationDate] as! Date
        // A correction for Hà Nam: the national and Hà Nam workbooks change, Thanh Hóa's does not.
        let thanhHoaBook = folder.appendingPathComponent("bao-cao-38-thanh-hoa-2024-H1.xlsx")
        let thanhHoaBefore = try FileManager.default.attributesOfItem(atPath: thanhHoaBook.path)[.modificationDate] as! Date
        Thread.sleep(forTimeInterval: 0.05)
        try TonghopProcess.write("ma_don_vi,ky_bao_cao,TT01\n13306,2024-Q1,9\n", to: home.appendingPathComponent("inputs/xa/13306.csv"))
        let result = try TonghopProcess.run(["run", "--home", home.path, "--period", "2024-H1"])
        XCTAssertEqual(result.status, 0, result.output + result.error)
        let after = { (url: URL) in try FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as! Date }
        XCTAssertGreaterThan(try after(haNam), haNamBefore, "Hà Nam's workbook is rewritten")
        XCTAssertEqual(try after(thanhHoaBook), thanhHoaBefore, "Thanh Hóa's is left as it is")

        let fresh = try TonghopProcess.home(inputs: [:])
        try FileManager.default.removeItem(at: fresh.appendingPathComponent("inputs"))
        try TonghopProcess.run(["rollup", "--home", fresh.path, "--inputs", home.appendingPathComponent("inputs").path, "--period", "2024-H1"])
        for name in ["bao-cao-toan-quoc-2024-H1.xlsx", "bao-cao-35-ha-nam-2024-H1.xlsx", "bao-cao-38-thanh-hoa-2024-H1.xlsx"] {
            XCTAssertEqual(try Data(contentsOf: folder.appendingPathComponent(name)),
                           try Data(contentsOf: fresh.appendingPathComponent("outputs/2024-H1/\(name)")), "\(name) as a full rewrite gives it")
        }
    }
}

extension RollupEndToEndTests {
    /// A file refused whole stays in the inbox: each later run reminds the compiler of it.
    func testARefusedFileIsRecalledUntilItIsFixed() throws {
        let home = try TonghopProcess.home(inputs: inputs())
        try TonghopProcess.run(["rollup", "--home", home.path, "--period", "2024-Q1"])
        let again = try TonghopProcess.run(["rollup", "--home", home.path, "--period", "2024-Q1"])
        XCTAssertTrue(again.output.contains("Còn 1 tệp đã bị từ chối ở lần chạy trước và chưa được sửa:"), again.output)
        XCTAssertTrue(again.output.contains("    hong.csv: LỖI"), again.output)
    }
}
