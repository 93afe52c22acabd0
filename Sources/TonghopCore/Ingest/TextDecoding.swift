import Foundation

/// Turns a file's bytes into UTF-8 text, or says what the file is instead.
///
/// Accepted: UTF-8 with or without a byte-order mark, UTF-16 LE/BE with a byte-order mark
/// (Excel's "Unicode Text"). Anything else is refused with what it looks like, so that the
/// officer knows to save it again as CSV UTF-8.
public enum TextDecoding {
    public enum Result {
        /// UTF-8 bytes without BOM, and the name of the encoding the file was in.
        case text([UInt8], encoding: String)
        case refused(ProblemCode, detail: String)
    }

    /// Files larger than this are not reports; refusing them keeps memory bounded.
    public static let maximumFileSize = 64 * 1024 * 1024

    public static func decode(_ bytes: [UInt8]) -> Result {
        if bytes.count > maximumFileSize {
            return .refused(.tooLarge, detail: "\(bytes.count / 1_048_576) MB, tối đa \(maximumFileSize / 1_048_576) MB")
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            let rest = Array(bytes.dropFirst(3))
            return String(validating: rest, as: UTF8.self) != nil
                ? .text(rest, encoding: "UTF-8 (BOM)") : .refused(.notUTF8, detail: "có dấu BOM UTF-8 nhưng nội dung hỏng")
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let littleEndian = bytes[0] == 0xFF
            return decodeUTF16(Array(bytes.dropFirst(2)), littleEndian: littleEndian)
        }
        if let kind = binaryKind(bytes) { return .refused(.notText, detail: kind) }
        if String(validating: bytes, as: UTF8.self) != nil { return .text(bytes, encoding: "UTF-8") }
        return .refused(.notUTF8, detail: "có thể là Windows-1258 hoặc bảng mã cũ khác")
    }

    static func decodeUTF16(_ bytes: [UInt8], littleEndian: Bool) -> Result {
        guard bytes.count % 2 == 0 else { return .refused(.notUTF8, detail: "UTF-16 bị cắt cụt") }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var i = 0
        while i < bytes.count {
            units.append(littleEndian ? UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8 : UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1]))
            i += 2
        }
        guard let s = String(validating: units, as: UTF16.self) else {
            return .refused(.notUTF8, detail: "UTF-16 hỏng")
        }
        return .text(Array(s.utf8), encoding: littleEndian ? "UTF-16 LE" : "UTF-16 BE")
    }

    /// What a non-text file looks like, from its first bytes.
    static func binaryKind(_ bytes: [UInt8]) -> String? {
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return "một tệp nén ZIP không đọc được như bảng tính Excel .xlsx" }
        if bytes.starts(with: Array("%PDF".utf8)) { return "một tệp PDF" }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) { return "một tệp Excel 97-2003 (.xls) hoặc Word (.doc)" }
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) || bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return "một tệp ảnh" }
        if bytes.prefix(4096).contains(0) { return "một tệp nhị phân" }
        return nil
    }
}
