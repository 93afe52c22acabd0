import XCTest
@testable import TonghopBase
@testable import TonghopCatalog
@testable import TonghopIngest
import TonghopTestSupport

/// Text garbled by opening a UTF-8 CSV file with the wrong character set and saving it again,
/// read back; genuine Vietnamese left as it is. The garbling is made byte by byte as LibreOffice
/// and Excel make it (``Garbling``: their code pages, and what each does with undefined bytes).
final class MojibakeTests: XCTestCase {
    /// Every unit name of both maps and every indicator, group and category name.
    static let names: [String] = {
        let catalog = Fixtures.catalog
        let units = catalog.registries.all.flatMap { $0.units.map(\.name) }
        let indicators = catalog.indicators.flatMap { [$0.name, $0.group, $0.groupShortName, $0.measure] }
        return Array(Set(units + indicators + Array(catalog.categoryNames.values))).sorted()
    }()

    func testTheExamplesOfLibreOfficeAndExcelAreReadBack() {
        XCTAssertEqual(Mojibake.repaired("QuÃ½ III/2024"), "Quý III/2024", "Windows-1252")
        XCTAssertEqual(Mojibake.repaired("QuĂ½ III/2024"), "Quý III/2024", "Windows-1258")
        // Đ is 0xC4 0x90, and 0x90 is undefined in Windows-1252: the character it became is invisible.
        XCTAssertEqual(Mojibake.repaired("XÃ£ Ä\u{F190}á»“ng Tiáº¿n"), "Xã Đồng Tiến", "as LibreOffice reads 0x90")
        XCTAssertEqual(Mojibake.repaired("XÃ£ Ä\u{90}á»“ng Tiáº¿n"), "Xã Đồng Tiến", "as Excel, or Latin-1, reads 0x90")
        XCTAssertEqual(Mojibake.repaired("mÂ²"), "m²")
        XCTAssertEqual(Mojibake.repaired("Thá»‹ xÃ£ HÃ\u{A0}"), "Thị xã Hà", "a no-break space ends the cell: à is 0xC3 0xA0")
    }

    func testTheByteOrderMarkBeforeTheFirstCellIsDropped() {
        XCTAssertEqual(Mojibake.repaired("ï»¿don_vi"), "don_vi")
        XCTAssertEqual(Mojibake.repaired(Garbling.windows1258.garble("\u{FEFF}don_vi")), "don_vi")
        XCTAssertEqual(Mojibake.repaired(utf8: Array("ï»¿don_vi,13285\nky_bao_cao,QuÃ½ I/2024\n".utf8)),
                       Array("don_vi,13285\nky_bao_cao,Quý I/2024\n".utf8), "a whole CSV text")
    }

    func testEveryNameGarbledInEveryCodePageIsReadBack() {
        XCTAssertGreaterThan(Self.names.count, 9_000)
        for garbling in Garbling.allCases {
            for libreOffice in [true, false] {
                for name in Self.names where !name.isASCII {
                    let garbled = garbling.garble(name, libreOffice: libreOffice)
                    XCTAssertEqual(Mojibake.repaired(garbled), name, "\(garbling), LibreOffice \(libreOffice): \"\(garbled)\"")
                }
            }
        }
    }

    /// Genuine Vietnamese must never be "repaired": not one name of the units, indicators,
    /// groups and categories changes.
    func testGenuineNamesAreNeverRepaired() {
        for name in Self.names {
            XCTAssertNil(Mojibake.repaired(name), "\"\(name)\" is genuine")
            XCTAssertNil(Mojibake.repaired(name.decomposedStringWithCanonicalMapping), "\"\(name)\" in NFD is genuine")
        }
        for text in ["Đơn", "Phường", "Quý", "Đà", "Hà Nội", "Đắk Lắk", "café", "Ç'est", "À»", "don_vi", "", "m²", "Â"] {
            XCTAssertNil(Mojibake.repaired(text), "\"\(text)\" is genuine")
        }
    }

    func testTextThatWouldSpellNoLatinLetterIsLeftAlone() {
        XCTAssertNil(Mojibake.repaired("Ð°"), "0xD0 0xB0 is Cyrillic а")
        XCTAssertNil(Mojibake.repaired("Ã"), "a lead byte alone")
        XCTAssertNil(Mojibake.repaired("Ãa"), "a lead byte before ASCII")
        XCTAssertNil(Mojibake.repaired("Ã€€"), "0xC3 0x80 0x80: a continuation byte too many")
        XCTAssertNil(Mojibake.repaired("à€€"), "0xE0 0x80 0x80: overlong")
        XCTAssertNil(Mojibake.repaired("QuÃ½ và Quý"), "garbled and genuine in one cell: left as it is")
    }

    /// One byte per character, whichever code page defines it: the map back is one map.
    func testTheCodePagesAgreeOnTheByteOfEveryCharacter() {
        var byteOf: [UInt32: UInt8] = [:]
        func add(_ scalar: UInt32, _ byte: UInt8, _ codePage: String) {
            if let other = byteOf[scalar] { XCTAssertEqual(other, byte, "\(codePage): U+\(String(scalar, radix: 16))") }
            byteOf[scalar] = byte
        }
        for b in UInt8(0x80)...0xFF {
            add(UInt32(b), b, "Latin-1")
            if b >= 0xA0 { add(UInt32(b), b, "Windows-1252") } else if let s = Mojibake.windows1252C1[Int(b) - 0x80] { add(s, b, "Windows-1252") }
            if let s = Windows1258.upperHalf[Int(b) - 0x80] { add(s, b, "Windows-1258") }
            add(0xF100 + UInt32(b), b, "LibreOffice's undefined bytes")
        }
        for (scalar, byte) in byteOf { XCTAssertEqual(Mojibake.byte(of: scalar), byte, "U+\(String(scalar, radix: 16))") }
    }

    /// A workbook saved from a garbled CSV form: its cells are read back one by one.
    func testGarbledCellsOfAWorkbookAreReadBackOneByOneAndCounted() {
        var workbook = InputWorkbook(kind: .xlsx, sheets: [
            InputWorkbook.Sheet(name: "13285", records: [
                CSVRecord(fields: ["ï»¿don_vi", "13285"], line: 1),
                CSVRecord(fields: ["ten_don_vi", "PhÆ°á»\u{F19D}ng Quang Trung"], line: 2),
                CSVRecord(fields: ["ky_bao_cao", "Quý I/2024"], line: 3),
                CSVRecord(fields: ["NN01", "Sá»‘ ngÆ°á»\u{F19D}i nghiá»‡n", "18_30", "ngÆ°á»\u{F19D}i", "7"], line: 8),
            ]),
            InputWorkbook.Sheet(name: "Bìa", records: [CSVRecord(fields: ["\u{FEFF}BÁO CÁO"], line: 1)]),
        ])
        XCTAssertEqual(workbook.repairGarbledCells(), 4, "the byte-order mark, the unit's name, the indicator's name and its measure")
        XCTAssertEqual(workbook.sheets[0].records.map(\.fields), [
            ["don_vi", "13285"], ["ten_don_vi", "Phường Quang Trung"], ["ky_bao_cao", "Quý I/2024"],
            ["NN01", "Số người nghiện", "18_30", "người", "7"],
        ], "a cell typed again rightly after the damage (Quý) stays as it is")
        XCTAssertEqual(workbook.sheets[1].records[0].fields, ["BÁO CÁO"], "a byte-order mark is dropped, and not counted as garbled")
    }

    func testACleanWorkbookIsLeftAsItIs() {
        var workbook = InputWorkbook(kind: .ods, sheets: [InputWorkbook.Sheet(name: "Xã", records: [
            CSVRecord(fields: ["ten_don_vi", "Xã Đồng Tiến"], line: 1), CSVRecord(fields: ["ky_bao_cao", "Quý II/2024"], line: 2),
        ])])
        XCTAssertEqual(workbook.repairGarbledCells(), 0)
        XCTAssertEqual(workbook.sheets[0].records.map(\.fields), [["ten_don_vi", "Xã Đồng Tiến"], ["ky_bao_cao", "Quý II/2024"]])
    }
}
