import TonghopIngest

/// What a program shows of a UTF-8 text read in another code page, as LibreOffice and Excel
/// show it: the garbling ``Mojibake`` reads back, made here byte by byte.
package enum Garbling: CaseIterable {
    case windows1252, latin1, windows1258

    /// The text's UTF-8 bytes, each shown as the character the code page gives it. LibreOffice
    /// shows a byte its code page leaves undefined as U+F100 + byte, Excel as the C1 control.
    package func garble(_ text: String, libreOffice: Bool = true) -> String {
        var scalars = String.UnicodeScalarView()
        for b in text.utf8 {
            var value = UInt32(b)
            if b >= 0x80 {
                let undefined = libreOffice ? 0xF100 + value : value
                switch self {
                case .latin1: break
                case .windows1252: value = b < 0xA0 ? Mojibake.windows1252C1[Int(b) - 0x80] ?? undefined : value
                case .windows1258: value = Windows1258.upperHalf[Int(b) - 0x80] ?? undefined
                }
            }
            scalars.append(Unicode.Scalar(value)!)
        }
        return String(scalars)
    }
}
