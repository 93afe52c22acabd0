import Foundation
import Spreadsheet
import TonghopBase
import TonghopCatalog
import TonghopAggregate
import TonghopStore

/// How tall a row must be for its wrapped text to show whole, worked out before a sheet is
/// written: libxlsxwriter cannot autofit, Excel does not autofit a row on opening, and a row
/// left one line high cuts a two-line indicator name in half on paper.
///
/// Text is measured with the advance widths of Times New Roman (as Liberation Serif, its
/// metric twin that LibreOffice uses on Linux, gives them), wrapped word by word as a
/// spreadsheet does, in the column's width in pixels. The estimate errs towards a taller row.
package enum TextFit {
    /// Advance widths of the printable ASCII characters (32…126) in units of 1/2048 em,
    /// regular and bold (Liberation Serif, metric-compatible with Times New Roman).
    package static let regular: [UInt16] = [
        512, 682, 836, 1024, 1024, 1706, 1593, 369, 682, 682, 1024, 1155, 512, 682, 512, 569, 1024, 1024, 1024, 1024, 1024,
        1024, 1024, 1024, 1024, 1024, 569, 569, 1155, 1155, 1155, 909, 1886, 1479, 1366, 1366, 1479, 1251, 1139, 1479, 1479,
        682, 797, 1479, 1251, 1821, 1479, 1479, 1139, 1479, 1366, 1139, 1251, 1479, 1479, 1933, 1479, 1479, 1251, 682, 569,
        682, 961, 1024, 682, 909, 1024, 909, 1024, 909, 682, 1024, 1024, 569, 569, 1024, 569, 1593, 1024, 1024, 1024, 1024,
        682, 797, 569, 1024, 1024, 1479, 1024, 1024, 909, 983, 410, 983, 1108]
    package static let bold: [UInt16] = [
        512, 682, 1137, 1024, 1024, 2048, 1706, 569, 682, 682, 1024, 1167, 512, 682, 512, 569, 1024, 1024, 1024, 1024, 1024,
        1024, 1024, 1024, 1024, 1024, 682, 682, 1167, 1167, 1167, 1024, 1905, 1479, 1366, 1479, 1479, 1366, 1251, 1593, 1593,
        797, 1024, 1593, 1366, 1933, 1479, 1593, 1251, 1593, 1479, 1139, 1366, 1479, 1479, 2048, 1479, 1479, 1366, 682, 569,
        682, 1190, 1024, 682, 1024, 1139, 909, 1139, 909, 682, 1024, 1139, 569, 682, 1139, 569, 1706, 1139, 1024, 1139, 1139,
        909, 797, 682, 1139, 1024, 1479, 1024, 1024, 909, 807, 451, 807, 1065]

    /// The width of one character in 1/2048 em: a Vietnamese letter is as wide as its base
    /// letter (its marks sit above or below it), ư and ơ a little wider for their horn; a
    /// combining mark (text not composed) adds nothing.
    package static func advance(_ scalar: Unicode.Scalar, bold: Bool) -> Double {
        let v = Int(scalar.value)
        if v >= 32 && v < 127 { return Double((bold ? Self.bold : regular)[v - 32]) }
        if v >= 0x300 && v < 0x370 { return 0 }
        if v >= latinStart && v < latinStart + latinRegular.count { return (bold ? latinBold : latinRegular)[v - latinStart] }
        return 1024
    }

    /// Latin letters with marks (À … ỹ), measured once from their base letters: every
    /// Vietnamese name goes through here.
    package static let latinStart = 0xC0
    package static let latinRegular = latinTable(bold: false)
    package static let latinBold = latinTable(bold: true)

    private static func latinTable(bold: Bool) -> [Double] {
        let table = bold ? Self.bold : regular
        return (latinStart..<0x1F00).map { v -> Double in
            guard let scalar = Unicode.Scalar(v) else { return 1024 }
            switch v {
            case 0x111: return Double(table[Int(UInt8(ascii: "d")) - 32]) * 1.05 // đ
            case 0x110: return Double(table[Int(UInt8(ascii: "D")) - 32]) // Đ
            default: break
            }
            let parts = String(Character(scalar)).decomposedStringWithCanonicalMapping.unicodeScalars
            guard let base = parts.first?.value, base >= 32, base < 127 else { return 1024 }
            let horned = parts.contains { $0.value == 0x31B }
            return Double(table[Int(base) - 32]) * (horned ? 1.1 : 1)
        }
    }

    /// The width of a text in pixels at 96 dpi.
    package static func width(_ text: some StringProtocol, fontSize: Double, bold: Bool) -> Double {
        // By scalar, not by Character: every name of a national run is measured.
        text.unicodeScalars.reduce(0) { $0 + advance($1, bold: bold) } / 2048 * fontSize * 96 / 72
    }

    /// The pixels a column of Excel width `w` offers its text: Excel's width counts digits of
    /// the workbook's default font (Calibri 11, seven pixels), plus five pixels of margin, of
    /// which a cell keeps about three on each side.
    package static func textPixels(columnWidth w: Double) -> Double { (w * 7 + 5).rounded(.down) - 8 }

    /// How many lines a wrapped text takes in that many pixels: words wrap whole, a word
    /// longer than a line is broken, a line break starts a line. Read by Unicode scalar, not
    /// by Character: grapheme breaking cost more than the measuring.
    static func lines(_ text: String, pixels: Double, fontSize: Double, bold: Bool) -> Int {
        guard pixels > 0 else { return 1 }
        let scale = fontSize * 96 / 72 / 2048
        let space = advance(" ", bold: bold) * scale
        var lines = 1, used = 0.0, word = 0.0
        func placeWord() {
            guard word > 0 else { return }
            if used > 0 && used + space + word <= pixels {
                used += space + word
            } else {
                if used > 0 { lines += 1 }
                // A word longer than the line is broken across lines.
                var w = word
                while w > pixels {
                    lines += 1
                    w -= pixels
                }
                used = w
            }
            word = 0
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case " ":
                placeWord()
            case "\n":
                placeWord()
                lines += 1
                used = 0
            default:
                word += advance(scalar, bold: bold) * scale
            }
        }
        placeWord()
        return lines
    }

    /// The height in points of `lines` lines of text (a row's padding included).
    package static func height(lines: Int, fontSize: Double) -> Double {
        (Double(lines) * (fontSize * 1.17 + 1.2) + 2).rounded(.up)
    }

    /// Excel's height of a row nobody sized: what the workbook's default font gives.
    package static let defaultRowHeight = 15.0
    /// Excel's width of a column nobody sized.
    package static let defaultColumnWidth = 8.43

    /// The sheet's row heights raised wherever a wrapped text needs more lines than its row
    /// offers; a height the builder chose is kept when it is enough.
    package static func rowHeights(_ model: SheetModel, style: (SheetModel.Role) -> CellStyle) -> [Int: Double] {
        var heights = model.rowHeights
        func columnPixels(_ from: Int, _ to: Int) -> Double {
            (from...to).reduce(0) { $0 + textPixels(columnWidth: model.columnWidths[$1] ?? defaultColumnWidth) + ($1 > from ? 8 : 0) }
        }
        // A text on one line fits any row a builder made (or Excel's default): only wrapping
        // onto more lines asks for height.
        func need(_ text: String, _ role: SheetModel.Role, pixels: Double) -> Double? {
            let s = style(role)
            guard s.wrap, !text.isEmpty else { return nil }
            let n = lines(text, pixels: pixels, fontSize: s.fontSize, bold: s.bold)
            return n > 1 ? height(lines: n, fontSize: s.fontSize) : nil
        }
        func raise(_ row: Int, to needed: Double) {
            if needed > (heights[row] ?? defaultRowHeight) { heights[row] = needed }
        }
        for (r, cells) in model.rows.enumerated() {
            for (c, cell) in cells.enumerated() {
                guard let cell, case .text(let text) = cell.value, let needed = need(text, cell.role, pixels: columnPixels(c, c)) else { continue }
                raise(r, to: needed)
            }
        }
        for m in model.merges {
            guard let needed = need(m.text, m.role, pixels: columnPixels(m.firstColumn, m.lastColumn)) else { continue }
            // A merge over several rows: what the rows above it offer, the last row makes up.
            let above = (m.firstRow..<m.lastRow).reduce(0.0) { $0 + (heights[$1] ?? defaultRowHeight) }
            raise(m.lastRow, to: needed - above)
        }
        return heights
    }
}
