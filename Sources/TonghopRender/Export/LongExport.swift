import Foundation
import TonghopBase
import TonghopCatalog
import TonghopAggregate
import TonghopStore

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

    /// One figure exported: a unit's indicator (its total, a part, or the count of units
    /// giving an answer) for the rollup's period. What the long layout and DHIS2's formats
    /// (``DHIS2Export``) write, one row each.
    public struct Figure: Sendable, Equatable {
        /// The unit's code (not the unit: a national export is a hundred thousand figures).
        public let unitCode: String
        public let indicator: Indicator
        /// Empty for the total of a number.
        public let category: String
        public let value: Double
    }

    /// The figures of a scope and its direct children a unit above can take whole, in the
    /// export's order: units as ``units(scope:registry:)`` lists them, indicators in catalog
    /// order, a total before its parts.
    public static func figures(scope: String, rollup: Rollup) -> [Figure] {
        var figures: [Figure] = []
        for unit in units(scope: scope, registry: rollup.registry) {
            let total = rollup.total(unit.code)
            guard total.reportingUnits > 0 else { continue }
            for indicator in rollup.catalog.indicators where total.figures.reports(indicator) {
                // A figure short of what some unit could not give (parts where some commune gave
                // only the total) is left out: the unit above would take it for whole.
                if indicator.isAnswer {
                    if total.incomplete.containsAny(of: indicator) { continue }
                    for category in indicator.categories {
                        figures.append(Figure(unitCode: unit.code, indicator: indicator, category: category,
                                              value: total.figures.value(indicator, category: category) ?? 0))
                    }
                    continue
                }
                for category in [""] + indicator.categories {
                    guard let slot = indicator.slot(for: category), !total.incomplete.contains(slot),
                          let v = total.figures[slot] else { continue }
                    figures.append(Figure(unitCode: unit.code, indicator: indicator, category: category, value: v))
                }
            }
        }
        return figures
    }

    public static func rows(scope: String, rollup: Rollup) -> [String] {
        let period = rollup.period.code
        return figures(scope: scope, rollup: rollup).map { f in
            [f.unitCode, period, f.indicator.code, f.category].map(CSVField.text).joined(separator: ",") + "," + DecimalText.text(f.value)
        }
    }

    public static func csv(scope: String, rollup: Rollup) -> String {
        ([header] + rows(scope: scope, rollup: rollup)).joined(separator: "\n") + "\n"
    }
}
