import TonghopBase
import TonghopCatalog

/// A spreadsheet file (`.xlsx`, `.xls`, `.ods`) as its sheets show it: each sheet's rows as the
/// records a CSV file would give, so that every sheet goes through ``LayoutReader`` and
/// validation unchanged.
///
/// A record's `line` is the sheet's row number and its fields are that row's cells by column
/// (A = 0): every message points at the cell the officer sees. Text cells give their text,
/// numbers the number written so that it reads back exactly (``XlsxParts/numberText(_:)``),
/// dates `yyyy-mm-dd`, formulas the value the spreadsheet computed. Empty rows are left out,
/// as blank lines are skipped in a CSV file.
public struct InputWorkbook: Sendable {
    public enum Kind: String, Sendable {
        case xlsx = "XLSX", xls = "XLS", ods = "ODS"

        /// The extension a file of this kind is saved with.
        public var fileExtension: String { rawValue.lowercased() }
    }

    public struct Sheet: Sendable {
        public var name: String
        public var records: [CSVRecord]

        public init(name: String, records: [CSVRecord]) {
            self.name = name
            self.records = records
        }
    }

    public enum Reading: Sendable {
        case workbook(InputWorkbook)
        case refused(ProblemCode, detail: Wording)
    }

    /// Why a reader gives a workbook up: what the file's one problem will say.
    package struct Refusal: Error {
        package var code: ProblemCode
        /// The fact the message quotes ("trang \"S\" có quá nhiều ô...").
        package var detail: String
    }

    public var kind: Kind
    /// Every sheet, in the workbook's order.
    public var sheets: [Sheet]

    public init(kind: Kind, sheets: [Sheet]) {
        self.kind = kind
        self.sheets = sheets
    }

    /// The sheets of a workbook of any of the three kinds, told from the bytes (never from the
    /// name); nil when the bytes are no workbook, which the caller then reads, or refuses, as text.
    public static func read(_ bytes: [UInt8]) -> Reading? {
        XlsxIntake.read(bytes) ?? OdsIntake.read(bytes) ?? XlsIntake.read(bytes)
    }

    /// Cells, gaps included, that the sheets of one workbook may hold together: far beyond any
    /// report (a national table is a few hundred thousand), far below what would exhaust memory.
    public static let fieldBudget = 8_000_000

    /// The rows of one sheet from its cells by row number and column (A = 0): empty rows left
    /// out, each row as wide as its last cell that holds something.
    package static func records(_ rows: [(number: Int, cells: [Int: String])]) -> [CSVRecord] {
        rows.compactMap { row in
            guard let width = row.cells.keys.max().map({ $0 + 1 }) else { return nil }
            return CSVRecord(fields: (0..<width).map { row.cells[$0] ?? "" }, line: row.number)
        }
    }
}

extension Messages {
    /// ".csv nhưng thực ra là bảng tính LibreOffice .ods": a workbook saved under another extension.
    public static func workbookNamed(_ fileExtension: String, kind: InputWorkbook.Kind) -> Wording {
        let name: Wording
        switch kind {
        case .xlsx: name = Wording(vi: "bảng tính Excel .xlsx", en: "an Excel .xlsx workbook")
        case .xls: name = Wording(vi: "bảng tính Excel 97-2003 .xls", en: "an Excel 97-2003 .xls workbook")
        case .ods: name = Wording(vi: "bảng tính LibreOffice .ods", en: "a LibreOffice .ods spreadsheet")
        }
        let named = fileExtension.isEmpty ? Wording(vi: "(không có đuôi)", en: "(no extension)") : Wording("." + fileExtension)
        return Wording(vi: "\(named.vi) nhưng thực ra là \(name.vi)", en: "\(named.en) but is \(name.en)")
    }
}
