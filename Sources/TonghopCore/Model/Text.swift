/// Text helpers for the hot paths of reading tens of thousands of files, where Foundation's
/// `trimmingCharacters(in:)` and `lowercased()` cost more than the parsing itself.
extension StringProtocol {
    /// Without leading and trailing blanks (spaces, tabs, no-break spaces, line breaks).
    /// Returns the text as is, without copying, in the common case where there are none.
    public var trimmingBlanks: String {
        // Nearly every cell begins and ends with a printable ASCII byte: decided on the bytes,
        // without decoding scalars (this runs for every cell of every file).
        func printable(_ b: UInt8) -> Bool { b > 0x20 && b < 0x80 }
        let plain = utf8.withContiguousStorageIfAvailable { b in b.count > 0 && printable(b[0]) && printable(b[b.count - 1]) }
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
    /// The text in capitals, as `uppercased()`, without a new string when it is already
    /// ASCII capitals and digits: unit and indicator codes, a million times a national run.
    public var upperCode: String {
        if utf8.allSatisfy({ $0 < 0x80 && !($0 >= 0x61 && $0 <= 0x7A) }) { return self }
        return uppercased()
    }
}

extension Unicode.Scalar {
    /// A space of any kind, a tab or a line break.
    var isBlank: Bool {
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
