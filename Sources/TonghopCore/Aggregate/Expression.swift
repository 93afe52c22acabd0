/// A comparison in a formula, a rule or a target: `>=`, `>`, `<=`, `<`, `=`.
public enum Comparator: String, Sendable, CaseIterable {
    case atLeast = ">=", greaterThan = ">", atMost = "<=", lessThan = "<", equal = "="

    public func holds(_ a: Double, _ b: Double) -> Bool {
        switch self {
        case .atLeast: return a >= b - 1e-9
        case .greaterThan: return a > b + 1e-9
        case .atMost: return a <= b + 1e-9
        case .lessThan: return a < b - 1e-9
        case .equal: return abs(a - b) < 1e-9
        }
    }

    /// "≥", as printed in reports.
    public var symbol: String {
        switch self {
        case .atLeast: return "≥"
        case .greaterThan: return ">"
        case .atMost: return "≤"
        case .lessThan: return "<"
        case .equal: return "="
        }
    }
}

/// A formula over a unit's aggregated figures, as written in `templates/derived.csv` and in
/// plan targets:
///
///     MT09 / (MT07 + MT08) * 100          a ratio of totals
///     XA01.khong_ma_tuy / XA01 * 100      a category against its total
///     dem(huyen, CS01 > 0) / dem(huyen)   counting child units that meet a condition
///     TL01                                another derived indicator
///
/// Formulas are evaluated *after* aggregation, on the totals of the unit asked for, never
/// averaged from the children's ratios. Any figure not reported makes the result unknown (nil),
/// as does a division by zero.
public indirect enum Expression: Sendable, Equatable {
    case number(Double)
    /// An indicator's total, or one of its categories.
    case figure(indicator: String, category: String?)
    /// Another derived indicator, by code.
    case derived(String)
    case binary(Operator, Expression, Expression)
    /// `dem(level)` or `dem(level, CODE op value)`: how many units of that level under the unit.
    case count(level: UnitLevel, condition: Condition?)

    public enum Operator: Character, Sendable { case plus = "+", minus = "-", times = "*", divide = "/" }

    public struct Condition: Sendable, Equatable {
        public var indicator: String
        public var category: String?
        public var comparator: Comparator
        public var value: Double
    }

    public struct ParseError: Error, Sendable, CustomStringConvertible {
        public let message: String
        public var description: String { message }
    }

    /// Level keywords of `dem(...)`.
    static let levelWords: [String: UnitLevel] = ["xa": .commune, "huyen": .district, "tinh": .province]

    /// Parses a formula; `isIndicator` and `isDerived` say which codes exist.
    public static func parse(_ text: String, isIndicator: @escaping (String) -> Bool, isDerived: @escaping (String) -> Bool) throws -> Expression {
        var parser = Parser(tokens: try tokenize(text), isIndicator: isIndicator, isDerived: isDerived)
        let e = try parser.expression()
        guard parser.position == parser.tokens.count else {
            throw ParseError(message: "thừa \"\(parser.tokens[parser.position])\" trong công thức \"\(text)\"")
        }
        return e
    }

    static func tokenize(_ text: String) throws -> [String] {
        var tokens: [String] = []
        var current = ""
        func flush() {
            if !current.isEmpty { tokens.append(current) }
            current = ""
        }
        let chars = Array(text)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == " " { flush() } else if "+-*/(),".contains(c) {
                flush()
                tokens.append(String(c))
            } else if "<>=".contains(c) {
                flush()
                if i + 1 < chars.count && chars[i + 1] == "=" {
                    tokens.append(String(c) + "=")
                    i += 1
                } else {
                    tokens.append(String(c))
                }
            } else if c.isLetter || c.isNumber || c == "." || c == "_" {
                current.append(c)
            } else {
                throw ParseError(message: "ký tự \"\(c)\" không dùng được trong công thức \"\(text)\"")
            }
            i += 1
        }
        flush()
        return tokens
    }

    struct Parser {
        let tokens: [String]
        var position = 0
        let isIndicator: (String) -> Bool
        let isDerived: (String) -> Bool

        var peek: String? { position < tokens.count ? tokens[position] : nil }

        mutating func take() throws -> String {
            guard let t = peek else { throw ParseError(message: "công thức kết thúc đột ngột") }
            position += 1
            return t
        }

        mutating func expect(_ t: String) throws {
            let got = try take()
            guard got == t else { throw ParseError(message: "cần \"\(t)\" nhưng gặp \"\(got)\"") }
        }

        mutating func expression() throws -> Expression {
            var e = try term()
            while let t = peek, t == "+" || t == "-" {
                position += 1
                e = .binary(t == "+" ? .plus : .minus, e, try term())
            }
            return e
        }

        mutating func term() throws -> Expression {
            var e = try factor()
            while let t = peek, t == "*" || t == "/" {
                position += 1
                e = .binary(t == "*" ? .times : .divide, e, try factor())
            }
            return e
        }

        mutating func factor() throws -> Expression {
            let t = try take()
            if t == "(" {
                let e = try expression()
                try expect(")")
                return e
            }
            if t == "-" { return .binary(.minus, .number(0), try factor()) }
            if let v = Double(t) { return .number(v) }
            if t == "dem" {
                try expect("(")
                let word = try take()
                guard let level = Expression.levelWords[word] else {
                    throw ParseError(message: "dem(...) cần cấp xa, huyen hoặc tinh, gặp \"\(word)\"")
                }
                var condition: Condition? = nil
                if peek == "," {
                    position += 1
                    let (code, category) = try figureReference(try take())
                    let opText = try take()
                    guard let op = Comparator(rawValue: opText) else { throw ParseError(message: "phép so sánh \"\(opText)\" không hợp lệ") }
                    let valueText = try take()
                    guard let value = Double(valueText) else { throw ParseError(message: "\"\(valueText)\" không phải là số") }
                    condition = Condition(indicator: code, category: category, comparator: op, value: value)
                }
                try expect(")")
                return .count(level: level, condition: condition)
            }
            if isDerived(t) { return .derived(t) }
            let (code, category) = try figureReference(t)
            return .figure(indicator: code, category: category)
        }

        func figureReference(_ t: String) throws -> (String, String?) {
            let parts = t.split(separator: ".", maxSplits: 1).map(String.init)
            guard isIndicator(parts[0]) else { throw ParseError(message: "\"\(parts[0])\" không phải mã chỉ tiêu") }
            return (parts[0], parts.count > 1 ? parts[1] : nil)
        }
    }

    /// The indicator codes a formula reads (derived ones expanded by the caller if needed).
    public var indicatorCodes: [String] {
        switch self {
        case .number, .derived: return []
        case .figure(let code, _): return [code]
        case .binary(_, let a, let b): return a.indicatorCodes + b.indicatorCodes
        case .count(_, let c): return c.map { [$0.indicator] } ?? []
        }
    }
}

/// What a formula is evaluated against: one unit's totals in one period's rollup.
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

extension Expression {
    public func evaluate(_ context: EvaluationContext) -> Double? {
        let catalog = context.rollup.catalog
        switch self {
        case .number(let v):
            return v
        case .figure(let code, let category):
            guard let indicator = catalog.indicator(code) else { return nil }
            return context.figures.value(indicator, category: category)
        case .derived(let code):
            return context.derived[code]?.formula.evaluate(context)
        case .binary(let op, let a, let b):
            guard let x = a.evaluate(context), let y = b.evaluate(context) else { return nil }
            switch op {
            case .plus: return x + y
            case .minus: return x - y
            case .times: return x * y
            case .divide: return y == 0 ? nil : x / y
            }
        case .count(let level, let condition):
            let registry = context.rollup.registry
            let units = registry.descendants(of: context.unitCode).filter { $0.level == level }
            guard let condition else { return Double(units.count) }
            guard let indicator = catalog.indicator(condition.indicator) else { return nil }
            var count = 0
            for u in units {
                if let v = context.rollup.total(u.code).figures.value(indicator, category: condition.category),
                   condition.comparator.holds(v, condition.value) { count += 1 }
            }
            return Double(count)
        }
    }
}
