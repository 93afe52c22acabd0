import TonghopBase
import TonghopCatalog

/// What a derived indicator's or a target's ``Formula`` is evaluated against: one unit's totals
/// in one period's rollup. Formulas are evaluated *after* aggregation, on the totals of the unit
/// asked for, never averaged from the children's ratios.
public struct EvaluationContext {
    public let rollup: Rollup
    public let unitCode: String
    public let figures: FigureVector
    public let derived: [String: DerivedIndicator]

    public init(rollup: Rollup, unitCode: String, derived: [String: DerivedIndicator]) {
        self.rollup = rollup
        self.unitCode = unitCode
        self.figures = rollup.total(unitCode).figures
        self.derived = derived
    }

    /// The same evaluation with other figures (a previous year's, mapped onto this unit).
    public init(rollup: Rollup, unitCode: String, figures: FigureVector, derived: [String: DerivedIndicator]) {
        self.rollup = rollup
        self.unitCode = unitCode
        self.figures = figures
        self.derived = derived
    }
}

extension Formula {
    /// The formula on a unit's totals: `dem(...)` counts the units of a level under it in the
    /// rollup, a derived indicator is evaluated on the same figures; nil when a figure is not
    /// reported or a division is by zero.
    public func evaluate(_ context: EvaluationContext) -> Double? {
        evaluate(figure: { reference, _ in context.figures[reference.slot] },
                 count: { level, condition in
                     let units = context.rollup.registry.descendants(of: context.unitCode).filter { $0.level == level }
                     guard let condition else { return Double(units.count) }
                     var count = 0
                     for u in units {
                         if let v = context.rollup.total(u.code).figures[condition.figure.slot],
                            condition.comparison.holds(v, condition.value) { count += 1 }
                     }
                     return Double(count)
                 },
                 derived: { code in context.derived[code]?.formula.evaluate(context) })
    }
}
