import XCTest
@testable import TonghopCore

final class ValueParsingTests: XCTestCase {
    func testIntegersWithVietnameseThousands() {
        XCTAssertEqual(ValueParsing.number("1234", integer: true), .value(1234))
        XCTAssertEqual(ValueParsing.number("1.234", integer: true), .value(1234), "a dot groups thousands in a count")
        XCTAssertEqual(ValueParsing.number("1 234", integer: true), .value(1234))
        XCTAssertEqual(ValueParsing.number("12,000", integer: true), .value(12000, .separatorSettledByType),
                       "the field's type settles 12,000, and says so: it could have been twelve")
        XCTAssertEqual(ValueParsing.number("1.234.567", integer: true), .value(1_234_567))
    }

    func testDecimalsWithDecimalComma() {
        XCTAssertEqual(ValueParsing.number("1,5", integer: false), .value(1.5))
        XCTAssertEqual(ValueParsing.number("1.5", integer: false), .value(1.5))
        XCTAssertEqual(ValueParsing.number("1.234,5", integer: false), .value(1234.5))
    }

    func testRefusals() {
        XCTAssertEqual(ValueParsing.number("abc", integer: true), .notANumber)
        XCTAssertEqual(ValueParsing.number("12a", integer: true), .notANumber)
        XCTAssertEqual(ValueParsing.number("-3", integer: true), .negative(-3))
        XCTAssertEqual(ValueParsing.number("1,5", integer: true), .fractionInInteger(1.5), "1,5 is no count")
        XCTAssertEqual(ValueParsing.number("1.2.3", integer: true), .notANumber)
    }

    func testYesNoAnswers() {
        for yes in ["co", "có", "Có", "1", "x"] { XCTAssertEqual(ValueParsing.yesNo(yes), true, yes) }
        for no in ["khong", "không", "KHÔNG", "0", "-"] { XCTAssertEqual(ValueParsing.yesNo(no), false, no) }
        XCTAssertNil(ValueParsing.yesNo("maybe"))
    }
}
