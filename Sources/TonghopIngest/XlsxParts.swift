import Foundation
import TonghopBase
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Parsers for the XML parts of an `.xlsx` that ``XlsxIntake`` needs: the workbook (which
/// sheet comes first), its relationships (where that sheet's part is), the shared strings,
/// the styles (which cells show dates) and the worksheet's cells.
///
/// Element names are compared without their namespace prefix: Excel writes `<c>`, some
/// libraries write `<x:c>` for the same thing.
package enum XlsxParts {
    package static func localName(_ name: String) -> Substring {
        name.lastIndex(of: ":").map { name[name.index(after: $0)...] } ?? Substring(name)
    }

    /// Runs a SAX delegate over a part; false if the XML is malformed, or declares a document
    /// type (see ``XMLSafety``). A truncated part makes `parse()` return true on Linux, but
    /// always leaves `parserError` set.
    package static func parse(_ data: Data, with delegate: XMLParserDelegate) -> Bool {
        guard !XMLSafety.declaresDocumentType(data) else { return false }
        let parser = XMLSafety.parser(data)
        parser.delegate = delegate
        return parser.parse() && parser.parserError == nil
    }

    // MARK: Workbook

    /// The sheets in workbook order (name and relationship id) and the date system.
    package final class Workbook: NSObject, XMLParserDelegate {
        package var sheets: [(name: String, relationship: String)] = []
        /// Dates counted from 1904 (old Mac Excel) instead of 1900.
        package var date1904 = false

        package func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes: [String: String] = [:]) {
            switch XlsxParts.localName(elementName) {
            case "sheet":
                let id = attributes.first { XlsxParts.localName($0.key) == "id" && $0.key.contains(":") }?.value ?? ""
                sheets.append((attributes["name"] ?? "", id))
            case "workbookPr":
                date1904 = ["1", "true"].contains(attributes["date1904"] ?? "")
            default: break
            }
        }
    }

    // MARK: Relationships

    /// Relationship id → (type, target part path inside the zip).
    package final class Relationships: NSObject, XMLParserDelegate {
        package var targets: [String: (type: String, path: String)] = [:]

        package func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes: [String: String] = [:]) {
            guard XlsxParts.localName(elementName) == "Relationship", let id = attributes["Id"],
                  let target = attributes["Target"] else { return }
            // Targets are relative to xl/ unless absolute within the package.
            let path = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
            targets[id] = (attributes["Type"] ?? "", path)
        }

        package func path(ofType suffix: String) -> String? {
            targets.values.filter { $0.type.hasSuffix(suffix) }.map(\.path).min()
        }
    }

    // MARK: Shared strings

    /// The shared string table: each `<si>`'s text, rich-text runs joined, phonetic hints left out.
    package final class SharedStrings: NSObject, XMLParserDelegate {
        package var strings: [String] = []
        private var current: String?
        private var inText = false
        private var inPhonetic = false

        package func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes: [String: String] = [:]) {
            switch XlsxParts.localName(elementName) {
            case "si": current = ""
            case "rPh": inPhonetic = true
            case "t": inText = current != nil && !inPhonetic
            default: break
            }
        }

        package func parser(_ parser: XMLParser, foundCharacters string: String) {
            if inText { current? += string }
        }

        package func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
            switch XlsxParts.localName(elementName) {
            case "si":
                strings.append(current ?? "")
                current = nil
            case "rPh": inPhonetic = false
            case "t": inText = false
            default: break
            }
        }
    }

    // MARK: Styles

    /// Which cell formats (the `s` index of a cell) display a date.
    package final class Styles: NSObject, XMLParserDelegate {
        private var customFormats: [Int: String] = [:]
        private var cellFormats: [Int] = []
        private var inCellXfs = false

        package func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes: [String: String] = [:]) {
            switch XlsxParts.localName(elementName) {
            case "numFmt":
                if let id = attributes["numFmtId"].flatMap(Int.init) { customFormats[id] = attributes["formatCode"] ?? "" }
            case "cellXfs": inCellXfs = true
            case "xf" where inCellXfs: cellFormats.append(attributes["numFmtId"].flatMap(Int.init) ?? 0)
            default: break
            }
        }

        package func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
            if XlsxParts.localName(elementName) == "cellXfs" { inCellXfs = false }
        }

        package var dateStyles: Set<Int> {
            Set(cellFormats.indices.filter { Self.isDate(formatId: cellFormats[$0], code: customFormats[cellFormats[$0]]) })
        }

        /// Excel's built-in date formats are 14–17 and 22; a custom format is a date when it
        /// shows a day or a year (quoted text and `[...]` sections aside; `m` alone may be minutes).
        package static func isDate(formatId: Int, code: String?) -> Bool {
            if (14...17).contains(formatId) || formatId == 22 { return true }
            guard let code else { return false }
            var plain = ""
            var inQuotes = false, inBrackets = false
            for ch in code {
                switch ch {
                case "\"": inQuotes.toggle()
                case "[" where !inQuotes: inBrackets = true
                case "]" where !inQuotes: inBrackets = false
                default: if !inQuotes && !inBrackets { plain.append(ch) }
                }
            }
            return plain.lowercased().contains { $0 == "d" || $0 == "y" }
        }
    }

    // MARK: Worksheet

    /// The cells of a worksheet, as text, row by row (only rows that hold something).
    package final class Worksheet: NSObject, XMLParserDelegate {
        package struct Row {
            package var number: Int
            /// Column index (A = 0) → text.
            package var cells: [Int: String] = [:]
        }

        package let sharedStrings: [String]
        package let dateStyles: Set<Int>
        package let date1904: Bool
        /// At most this many fields in all rows together (cells and the gaps before them), so that
        /// a small file with a cell in column XFD on every row cannot exhaust memory.
        package let fieldBudget: Int
        package var rows: [Row] = []
        package var exceededBudget = false

        private var row: Row?
        private var lastRowNumber = 0
        private var nextColumn = 0
        private(set) var fieldsUsed = 0
        // The cell being read.
        private var column = 0
        private var type = ""
        private var style = 0
        private var value = ""
        private var inlineText = ""
        /// Which text of the cell the parser is inside: its `<v>` or an inline string's `<t>`.
        private enum Text { case value, inline }
        private var reading: Text?
        private var inPhonetic = false

        package init(sharedStrings: [String], dateStyles: Set<Int>, date1904: Bool, fieldBudget: Int) {
            self.sharedStrings = sharedStrings
            self.dateStyles = dateStyles
            self.date1904 = date1904
            self.fieldBudget = fieldBudget
        }

        package func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes: [String: String] = [:]) {
            switch XlsxParts.localName(elementName) {
            case "row":
                let number = attributes["r"].flatMap(Int.init) ?? lastRowNumber + 1
                row = Row(number: number)
                lastRowNumber = number
                nextColumn = 0
            case "c":
                let reference = attributes["r"].flatMap(XlsxParts.cellReference)
                column = reference?.column ?? nextColumn
                type = attributes["t"] ?? "n"
                style = attributes["s"].flatMap(Int.init) ?? 0
                value = ""
                inlineText = ""
            case "v": reading = .value
            case "rPh": inPhonetic = true
            case "t" where !inPhonetic: reading = .inline
            default: break
            }
        }

        package func parser(_ parser: XMLParser, foundCharacters string: String) {
            switch reading {
            case .value: value += string
            case .inline: inlineText += string
            case nil: break
            }
        }

        package func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
            switch XlsxParts.localName(elementName) {
            case "v", "t": reading = nil
            case "rPh": inPhonetic = false
            case "c":
                nextColumn = column + 1
                let text = cellText()
                guard !text.isEmpty, row != nil else { return }
                let needed = column + 1 - ((row!.cells.keys.max() ?? -1) + 1)
                if needed > 0 { fieldsUsed += needed }
                if fieldsUsed > fieldBudget {
                    exceededBudget = true
                    parser.abortParsing()
                    return
                }
                row!.cells[column] = text
            case "row":
                if let r = row, !r.cells.isEmpty { rows.append(r) }
                row = nil
            default: break
            }
        }

        /// The text a cell shows, in the form the rest of intake reads.
        package func cellText() -> String {
            switch type {
            case "s": return Int(value).flatMap { sharedStrings.indices.contains($0) ? sharedStrings[$0] : nil } ?? ""
            case "inlineStr": return inlineText
            case "str", "e", "d": return value
            case "b": return value == "1" || value == "true" ? "1" : "0"
            default:
                guard let number = Double(value.trimmingBlanks) else { return value }
                if dateStyles.contains(style) { return XlsxParts.dateText(serial: number, date1904: date1904) }
                return XlsxParts.numberText(number)
            }
        }
    }

    // MARK: Values

    /// "E17" → column 4, row 17.
    package static func cellReference(_ reference: String) -> (column: Int, row: Int)? {
        var column = 0
        var digits = Substring(reference)
        for ch in reference {
            guard let ascii = ch.asciiValue, ch.isLetter else { break }
            column = column * 26 + Int((ascii & 0xDF) - 64)
            digits = digits.dropFirst()
        }
        guard column > 0, let row = Int(digits) else { return nil }
        return (column - 1, row)
    }

    /// A number cell as text that ``ValueParsing`` reads back to exactly the stored number:
    /// `12` (never `12.0`), `1.5`. A number with exactly three decimals gets a trailing zero
    /// (`1.2340`), because `1.234` in a count field reads as one thousand two hundred
    /// thirty-four, the way officers type thousands.
    package static func numberText(_ number: Double) -> String {
        var text: String
        if number.rounded() == number && abs(number) < 1e15 {
            text = String(Int64(number))
        } else {
            text = String(number)
            if text.contains("e") || text.contains("E") {
                let f = NumberFormatter()
                f.locale = Locale(identifier: "en_US_POSIX")
                f.numberStyle = .decimal
                f.usesGroupingSeparator = false
                f.maximumFractionDigits = 20
                text = f.string(from: NSNumber(value: number)) ?? text
            }
        }
        if let dot = text.firstIndex(of: "."), text.distance(from: dot, to: text.endIndex) == 4 { text += "0" }
        return text
    }

    /// A date cell (days since 30 Dec 1899, or since 1 Jan 1904) as `yyyy-mm-dd`.
    package static func dateText(serial: Double, date1904: Bool) -> String {
        // Days from 1970-01-01 to the system's day zero.
        let epoch = date1904 ? -24107 : -25569
        let days = Int(serial.rounded(.down)) + epoch
        // Civil date from days since 1970 (Howard Hinnant's algorithm).
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        return String(format: "%04d-%02d-%02d", year, month, day)
    }
}
