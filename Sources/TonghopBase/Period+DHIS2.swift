/// tonghop's periods as DHIS2 and ADX name them.
///
/// A period is the same reporting period in all three: `2024-Q1` is DHIS2's `2024Q1` and ADX's
/// `2024-01-01/P3M`, the calendar quarter. Which days' events its figures count (Decree 09's
/// cut-off on the 14th, or the calendar) is how the figures were compiled, not another period:
/// DHIS2 and ADX have no cut-off windows, and a Decree 09 quarter is sent as the quarter it is
/// the report of.
///
/// | tonghop | DHIS2 | ADX |
/// | --- | --- | --- |
/// | `2024-Q1` | `2024Q1` | `2024-01-01/P3M` |
/// | `2024-H1`, `2024-H2` | `2024S1`, `2024S2` | `2024-01-01/P6M`, `2024-07-01/P6M` |
/// | `2024` | `2024` | `2024-01-01/P1Y` |
/// | `2024-06` (a campaign month) | `202406` | `2024-06-01/P1M` |
extension Period {
    /// DHIS2's period identifier (`2024Q1`, `2024S1`, `2024`, `202406`). ``Period/parse(_:)``
    /// reads each back.
    public var dhis2Code: String {
        switch kind {
        case .year: return "\(year)"
        case .half: return "\(year)S\(index)"
        case .quarter: return "\(year)Q\(index)"
        case .month: return "\(year)" + (index < 10 ? "0" : "") + "\(index)"
        }
    }

    /// ADX's period: the first day and the length, ISO 8601 (`2024-01-01/P3M`).
    public var adxCode: String {
        let first = months.lowerBound
        let start = "\(year)-" + (first < 10 ? "0" : "") + "\(first)-01"
        switch kind {
        case .year: return start + "/P1Y"
        case .half: return start + "/P6M"
        case .quarter: return start + "/P3M"
        case .month: return start + "/P1M"
        }
    }

    /// An ADX period, when it is one of tonghop's: a year, half, quarter or month starting on
    /// its first day (`2024-04-01/P3M`); nil for any other span (a week, a quarter starting in
    /// February).
    public static func adx(_ text: String) -> Period? {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return nil }
        let date = parts[0].split(separator: "-", omittingEmptySubsequences: false)
        guard date.count == 3, date[0].count == 4, date[1].count == 2, date[2] == "01",
              let year = Int(date[0]), let month = Int(date[1]), (1...12).contains(month) else { return nil }
        switch parts[1].uppercased() {
        case "P1Y", "P12M": return month == 1 ? Period(year: year, kind: .year) : nil
        case "P6M": return [1, 7].contains(month) ? Period(year: year, kind: .half, index: (month + 5) / 6) : nil
        case "P3M": return [1, 4, 7, 10].contains(month) ? Period(year: year, kind: .quarter, index: (month + 2) / 3) : nil
        case "P1M": return Period(year: year, kind: .month, index: month)
        default: return nil
        }
    }
}
