import Foundation
import XCTest

/// Provinces compile locally and send upward: the exports of the four sample provinces,
/// ingested by a fresh national instance, reproduce the national figures of the raw files.
final class ExportEndToEndTests: XCTestCase {
    func testProvinceExportsReproduceTheNationalFigures() throws {
        let raw = try TonghopProcess.home(inputs: [:])
        XCTAssertEqual(try TonghopProcess.run(["sample", "--home", raw.path, "--year", "2024", "--out", raw.appendingPathComponent("inputs").path]).status, 0)
        XCTAssertEqual(try TonghopProcess.run(["rollup", "--home", raw.path, "--period", "2024"]).status, 0)

        let national = try TonghopProcess.home(inputs: [:])
        for province in ["35", "38", "24", "67"] {
            for period in ["2024-H1", "2024"] {
                let file = national.appendingPathComponent("inputs/\(province)-\(period).csv")
                let r = try TonghopProcess.run(["export", "--home", raw.path, "--period", period, "--scope", province, "-o", file.path])
                XCTAssertEqual(r.status, 0, r.error)
            }
        }
        let rollup = try TonghopProcess.run(["rollup", "--home", national.path, "--period", "2024"])
        XCTAssertEqual(rollup.status, 0, rollup.output)
        for period in ["2024-H1", "2024"] {
            let fromRaw = try TonghopProcess.run(["export", "--home", raw.path, "--period", period, "--scope", "VN"]).output
            let fromExports = try TonghopProcess.run(["export", "--home", national.path, "--period", period, "--scope", "VN"]).output
            XCTAssertGreaterThan(fromRaw.split(separator: "\n").count, 100)
            XCTAssertEqual(fromExports, fromRaw, "\(period): the national figures built from four provincial exports equal those from the raw files")
        }
    }

    func testExportHeaderAndRows() throws {
        let home = try TonghopProcess.home(inputs: [
            "a.csv": "ma_don_vi,ky_bao_cao,TT01,XA02\n13285,2024-Q1,3,co\n13291,2024-Q1,4,khong\n",
        ])
        try TonghopProcess.run(["rollup", "--home", home.path])
        let out = try TonghopProcess.run(["export", "--home", home.path, "--period", "2024-Q1", "--scope", "347"]).output
        XCTAssertEqual(out, """
            ma_don_vi,ky_bao_cao,ma_chi_tieu,phan_to,gia_tri
            347,2024-Q1,XA02,co,1
            347,2024-Q1,XA02,khong,1
            347,2024-Q1,TT01,,7
            13285,2024-Q1,XA02,co,1
            13285,2024-Q1,XA02,khong,0
            13285,2024-Q1,TT01,,3
            13291,2024-Q1,XA02,co,0
            13291,2024-Q1,XA02,khong,1
            13291,2024-Q1,TT01,,4

            """)
    }
}

extension ExportEndToEndTests {
    /// At national scale, after the reform: the 34 provinces' own exports, ingested by a fresh
    /// national instance, give the same national figures as all the raw files.
    func testThirtyFourProvincesSendingUpwardEqualTheRawFiles() throws {
        let raw = try TonghopProcess.home(inputs: [:])
        let sample = try TonghopProcess.run(["sample", "--home", raw.path, "--national", "--year", "2025",
                                             "--out", raw.appendingPathComponent("inputs").path])
        XCTAssertEqual(sample.status, 0, sample.output + sample.error)
        XCTAssertEqual(try TonghopProcess.run(["rollup", "--home", raw.path, "--period", "2025-H2"]).status, 0)

        let national = try TonghopProcess.home(inputs: [:])
        let folder = raw.appendingPathComponent("outputs/2025-H2")
        let exports = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasPrefix("so-lieu-") && $0.hasSuffix(".csv") && !$0.contains("toan-quoc") }
        XCTAssertEqual(exports.count, 34, "one export per province of the 2025 map")
        for name in exports {
            try FileManager.default.copyItem(at: folder.appendingPathComponent(name),
                                             to: national.appendingPathComponent("inputs/\(name)"))
        }
        let result = try TonghopProcess.run(["rollup", "--home", national.path, "--period", "2025-H2"])
        XCTAssertEqual(result.status, 0, result.output)
        let fromRaw = try TonghopProcess.run(["export", "--home", raw.path, "--period", "2025-H2", "--scope", "VN"]).output
        let fromProvinces = try TonghopProcess.run(["export", "--home", national.path, "--period", "2025-H2", "--scope", "VN"]).output
        XCTAssertEqual(fromRaw.split(separator: "\n").filter { $0.hasPrefix("VN,") }.count > 40, true)
        XCTAssertEqual(fromProvinces, fromRaw, "the national figures from 34 provincial exports equal those from the raw files")
    }
}
