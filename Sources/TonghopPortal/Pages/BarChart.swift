import Foundation

/// A horizontal bar chart as SVG: one pair of bars per unit, this period against the same
/// period of last year, as the workbook's *Biểu đồ* sheet draws them. Horizontal so that unit
/// names stay readable on a phone; drawn with presentation attributes only (the pages' style
/// policy allows no inline style), every text escaped.
struct BarChart {
    struct Bar {
        let label: String
        let current: Double?
        let previous: Double?
    }

    let title: String
    let currentName: String
    let previousName: String
    let bars: [Bar]

    static let currentColour = "#2e75b6", previousColour = "#bfbfbf"

    var svg: String {
        // Drawn 400 units wide: on a phone (about 350 pixels) its text stays near 11 pixels.
        let width = 400.0, labelWidth = 118.0, valueWidth = 52.0, rowHeight = 32.0, top = 24.0
        let plot = width - labelWidth - valueWidth
        let largest = max(1, bars.flatMap { [$0.current ?? 0, $0.previous ?? 0] }.max() ?? 1)
        let height = top + rowHeight * Double(bars.count) + 8
        var out = "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"\(Self.escape(title))\">"
        out += "<title>\(Self.escape(title))</title>"
        // The legend.
        out += "<rect x=\"0\" y=\"2\" width=\"12\" height=\"12\" fill=\"\(Self.currentColour)\"/>"
        out += "<text x=\"18\" y=\"12\" font-size=\"12\" fill=\"#1d2a33\">\(Self.escape(currentName))</text>"
        out += "<rect x=\"\(Int(width / 2))\" y=\"2\" width=\"12\" height=\"12\" fill=\"\(Self.previousColour)\"/>"
        out += "<text x=\"\(Int(width / 2 + 18))\" y=\"12\" font-size=\"12\" fill=\"#1d2a33\">\(Self.escape(previousName))</text>"
        for (i, bar) in bars.enumerated() {
            let y = top + rowHeight * Double(i)
            out += "<text x=\"\(Int(labelWidth - 8))\" y=\"\(Self.format(y + 19))\" font-size=\"12\" text-anchor=\"end\" fill=\"#1d2a33\">\(Self.escape(Self.shortened(bar.label)))</text>"
            for (k, value) in [bar.current, bar.previous].enumerated() {
                let barY = y + 4 + Double(k) * 13
                let length = plot * (value ?? 0) / largest
                out += "<rect x=\"\(Int(labelWidth))\" y=\"\(Self.format(barY))\" width=\"\(Self.format(max(length, value == nil ? 0 : 1)))\" height=\"11\" fill=\"\(k == 0 ? Self.currentColour : Self.previousColour)\"/>"
                out += "<text x=\"\(Self.format(labelWidth + length + 5))\" y=\"\(Self.format(barY + 10))\" font-size=\"11\" fill=\"#5b6b76\">\(Display.number(value))</text>"
            }
        }
        return out + "</svg>"
    }

    /// Long unit names cut to fit the label column.
    static func shortened(_ name: String) -> String { name.count > 19 ? String(name.prefix(18)) + "…" : name }

    static func format(_ v: Double) -> String { String(format: "%.1f", v) }

    static func escape(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }
}
