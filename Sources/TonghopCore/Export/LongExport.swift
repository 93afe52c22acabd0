import Foundation

/// The aggregated figures of a scope and its direct children in the long layout of DOMAIN §5,
/// so that another tonghop can ingest them as this unit's compiled report (a province compiles
/// locally and sends upward).
///
/// One row per unit × indicator × category: a disaggregated indicator gives its total (empty
/// `phan_to`) and its parts; a yes/no or categorical one gives the count of units per answer.
/// Text fields go through ``CSVField`` so that no code from a template can open as a formula.
public enum LongExport {
    public static let header = "ma_don_vi,ky_bao_cao,ma_chi_tieu,phan_to,gia_tri"

    /// The units exported for a scope: the scope, its children in the tree, then (for a
    /// province) its departments.
    public static func units(scope: String, registry: Registry) -> [Unit] {
        guard let unit = registry.unit(scope) else { return [] }
        var units = [unit] + registry.children(of: scope)
        if unit.level == .province { units += registry.departments(of: scope) }
        return units
    }

    public static func rows(scope: String, rollup: Rollup) -> [String] {
        var lines: [String] = []
        let period = rollup.period.code
        for unit in units(scope: scope, registry: rollup.registry) {
            let total = rollup.total(unit.code)
            guard total.reportingUnits > 0 else { continue }
            for indicator in rollup.catalog.indicators where total.figures.reports(indicator) {
                func row(_ category: String, _ value: Double) {
                    lines.append([unit.code, period, indicator.code, category].map(CSVField.text).joined(separator: ",")
                                 + "," + number(value))
                }
                if indicator.isAnswer {
                    for category in indicator.categories {
                        row(category, total.figures.value(indicator, category: category) ?? 0)
                    }
                    continue
                }
                if let v = total.figures.value(indicator) { row("", v) }
                for category in indicator.categories {
                    if let v = total.figures.value(indicator, category: category) { row(category, v) }
                }
            }
        }
        return lines
    }

    public static func csv(scope: String, rollup: Rollup) -> String {
        ([header] + rows(scope: scope, rollup: rollup)).joined(separator: "\n") + "\n"
    }

    /// A number as written in machine files: whole numbers without a decimal point, others
    /// with at most six decimals, so that sums of decimals (9.56, not 9.559999999999999) read
    /// as people typed them.
    public static func number(_ v: Double) -> String {
        let rounded = roundedToSixDecimals(v)
        if let whole = wholeNumber(rounded) { return String(whole) }
        var s = String(format: "%.6f", rounded)
        while s.hasSuffix("0") { s.removeLast() }
        return s
    }

    /// ``number(_:)`` appended as UTF-8: a stored payload is a million of these, and a whole
    /// number (nearly all) needs neither `String(format:)` nor a string of its own.
    static func appendNumber(_ v: Double, to bytes: inout [UInt8]) {
        if let whole = wholeNumber(roundedToSixDecimals(v)) {
            bytes.append(contentsOf: String(whole).utf8)
        } else {
            bytes.append(contentsOf: number(v).utf8)
        }
    }

    private static func roundedToSixDecimals(_ v: Double) -> Double { (v * 1_000_000).rounded() / 1_000_000 }

    /// The value as an integer when it is one and prints exactly as one.
    private static func wholeNumber(_ rounded: Double) -> Int64? {
        rounded.rounded() == rounded && abs(rounded) < 1e15 ? Int64(rounded) : nil
    }
}
