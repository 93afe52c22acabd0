import Foundation
import TonghopBase
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation

/// Reads the first worksheet of an `.xlsx` workbook into the same records a CSV file gives,
/// so that a filled blank form — or any report typed in Excel — goes through ``LayoutReader``
/// and validation unchanged.
///
/// A record's `line` is the spreadsheet's row number and its fields are that row's cells by
/// column (A = 0), so that every message points at the cell the officer sees. Text cells give
/// their text, number cells the number written so that it reads back exactly (``XlsxParts/numberText(_:)``),
/// date cells `yyyy-mm-dd`, formula cells the value Excel computed. Empty rows are left out,
/// as blank lines are skipped in a CSV file.
public enum XlsxIntake {
    public enum Reading {
        case records([CSVRecord], sheet: String)
        case refused(ProblemCode, detail: String)
    }

    /// The bytes of a zip archive (an `.xlsx` is one).
    public static func isZip(_ bytes: [UInt8]) -> Bool { bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) }

    /// The first worksheet's rows; nil when the bytes are not a workbook at all (not a zip, or a
    /// zip without `xl/workbook.xml`), which the caller then reads, or refuses, as text.
    public static func read(_ bytes: [UInt8]) -> Reading? {
        guard isZip(bytes), let archive = try? Archive(data: Data(bytes), accessMode: .read, pathEncoding: nil),
              archive["xl/workbook.xml"] != nil else { return nil }
        do {
            return try read(archive)
        } catch let refusal as Refusal {
            return .refused(refusal.code, detail: refusal.detail)
        } catch {
            return .refused(.unreadableWorkbook, detail: "\(error)")
        }
    }

    package struct Refusal: Error {
        package var code: ProblemCode
        package var detail: String
    }

    package static func read(_ archive: Archive) throws -> Reading {
        let workbook = XlsxParts.Workbook()
        try parse(archive, "xl/workbook.xml", with: workbook)
        guard let first = workbook.sheets.first else { throw Refusal(code: .unreadableWorkbook, detail: "không có trang tính nào") }
        let relationships = XlsxParts.Relationships()
        try parse(archive, "xl/_rels/workbook.xml.rels", with: relationships)
        guard let sheetPath = relationships.targets[first.relationship]?.path else {
            throw Refusal(code: .unreadableWorkbook, detail: "không tìm thấy trang \"\(first.name)\"")
        }
        let shared = XlsxParts.SharedStrings()
        if let path = relationships.path(ofType: "/sharedStrings") { try parse(archive, path, with: shared) }
        let styles = XlsxParts.Styles()
        if let path = relationships.path(ofType: "/styles") { try parse(archive, path, with: styles) }

        let sheet = XlsxParts.Worksheet(sharedStrings: shared.strings, dateStyles: styles.dateStyles,
                                        date1904: workbook.date1904, fieldBudget: fieldBudget)
        do {
            try parse(archive, sheetPath, with: sheet)
        } catch where sheet.exceededBudget {
            throw Refusal(code: .tooLarge, detail: "trang \"\(first.name)\" có quá nhiều ô, tối đa \(fieldBudget) ô")
        }
        let records = sheet.rows.map { row in
            let width = (row.cells.keys.max() ?? -1) + 1
            return CSVRecord(fields: (0..<width).map { row.cells[$0] ?? "" }, line: row.number)
        }
        return .records(records, sheet: first.name)
    }

    /// Cells, gaps included, that one worksheet may hold: far beyond any report (a national
    /// table is a few hundred thousand), far below what would exhaust memory.
    package static let fieldBudget = 8_000_000

    /// Extracts one part, within ``TextDecoding/maximumFileSize`` once uncompressed (a small
    /// zip can hide a huge part), and runs a parser over it.
    package static func parse(_ archive: Archive, _ path: String, with delegate: XMLParserDelegate) throws {
        guard let entry = archive[path] else { throw Refusal(code: .unreadableWorkbook, detail: "thiếu phần \(path)") }
        guard entry.uncompressedSize <= UInt64(TextDecoding.maximumFileSize) else {
            throw Refusal(code: .tooLarge, detail: "\(path): \(entry.uncompressedSize / 1_048_576) MB khi giải nén, tối đa \(TextDecoding.maximumFileSize / 1_048_576) MB")
        }
        var data = Data()
        _ = try archive.extract(entry) { data.append($0) }
        guard XlsxParts.parse(data, with: delegate) else {
            throw Refusal(code: .unreadableWorkbook, detail: "phần \(path) không đọc được")
        }
    }
}
