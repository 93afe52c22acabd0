/// Applies one ``ValidationRule`` to a report's figures and says, when it fails, both sides
/// with their numbers: found "MT09 = 7", expected "≤ MT07 + MT08 = 3 + 2 = 5".
enum RuleCheck {
    struct Violation {
        let found: String
        let expected: Wording
    }

    /// Nil when the rule holds or cannot be judged (a figure it names is missing).
    static func violation(of rule: ValidationRule, current: FigureVector, previous: FigureVector?) -> Violation? {
        guard let left = rule.left.value(current: current, previous: previous),
              let right = rule.right.value(current: current, previous: previous),
              !rule.comparison.holds(left, right) else { return nil }
        func side(_ e: RuleExpression, _ total: Double) -> String {
            let operands = e.operandValues(current: current, previous: previous) ?? []
            let terms = zip(e.terms, operands).enumerated().map { i, pair in
                (pair.0.negated ? (i == 0 ? "-" : " - ") : (i == 0 ? "" : " + ")) + Messages.number(pair.1)
            }
            return Messages.ruleSide(e.text, terms: terms.joined(), total: total, single: e.terms.count == 1)
        }
        return Violation(found: side(rule.left, left), expected: Wording(rule.comparison.symbol + " " + side(rule.right, right)))
    }
}
