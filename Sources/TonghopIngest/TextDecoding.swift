import Foundation
import TonghopBase

/// Turns a file's bytes into UTF-8 text in NFC, or says what the file is instead.
///
/// Detected, never asked: UTF-8 with or without a byte-order mark; UTF-16 LE/BE with a
/// byte-order mark (Excel's "Unicode Text"); otherwise, bytes that are not UTF-8 but look
/// like text are read as Windows-1258 (Excel's plain "CSV" on Vietnamese Windows), because
/// that is what such a file almost always is, and the summary says so. Anything else is
/// refused with what it looks like, so that the officer knows to save it again as CSV UTF-8.
///
/// The text comes out in NFC: Vietnamese typed on a Mac, or decoded from Windows-1258's
/// combining tone marks, is decomposed, and codes and names compare only once composed.
public enum TextDecoding {
    public enum Result {
        /// UTF-8 bytes without BOM, and the name of the encoding the file was in.
        case text([UInt8], encoding: String)
        case refused(ProblemCode, detail: Wording)
    }

    public static let utf8 = "UTF-8", utf8WithBOM = "UTF-8 (BOM)", windows1258 = "Windows-1258"

    /// Files larger than this are not reports; refusing them keeps memory bounded.
    public static let maximumFileSize = 64 * 1024 * 1024

    public static func decode(_ bytes: [UInt8]) -> Result {
        if bytes.count > maximumFileSize {
            return .refused(.tooLarge, detail: Messages.sizeLimit(megabytes: bytes.count / 1_048_576, limit: maximumFileSize / 1_048_576))
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            let rest = Array(bytes.dropFirst(3))
            return isUTF8(rest)
                ? .text(composed(rest), encoding: utf8WithBOM) : .refused(.notUTF8, detail: Messages.brokenUTF8)
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let littleEndian = bytes[0] == 0xFF
            return decodeUTF16(Array(bytes.dropFirst(2)), littleEndian: littleEndian)
        }
        if let kind = binaryKind(bytes) { return .refused(.notText, detail: kind) }
        if isUTF8(bytes) { return .text(composed(bytes), encoding: utf8) }
        if looksLikeText(bytes), let text = Windows1258.decode(bytes) { return .text(Array(text.utf8), encoding: windows1258) }
        return .refused(.notUTF8, detail: Messages.unknownEncoding)
    }

    package static func decodeUTF16(_ bytes: [UInt8], littleEndian: Bool) -> Result {
        guard bytes.count % 2 == 0 else { return .refused(.notUTF8, detail: Messages.truncatedUTF16) }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var i = 0
        while i < bytes.count {
            units.append(littleEndian ? UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8 : UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1]))
            i += 2
        }
        guard let s = String(validating: units, as: UTF16.self) else {
            return .refused(.notUTF8, detail: Messages.brokenUTF16)
        }
        return .text(Array(s.precomposedStringWithCanonicalMapping.utf8), encoding: littleEndian ? "UTF-16 LE" : "UTF-16 BE")
    }

    /// Whether the bytes are well-formed UTF-8 (Unicode 15, table 3-7: no overlong forms, no
    /// surrogates, nothing above U+10FFFF), as `String(validating:as:)` judges them but without
    /// making the string: every input file is checked, and its ASCII runs (most of a report)
    /// are passed eight bytes at a time.
    package static func isUTF8(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { b in
            guard let base = b.baseAddress else { return true }
            let n = b.count
            var i = 0
            while i < n {
                while i + 8 <= n && UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { i += 8 }
                guard i < n else { break }
                let lead = b[i]
                if lead < 0x80 { i += 1; continue }
                // The length a lead byte announces, and the range its first continuation byte may take.
                let length: Int, low: UInt8, high: UInt8
                switch lead {
                case 0xC2...0xDF: (length, low, high) = (2, 0x80, 0xBF)
                case 0xE0: (length, low, high) = (3, 0xA0, 0xBF)
                case 0xE1...0xEC, 0xEE...0xEF: (length, low, high) = (3, 0x80, 0xBF)
                case 0xED: (length, low, high) = (3, 0x80, 0x9F)
                case 0xF0: (length, low, high) = (4, 0x90, 0xBF)
                case 0xF1...0xF3: (length, low, high) = (4, 0x80, 0xBF)
                case 0xF4: (length, low, high) = (4, 0x80, 0x8F)
                default: return false
                }
                guard i + length <= n, (low...high).contains(b[i + 1]) else { return false }
                for k in 2..<length where b[i + k] & 0xC0 != 0x80 { return false }
                i += length
            }
            return true
        }
    }

    /// Valid UTF-8 in NFC. Only text holding a combining diacritic (U+0300 to U+036F, lead
    /// bytes 0xCC and 0xCD) can change, so the common case skips the normalisation.
    package static func composed(_ utf8: [UInt8]) -> [UInt8] {
        let hasCombiningMark = utf8.withUnsafeBufferPointer { p in
            guard let base = p.baseAddress else { return false }
            return memchr(base, 0xCC, p.count) != nil || memchr(base, 0xCD, p.count) != nil
        }
        guard hasCombiningMark else { return utf8 }
        return Array(String(decoding: utf8, as: UTF8.self).precomposedStringWithCanonicalMapping.utf8)
    }

    /// Whether single-byte content reads as text: control characters other than tab, line
    /// breaks and form feed are rare (at most one byte in a thousand).
    package static func looksLikeText(_ bytes: [UInt8]) -> Bool {
        let controls = bytes.reduce(0) { n, b in
            n + ((b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D && b != 0x0C) || b == 0x7F ? 1 : 0)
        }
        return controls * 1000 <= bytes.count
    }

    /// What a non-text file looks like, from its first bytes.
    package static func binaryKind(_ bytes: [UInt8]) -> Wording? {
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return Messages.zipFile }
        if bytes.starts(with: Array("%PDF".utf8)) { return Messages.pdfFile }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) { return Messages.oldOfficeFile }
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) || bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return Messages.imageFile }
        let hasNul = bytes.withUnsafeBufferPointer { b in b.baseAddress.map { memchr($0, 0, min(b.count, 4096)) != nil } ?? false }
        if hasNul { return Messages.binaryFile }
        return nil
    }
}
