import Foundation
import TonghopBase

/// Windows-1258, the code page Excel uses for plain "CSV" on Vietnamese Windows.
///
/// The upper half is Latin-1 except for the Vietnamese letters (Ă Đ Ơ Ư ă đ ơ ư, the đồng
/// sign) and five *combining* tone marks (grave, hook above, tilde, acute, dot below) that
/// follow their base letter: "ệ" is written ê (0xEA) + dot below (0xF2). Decoded text is
/// therefore in decomposed form and is normalised to NFC by the caller. The table is the
/// published code page (Microsoft's cp1258 best-fit table); the bytes it leaves undefined
/// are never written by Windows, so a file containing them is not in this code page.
package enum Windows1258 {
    /// Unicode scalar of each byte from 0x80; nil where the code page defines nothing.
    package static let upperHalf: [UInt32?] = [
        // 0x80
        0x20AC, nil, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, nil, 0x2039, 0x0152, nil, nil, nil,
        // 0x90
        nil, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, nil, 0x203A, 0x0153, nil, nil, 0x0178,
        // 0xA0 to 0xBF: as Latin-1
        0x00A0, 0x00A1, 0x00A2, 0x00A3, 0x00A4, 0x00A5, 0x00A6, 0x00A7, 0x00A8, 0x00A9, 0x00AA, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x00AF,
        0x00B0, 0x00B1, 0x00B2, 0x00B3, 0x00B4, 0x00B5, 0x00B6, 0x00B7, 0x00B8, 0x00B9, 0x00BA, 0x00BB, 0x00BC, 0x00BD, 0x00BE, 0x00BF,
        // 0xC0: À Á Â Ă Ä Å Æ Ç È É Ê Ë ◌̀ Í Î Ï
        0x00C0, 0x00C1, 0x00C2, 0x0102, 0x00C4, 0x00C5, 0x00C6, 0x00C7, 0x00C8, 0x00C9, 0x00CA, 0x00CB, 0x0300, 0x00CD, 0x00CE, 0x00CF,
        // 0xD0: Đ Ñ ◌̉ Ó Ô Ơ Ö × Ø Ù Ú Û Ü Ư ◌̃ ß
        0x0110, 0x00D1, 0x0309, 0x00D3, 0x00D4, 0x01A0, 0x00D6, 0x00D7, 0x00D8, 0x00D9, 0x00DA, 0x00DB, 0x00DC, 0x01AF, 0x0303, 0x00DF,
        // 0xE0: à á â ă ä å æ ç è é ê ë ◌́ í î ï
        0x00E0, 0x00E1, 0x00E2, 0x0103, 0x00E4, 0x00E5, 0x00E6, 0x00E7, 0x00E8, 0x00E9, 0x00EA, 0x00EB, 0x0301, 0x00ED, 0x00EE, 0x00EF,
        // 0xF0: đ ñ ◌̣ ó ô ơ ö ÷ ø ù ú û ü ư ₫ ÿ
        0x0111, 0x00F1, 0x0323, 0x00F3, 0x00F4, 0x01A1, 0x00F6, 0x00F7, 0x00F8, 0x00F9, 0x00FA, 0x00FB, 0x00FC, 0x01B0, 0x20AB, 0x00FF,
    ]

    /// The text of the bytes in NFC, or nil if a byte is undefined in the code page.
    package static func decode(_ bytes: [UInt8]) -> String? {
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.count)
        for b in bytes {
            if b < 0x80 {
                scalars.append(Unicode.Scalar(b))
            } else {
                guard let value = upperHalf[Int(b) - 0x80], let scalar = Unicode.Scalar(value) else { return nil }
                scalars.append(scalar)
            }
        }
        return String(scalars).precomposedStringWithCanonicalMapping
    }
}
