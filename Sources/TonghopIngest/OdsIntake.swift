import Foundation
import TonghopBase
import TonghopCatalog
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation

/// Reads every sheet of an OpenDocument spreadsheet (`.ods`, what LibreOffice saves by
/// default) into the records a CSV file gives (see ``InputWorkbook``), cell by cell as an
/// `.xlsx` is read.
///
/// An `.ods` is a zip whose `mimetype` says what it is and whose `content.xml` holds every
/// sheet. It is held to what an `.xlsx` is held to: the parts read within
/// ``TextDecoding/maximumFileSize`` once uncompressed, no document type (``XMLSafety``), the
/// sheets within ``InputWorkbook/fieldBudget`` cells.
public enum OdsIntake {
    package static let mimeType = "application/vnd.oasis.opendocument.spreadsheet"

    /// The sheets; nil when the bytes are no OpenDocument spreadsheet (not a zip, or another
    /// kind of OpenDocument file), which the caller then reads, or refuses, as text.
    public static func read(_ bytes: [UInt8]) -> InputWorkbook.Reading? {
        guard XlsxIntake.isZip(bytes), let archive = try? Archive(data: Data(bytes), accessMode: .read, pathEncoding: nil),
              let entry = archive["mimetype"], entry.uncompressedSize < 200 else { return nil }
        var budget = ZipPart.Budget()
        guard let type = try? ZipPart.extract(archive, "mimetype", budget: &budget),
              String(decoding: type, as: UTF8.self).hasPrefix(mimeType) else { return nil }
        do {
            let data = try ZipPart.extract(archive, "content.xml", budget: &budget)
            let content = OdsContent(fieldBudget: InputWorkbook.fieldBudget)
            guard XlsxParts.parse(data, with: content) else {
                if let limit = content.beyondLimits {
                    return .refused(.tooLarge, detail: Wording(limit))
                }
                return .refused(.unreadableWorkbook, detail: Wording("phần content.xml không đọc được"))
            }
            return .workbook(InputWorkbook(kind: .ods, sheets: content.tables.map {
                InputWorkbook.Sheet(name: $0.name, records: InputWorkbook.records($0.rows))
            }))
        } catch let refusal as InputWorkbook.Refusal {
            return .refused(refusal.code, detail: Wording(refusal.detail))
        } catch {
            return .refused(.unreadableWorkbook, detail: Wording("\(error)"))
        }
    }
}

/// The sheets of an OpenDocument spreadsheet's `content.xml`, as text cell by cell.
///
/// Rows and cells may say they repeat (`table:number-rows-repeated`,
/// `table:number-columns-repeated`): LibreOffice writes a sheet's million empty rows below the
/// data as one row repeated. Empty repeats only move the row or column on and are never
/// materialised; repeats of a cell that holds something are, and count against the budget.
/// Cells hidden under a merged cell (`table:covered-table-cell`) read empty, as the sheet shows
/// them; comments (`office:annotation`) are not cell text.
package final class OdsContent: NSObject, XMLParserDelegate {
    package struct Table {
        package var name: String
        package var rows: [(number: Int, cells: [Int: String])] = []
    }

    /// The most rows and columns a sheet of LibreOffice or Excel has: a cell beyond them that
    /// holds something is no sheet anyone made.
    package static let maximumRows = 1_048_576, maximumColumns = 16_384

    private(set) var tables: [Table] = []
    /// Why the parse was stopped, for the officer: too many cells, or a cell beyond the limits.
    private(set) var beyondLimits: String?

    private let fieldBudget: Int
    private var fieldsUsed = 0
    private var table: Table?
    /// Tables inside a cell (sub-tables) are not sheets: their depth, while inside one.
    private var nestedTables = 0
    private var rowNumber = 1
    private var rowRepeat = 1
    private var cells: [Int: String] = [:]
    private var column = 0
    // The cell being read.
    private var inCell = false
    private var covered = false
    private var cellRepeat = 1
    private var valueType = ""
    private var value = ""
    private var dateValue = ""
    private var booleanValue = ""
    private var stringValue: String?
    private var text = ""
    private var paragraphs = 0
    private var inParagraph = 0
    private var inAnnotation = 0

    package init(fieldBudget: Int) {
        self.fieldBudget = fieldBudget
    }

    /// An attribute by its local name (`table:name` → `name`).
    private func attribute(_ attributes: [String: String], _ name: String) -> String? {
        attributes.first { XlsxParts.localName($0.key) == name }?.value
    }

    /// A repeat count: at least 1, and never more than a sheet could hold.
    private func repeatCount(_ attributes: [String: String], _ name: String) -> Int {
        guard let text = attribute(attributes, name) else { return 1 }
        return min(max(Int(text) ?? 1, 1), Self.maximumRows + 1)
    }

    private func stop(_ parser: XMLParser, _ reason: String) {
        beyondLimits = beyondLimits ?? reason
        parser.abortParsing()
    }

    package func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes: [String: String] = [:]) {
        let name = XlsxParts.localName(elementName)
        if nestedTables > 0 {
            if name == "table" { nestedTables += 1 }
            return
        }
        switch name {
        case "table":
            if table != nil || inCell {
                nestedTables = 1
                return
            }
            table = Table(name: attribute(attributes, "name") ?? "")
            rowNumber = 1
        case "table-row" where table != nil:
            rowRepeat = repeatCount(attributes, "number-rows-repeated")
            cells = [:]
            column = 0
        case "table-cell", "covered-table-cell":
            guard table != nil else { return }
            inCell = true
            covered = name == "covered-table-cell"
            cellRepeat = repeatCount(attributes, "number-columns-repeated")
            valueType = attribute(attributes, "value-type") ?? ""
            value = attribute(attributes, "value") ?? ""
            dateValue = attribute(attributes, "date-value") ?? ""
            booleanValue = attribute(attributes, "boolean-value") ?? ""
            stringValue = attribute(attributes, "string-value")
            text = ""
            paragraphs = 0
        case "annotation" where inCell:
            inAnnotation += 1
        case "p" where inCell && inAnnotation == 0:
            if paragraphs > 0 { text += "\n" }
            paragraphs += 1
            inParagraph += 1
        case "s" where inParagraph > 0 && inAnnotation == 0:
            // `text:s` stands for spaces, `text:c` of them (bounded: a cell is no book).
            text += String(repeating: " ", count: min(max(Int(attribute(attributes, "c") ?? "1") ?? 1, 1), 1000))
        case "tab" where inParagraph > 0 && inAnnotation == 0:
            text += "\t"
        case "line-break" where inParagraph > 0 && inAnnotation == 0:
            text += "\n"
        default:
            break
        }
    }

    package func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inParagraph > 0 && inAnnotation == 0 { text += string }
    }

    package func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        let name = XlsxParts.localName(elementName)
        if nestedTables > 0 {
            if name == "table" { nestedTables -= 1 }
            return
        }
        switch name {
        case "p" where inParagraph > 0 && inAnnotation == 0:
            inParagraph -= 1
        case "annotation" where inAnnotation > 0:
            inAnnotation -= 1
        case "table-cell", "covered-table-cell":
            guard inCell else { return }
            inCell = false
            let shown = covered ? "" : cellText()
            if !shown.isEmpty {
                guard column + cellRepeat <= Self.maximumColumns else {
                    return stop(parser, "trang \"\(table?.name ?? "")\" có ô ở cột \(column + cellRepeat), quá \(Self.maximumColumns) cột")
                }
                for k in 0..<cellRepeat { cells[column + k] = shown }
            }
            column = min(column + cellRepeat, Self.maximumColumns + 1)
        case "table-row":
            guard table != nil else { return }
            if let width = cells.keys.max().map({ $0 + 1 }) {
                guard rowNumber + rowRepeat - 1 <= Self.maximumRows else {
                    return stop(parser, "trang \"\(table?.name ?? "")\" có dòng \(rowNumber + rowRepeat - 1), quá \(Self.maximumRows) dòng")
                }
                fieldsUsed += width * rowRepeat
                guard fieldsUsed <= fieldBudget else {
                    return stop(parser, "trang \"\(table?.name ?? "")\" có quá nhiều ô, tối đa \(fieldBudget) ô cho cả tệp")
                }
                for k in 0..<rowRepeat { table!.rows.append((rowNumber + k, cells)) }
            }
            rowNumber = min(rowNumber + rowRepeat, Self.maximumRows + 1)
        case "table":
            if let table { tables.append(table) }
            table = nil
        default:
            break
        }
    }

    /// The text a cell shows, in the form the rest of intake reads: numbers as ``XlsxParts/numberText(_:)``
    /// writes them, dates as `yyyy-mm-dd`, booleans as 1 or 0, anything else as its text.
    package func cellText() -> String {
        switch valueType {
        case "float", "percentage", "currency":
            guard let number = Double(value) else { return text }
            return XlsxParts.numberText(number)
        case "date":
            return dateValue.isEmpty ? text : String(dateValue.prefix(10))
        case "boolean":
            return booleanValue == "true" ? "1" : booleanValue == "false" ? "0" : text
        case "string":
            // A formula's text result may be given as an attribute.
            return stringValue ?? text
        default:
            return text
        }
    }
}
