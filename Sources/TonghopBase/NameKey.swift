/// A key for matching names as people retype them: case, Vietnamese diacritics, `đ`, and
/// spacing or punctuation ignored, so "Phuong  Quang-Trung" and "Phường Quang Trung" meet.
///
/// Used only to *suggest* a code when a name was written instead of it, never to take a
/// name as a code: "Quang Trung" names 26 communes.
package enum NameKey {
    package static func of(_ text: String) -> String {
        let folded = folded(text)
        var out = ""
        var pendingSpace = false
        for ch in folded {
            if ch.isLetter || ch.isNumber {
                if pendingSpace && !out.isEmpty { out.append(" ") }
                out.append(ch)
                pendingSpace = false
            } else {
                pendingSpace = true
            }
        }
        return out
    }

    /// Lower-cased, trimmed, without Vietnamese diacritics: a key for lenient comparison.
    public static func folded(_ raw: String) -> String {
        let lowered = raw.trimmingBlanks.lowercased()
        // Codes and most headers are ASCII: nothing to decompose.
        if lowered.isASCII { return lowered }
        var out = ""
        for scalar in lowered.decomposedStringWithCanonicalMapping.unicodeScalars {
            if (0x300...0x36F).contains(scalar.value) { continue }
            if scalar == "đ" { out.append("d") } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }
}
