import XCTest
@testable import TonghopBase
@testable import TonghopValidate
import TonghopTestSupport

/// The date line (`ngay_lap`): when a report counts as sent, and which of two copies wins.
/// Fixtures.today is the day the tests pretend to run on.
final class PreparedOnTests: XCTestCase {
    func form(date: String) -> FileOutcome {
        Fixtures.read(Fixtures.communeForm(period: "2024-Q3", rows: ["MT09,,,điểm,1,"])
            .replacingOccurrences(of: "bieu_mau,XA", with: "bieu_mau,XA\nngay_lap,\(date)"))
    }

    func testAReadableDateIsStoredAsYearMonthDay() {
        let o = form(date: "ngày 12 tháng 9 năm 2024")
        XCTAssertEqual(o.submissions.first?.preparedOn, "2024-09-12")
        XCTAssertEqual(o.problems, [])
    }

    func testADayNotOnTheCalendarIsSetAsideButTheFiguresAreKept() {
        let o = form(date: "31/02/2024")
        XCTAssertEqual(o.status, .accepted, "a warning: the figures do not depend on the date")
        XCTAssertEqual(o.submissions.first?.values, [StoredValue("MT09", "", 1)])
        XCTAssertNil(o.submissions.first?.preparedOn, "the day the file was received counts instead")
        XCTAssertEqual(o.problems.map(\.code), [.preparedOnUnreadable])
        XCTAssertEqual(o.problems.first?.line, 4)
        XCTAssertEqual(o.problems.first?.column, 2)
    }

    func testADateBeforeThePeriodsFiguresBeginOrAfterTodayIsSetAside() {
        // 2024-Q3 under Decree 09 begins on 15 June 2024.
        for date in ["2024-06-14", "2999-01-01"] {
            let o = form(date: date)
            XCTAssertNil(o.submissions.first?.preparedOn, date)
            XCTAssertEqual(o.problems.map(\.code), [.preparedOnOutOfRange], date)
        }
        XCTAssertEqual(form(date: "2024-06-15").submissions.first?.preparedOn, "2024-06-15", "the first day of the figures")
    }

    func testMonthFirstIsReadWithANote() {
        let o = form(date: "9/15/2024")
        XCTAssertEqual(o.submissions.first?.preparedOn, "2024-09-15")
        XCTAssertEqual(o.problems.map(\.code), [.preparedOnMonthFirst])
        XCTAssertEqual(o.problems.first?.severity, .notice)
    }

    func testTheDateOfEachRowOfATableIsChecked() {
        let o = Fixtures.read("""
            ma_don_vi,ky_bao_cao,ngay_lap,MT09
            13285,2024-Q3,2024-09-10,1
            13291,2024-Q3,2024-02-30,2
            """)
        XCTAssertEqual(o.submissions.map(\.preparedOn), ["2024-09-10", nil])
        XCTAssertEqual(o.problems.map(\.code), [.preparedOnUnreadable])
        XCTAssertEqual(o.problems.first?.line, 3)
    }
}
