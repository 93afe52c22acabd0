import Foundation

/// Which days a period's figures cover.
///
/// Decree 09/2019/NĐ-CP cuts figures off on the 14th: a quarter runs from the 15th of the
/// month before it to the 14th of its last month, H1 from 15 December to 14 June, the year
/// from 15 December to 14 December. Calendar windows are the other choice. Campaign months
/// (the June action month) always run over the calendar month.
public enum ReportingWindow: String, Sendable {
    case decree09 = "nd09"
    case calendar = "lich"

    public struct Day: Sendable, Equatable {
        public let year: Int, month: Int, day: Int
        /// `15/12/2023`, as Vietnamese documents write dates.
        public var vietnamese: String { "\(day)/\(month)/\(year)" }
        public var key: Int { year * 10000 + month * 100 + day }
    }

    public func window(_ period: Period) -> (from: Day, to: Day) {
        let months = period.months
        if self == .calendar || period.kind == .month {
            return (Day(year: period.year, month: months.lowerBound, day: 1),
                    Day(year: period.year, month: months.upperBound,
                        day: Calendar.gregorianDays(year: period.year, month: months.upperBound)))
        }
        let startMonth = months.lowerBound == 1 ? 12 : months.lowerBound - 1
        let startYear = months.lowerBound == 1 ? period.year - 1 : period.year
        return (Day(year: startYear, month: startMonth, day: 15), Day(year: period.year, month: months.upperBound, day: 14))
    }

    /// "Số liệu từ ngày 15/12/2023 đến ngày 14/6/2024"
    public func sentence(_ period: Period) -> String {
        let w = window(period)
        return "Số liệu từ ngày \(w.from.vietnamese) đến ngày \(w.to.vietnamese)"
    }
}
