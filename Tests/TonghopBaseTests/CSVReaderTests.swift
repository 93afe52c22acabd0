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

final class CSVReaderTests: XCTestCase {
    func parse(_ text: String) throws -> [[String]] {
        let bytes = Array(text.utf8)
        return try CSVReader.parse(bytes, separator: CSVReader.detectSeparator(bytes)).map(\.fields)
    }

    func testQuotedFieldsKeepSeparatorsQuotesAndLineBreaks() throws {
        let rows = try parse("a,\"b, c\",\"say \"\"hi\"\"\",\"two\nlines\"\nx,y,z,w\n")
        XCTAssertEqual(rows, [["a", "b, c", "say \"hi\"", "two\nlines"], ["x", "y", "z", "w"]])
    }

    func testLineNumbersCountLinesInsideQuotedFields() throws {
        let records = try CSVReader.parse(Array("a,\"1\n2\"\nb,3\n".utf8), separator: CSVReader.comma)
        XCTAssertEqual(records.map(\.line), [1, 3], "the second record starts on the file's third line")
    }

    func testCRLFAndBlankLines() throws {
        let records = try CSVReader.parse(Array("a,b\r\n\r\nc,d\r\n".utf8), separator: CSVReader.comma)
        XCTAssertEqual(records.filter { !$0.isBlank }.map(\.fields), [["a", "b"], ["c", "d"]])
        XCTAssertEqual(records.filter { !$0.isBlank }.map(\.line), [1, 3])
    }

    func testSeparatorIsDetected() {
        XCTAssertEqual(CSVReader.detectSeparator(Array("a;b;c\n1;2;3".utf8)), CSVReader.semicolon)
        XCTAssertEqual(CSVReader.detectSeparator(Array("a\tb\tc\n".utf8)), CSVReader.tab)
        XCTAssertEqual(CSVReader.detectSeparator(Array("\"x;y\",b,c\n".utf8)), CSVReader.comma, "separators inside quotes do not count")
        // A tie goes to the first of comma, semicolon, tab; no separator at all reads as comma.
        XCTAssertEqual(CSVReader.detectSeparator(Array("a,b;c\n".utf8)), CSVReader.comma)
        XCTAssertEqual(CSVReader.detectSeparator(Array("a;b\tc\n".utf8)), CSVReader.semicolon)
        XCTAssertEqual(CSVReader.detectSeparator(Array("a\tb\tc;d,e\n".utf8)), CSVReader.tab)
        XCTAssertEqual(CSVReader.detectSeparator(Array("abc\n".utf8)), CSVReader.comma)
        XCTAssertEqual(CSVReader.detectSeparator([]), CSVReader.comma)
        // Blank lines and a line of separators only do not settle it; the first line with text does.
        XCTAssertEqual(CSVReader.detectSeparator(Array("\n ;;\n\na\tb\n".utf8)), CSVReader.semicolon)
        XCTAssertEqual(CSVReader.detectSeparator(Array("\n\na\tb\nc;d;e\n".utf8)), CSVReader.tab)
    }

    func testUnterminatedQuoteIsAnErrorWithItsLine() {
        XCTAssertThrowsError(try CSVReader.parse(Array("a,b\nc,\"oops\nd\n".utf8), separator: CSVReader.comma)) { error in
            XCTAssertEqual(error as? CSVError, .unterminatedQuote(line: 2))
        }
    }

    func testLastLineWithoutNewline() throws {
        XCTAssertEqual(try parse("a,b\nc,d"), [["a", "b"], ["c", "d"]])
    }

    func testTextAfterAClosingQuoteMarksTheRecord() throws {
        let records = try CSVReader.parse(Array("a,\"Châu \"Cầu,b\nc,\"d\" ,e\n".utf8), separator: CSVReader.comma)
        XCTAssertEqual(records.map(\.hasStrayQuote), [true, false], "a space after the closing quote is harmless")
        XCTAssertEqual(records[0].fields, ["a", "Châu Cầu", "b"])
        XCTAssertEqual(records[1].fields, ["c", "d ", "e"])
    }

    func testAQuoteInsideAnUnquotedFieldIsText() throws {
        XCTAssertEqual(try parse("a,5\" pipe,b\n"), [["a", "5\" pipe", "b"]])
    }

    /// A parsed record's fields are read from the file's bytes when asked for; trimming and
    /// emptiness on the bytes must agree with the same operations on the strings.
    func testFieldsReadFromTheBytesAgreeWithTheirStrings() throws {
        let cells = ["MT01", " NN01 ", "\u{00A0}12\u{00A0}", "người", "Số điểm, tụ", "ắ", "\u{2003}x\u{202F}", "", "  ", "\t",
                     "\u{3000}", "ề", "Đ"]
        let line = cells.map { "\"" + $0 + "\"" }.joined(separator: ",") + "\n" + cells.map { $0.contains(",") ? "\"\($0)\"" : $0 }.joined(separator: ",")
        let records = try CSVReader.parse(Array(line.utf8), separator: CSVReader.comma)
        XCTAssertEqual(records.count, 2)
        for record in records {
            let strings = CSVRecord(fields: record.fields, line: record.line)
            XCTAssertEqual(record.fields, cells)
            XCTAssertEqual(record.count, cells.count)
            for i in 0...cells.count {
                XCTAssertEqual(record[i], strings[i])
                XCTAssertEqual(record.trimmed(i), strings.trimmed(i), "column \(i)")
                XCTAssertEqual(record.isEmpty(i), cells.indices.contains(i) ? cells[i].trimmingBlanks.isEmpty : true, "column \(i)")
            }
        }
    }

    /// The byte-level test for blanks at either end of a text names the same characters as
    /// `Unicode.Scalar.isBlank`, for every character of the Basic Multilingual Plane.
    func testBlankBytesAgreeWithBlankCharacters() {
        for value in UInt32(0)...0xFFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let before = Array((String(scalar) + "x").utf8), after = Array(("x" + String(scalar)).utf8)
            XCTAssertEqual(before.withUnsafeBufferPointer(BlankBytes.atStart), scalar.isBlank, "U+\(String(value, radix: 16))")
            XCTAssertEqual(after.withUnsafeBufferPointer(BlankBytes.atEnd), scalar.isBlank, "U+\(String(value, radix: 16))")
        }
    }
}
