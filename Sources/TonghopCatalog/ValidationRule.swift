import Foundation
import TonghopBase

/// A validation rule of `templates/rules.csv`, in the manner of DHIS2: a left side, a
/// comparison and a right side, each a ``Formula`` over one report's figures.
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
    public let left: Side
    public let comparison: Comparison
    public let right: Side
    /// ``Severity/error`` (the report is rejected) or ``Severity/warning``.
    public let severity: Severity
    public let message: Wording

    /// One side of a rule: the formula, and its text as written, for messages.
    public struct Side: Sendable {
        public let text: String
        public let formula: Formula
    }

    /// Whether the rule reads the quarter before, and so is checked across reports.
    public var readsPreviousQuarter: Bool { left.formula.readsPreviousQuarter || right.formula.readsPreviousQuarter }

    /// Indicator codes the rule names on the current report, left side first.
    public var indicators: [String] {
        var seen: Set<String> = []
        return (left.formula.figures + right.formula.figures).compactMap { seen.insert($0.indicator).inserted ? $0.indicator : nil }
    }
}

extension ValidationRule {
    /// Loads `templates/rules.csv`; a missing file means no rules. Every mistake names the
    /// file and line (exit code 4).
    package static func load(from templates: URL, catalog: Catalog) throws -> [ValidationRule] {
        let url = templates.appendingPathComponent("rules.csv")
        guard FileManager.default.fileExists(atPath: url.path) else { return [] }
        let table = try TemplateTable(url: url, required: ["ma_quy_tac", "ve_trai", "phep_so_sanh", "ve_phai", "muc_do", "thong_bao"])
        var rules: [ValidationRule] = []
        var ids: Set<String> = []
        for row in table.rows where !row["ma_quy_tac"].isEmpty {
            func bad(_ what: String) -> ConfigurationError { ConfigurationError(file: table.file, line: row.line, what) }
            let id = row["ma_quy_tac"]
            guard ids.insert(id).inserted else { throw bad("mã quy tắc \(id) bị lặp") }
            let left: Side, right: Side
            do {
                func side(_ text: String) throws(Formula.SyntaxError) -> Side {
                    Side(text: text.trimmingBlanks, formula: try Formula.parse(text, context: .rule, indicator: catalog.indicator))
                }
                left = try side(row["ve_trai"])
                right = try side(row["ve_phai"])
            } catch {
                throw bad("quy tắc \(id): \(error.reason)")
            }
            guard let comparison = Comparison(written: row["phep_so_sanh"]) else {
                throw bad("phep_so_sanh \"\(row["phep_so_sanh"])\" không hợp lệ (<=, <, >=, >, ==, !=)")
            }
            let severity: Severity
            switch NameKey.folded(row["muc_do"]).spacesAsUnderscores {
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
