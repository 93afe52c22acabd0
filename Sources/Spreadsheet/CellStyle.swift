import CXlsxWriter

/// Everything about how a cell looks. Equal styles share one format in the workbook.
public struct CellStyle: Hashable, Sendable {
    public enum Horizontal: Sendable { case general, left, center, right }

    public var fontName = "Times New Roman"
    public var fontSize = 12.0
    public var bold = false
    public var italic = false
    public var underline = false
    public var horizontal = Horizontal.general
    public var verticalCenter = true
    public var wrap = false
    public var border = false
    /// An Excel number format such as `#,##0`.
    public var numberFormat: String?
    /// Background colour as 0xRRGGBB.
    public var fill: UInt32?
    /// Whether the cell is locked when the sheet is protected.
    public var locked = true

    public init() {}

    public init(_ configure: (inout CellStyle) -> Void) {
        var s = CellStyle()
        configure(&s)
        self = s
    }

    func apply(to f: UnsafeMutablePointer<lxw_format>) {
        format_set_font_name(f, fontName)
        format_set_font_size(f, fontSize)
        if bold { format_set_bold(f) }
        if italic { format_set_italic(f) }
        if underline { format_set_underline(f, UInt8(LXW_UNDERLINE_SINGLE.rawValue)) }
        switch horizontal {
        case .general: break
        case .left: format_set_align(f, UInt8(LXW_ALIGN_LEFT.rawValue))
        case .center: format_set_align(f, UInt8(LXW_ALIGN_CENTER.rawValue))
        case .right: format_set_align(f, UInt8(LXW_ALIGN_RIGHT.rawValue))
        }
        if verticalCenter { format_set_align(f, UInt8(LXW_ALIGN_VERTICAL_CENTER.rawValue)) }
        if wrap { format_set_text_wrap(f) }
        if border { format_set_border(f, UInt8(LXW_BORDER_THIN.rawValue)) }
        if let numberFormat { format_set_num_format(f, numberFormat) }
        if let fill {
            format_set_pattern(f, UInt8(LXW_PATTERN_SOLID.rawValue))
            format_set_bg_color(f, lxw_color_t(fill))
        }
        if !locked { format_set_unlocked(f) }
    }
}
