import XCTest
@testable import TonghopCore

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
    }

    func testUnterminatedQuoteIsAnErrorWithItsLine() {
        XCTAssertThrowsError(try CSVReader.parse(Array("a,b\nc,\"oops\nd\n".utf8), separator: CSVReader.comma)) { error in
            XCTAssertEqual(error as? CSVError, .unterminatedQuote(line: 2))
        }
    }

    func testLastLineWithoutNewline() throws {
        XCTAssertEqual(try parse("a,b\nc,d"), [["a", "b"], ["c", "d"]])
    }
}
