/// A key for matching names as people retype them: case, Vietnamese diacritics, `đ`, and
/// spacing or punctuation ignored, so "Phuong  Quang-Trung" and "Phường Quang Trung" meet.
///
/// Used only to *suggest* a code when a name was written instead of it, never to take a
/// name as a code: "Quang Trung" names 26 communes.
enum NameKey {
    static func of(_ text: String) -> String {
        let folded = ValueParsing.foldedKey(text)
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
}
