import Foundation

/// Vietnamese text garbled by a CSV file opened with the wrong character set and saved again
/// ("mojibake"), and the text it was made from.
///
/// A UTF-8 form opened in LibreOffice as Windows-1252 or Latin-1, or in Excel on Vietnamese
/// Windows as Windows-1258, shows each byte of a multi-byte letter as a character of its own;
/// saved again as `.xlsx`, `.xls`, `.ods` or CSV, the garbling is baked in: `Quý` is kept as
/// `QuÃ½` (Windows-1252) or `QuĂ½` (Windows-1258), the byte-order mark as `ï»¿` before
/// `don_vi`. Each garbled character stands for one byte, so the bytes can be had back:
///
///     Mojibake.repaired("QuÃ½ III/2024")  // "Quý III/2024"
///     Mojibake.repaired("Quý III/2024")    // nil: genuine text is never touched
///
/// Text is taken for mojibake only when every non-ASCII character in it stands for one byte in
/// one of those code pages, the bytes are valid UTF-8 holding at least one multi-byte
/// sequence, and what they spell is made of the letters, marks and punctuation of
/// Vietnamese or other Latin text. Genuine Vietnamese fails the first test (`ơ`, `ư`, `ệ`
/// stand for no byte) or the second (`ý` is 0xFD, never in UTF-8; `à` is 0xE0, which must be
/// followed by two continuation bytes, symbols such as `€` or `»`, not letters).
///
/// Complexity: O(n) in the text's UTF-8 length; genuine text is usually given up at its first
/// non-ASCII character, and ASCII is passed over eight bytes at a time.
package enum Mojibake {
    /// The text the garbled `text` was made from, in NFC and without byte-order marks; nil
    /// when `text` is not mojibake (including text that is ASCII only).
    package static func repaired(_ text: String) -> String? {
        var text = text
        let bytes = text.withUTF8 { original(ofUTF8: $0) }
        return bytes.map { String(decoding: TextDecoding.composed($0), as: UTF8.self) }
    }

    /// The UTF-8 the garbled UTF-8 `text` was made from, as ``repaired(_:)`` (not yet in NFC:
    /// the caller composes it, as it does any text it decodes).
    package static func repaired(utf8 text: [UInt8]) -> [UInt8]? {
        text.withUnsafeBufferPointer(original(ofUTF8:))
    }

    /// The byte each character stands for in Windows-1252, Latin-1 (C1 controls) or
    /// Windows-1258, for the characters above U+00FF; from U+0080 to U+00FF, a character
    /// stands for the byte of its own value in every one of them that defines it.
    ///
    /// LibreOffice reads a byte its code page leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D
    /// in Windows-1252, which Vietnamese letters such as `ề`, `ọ`, `ờ` and `Đ` hold) as the
    /// private-use character U+F100 + byte; Excel as the C1 control of that value.
    package static func byte(of scalar: UInt32) -> UInt8? {
        switch scalar {
        case 0x80...0xFF: return UInt8(scalar)
        case 0xF180...0xF1FF: return UInt8(scalar - 0xF100)
        default: return upperCodePoints[scalar]
        }
    }

    /// Windows-1252's characters of 0x80 to 0x9F (where Latin-1 has C1 controls); nil where it
    /// defines none.
    package static let windows1252C1: [UInt32?] = [
        0x20AC, nil, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, nil, 0x017D, nil,
        nil, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, nil, 0x017E, 0x0178,
    ]

    /// The characters above U+00FF of Windows-1252 and Windows-1258, by the byte each stands for.
    private static let upperCodePoints: [UInt32: UInt8] = {
        var bytes: [UInt32: UInt8] = [:]
        for (i, scalar) in windows1252C1.enumerated() { if let scalar { bytes[scalar] = UInt8(0x80 + i) } }
        for (i, scalar) in Windows1258.upperHalf.enumerated() { if let scalar, scalar > 0xFF { bytes[scalar] = UInt8(0x80 + i) } }
        return bytes
    }()

    /// Whether a character may be spelt by the repaired text: Latin-1's symbols and letters,
    /// Latin Extended-A and -B, the combining marks Vietnamese uses, Latin Extended Additional
    /// (ạ to ỹ), dashes, quotes and ellipsis, the đồng sign, and the byte-order mark (dropped).
    package static func isLatinText(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0xA0...0x24F, 0x300...0x323, 0x1E00...0x1EFF, 0x2010...0x2027, 0x20AB, 0xFEFF: return true
        default: return false
        }
    }

    /// The bytes the characters of `text` stand for, when they are the UTF-8 of Latin text.
    private static func original(ofUTF8 text: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        // Checked before anything is written: genuine text, nearly all text, is given up early.
        guard walk(text, writing: false) != nil else { return nil }
        return walk(text, writing: true)
    }

    /// The bytes the characters of `text` stand for (nothing unless `writing`), decoded as UTF-8
    /// as they are had: nil at the first character that stands for no byte, the first byte that
    /// breaks UTF-8, or the first character that is no Latin text.
    private static func walk(_ text: UnsafeBufferPointer<UInt8>, writing: Bool) -> [UInt8]? {
        guard let base = text.baseAddress else { return nil }
        let n = text.count
        var out: [UInt8] = []
        if writing { out.reserveCapacity(n) }
        var i = 0
        // The sequence being decoded from the bytes had back: its scalar so far, its length,
        // and how many continuation bytes it still needs.
        var scalar: UInt32 = 0, length = 0, pending = 0
        var sequences = 0
        while i < n {
            if pending == 0 {
                var j = i
                while j + 8 <= n && UnsafeRawPointer(base + j).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { j += 8 }
                while j < n && text[j] < 0x80 { j += 1 }
                if j > i {
                    if writing { out.append(contentsOf: UnsafeBufferPointer(rebasing: text[i..<j])) }
                    i = j
                    continue
                }
            }
            // The character at i (the text is valid UTF-8), and the byte it stands for; no
            // character beyond U+FFFF stands for one.
            let lead = text[i]
            let b: UInt8
            if lead < 0x80 {
                b = lead
                i += 1
            } else if lead < 0xE0, i + 1 < n {
                guard let one = byte(of: UInt32(lead & 0x1F) << 6 | UInt32(text[i + 1] & 0x3F)) else { return nil }
                b = one
                i += 2
            } else if lead < 0xF0, i + 2 < n {
                let c = UInt32(lead & 0x0F) << 12 | UInt32(text[i + 1] & 0x3F) << 6 | UInt32(text[i + 2] & 0x3F)
                guard let one = byte(of: c) else { return nil }
                b = one
                i += 3
            } else {
                return nil
            }
            if pending > 0 {
                guard b & 0xC0 == 0x80 else { return nil }
                scalar = scalar << 6 | UInt32(b & 0x3F)
                pending -= 1
                if writing { out.append(b) }
                if pending == 0 {
                    // Not overlong (a 2-byte character in three bytes), and a letter or mark.
                    guard (length == 2) == (scalar < 0x800), isLatinText(scalar) else { return nil }
                    if scalar == 0xFEFF && writing { out.removeLast(3) }
                    sequences += 1
                }
            } else {
                switch b {
                case 0xC2...0xDF: (scalar, length, pending) = (UInt32(b & 0x1F), 2, 1)
                case 0xE0...0xEF: (scalar, length, pending) = (UInt32(b & 0x0F), 3, 2)
                default: return nil
                }
                if writing { out.append(b) }
            }
        }
        return pending == 0 && sequences > 0 ? out : nil
    }
}
