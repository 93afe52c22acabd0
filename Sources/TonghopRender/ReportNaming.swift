import Foundation
import TonghopBase
import TonghopCatalog
import TonghopAggregate
import TonghopStore

/// The stable names of the files a run writes under `outputs/`:
///
///     outputs/2024-H1/bao-cao-toan-quoc-2024-H1.xlsx
///     outputs/2024-H1/bao-cao-35-ha-nam-2024-H1.xlsx
///     outputs/2024-H1/so-lieu-toan-quoc-2024-H1.csv   (long layout, for sending upward)
///
/// The province's name is part of the file name because a code means nothing without its
/// period: 24 is Bắc Giang before the 2025 reform and Bắc Ninh after it.
public enum ReportNaming {
    public static func folder(_ outputs: URL, _ period: Period) -> URL {
        outputs.appendingPathComponent(period.code, isDirectory: true)
    }

    public static func stem(_ scope: Unit) -> String {
        scope.level == .nation ? "toan-quoc" : "\(scope.code)-\(slug(shortName(scope.name)))"
    }

    public static func workbook(_ outputs: URL, _ period: Period, _ scope: Unit) -> URL {
        folder(outputs, period).appendingPathComponent("bao-cao-\(stem(scope))-\(period.code).xlsx")
    }

    public static func export(_ outputs: URL, _ period: Period, _ scope: Unit) -> URL {
        folder(outputs, period).appendingPathComponent("so-lieu-\(stem(scope))-\(period.code).csv")
    }

    /// "Tỉnh Hà Nam" → "Hà Nam"; "Thành phố Hà Nội" → "Hà Nội".
    package static func shortName(_ name: String) -> String {
        for prefix in ["Thành phố ", "Tỉnh ", "Huyện ", "Quận ", "Thị xã "] where name.hasPrefix(prefix) {
            return String(name.dropFirst(prefix.count))
        }
        return name
    }

    /// ASCII, lower case, hyphens: safe in every file system and in email attachments.
    public static func slug(_ text: String) -> String {
        let folded = NameKey.folded(text)
        var out = ""
        for ch in folded {
            if ch.isASCII && (ch.isLetter || ch.isNumber) { out.append(ch) } else if !out.hasSuffix("-") { out.append("-") }
        }
        return out.trimmingCharacters(in: CharacterSet(charactersIn: "-"))
    }
}
