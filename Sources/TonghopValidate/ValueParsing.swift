import Foundation
import TonghopBase
import TonghopCatalog
import TonghopIngest

/// Reads one value cell as officers type it.
///
/// Integer fields take `1234`, `1.234` and `1 234` (Vietnamese thousands); decimal fields take
/// `1,5` (decimal comma) and `1.5`. The field's type settles `12.000` and `12,000`: in an integer
/// field both are twelve thousand, in a decimal field both are twelve. Where the other reading
/// was possible too, the value carries a ``Remark`` so that the officer is told how it was read;
/// likewise when a `%` sign was dropped.
public enum ValueParsing {
    public enum Number: Equatable {
        case value(Double, Remark? = nil)
        case notANumber
        case negative(Double)
        case fractionInInteger(Double)
    }

    /// How a number was read, when it is worth saying.
    public enum Remark: Equatable {
        /// One `.` or `,` followed by three digits: thousands in a count, a decimal mark in a
        /// measure, and the other reading was possible (`12,000` could be twelve).
        case separatorSettledByType
        /// A trailing `%` was dropped (`45%` is read as 45).
        case percentSignDropped
    }

    public static func number(_ raw: String, integer: Bool) -> Number {
        // Most cells are plain digits: read them on the bytes, without the general path's
        // string edits or strtod (fifteen digits stay exact in a Double).
        if let digits = plainDigitsValue(raw.utf8) { return .value(Double(digits), nil) }
        var t = raw.trimmingBlanks
        t.removeAll { $0 == " " || $0 == "\u{00A0}" || $0 == "\u{202F}" }
        var remark: Remark? = nil
        if t.hasSuffix("%") {
            t.removeLast()
            remark = .percentSignDropped
        }
        var negative = false
        if t.hasPrefix("-") || t.hasPrefix("−") {
            negative = true
            t.removeFirst()
        }
        guard !t.isEmpty, t.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == ",") }),
              t.first!.isNumber, t.last!.isNumber else { return .notANumber }
        // The edits below are on Characters, not Foundation's `replacingOccurrences`: a national
        // batch has tens of thousands of numbers with a thousands separator (`1,250`).
        let dots = t.filter { $0 == "." }.count
        let commas = t.filter { $0 == "," }.count
        let normalized: String
        if dots > 0 && commas > 0 {
            // Both: the last one is the decimal mark, the other groups thousands.
            let lastDot = t.lastIndex(of: ".")!, lastComma = t.lastIndex(of: ",")!
            let decimalMark: Character = lastDot > lastComma ? "." : ","
            let thousands: Character = decimalMark == "." ? "," : "."
            guard groupsOfThree(t.split(separator: decimalMark)[0], separator: thousands),
                  t.filter({ $0 == decimalMark }).count == 1 else { return .notANumber }
            normalized = String(t.compactMap { $0 == thousands ? nil : $0 == "," ? "." : $0 })
        } else if dots + commas == 0 {
            normalized = t
        } else {
            let mark: Character = dots > 0 ? "." : ","
            let count = max(dots, commas)
            let groupsThousands = groupsOfThree(Substring(t), separator: mark)
            // `12,000` in a count could be twelve; `1,250` in a measure could be 1250. Not
            // `1,234` in a count (1.234 is no count) nor `0,125` (no thousands start with 0).
            if count == 1 && groupsThousands && t.first != "0" && (!integer || t.hasSuffix("000")) && remark == nil {
                remark = .separatorSettledByType
            }
            if count > 1 {
                guard groupsThousands else { return .notANumber }
                normalized = t.filter { $0 != mark }
            } else if integer && groupsThousands {
                normalized = t.filter { $0 != mark }
            } else {
                normalized = String(t.map { $0 == "," ? "." : $0 })
            }
        }
        guard let v = Double(normalized), v.isFinite else { return .notANumber }
        if negative && v != 0 { return .negative(-v) }
        if integer && v.rounded() != v { return .fractionInInteger(v) }
        return .value(v, remark)
    }

    /// Whether `text` is digits grouped by threes with `separator` (`1.234.567`).
    package static func groupsOfThree(_ text: Substring, separator: Character) -> Bool {
        let groups = text.split(separator: separator, omittingEmptySubsequences: false)
        guard let first = groups.first, (1...3).contains(first.count) else { return false }
        return groups.dropFirst().allSatisfy { $0.count == 3 }
    }

    /// Reads a yes/no answer: `co`, `có`, `1`, `yes` / `khong`, `không`, `0`, `no`.
    public static func yesNo(_ raw: String) -> Bool? {
        switch NameKey.folded(raw) {
        case "co", "1", "yes", "x", "c": return true
        case "khong", "0", "no", "k", "-": return false
        default: return nil
        }
    }

}
