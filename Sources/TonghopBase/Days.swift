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
