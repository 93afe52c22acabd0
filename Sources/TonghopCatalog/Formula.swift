import TonghopBase

/// A formula of the catalog: the one language of validation rules (`rules.csv`), derived
/// indicators (`derived.csv`) and plan targets (`plans/*.csv`).
///
///     MT09 / (MT07 + MT08) * 100          a ratio of totals
///     XA01.khong_ma_tuy / XA01 * 100      a category against its total
///     dem(huyen, CS01 > 0) / dem(huyen)   counting units of a level that meet a condition
///     quy_truoc(MT07) + quy_truoc(MT08)   the same unit's figures of the quarter before
///     TL01                                another derived indicator
///
/// One syntax tree and one parser; what a formula may use depends on where it is written (see
/// ``Context``): `quy_truoc` only in a rule, `dem` and derived indicators only after
/// aggregation. Figures are resolved to their slots when the catalog is loaded. Evaluators
/// differ (a report's figures for a rule, a unit's totals in a rollup for the others) and
/// share ``evaluate(figure:count:derived:)``: a figure not reported makes the result unknown
/// (nil), as does a division by zero.
public indirect enum Formula: Sendable, Equatable {
    case number(Double)
    /// An indicator's total or one of its parts, in the figures the formula is evaluated on.
    case figure(FigureReference)
    /// The same figure of the same unit's report for the quarter before (`quy_truoc`).
    case previousQuarter(FigureReference)
    /// Another derived indicator, by code.
    case derived(String)
    case negated(Formula)
    case binary(Operator, Formula, Formula)
    /// `dem(level)` or `dem(level, CODE op value)`: how many units of that level under the unit.
    case count(level: UnitLevel, condition: Condition?)

    public enum Operator: Character, Sendable {
        case plus = "+", minus = "-", times = "*", divide = "/"

        package var precedence: Int { self == .plus || self == .minus ? 1 : 2 }
    }

    /// A figure named in a formula: `NN01` (the total) or `NN01.duoi_18` (a part).
    public struct FigureReference: Sendable, Equatable {
        public let indicator: String
        public let category: String?
        /// Its slot in a ``FigureVector`` of the catalog the formula was read with.
        public let slot: Int

        public var text: String { category.map { "\(indicator).\($0)" } ?? indicator }
    }

    /// The condition of `dem(level, CODE op value)`.
    public struct Condition: Sendable, Equatable {
        public let figure: FigureReference
        public let comparison: Comparison
        public let value: Double
    }

    /// Where a formula is written, which decides what it may use.
    public enum Context: Sendable {
        /// A validation rule, checked on one report: its figures and the quarter before's.
        case rule
        /// A derived indicator or a target, computed on a unit's totals after aggregation.
        case aggregate

        package var allowsPreviousQuarter: Bool { self == .rule }
        package var allowsAggregation: Bool { self == .aggregate }
    }

    /// Why a formula cannot be read, in Vietnamese, for the configuration error that names
    /// the file and line.
    public struct SyntaxError: Error, Sendable, CustomStringConvertible {
        public let reason: String
        public var description: String { reason }
    }

    /// Level words of `dem(...)`.
    package static let levelWords: [String: UnitLevel] = ["xa": .commune, "huyen": .district, "tinh": .province]

    /// Reads a formula written in `context`.
    ///
    /// - Parameters:
    ///   - indicator: the catalog's indicator of a code, if any.
    ///   - isDerived: whether a code names a derived indicator (only for ``Context/aggregate``).
    public static func parse(_ text: String, context: Context, indicator: @escaping (String) -> Indicator?,
                             isDerived: @escaping (String) -> Bool = { _ in false }) throws(SyntaxError) -> Formula {
        var parser = FormulaParser(tokens: try FormulaParser.tokenize(text), text: text, context: context,
                                   indicator: indicator, isDerived: isDerived)
        let formula = try parser.sum()
        if let extra = parser.peek { throw SyntaxError(reason: "thừa \"\(extra)\" trong công thức \"\(text)\"") }
        return formula
    }

    // MARK: What a formula names

    /// The figures of the current report or unit it reads, in order, each once.
    public var figures: [FigureReference] {
        var found: [FigureReference] = []
        func walk(_ f: Formula) {
            switch f {
            case .figure(let r): if !found.contains(r) { found.append(r) }
            case .negated(let a): walk(a)
            case .binary(_, let a, let b): walk(a); walk(b)
            case .count(_, let c): if let c, !found.contains(c.figure) { found.append(c.figure) }
            case .number, .previousQuarter, .derived: break
            }
        }
        walk(self)
        return found
    }

    /// Whether it reads the quarter before (a rule checked across reports).
    public var readsPreviousQuarter: Bool {
        switch self {
        case .previousQuarter: return true
        case .negated(let a): return a.readsPreviousQuarter
        case .binary(_, let a, let b): return a.readsPreviousQuarter || b.readsPreviousQuarter
        case .number, .figure, .derived, .count: return false
        }
    }

    /// Whether it is a single figure or number, with nothing to work out.
    public var isSingle: Bool {
        switch self {
        case .number, .figure, .previousQuarter, .derived: return true
        case .negated, .binary, .count: return false
        }
    }

    // MARK: Evaluation

    /// The formula's value, the leaves given by the evaluator; nil when a figure is missing or
    /// a division by zero.
    public func evaluate(figure: (FigureReference, _ previousQuarter: Bool) -> Double?,
                         count: (UnitLevel, Condition?) -> Double? = { _, _ in nil },
                         derived: (String) -> Double? = { _ in nil }) -> Double? {
        switch self {
        case .number(let v): return v
        case .figure(let r): return figure(r, false)
        case .previousQuarter(let r): return figure(r, true)
        case .derived(let code): return derived(code)
        case .count(let level, let condition): return count(level, condition)
        case .negated(let a): return a.evaluate(figure: figure, count: count, derived: derived).map { -$0 }
        case .binary(let op, let a, let b):
            guard let x = a.evaluate(figure: figure, count: count, derived: derived),
                  let y = b.evaluate(figure: figure, count: count, derived: derived) else { return nil }
            switch op {
            case .plus: return x + y
            case .minus: return x - y
            case .times: return x * y
            case .divide: return y == 0 ? nil : x / y
            }
        }
    }

    /// The formula with each leaf written as `leaf` gives it: "3 + 2" for `MT07 + MT08` once
    /// its figures are known, for messages that show the working.
    public func written(_ leaf: (Formula) -> String) -> String {
        switch self {
        case .number, .figure, .previousQuarter, .derived, .count: return leaf(self)
        case .negated(let a):
            let inner = a.written(leaf)
            return a.isSingle ? "-" + inner : "-(" + inner + ")"
        case .binary(let op, let a, let b):
            func side(_ f: Formula, right: Bool) -> String {
                let text = f.written(leaf)
                guard case .binary(let inner, _, _) = f else { return text }
                let needs = inner.precedence < op.precedence || (right && inner.precedence == op.precedence && (op == .minus || op == .divide))
                return needs ? "(" + text + ")" : text
            }
            return side(a, right: false) + " \(op.rawValue) " + side(b, right: true)
        }
    }
}

/// A comparison in a rule, a target or `dem(...)`.
///
/// Figures are compared within one tolerance everywhere: two numbers closer than a billionth
/// of the larger (or of 1, near zero) are equal, so that a sum of decimals (kilograms, millions
/// of đồng) that carries binary noise (9.559999999999999) is still equal to what was typed.
public enum Comparison: String, Sendable, CaseIterable {
    case lessOrEqual = "<=", less = "<", greaterOrEqual = ">=", greater = ">", equal = "==", notEqual = "!="

    /// Reads `<=`, `≤`, `=`, `<>`, `≠`... as written in Excel or by hand.
    public init?(written: String) {
        switch written.trimmingBlanks {
        case "<=", "≤", "=<": self = .lessOrEqual
        case "<": self = .less
        case ">=", "≥", "=>": self = .greaterOrEqual
        case ">": self = .greater
        case "==", "=": self = .equal
        case "!=", "<>", "≠": self = .notEqual
        default: return nil
        }
    }

    /// The sign people read in a report or a message.
    public var symbol: String {
        switch self {
        case .lessOrEqual: return "≤"
        case .less: return "<"
        case .greaterOrEqual: return "≥"
        case .greater: return ">"
        case .equal: return "="
        case .notEqual: return "≠"
        }
    }

    /// How far apart two numbers may be and still be equal.
    public static func tolerance(_ a: Double, _ b: Double) -> Double { 1e-9 * Swift.max(1, abs(a), abs(b)) }

    public func holds(_ a: Double, _ b: Double) -> Bool {
        let t = Self.tolerance(a, b)
        switch self {
        case .lessOrEqual: return a <= b + t
        case .less: return a < b - t
        case .greaterOrEqual: return a >= b - t
        case .greater: return a > b + t
        case .equal: return abs(a - b) <= t
        case .notEqual: return abs(a - b) > t
        }
    }
}

/// The one parser of ``Formula``: tokens, then sums of products of factors.
package struct FormulaParser {
    package let tokens: [String]
    package let text: String
    package let context: Formula.Context
    package let indicator: (String) -> Indicator?
    package let isDerived: (String) -> Bool
    package var position = 0

    package init(tokens: [String], text: String, context: Formula.Context, indicator: @escaping (String) -> Indicator?,
         isDerived: @escaping (String) -> Bool) {
        self.tokens = tokens
        self.text = text
        self.context = context
        self.indicator = indicator
        self.isDerived = isDerived
    }

    package typealias SyntaxError = Formula.SyntaxError

    /// Words, numbers, operators, parentheses, commas and comparisons (`<=`, `≥`, `<>`...).
    package static func tokenize(_ text: String) throws(SyntaxError) -> [String] {
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
            if c == " " || c == "\u{A0}" || c == "\t" {
                flush()
            } else if "+*/(),".contains(c) {
                flush()
                tokens.append(String(c))
            } else if c == "-" || c == "−" {
                // The minus sign Word and Excel type as well as the hyphen.
                flush()
                tokens.append("-")
            } else if "<>=!≤≥≠".contains(c) {
                flush()
                var op = String(c)
                if i + 1 < chars.count && "<>=".contains(chars[i + 1]) {
                    op.append(chars[i + 1])
                    i += 1
                }
                tokens.append(op)
            } else if c.isLetter || c.isNumber || c == "." || c == "_" {
                current.append(c)
            } else {
                throw SyntaxError(reason: "ký tự \"\(c)\" không dùng được trong công thức \"\(text)\"")
            }
            i += 1
        }
        flush()
        if tokens.isEmpty { throw SyntaxError(reason: "công thức trống") }
        return tokens
    }

    package var peek: String? { position < tokens.count ? tokens[position] : nil }

    package mutating func take() throws(SyntaxError) -> String {
        guard let t = peek else { throw SyntaxError(reason: "công thức \"\(text)\" kết thúc đột ngột") }
        position += 1
        return t
    }

    package mutating func expect(_ t: String) throws(SyntaxError) {
        let got = try take()
        guard got == t else { throw SyntaxError(reason: "cần \"\(t)\" nhưng gặp \"\(got)\" trong công thức \"\(text)\"") }
    }

    package mutating func sum() throws(SyntaxError) -> Formula {
        var f = try product()
        while let t = peek, t == "+" || t == "-" {
            position += 1
            f = .binary(t == "+" ? .plus : .minus, f, try product())
        }
        return f
    }

    package mutating func product() throws(SyntaxError) -> Formula {
        var f = try factor()
        while let t = peek, t == "*" || t == "/" {
            position += 1
            f = .binary(t == "*" ? .times : .divide, f, try factor())
        }
        return f
    }

    package mutating func factor() throws(SyntaxError) -> Formula {
        let t = try take()
        if t == "(" {
            let f = try sum()
            try expect(")")
            return f
        }
        if t == "-" { return .negated(try factor()) }
        if let first = t.first, first.isNumber || first == "." {
            guard let v = Double(t) else { throw SyntaxError(reason: "\"\(t)\" không phải là số") }
            return .number(v)
        }
        switch t.lowercased() {
        case "dem":
            guard context.allowsAggregation else {
                throw SyntaxError(reason: "dem(...) đếm đơn vị sau khi tổng hợp, không dùng được trong quy tắc kiểm tra một báo cáo")
            }
            return try count()
        case "quy_truoc":
            guard context.allowsPreviousQuarter else {
                throw SyntaxError(reason: "quy_truoc(...) chỉ dùng được trong quy tắc kiểm tra (rules.csv), không dùng trong chỉ tiêu tính toán hay chỉ tiêu kế hoạch")
            }
            try expect("(")
            let r = try figure(try take())
            try expect(")")
            return .previousQuarter(r)
        default:
            break
        }
        if isDerived(t) {
            guard context.allowsAggregation else { throw SyntaxError(reason: "chỉ tiêu tính toán \(t) không dùng được trong quy tắc kiểm tra") }
            return .derived(t)
        }
        return .figure(try figure(t))
    }

    package mutating func count() throws(SyntaxError) -> Formula {
        try expect("(")
        let word = try take()
        guard let level = Formula.levelWords[word.lowercased()] else {
            throw SyntaxError(reason: "dem(...) cần cấp xa, huyen hoặc tinh, gặp \"\(word)\"")
        }
        var condition: Formula.Condition?
        if peek == "," {
            position += 1
            let r = try figure(try take())
            let opText = try take()
            guard let op = Comparison(written: opText) else { throw SyntaxError(reason: "phép so sánh \"\(opText)\" không hợp lệ") }
            var valueText = try take()
            if valueText == "-" { valueText = "-" + (try take()) }
            guard let value = Double(valueText) else { throw SyntaxError(reason: "\"\(valueText)\" không phải là số") }
            condition = Formula.Condition(figure: r, comparison: op, value: value)
        }
        try expect(")")
        return .count(level: level, condition: condition)
    }

    /// `CODE` or `CODE.category`, checked against the catalog.
    package func figure(_ word: String) throws(SyntaxError) -> Formula.FigureReference {
        let parts = word.split(separator: ".", maxSplits: 1).map(String.init)
        guard let code = parts.first, let indicator = indicator(code) else {
            throw SyntaxError(reason: "chỉ tiêu \"\(word)\" không có trong indicators.csv")
        }
        // A rule checks one report's numbers; an answer is only a number once counted up the tree.
        if context == .rule && !indicator.isNumeric { throw SyntaxError(reason: "chỉ tiêu \(code) không phải là số") }
        let category = parts.count > 1 ? parts[1] : nil
        guard let slot = indicator.slot(for: category) else {
            throw SyntaxError(reason: "chỉ tiêu \(code) không có phân tổ \"\(category ?? "")\"")
        }
        return Formula.FigureReference(indicator: code, category: category, slot: slot)
    }
}
