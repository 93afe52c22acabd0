import Foundation

/// Text helpers for the hot paths of reading tens of thousands of files, where Foundation's
/// `trimmingCharacters(in:)` and `lowercased()` cost more than the parsing itself.
extension StringProtocol {
    /// Without leading and trailing blanks (spaces, tabs, no-break spaces, line breaks).
    /// Returns the text as is, without copying, in the common case where there are none.
    public var trimmingBlanks: String {
        // Nearly every cell neither begins nor ends with a blank: decided on the bytes,
        // without decoding scalars (this runs for every cell of every file).
        let plain = utf8.withContiguousStorageIfAvailable { b in !b.isEmpty && !BlankBytes.atStart(b) && !BlankBytes.atEnd(b) }
        if plain == true { return String(self) }
        let scalars = unicodeScalars
        guard let first = scalars.first, let last = scalars.last else { return "" }
        if !first.isBlank && !last.isBlank { return String(self) }
        var start = scalars.startIndex, end = scalars.endIndex
        while start < end && scalars[start].isBlank { start = scalars.index(after: start) }
        while end > start && scalars[scalars.index(before: end)].isBlank { end = scalars.index(before: end) }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars[start..<end])
        return String(result)
    }

    /// Whether the text is ASCII only (codes, numbers, most headers).
    public var isASCII: Bool { utf8.allSatisfy { $0 < 0x80 } }
}

extension String {
    /// Whether the text's UTF-8 is exactly these bytes (no Unicode equivalence: `==` has that).
    package func hasUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard utf8.count == bytes.count else { return false }
        guard let base = bytes.baseAddress else { return true }
        return utf8.withContiguousStorageIfAvailable { mine in memcmp(mine.baseAddress!, base, bytes.count) == 0 }
            ?? utf8.elementsEqual(bytes)
    }

    /// The text in capitals, as `uppercased()`, without a new string when it is already
    /// ASCII capitals and digits: unit and indicator codes, a million times a national run.
    public var upperCode: String {
        if utf8.allSatisfy({ $0 < 0x80 && !($0 >= 0x61 && $0 <= 0x7A) }) { return self }
        return uppercased()
    }
}

/// The value of one to fifteen ASCII digits and nothing else (fifteen digits stay exact in a
/// `Double`); nil otherwise. Most cells, and most stored values, are such plain counts.
package func plainDigitsValue<C: Collection>(_ bytes: C) -> Int? where C.Element == UInt8 {
    guard !bytes.isEmpty, bytes.count <= 15 else { return nil }
    var n = 0
    for b in bytes {
        guard b >= 0x30 && b <= 0x39 else { return nil }
        n = n * 10 + Int(b - 0x30)
    }
    return n
}

/// Whether UTF-8 text begins or ends with a blank (``Unicode/Scalar/isBlank``), read on the
/// bytes: the blanks beyond ASCII are U+00A0 and the other space separators (Unicode's Zs:
/// U+1680, U+2000 to U+200A, U+202F, U+205F, U+3000), whose encodings are spelled out here.
package enum BlankBytes {
    package static func atStart(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = b.first else { return false }
        if first < 0x80 { return first == 0x20 || first == 0x09 || first == 0x0A || first == 0x0D }
        if b.count >= 2 && first == 0xC2 && b[1] == 0xA0 { return true }
        return b.count >= 3 && isWideSpace(first, b[1], b[2])
    }

    package static func atEnd(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let last = b.last else { return false }
        if last < 0x80 { return last == 0x20 || last == 0x09 || last == 0x0A || last == 0x0D }
        let n = b.count
        if n >= 2 && b[n - 2] == 0xC2 && last == 0xA0 { return true }
        return n >= 3 && isWideSpace(b[n - 3], b[n - 2], last)
    }

    /// The three-byte space separators.
    package static func isWideSpace(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> Bool {
        switch (a, b) {
        case (0xE1, 0x9A): return c == 0x80
        case (0xE2, 0x80): return (0x80...0x8A).contains(c) || c == 0xAF
        case (0xE2, 0x81): return c == 0x9F
        case (0xE3, 0x80): return c == 0x80
        default: return false
        }
    }
}

extension Unicode.Scalar {
    /// A space of any kind, a tab or a line break.
    package var isBlank: Bool {
        switch value {
        case 0x20, 0x09, 0x0A, 0x0D, 0xA0: return true
        case 0..<0x80: return false
        default: return properties.generalCategory == .spaceSeparator
        }
    }
}

extension String {
    /// Spaces turned into underscores (`ngay lap` → `ngay_lap`), without Foundation's
    /// string search when there is no space, which is almost always.
    public var spacesAsUnderscores: String {
        guard utf8.contains(0x20) else { return self }
        return String(String.UnicodeScalarView(unicodeScalars.map { $0 == " " ? "_" : $0 }))
    }
}
