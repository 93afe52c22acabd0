import Foundation

/// A validation rule of `templates/rules.csv`, in the manner of DHIS2: a left side, an
/// operator and a right side, each side a sum of figures of one report.
///
///     MT09 <= MT07 + MT08                                   error: the report is impossible
///     NN10 <= NN01                                          warning: worth a look
///     MT07 == quy_truoc(MT07) + quy_truoc(MT08) - quy_truoc(MT09)
///
/// A figure is an indicator code (its total, from its parts when only parts were given) or
/// `CODE.category` for one part; `quy_truoc(...)` reads the same unit's report for the quarter
/// before. A rule is skipped when any figure it names is missing: an empty cell is "not
/// reported", and nothing can be said about it.
public struct ValidationRule: Sendable {
    public let id: String
    public let left: RuleExpression
    public let comparison: RuleComparison
    public let right: RuleExpression
    /// ``Severity/error`` (the report is rejected) or ``Severity/warning``.
    public let severity: Severity
    public let message: Wording

    /// Whether the rule reads the quarter before, and so is checked across reports.
    public var readsPreviousQuarter: Bool { left.readsPreviousQuarter || right.readsPreviousQuarter }

    /// Indicator codes the rule names on the current report, left side first.
    public var indicators: [String] {
        var seen: Set<String> = []
        return (left.terms + right.terms).compactMap { term -> String? in
            guard case .figure(let code, _, false) = term.operand, seen.insert(code).inserted else { return nil }
            return code
        }
    }
}

/// The comparison of a rule.
public enum RuleComparison: String, Sendable {
    case lessOrEqual = "<=", less = "<", greaterOrEqual = ">=", greater = ">", equal = "==", notEqual = "!="

    /// Reads `<=`, `≤`, `=`, `<>`, `≠`... as written in Excel or by hand.
    init?(written: String) {
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

    /// The sign people read in a message.
    var symbol: String {
        switch self {
        case .lessOrEqual: return "≤"
        case .less: return "<"
        case .greaterOrEqual: return "≥"
        case .greater: return ">"
        case .equal: return "="
        case .notEqual: return "≠"
        }
    }

    func holds(_ a: Double, _ b: Double) -> Bool {
        switch self {
        case .lessOrEqual: return a <= b
        case .less: return a < b
        case .greaterOrEqual: return a >= b
        case .greater: return a > b
        case .equal: return a == b
        case .notEqual: return a != b
        }
    }
}

/// One side of a rule: figures and numbers added and subtracted.
public struct RuleExpression: Sendable {
    public enum Operand: Sendable, Equatable {
        /// An indicator's total (`category` nil) or part, this quarter's or the one before.
        case figure(indicator: String, category: String?, previousQuarter: Bool)
        case constant(Double)
    }

    public struct Term: Sendable {
        public let negated: Bool
        public let operand: Operand
    }

    /// The side as written in the rules file, for messages.
    public let text: String
    public let terms: [Term]
    /// The slot of each term's figure in a ``FigureVector`` (-1 for a number), found once:
    /// the rules are checked on every report of a batch.
    private let slots: [Int]

    init(text: String, terms: [Term], catalog: Catalog) {
        self.text = text
        self.terms = terms
        slots = terms.map { term in
            guard case .figure(let code, let category, _) = term.operand else { return -1 }
            return catalog.indicator(code)?.slot(for: category) ?? -1
        }
    }

    var readsPreviousQuarter: Bool {
        terms.contains { if case .figure(_, _, true) = $0.operand { return true } else { return false } }
    }

    /// The side's value, or nil when a figure it names is missing.
    func value(current: FigureVector, previous: FigureVector?) -> Double? {
        var total = 0.0
        for i in terms.indices {
            guard let v = operand(i, current: current, previous: previous) else { return nil }
            total += terms[i].negated ? -v : v
        }
        return total
    }

    /// Each term's operand value (before its sign), or nil when a figure is missing.
    func operandValues(current: FigureVector, previous: FigureVector?) -> [Double]? {
        var values: [Double] = []
        for i in terms.indices {
            guard let v = operand(i, current: current, previous: previous) else { return nil }
            values.append(v)
        }
        return values
    }

    /// The value of one term's operand, before its sign; nil when its figure is missing.
    private func operand(_ i: Int, current: FigureVector, previous: FigureVector?) -> Double? {
        switch terms[i].operand {
        case .constant(let c):
            return c
        case .figure(_, _, let previousQuarter):
            guard slots[i] >= 0, let figures = previousQuarter ? previous : current else { return nil }
            return figures[slots[i]]
        }
    }

    /// Parses `MT07 + MT08 - quy_truoc(MT09) + 2`; throws the reason in Vietnamese.
    static func parse(_ text: String, catalog: Catalog) throws(RuleSyntaxError) -> RuleExpression {
        var terms: [Term] = []
        var negated = false
        var expectingTerm = true
        var rest = Substring(text.trimmingBlanks)
        while let ch = rest.first {
            if ch == " " { rest.removeFirst(); continue }
            if !expectingTerm {
                guard ch == "+" || ch == "-" || ch == "−" else { throw RuleSyntaxError("cần dấu + hoặc - trước \"\(rest)\"") }
                negated = ch != "+"
                rest.removeFirst()
                expectingTerm = true
                continue
            }
            if (ch == "-" || ch == "−") && terms.isEmpty && !negated {
                negated = true
                rest.removeFirst()
                continue
            }
            let word = rest.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }
            guard !word.isEmpty else { throw RuleSyntaxError("không đọc được \"\(rest)\"") }
            rest = rest.dropFirst(word.count)
            let operand: Operand
            if word.lowercased() == "quy_truoc" {
                let afterSpaces = rest.drop { $0 == " " }
                guard afterSpaces.first == "(", let close = afterSpaces.firstIndex(of: ")") else {
                    throw RuleSyntaxError("quy_truoc cần một mã chỉ tiêu trong ngoặc, ví dụ quy_truoc(MT07)")
                }
                let inner = afterSpaces[afterSpaces.index(after: afterSpaces.startIndex)..<close].trimmingBlanks
                operand = try figure(inner, previousQuarter: true, catalog: catalog)
                rest = afterSpaces[afterSpaces.index(after: close)...]
            } else if let c = Double(word), word.first!.isNumber {
                operand = .constant(c)
            } else {
                operand = try figure(String(word), previousQuarter: false, catalog: catalog)
            }
            terms.append(Term(negated: negated, operand: operand))
            negated = false
            expectingTerm = false
        }
        guard !terms.isEmpty, !expectingTerm else { throw RuleSyntaxError("biểu thức \"\(text)\" trống hoặc kết thúc bằng dấu + hay -") }
        return RuleExpression(text: text.trimmingBlanks, terms: terms, catalog: catalog)
    }

    private static func figure(_ word: String, previousQuarter: Bool, catalog: Catalog) throws(RuleSyntaxError) -> Operand {
        let parts = word.split(separator: ".", maxSplits: 1).map(String.init)
        guard let code = parts.first, let indicator = catalog.indicator(code) else {
            throw RuleSyntaxError("chỉ tiêu \"\(word)\" không có trong indicators.csv")
        }
        guard indicator.isNumeric else { throw RuleSyntaxError("chỉ tiêu \(code) không phải là số") }
        let category = parts.count > 1 ? parts[1] : nil
        if let category, !indicator.categories.contains(category) {
            throw RuleSyntaxError("chỉ tiêu \(code) không có phân tổ \"\(category)\"")
        }
        return .figure(indicator: code, category: category, previousQuarter: previousQuarter)
    }
}

/// Why a side of a rule cannot be read (Vietnamese, for the configuration error).
struct RuleSyntaxError: Error {
    let reason: String
    init(_ reason: String) { self.reason = reason }
}

extension ValidationRule {
    /// Loads `templates/rules.csv`; a missing file means no rules. Every mistake names the
    /// file and line (exit code 4).
    static func load(from templates: URL, catalog: Catalog) throws -> [ValidationRule] {
        let url = templates.appendingPathComponent("rules.csv")
        guard FileManager.default.fileExists(atPath: url.path) else { return [] }
        let table = try TemplateTable(url: url, required: ["ma_quy_tac", "ve_trai", "phep_so_sanh", "ve_phai", "muc_do", "thong_bao"])
        var rules: [ValidationRule] = []
        var ids: Set<String> = []
        for row in table.rows where !row["ma_quy_tac"].isEmpty {
            func bad(_ what: String) -> ConfigurationError { ConfigurationError(file: table.file, line: row.line, what) }
            let id = row["ma_quy_tac"]
            guard ids.insert(id).inserted else { throw bad("mã quy tắc \(id) bị lặp") }
            let left: RuleExpression, right: RuleExpression
            do {
                left = try RuleExpression.parse(row["ve_trai"], catalog: catalog)
                right = try RuleExpression.parse(row["ve_phai"], catalog: catalog)
            } catch {
                throw bad("quy tắc \(id): \(error.reason)")
            }
            guard let comparison = RuleComparison(written: row["phep_so_sanh"]) else {
                throw bad("phep_so_sanh \"\(row["phep_so_sanh"])\" không hợp lệ (<=, <, >=, >, ==, !=)")
            }
            let severity: Severity
            switch ValueParsing.foldedKey(row["muc_do"]).spacesAsUnderscores {
            case "loi", "error": severity = .error
            case "canh_bao", "warning": severity = .warning
            default: throw bad("muc_do \"\(row["muc_do"])\" không hợp lệ (loi, canh_bao)")
            }
            let rule = ValidationRule(id: id, left: left, comparison: comparison, right: right, severity: severity,
                                      message: Wording(vi: row["thong_bao"], en: row["thong_bao_en"].isEmpty ? row["thong_bao"] : row["thong_bao_en"]))
            // A report's fate (accepted, rejected) is settled when its file is read; the quarter
            // before may arrive later, so a rule across quarters can only warn.
            if rule.readsPreviousQuarter && severity == .error {
                throw bad("quy tắc \(id) so sánh với quý trước nên chỉ được là canh_bao")
            }
            rules.append(rule)
        }
        return rules
    }
}
