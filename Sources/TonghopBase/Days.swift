import Foundation

/// Calendar days as the product counts them: `yyyymmdd` integers (20240612), compared and
/// stored as numbers, and the ISO 8601 timestamps of runs and files.
public enum Days {
    /// `2024-06-12` or `12/06/2024` as 20240612; 0 when absent or unreadable.
    public static func key(_ text: String?) -> Int {
        guard let text else { return 0 }
        // Three runs of ASCII digits, read on bytes without an array (this runs once per
        // stored report, for every report written).
        var first = 0, second = 0, third = 0, runs = 0
        var current = -1
        func endRun() {
            switch runs {
            case 0: first = current
            case 1: second = current
            case 2: third = current
            default: break
            }
            runs += 1
            current = -1
        }
        for b in text.utf8 {
            if b >= 0x30 && b <= 0x39 {
                current = (current < 0 ? 0 : current * 10) + Int(b - 0x30)
            } else if current >= 0 {
                endRun()
            }
        }
        if current >= 0 { endRun() }
        guard runs == 3 else { return 0 }
        if first > 31 { return first * 10000 + second * 100 + third }
        return third * 10000 + second * 100 + first
    }

    /// A date as officers write it, checked against the calendar: `2024-09-15`, `15/09/2024`,
    /// `15-9-2024`, `15.09.2024`, `ngày 15 tháng 9 năm 2024`, with a time after it or not. Day
    /// before month, as in Vietnam; month before day only when the other reading is no date
    /// (`9/15/2024`, as Excel writes it under an American locale). Nil for anything else: two
    /// digits for the year, a 31 February, a month 13.
    public static func calendarDay(_ text: String) -> (key: Int, monthFirst: Bool)? {
        var runs: [(value: Int, digits: Int)] = []
        var value = 0, digits = 0
        for b in text.utf8 {
            if b >= 0x30 && b <= 0x39 {
                if digits < 9 { value = value * 10 + Int(b - 0x30) }
                digits += 1
            } else if digits > 0 {
                runs.append((value, digits)); value = 0; digits = 0
            }
        }
        if digits > 0 { runs.append((value, digits)) }
        guard (3...6).contains(runs.count) else { return nil }
        func valid(_ y: Int, _ m: Int, _ d: Int) -> Bool {
            (1...12).contains(m) && d >= 1 && d <= Calendar.gregorianDays(year: y, month: m)
        }
        if runs[0].digits == 4, runs[1].digits <= 2, runs[2].digits <= 2 {
            let (y, m, d) = (runs[0].value, runs[1].value, runs[2].value)
            return valid(y, m, d) ? (y * 10000 + m * 100 + d, false) : nil
        }
        guard runs[2].digits == 4, runs[0].digits <= 2, runs[1].digits <= 2 else { return nil }
        let (a, b, y) = (runs[0].value, runs[1].value, runs[2].value)
        if valid(y, b, a) { return (y * 10000 + b * 100 + a, false) }
        if valid(y, a, b) { return (y * 10000 + a * 100 + b, true) }
        return nil
    }

    /// `2024-09-15` from 20240915.
    public static func iso(_ key: Int) -> String {
        let y = key / 10000, m = key / 100 % 100, d = key % 100
        return "\(y)-\(m < 10 ? "0" : "")\(m)-\(d < 10 ? "0" : "")\(d)"
    }

    /// The calendar day (local time) of a file's modification time, yyyymmdd.
    public static func key(secondsSince1970: Double) -> Int {
        let c = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: secondsSince1970))
        return c.year! * 10000 + c.month! * 100 + c.day!
    }

    /// `2026-11-23T02:00:01Z`.
    public static func timestamp(_ date: Date) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: date)
    }
}

/// Which of two copies of the same report (one unit, period and form) is the newer, and wins:
/// the later date line (`ngay_lap`) first, then the later modification time of its file, then
/// the later path. One rule for the store, which keeps the newest of a batch, and for the
/// checks that compare a batch's reports before it is stored.
public struct ReportRecency: Comparable, Sendable {
    /// The report's own date line, yyyymmdd (0 without one).
    public let preparedOn: Int
    public let modifiedAt: Double
    public let path: String

    public init(preparedOn: String?, modifiedAt: Double, path: String) {
        self.preparedOn = Days.key(preparedOn)
        self.modifiedAt = modifiedAt
        self.path = path
    }

    public static func < (a: ReportRecency, b: ReportRecency) -> Bool {
        if a.preparedOn != b.preparedOn { return a.preparedOn < b.preparedOn }
        if a.modifiedAt != b.modifiedAt { return a.modifiedAt < b.modifiedAt }
        return a.path < b.path
    }
}
