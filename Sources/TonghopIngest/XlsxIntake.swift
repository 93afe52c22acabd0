import Foundation
import TonghopBase
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation

/// Reads every worksheet of an `.xlsx` workbook into the records a CSV file gives (see
/// ``InputWorkbook``), so that a filled blank form — or any report typed in Excel, on one sheet
/// or several — goes through ``LayoutReader`` and validation unchanged.
///
/// Chart sheets hold no cells and are left out. The shared strings and styles are read once for
/// all sheets; the parts together are held to ``TextDecoding/maximumFileSize`` once
/// uncompressed, and the sheets together to ``InputWorkbook/fieldBudget`` cells.
public enum XlsxIntake {
    /// The bytes of a zip archive (an `.xlsx` is one).
    public static func isZip(_ bytes: [UInt8]) -> Bool { bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) }

    /// The worksheets; nil when the bytes are not a workbook at all (not a zip, or a zip without
    /// `xl/workbook.xml`), which the caller then reads, or refuses, as text.
    public static func read(_ bytes: [UInt8]) -> InputWorkbook.Reading? {
        guard isZip(bytes), let archive = try? Archive(data: Data(bytes), accessMode: .read, pathEncoding: nil),
              archive["xl/workbook.xml"] != nil else { return nil }
        do {
            return .workbook(InputWorkbook(kind: .xlsx, sheets: try sheets(archive)))
        } catch let refusal as InputWorkbook.Refusal {
            return .refused(refusal.code, detail: Wording(refusal.detail))
        } catch {
            return .refused(.unreadableWorkbook, detail: Wording("\(error)"))
        }
    }

    package static func sheets(_ archive: Archive) throws -> [InputWorkbook.Sheet] {
        var parts = ZipPart.Budget()
        let workbook = XlsxParts.Workbook()
        try parse(archive, "xl/workbook.xml", with: workbook, budget: &parts)
        guard !workbook.sheets.isEmpty else { throw InputWorkbook.Refusal(code: .unreadableWorkbook, detail: "không có trang tính nào") }
        let relationships = XlsxParts.Relationships()
        try parse(archive, "xl/_rels/workbook.xml.rels", with: relationships, budget: &parts)
        let shared = XlsxParts.SharedStrings()
        if let path = relationships.path(ofType: "/sharedStrings") { try parse(archive, path, with: shared, budget: &parts) }
        let styles = XlsxParts.Styles()
        if let path = relationships.path(ofType: "/styles") { try parse(archive, path, with: styles, budget: &parts) }

        var fields = InputWorkbook.fieldBudget
        var sheets: [InputWorkbook.Sheet] = []
        for entry in workbook.sheets {
            guard let target = relationships.targets[entry.relationship] else {
                throw InputWorkbook.Refusal(code: .unreadableWorkbook, detail: "không tìm thấy trang \"\(entry.name)\"")
            }
            // A chart sheet (or an old dialog or macro sheet) holds no cells.
            guard target.type.hasSuffix("/worksheet") else { continue }
            let sheet = XlsxParts.Worksheet(sharedStrings: shared.strings, dateStyles: styles.dateStyles,
                                            date1904: workbook.date1904, fieldBudget: fields)
            do {
                try parse(archive, target.path, with: sheet, budget: &parts)
            } catch where sheet.exceededBudget {
                throw InputWorkbook.Refusal(code: .tooLarge, detail: "trang \"\(entry.name)\" có quá nhiều ô, tối đa \(InputWorkbook.fieldBudget) ô cho cả tệp")
            }
            fields -= sheet.fieldsUsed
            sheets.append(InputWorkbook.Sheet(name: entry.name, records: InputWorkbook.records(sheet.rows.map { ($0.number, $0.cells) })))
        }
        return sheets
    }

    /// Extracts one part within what is left of the workbook's budget, and runs a parser over it.
    package static func parse(_ archive: Archive, _ path: String, with delegate: XMLParserDelegate, budget: inout ZipPart.Budget) throws {
        let data = try ZipPart.extract(archive, path, budget: &budget)
        guard XlsxParts.parse(data, with: delegate) else {
            throw InputWorkbook.Refusal(code: .unreadableWorkbook, detail: "phần \(path) không đọc được")
        }
    }
}
