import TonghopBase
import TonghopCatalog
import TonghopAggregate
import TonghopStore

/// One text field of a CSV file tonghop writes, made safe to open in a spreadsheet.
///
/// A cell that begins with `=`, `+`, `-` or `@` (or a tab or carriage return, which some
/// spreadsheets skip before looking) is taken by Excel and LibreOffice for a formula: text that
/// came from a file or a template could then run as one ("CSV injection"). Such a field gets a
/// leading apostrophe, which spreadsheets show as a text marker, and is quoted when it holds a
/// separator, a quote or a line break. Numbers are written by ``DecimalText/text(_:)``, never
/// through here, so a negative number stays a number.
package enum CSVField {
    package static func text(_ value: String) -> String {
        // Codes and numbers (nearly every field) need nothing: looked at on their bytes.
        if let first = value.utf8.first, !"=+-@\t\r".utf8.contains(first),
           !value.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D || $0 == 0x3B }) {
            return value
        }
        var v = value
        if let first = v.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { v = "'" + v }
        guard v.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == ";" }) else { return v }
        return "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
