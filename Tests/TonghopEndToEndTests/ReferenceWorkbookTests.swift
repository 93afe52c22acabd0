import Foundation
import XCTest

/// The libxlsxwriter way of testing spreadsheets: a small fixed fixture, its workbook compared
/// part by part (XML parts as text, element by element) with a reviewed reference committed
/// under `References/`. Only what always differs is blanked (the document dates, here fixed
/// from the data anyway). Set TONGHOP_UPDATE_REFERENCES=1 to rewrite the reference after a
/// deliberate change, then review it (render it with LibreOffice) before committing.
final class ReferenceWorkbookTests: XCTestCase {
    static let references = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("References")

    /// Two communes of Phủ Lý, the district and the provincial police, Q1 of 2023 and 2024,
    /// one commune missing in 2024 (so the summary compares and the completeness names it).
    var fixture: [String: String] {
        [
            "2023/xa.csv": """
                ma_don_vi,ky_bao_cao,ngay_lap,TT01,TT02,NN01.duoi_18,NN01.18_30,NN01.tren_30,XA01,XA02,MT07,MT08,MT09
                13285,2023-Q1,2023-03-10,2,80,0,3,4,co_ma_tuy,co,2,0,1
                13291,2023-Q1,2023-03-10,1,40,0,1,2,khong_ma_tuy,khong,0,0,0
                """,
            "2024/xa.csv": """
                ma_don_vi,ky_bao_cao,ngay_lap,TT01,TT02,NN01.duoi_18,NN01.18_30,NN01.tren_30,XA01,XA02,MT07,MT08,MT09
                13285,2024-Q1,2024-03-20,3,120,1,2,4,co_ma_tuy,co,1,1,2
                """,
            "2024/huyen-347.csv": "don_vi,347\nky_bao_cao,Quý I/2024\nngay_lap,2024-03-15\n\nma_chi_tieu,gia_tri\nMT01,4\nMT02,6\nMT05,\"0,25\"\nTT01,5\nHIV03,120\nHIV04,110\n",
            "2024/35-CA.csv": "don_vi,35-CA\nky_bao_cao,2024-Q1\nngay_lap,2024-03-15\n\nma_chi_tieu,gia_tri\nMT01,7\nMT03,2\nMT04,1\n",
        ]
    }

    func testProvincialWorkbookMatchesTheReviewedReference() throws {
        let home = try TonghopProcess.home(inputs: fixture)
        XCTAssertEqual(try TonghopProcess.run(["rollup", "--home", home.path, "--period", "2023-Q1"]).status, 0)
        XCTAssertEqual(try TonghopProcess.run(["rollup", "--home", home.path, "--period", "2024-Q1"]).status, 0)
        let produced = home.appendingPathComponent("outputs/2024-Q1/bao-cao-35-ha-nam-2024-Q1.xlsx")
        let reference = Self.references.appendingPathComponent("bao-cao-35-ha-nam-2024-Q1.xlsx")
        if ProcessInfo.processInfo.environment["TONGHOP_UPDATE_REFERENCES"] == "1" {
            try FileManager.default.createDirectory(at: Self.references, withIntermediateDirectories: true)
            _ = try? FileManager.default.removeItem(at: reference)
            try FileManager.default.copyItem(at: produced, to: reference)
        }
        try assertSameWorkbook(produced, reference, ignoring: ["docProps/core.xml": ["dcterms:created", "dcterms:modified"]])
    }

    /// Compares two workbooks part by part; `ignoring` blanks the named elements of a part.
    func assertSameWorkbook(_ a: URL, _ b: URL, ignoring: [String: [String]], file: StaticString = #filePath, line: UInt = #line) throws {
        let got = try XlsxReader(url: a).parts, want = try XlsxReader(url: b).parts
        XCTAssertEqual(got.keys.sorted(), want.keys.sorted(), "the same parts", file: file, line: line)
        for name in want.keys.sorted() {
            guard let g = got[name], let w = want[name] else { continue }
            if !name.hasSuffix(".xml") && !name.hasSuffix(".rels") {
                XCTAssertEqual(g, w, "binary part \(name)", file: file, line: line)
                continue
            }
            let blank = ignoring[name] ?? []
            let gotElements = Self.elements(String(decoding: g, as: UTF8.self), blanking: blank)
            let wantElements = Self.elements(String(decoding: w, as: UTF8.self), blanking: blank)
            if let i = Array(zip(gotElements, wantElements)).firstIndex(where: { $0.0 != $0.1 }) {
                XCTFail("\(name): element \(i) differs:\n got \(gotElements[i])\nwant \(wantElements[i])", file: file, line: line)
            } else {
                XCTAssertEqual(gotElements.count, wantElements.count, "\(name): the same number of elements", file: file, line: line)
            }
        }
    }

    /// An XML text split at each tag, with the content of the blanked elements removed.
    static func elements(_ xml: String, blanking: [String]) -> [String] {
        var text = xml
        for name in blanking {
            while let open = text.range(of: "<\(name)"), let close = text.range(of: "</\(name)>", range: open.upperBound..<text.endIndex) {
                text.replaceSubrange(open.lowerBound..<close.upperBound, with: "<\(name)/>")
            }
        }
        return text.components(separatedBy: "<").filter { !$0.isEmpty }.map { "<" + $0 }
    }
}
