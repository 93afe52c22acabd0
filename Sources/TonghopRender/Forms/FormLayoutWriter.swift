import TonghopBase
import TonghopCatalog
import TonghopAggregate
import TonghopStore

/// Writes the form layout of DOMAIN §5 as CSV text: key/value heading lines, a blank line,
/// then the table of indicators — what ``LayoutReader`` reads back as one unit's report.
///
///     don_vi,13285
///     ky_bao_cao,2024-Q2
///     bieu_mau,XA
///
///     ma_chi_tieu,ten_chi_tieu,phan_to,don_vi_tinh,gia_tri,ghi_chu
///     NN01,Số người nghiện ma túy có hồ sơ quản lý,18_30,người,7,
public enum FormLayoutWriter {
    /// The header of the table of indicators.
    public static let tableHeader = ["ma_chi_tieu", "ten_chi_tieu", "phan_to", "don_vi_tinh", "gia_tri", "ghi_chu"]

    /// One line of the table, in the order of ``tableHeader``.
    public struct Row: Sendable, Equatable {
        public var code: String
        public var name: String
        public var category: String
        public var measure: String
        public var value: String
        public var note: String

        public init(code: String, name: String, category: String, measure: String, value: String, note: String) {
            self.code = code
            self.name = name
            self.category = category
            self.measure = measure
            self.value = value
            self.note = note
        }

        public var fields: [String] { [code, name, category, measure, value, note] }
    }

    public static func csv(heading: [(key: String, value: String)], rows: [Row]) -> String {
        var lines = heading.map { "\($0.key),\(field($0.value))" }
        lines.append("")
        lines.append(tableHeader.joined(separator: ","))
        for row in rows { lines.append(row.fields.map(field).joined(separator: ",")) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A CSV field, quoted only when it must be (a separator, a quote or a line break inside).
    public static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
