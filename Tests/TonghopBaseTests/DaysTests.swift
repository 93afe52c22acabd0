import XCTest
@testable import TonghopBase

/// Dates as officers write them, checked against the calendar.
final class DaysTests: XCTestCase {
    func testTheWaysADayIsWrittenInVietnam() {
        for text in ["2024-09-15", "15/09/2024", "15/9/2024", "15-09-2024", "15.09.2024", "ngày 15 tháng 9 năm 2024",
                     "2024-09-15 00:00:00", "15/09/2024 08:30"] {
            XCTAssertEqual(Days.calendarDay(text)?.key, 20240915, text)
            XCTAssertEqual(Days.calendarDay(text)?.monthFirst, false, text)
        }
    }

    func testDayBeforeMonthUnlessOnlyTheOtherOrderIsADay() {
        XCTAssertEqual(Days.calendarDay("09/10/2024")?.key, 20241009, "Vietnamese order: 9 October")
        XCTAssertEqual(Days.calendarDay("9/15/2024")?.key, 20240915, "no month 15: month first, as English Excel writes")
        XCTAssertEqual(Days.calendarDay("9/15/2024")?.monthFirst, true)
    }

    func testDaysNotOnTheCalendarAreNoDates() {
        for text in ["31/02/2024", "29/02/2023", "2024-13-01", "00/01/2024", "15/9/24", "15/09", "hôm qua", "", "2024"] {
            XCTAssertNil(Days.calendarDay(text), text)
        }
        XCTAssertEqual(Days.calendarDay("29/02/2024")?.key, 20240229, "2024 is a leap year")
    }

    func testISOText() {
        XCTAssertEqual(Days.iso(20240905), "2024-09-05")
    }
}
