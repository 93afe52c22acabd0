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

/// A small Hà Nam fixture for the unattended-run tests: two quarters, forms, a district table
/// with one bad row, a department in the long layout and a file that is not a CSV, so that a
/// run writes eight workbooks (Q1, Q2, H1 and the year; national and provincial) in well
/// under a second, and exits with code 2.
enum RunFixture {
    static func commune(_ unit: String, quarter: Int, tt01: Int, nn01: Int, preparedOn: String? = nil) -> String {
        (["don_vi,\(unit)", "ky_bao_cao,2024-Q\(quarter)", "bieu_mau,XA"] + (preparedOn.map { ["ngay_lap,\($0)"] } ?? [])
            + ["", "ma_chi_tieu,phan_to,gia_tri", "TT01,,\(tt01)", "NN01,18_30,\(nn01)", "XA01,,co_ma_tuy"]).joined(separator: "\n") + "\n"
    }

    static var inputs: [String: String] {
        var files: [String: String] = [:]
        for q in 1...2 {
            files["xa/13285-q\(q).csv"] = commune("13285", quarter: q, tt01: 3 + q, nn01: 2 * q, preparedOn: "2024-0\(3 * q)-10")
            files["xa/13291-q\(q).csv"] = commune("13291", quarter: q, tt01: 1 + q, nn01: q)
            files["huyen-347-q\(q).csv"] = "don_vi,347\nky_bao_cao,2024-Q\(q)\nbieu_mau,HUYEN\n\nma_chi_tieu,gia_tri\nTT01,\(5 * q)\nHIV03,\(100 + q)\n"
            files["35-YT-q\(q).csv"] = "ma_don_vi,ky_bao_cao,ma_chi_tieu,phan_to,gia_tri\n35-YT,2024-Q\(q),HIV03,,\(50 + q)\n"
        }
        files["bang-347-q2.csv"] = "ma_don_vi,ky_bao_cao,TT01,NN01.18_30,XA01\n13294,2024-Q2,7,3,co_ma_tuy\n13303,2024-Q2,abc,1,co_ma_tuy\n"
        files["hong.csv"] = "PK\u{3}\u{4} not really a csv"
        return files
    }

    /// A correction of 13285's second quarter, sent later under another name.
    static let correctionPath = "xa/13285-q2-sua.csv"
    static let correction = commune("13285", quarter: 2, tt01: 40, nn01: 9, preparedOn: "2024-06-20")

    /// The reports under `outputs/` (period folders), by path: what must be byte-identical
    /// between an interrupted and an uninterrupted run. Hidden temporary files are left out.
    static func reports(in home: URL) throws -> [String: Data] {
        let outputs = home.appendingPathComponent("outputs")
        var result: [String: Data] = [:]
        for path in (try? FileManager.default.subpathsOfDirectory(atPath: outputs.path)) ?? [] {
            let parts = path.split(separator: "/")
            guard parts.count == 2, Period.parse(String(parts[0])) != nil, !parts[1].hasPrefix(".") else { continue }
            result[path] = try Data(contentsOf: outputs.appendingPathComponent(path))
        }
        return result
    }

    /// Temporary files (`.<name>.<pid>.tmp`) anywhere under `outputs/`.
    static func temporaryFiles(in home: URL) -> [String] {
        let outputs = home.appendingPathComponent("outputs")
        return ((try? FileManager.default.subpathsOfDirectory(atPath: outputs.path)) ?? []).filter { $0.hasSuffix(".tmp") }
    }

    /// SQLite's own check of the store file, and the number of active submissions.
    static func storeCheck(in home: URL) throws -> (integrity: [String], active: Int) {
        let store = try Store(path: home.appendingPathComponent("tonghop.sqlite").path)
        let integrity = try store.db.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
        let active = try store.db.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM submission WHERE active = 1") } ?? -1
        return (integrity, active)
    }

    /// A copy of a home folder (store, inputs, outputs), to start several runs from one state.
    static func copy(_ home: URL) throws -> URL {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("tonghop-e2e-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: home, to: copy)
        return copy
    }

    static func summary(in home: URL) throws -> [String: Any] {
        let data = try Data(contentsOf: home.appendingPathComponent("outputs/lan-chay-cuoi.json"))
        return try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
    }
}
