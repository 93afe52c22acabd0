import Foundation
import TonghopBase

/// A CSV file of `templates/` read by its header names, so that an officer may reorder or add
/// columns in Excel without breaking anything.
package struct TemplateTable {
    /// A row read by column name. The names are one array shared by every row, searched in
    /// order (a handful of short names: quicker than hashing), and a cell becomes a string only
    /// when asked for: every command loads the unit registries, tens of thousands of rows.
    package struct Row {
        package let line: Int
        package let record: CSVRecord
        package let columns: [String]
        package subscript(_ column: String) -> String {
            guard let i = columns.firstIndex(of: column) else { return "" }
            return record.trimmed(i)
        }
    }

    package let file: String
    package let rows: [Row]

    package init(url: URL, required: [String]) throws {
        let name = url.lastPathComponent
        guard let data = try? Data(contentsOf: url) else {
            throw ConfigurationError(file: name, "không đọc được tệp \(url.path) (thiếu tệp hoặc không có quyền đọc). Hãy chạy tonghop trong thư mục làm việc có templates/, hoặc chỉ đường dẫn bằng --home hay --templates")
        }
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard String(validating: bytes, as: UTF8.self) != nil else {
            throw ConfigurationError(file: name, "tệp không phải UTF-8; hãy lưu lại dưới dạng CSV UTF-8")
        }
        let records: [CSVRecord]
        do {
            records = try CSVReader.parse(bytes, separator: CSVReader.detectSeparator(bytes)).filter { !$0.isBlank }
        } catch {
            guard case .unterminatedQuote(let line) = error else { throw ConfigurationError(file: name, "không đọc được") }
            throw ConfigurationError(file: name, line: line, "dấu ngoặc kép mở mà không đóng")
        }
        guard let header = records.first else { throw ConfigurationError(file: name, "tệp rỗng") }
        let columns = header.fields.map(\.trimmingBlanks)
        for r in required where !columns.contains(r) {
            throw ConfigurationError(file: name, line: header.line, "thiếu cột \"\(r)\"")
        }
        self.file = name
        self.rows = records.dropFirst().map { Row(line: $0.line, record: $0, columns: columns) }
    }
}
