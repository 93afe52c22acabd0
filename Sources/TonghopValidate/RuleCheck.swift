import TonghopBase
import TonghopCatalog
import TonghopIngest

/// Applies one ``ValidationRule`` to a report's figures and says, when it fails, both sides
/// with their numbers: found "MT09 = 7", expected "≤ MT07 + MT08 = 3 + 2 = 5".
package enum RuleCheck {
    package struct Violation {
        package let found: String
        package let expected: Wording
    }

    /// Nil when the rule holds or cannot be judged (a figure it names is missing).
    package static func violation(of rule: ValidationRule, current: FigureVector, previous: FigureVector?) -> Violation? {
        func figure(_ r: Formula.FigureReference, previousQuarter: Bool) -> Double? {
            (previousQuarter ? previous : current)?[r.slot]
        }
        guard let left = rule.left.formula.evaluate(figure: figure), let right = rule.right.formula.evaluate(figure: figure),
              !rule.comparison.holds(left, right) else { return nil }
        func side(_ s: ValidationRule.Side, _ total: Double) -> String {
            let working = s.formula.written { leaf in
                leaf.evaluate(figure: figure).map(Messages.number) ?? "?"
            }
            return Messages.ruleSide(s.text, terms: working, total: total, single: s.formula.isSingle)
        }
        return Violation(found: side(rule.left, left), expected: Wording(rule.comparison.symbol + " " + side(rule.right, right)))
    }
}
