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

/// Files as Vietnamese Windows and Macs save them: Windows-1258 with combining tone marks,
/// Excel's "Unicode Text" (UTF-16), UTF-8 in NFD. The committed fixtures under `Inputs/` were
/// written by Python's own cp1258 and UTF-16 codecs, not by tonghop.
final class EncodingTests: XCTestCase {
    func fixture(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: Fixtures.root.appendingPathComponent("Tests/TonghopIngestTests/Inputs/\(name)")))
    }

    func testWindows1258FormIsReadAndTheEncodingIsSaid() throws {
        let o = FileIntake.read(try fixture("windows-1258-form.csv"), path: "xa.csv", catalog: Fixtures.catalog, today: Fixtures.today)
        XCTAssertEqual(o.encoding, "Windows-1258")
        XCTAssertEqual(o.problems.map(\.code), [.encodingAssumed], "read, and said aloud: \(o.problems)")
        XCTAssertEqual(o.problems[0].severity, .notice)
        XCTAssertTrue(Messages.render(o.problems[0]).contains("Windows-1258"))
        XCTAssertEqual(o.status, .accepted)
        XCTAssertEqual(o.submissions.first?.period, .quarter(2024, 1), "\"Quý I/2024\" needs its combining acute composed")
        XCTAssertEqual(Set(o.submissions.first?.values ?? []), [
            StoredValue("NN01", "18_30", 7), StoredValue("XA01", "co_ma_tuy", 1), StoredValue("XA02", "khong", 1), StoredValue("TT01", "", 3),
        ])
    }

    func testWindows1258DecodesToComposedText() throws {
        // "Phường" is P h ư ơ + combining grave (0xCC) n g.
        let text = Windows1258.decode([0x50, 0x68, 0xFD, 0xF5, 0xCC, 0x6E, 0x67])
        XCTAssertEqual(text, "Phường")
        XCTAssertEqual(text?.unicodeScalars.count, 6, "NFC: ờ is one scalar")
        XCTAssertEqual(Windows1258.decode([0xD0, 0xF4, 0xEC, 0x6E, 0x67, 0x20, 0xFE]), "Đống ₫")
        XCTAssertNil(Windows1258.decode([0x41, 0x81]), "0x81 is undefined in the code page")
    }

    func testUTF16TableFromExcelUnicodeTextIsRead() throws {
        let o = FileIntake.read(try fixture("utf-16le-table.txt"), path: "bang.txt", catalog: Fixtures.catalog, today: Fixtures.today)
        XCTAssertEqual(o.encoding, "UTF-16 LE")
        XCTAssertEqual(o.problems.map(\.code), [.encodingAssumed])
        XCTAssertEqual(o.layout, .table)
        XCTAssertEqual(o.submissions.map(\.unitCode), ["13285", "13291"])
        XCTAssertEqual(o.submissions[1].values, [StoredValue("TT01", "", 4), StoredValue("NN01", "duoi_18", 0), StoredValue("XA01", "khong_ma_tuy", 1)])
    }

    func testUTF8IsReadSilentlyAndNFDIsComposed() {
        let nfd = Fixtures.communeForm(period: "Quý I/2024", rows: ["XA02,,,,Có,", "XA01,,,,có ma túy,"]).decomposedStringWithCanonicalMapping
        let o = Fixtures.read(nfd)
        XCTAssertEqual(o.encoding, "UTF-8")
        XCTAssertEqual(o.problems, [], "UTF-8 is the expected encoding: nothing to say")
        XCTAssertEqual(o.submissions.first?.values, [StoredValue("XA02", "co", 1), StoredValue("XA01", "co_ma_tuy", 1)])
    }

    func testCodesAndCategoriesAreTrimmedAndComparedWithoutCase() {
        let o = Fixtures.read(Fixtures.communeForm(rows: [" nn01 ,, Duoi_18 ,, 2 ,", "tt01,,,,\u{00A0}3\u{00A0},"]))
        XCTAssertEqual(o.problems, [])
        XCTAssertEqual(o.submissions.first?.values, [StoredValue("NN01", "duoi_18", 2), StoredValue("TT01", "", 3)])
    }

    func testTextWithManyControlCharactersIsNotTakenForWindows1258() {
        var bytes = Array("ma_don_vi,ky_bao_cao\n".utf8) + [0xE9]
        bytes += Array(repeating: 0x01, count: 40)
        let o = FileIntake.read(bytes, path: "x.csv", catalog: Fixtures.catalog, today: Fixtures.today)
        XCTAssertEqual(o.problems.map(\.code), [.notUTF8])
        XCTAssertTrue(Messages.render(o.problems[0], .en).contains("Windows-1258"), Messages.render(o.problems[0], .en))
    }

    /// The UTF-8 check made on the bytes says what Swift's own validation says, for valid text
    /// (Vietnamese, emoji) and for every kind of broken sequence: random bytes drawn mostly from
    /// the edges of UTF-8's ranges (overlong forms, surrogates, beyond U+10FFFF, cut sequences).
    func testUTF8CheckAgreesWithSwift() {
        XCTAssertTrue(TextDecoding.isUTF8(Array("Phường Quang Trung, Hà Nam 😀 ₫".utf8)))
        XCTAssertTrue(TextDecoding.isUTF8([]))
        for bad: [UInt8] in [[0xC0, 0x80], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80],
                             [0xE1, 0x80], [0x80], [0xFF]] {
            XCTAssertFalse(TextDecoding.isUTF8(bad), "\(bad)")
        }
        let edges: [UInt8] = [0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED,
                              0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF]
        var rng = SampleRandom("utf8-check")
        var valid = 0
        for _ in 0..<20_000 {
            // A run of ASCII (the eight-byte steps) around a few edge bytes.
            let prefix = [UInt8](repeating: 0x61, count: rng.int(0...12))
            let middle = (0..<rng.int(1...6)).map { _ in edges[rng.int(0...(edges.count - 1))] }
            let bytes = prefix + middle + [UInt8](repeating: 0x62, count: rng.int(0...9))
            let swift = String(validating: bytes, as: UTF8.self) != nil
            XCTAssertEqual(TextDecoding.isUTF8(bytes), swift, "\(bytes)")
            if swift { valid += 1 }
        }
        XCTAssertGreaterThan(valid, 300, "valid sequences are drawn too")
    }
}
