import Foundation
import TonghopRender

/// A horizontal bar chart as SVG: one pair of bars per unit, this period against the same
/// period of last year, as the workbook's *Biểu đồ* sheet draws them. Horizontal so that unit
/// names stay readable on a phone, in a label column sized to the longest; drawn with
/// presentation attributes only (the pages' style policy allows no inline style), every text
/// escaped.
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
        // Drawn 400 units wide: on a phone (about 350 pixels) its text stays near 11 pixels. The
        // label column is as wide as the longest name needs, up to `longestLabel`.
        let labels = bars.map { Self.fitted($0.label) }
        let labelWidth = (labels.map { Self.labelPixels($0) }.max() ?? 0).clamped(to: Self.shortestLabel...Self.longestLabel) + 8
        let width = 400.0, valueWidth = 52.0, rowHeight = 32.0, top = 24.0
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
            let label = "<text x=\"\(Self.format(labelWidth - 8))\" y=\"\(Self.format(y + 19))\" font-size=\"12\" text-anchor=\"end\" fill=\"#1d2a33\">\(Self.escape(labels[i]))</text>"
            // A name cut short keeps its whole in a tooltip.
            out += labels[i] == bar.label ? label : "<g><title>\(Self.escape(bar.label))</title>\(label)</g>"
            for (k, value) in [bar.current, bar.previous].enumerated() {
                let barY = y + 4 + Double(k) * 13
                let length = plot * (value ?? 0) / largest
                out += "<rect x=\"\(Self.format(labelWidth))\" y=\"\(Self.format(barY))\" width=\"\(Self.format(max(length, value == nil ? 0 : 1)))\" height=\"11\" fill=\"\(k == 0 ? Self.currentColour : Self.previousColour)\"/>"
                out += "<text x=\"\(Self.format(labelWidth + length + 5))\" y=\"\(Self.format(barY + 10))\" font-size=\"11\" fill=\"#5b6b76\">\(Display.number(value))</text>"
            }
        }
        return out + "</svg>"
    }

    /// The label column's bounds, in the chart's units (a 12-unit font).
    static let shortestLabel = 40.0, longestLabel = 170.0

    /// The width a label takes at 12 units. Measured with Times New Roman's advances (what
    /// ``TextFit`` knows) and widened by a quarter: the pages use the system's sans-serif font,
    /// wider than Times; a column a little too wide is better than a name cut off.
    static func labelPixels(_ text: String) -> Double { TextFit.width(text, fontSize: 9, bold: false) * 1.25 }

    /// A name as it fits the longest label column: whole, or cut at its end with an ellipsis
    /// (the start of a name — "Phường", "Xã" — says what it is), after a whole word if it can.
    static func fitted(_ name: String) -> String {
        guard labelPixels(name) > longestLabel else { return name }
        var kept = Substring(name)
        while !kept.isEmpty, labelPixels(kept.trimmingCharacters(in: .whitespaces) + "…") > longestLabel { kept = kept.dropLast() }
        if name[kept.endIndex] != " ", let space = kept.lastIndex(of: " ") { kept = kept[..<space] }
        return kept.trimmingCharacters(in: .whitespaces) + "…"
    }

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

extension Comparable {
    func clamped(to range: ClosedRange<Self>) -> Self { min(max(self, range.lowerBound), range.upperBound) }
}
