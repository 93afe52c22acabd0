import Foundation
import TonghopBase

/// How values are shown on the pages.
enum Display {
    /// Vietnam keeps one offset all year (UTC+7): times are shown as its officials read them.
    private static let vietnam = TimeZone(secondsFromGMT: 7 * 3600)!

    /// "2026-11-23T02:21:08Z" → "23/11/2026 09:21".
    static func time(_ timestamp: String) -> String {
        let parser = ISO8601DateFormatter()
        guard let date = parser.date(from: timestamp) else { return timestamp }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = vietnam
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%02d/%02d/%04d %02d:%02d", c.day!, c.month!, c.year!, c.hour!, c.minute!)
    }

    /// yyyymmdd → "16/6/2024".
    static func day(_ key: Int) -> String { "\(key % 100)/\((key / 100) % 100)/\(key / 10000)" }

    /// 4575 → "4.575", 6.25 → "6,25".
    static func number(_ v: Double?) -> String { v.map(Messages.vietnameseNumber) ?? "—" }

    /// The words and the colour of a file's verdict.
    static func verdict(_ status: FileStatus) -> (label: String, tone: String) {
        switch status {
        case .accepted: return ("Đã nhận", "ok")
        case .partial: return ("Nhận một phần", "warn")
        case .rejected: return ("Bị từ chối", "bad")
        }
    }

    /// The last component of a path under `inputs/`.
    static func fileName(_ path: String) -> String { (path as NSString).lastPathComponent }
}
