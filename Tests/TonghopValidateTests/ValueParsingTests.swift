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

final class ValueParsingTests: XCTestCase {
    func testIntegersWithVietnameseThousands() {
        XCTAssertEqual(ValueParsing.number("1234", integer: true), .value(1234))
        XCTAssertEqual(ValueParsing.number("1.234", integer: true), .value(1234), "a dot groups thousands in a count")
        XCTAssertEqual(ValueParsing.number("1 234", integer: true), .value(1234))
        XCTAssertEqual(ValueParsing.number("12,000", integer: true), .value(12000, .separatorSettledByType),
                       "the field's type settles 12,000, and says so: it could have been twelve")
        XCTAssertEqual(ValueParsing.number("1.234.567", integer: true), .value(1_234_567))
    }

    /// Plain digits are read on the bytes: they must read as the general path reads them.
    func testPlainDigitsReadAsDoubleReadsThem() {
        for text in ["0", "7", "007", "65", "1000000", "123456789012345", "999999999999999"] {
            XCTAssertEqual(ValueParsing.number(text, integer: true), .value(Double(text)!), text)
            XCTAssertEqual(ValueParsing.number(text, integer: false), .value(Double(text)!), text)
        }
        XCTAssertEqual(ValueParsing.number("1234567890123456", integer: true), .value(1_234_567_890_123_456),
                       "sixteen digits take the general path")
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

final class NumberRemarkTests: XCTestCase {
    func testAnAmbiguousSeparatorIsReadByTheFieldsTypeAndSaid() {
        XCTAssertEqual(ValueParsing.number("12.000", integer: true), .value(12000, .separatorSettledByType))
        XCTAssertEqual(ValueParsing.number("1,250", integer: false), .value(1.25, .separatorSettledByType))
        XCTAssertEqual(ValueParsing.number("1.234", integer: true), .value(1234), "1.234 cannot be a count: no doubt")
        XCTAssertEqual(ValueParsing.number("0,125", integer: false), .value(0.125), "no thousands group starts with 0")
        XCTAssertEqual(ValueParsing.number("12,5", integer: false), .value(12.5))
    }

    func testAPercentSignIsDroppedAndSaid() {
        XCTAssertEqual(ValueParsing.number("45%", integer: false), .value(45, .percentSignDropped))
        XCTAssertEqual(ValueParsing.number("45 %", integer: true), .value(45, .percentSignDropped))
        XCTAssertEqual(ValueParsing.number("%", integer: true), .notANumber)
    }

    func testTheRemarksBecomeNoticesAtTheCell() {
        let o = Fixtures.read(Fixtures.communeForm(rows: ["TT02,,,,\"12,000\",", "MT10,,,,\"1,250\",", "TT05,,,,30%,", "TT01,,,,không,"]))
        XCTAssertEqual(o.problems.map(\.code), [.ambiguousNumber, .ambiguousNumber, .percentSign, .notANumber])
        XCTAssertEqual(o.problems.map(\.severity), [.notice, .notice, .notice, .error])
        XCTAssertEqual(Messages.render(o.problems[0]),
                       "test.csv, dòng 6, cột 5 (E): GHI CHÚ — Số này có thể hiểu hai cách; đã đọc \"12,000\" là 12000 vì chỉ tiêu TT02 là số nguyên (dấu phân cách hàng nghìn). Tìm thấy: \"12,000\". Cách sửa: nếu cách đọc trên không đúng, ghi số không có dấu phân cách hàng nghìn (ví dụ 12000) và dùng dấu phẩy cho phần thập phân (1,5).")
        let ok = Fixtures.read(Fixtures.communeForm(rows: ["TT02,,,,\"12,000\",", "MT10,,,,\"1,250\",", "TT05,,,,30%,"]))
        XCTAssertEqual(Set(ok.submissions.first?.values ?? []), [StoredValue("TT02", "", 12000), StoredValue("MT10", "", 1.25), StoredValue("TT05", "", 30)])
    }

    func testYesNoTakesTheMarksOfficersUse() {
        let o = Fixtures.read(Fixtures.communeForm(rows: ["XA02,,,,x,", "XA03,,,,-,"]))
        XCTAssertEqual(o.submissions.first?.values, [StoredValue("XA02", "co", 1), StoredValue("XA03", "khong", 1)])
    }
}
