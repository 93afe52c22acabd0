import Foundation

/// Checks one raw report against the catalog and the registry in force for its period.
///
/// Identity problems (unknown unit, period or form) make the whole report unusable; a value
/// problem costs only that value. The caller decides what a rejected report costs the file:
/// the whole file for the form layout, the row for a table, the rows for the long layout.
public struct ReportValidator {
    public let catalog: Catalog
    public let file: String
    /// Reports whose periods begin after this day are refused (yyyymmdd).
    public let today: Int
    /// Whether the file is a compiled report (it names a province or the nation).
    public let compiled: Bool

    public init(catalog: Catalog, file: String, today: Int, compiled: Bool) {
        self.catalog = catalog
        self.file = file
        self.today = today
        self.compiled = compiled
    }

    public struct Outcome {
        /// The accepted report, nil if its identity was wrong or it had no value.
        public var submission: Submission?
        public var problems: [Problem] = []
        /// Whether a value was refused (the report stands without it).
        public var hasValueErrors: Bool { problems.contains { $0.severity == .error } }
    }

    public func validate(_ raw: RawReport) -> Outcome {
        var outcome = Outcome()
        func problem(_ s: Severity, _ code: ProblemCode, _ cell: SourceCell?, found: String? = nil,
                     expected: String? = nil, detail: String? = nil, unit: String? = nil, period: String? = nil) {
            outcome.problems.append(Problem(s, code, file: file, line: cell?.line ?? raw.line, column: cell?.column,
                                            found: found ?? cell?.text, expected: expected, detail: detail,
                                            unitCode: unit, period: period))
        }

        // Period.
        guard let period = Period.parse(raw.period.text) else {
            problem(.error, .unknownPeriod, raw.period, expected: "kỳ báo cáo như 2024-Q2, 2024-H1, 2024, Quý II/2024")
            return outcome
        }
        let start = period.year * 10000 + period.months.lowerBound * 100 + 1
        if start > today {
            problem(.error, .periodInFuture, raw.period, expected: "kỳ đã bắt đầu (hôm nay là \(Self.format(today)))")
            return outcome
        }

        // Unit, in the registry in force for the period.
        let unitCode = raw.unit.text.uppercased()
        guard let registry = catalog.registries.registry(for: period) else {
            problem(.error, .unitNotInForce, raw.period, detail: "không có danh mục đơn vị nào có hiệu lực cho kỳ \(period.code)")
            return outcome
        }
        guard let unit = registry.unit(unitCode) else {
            let others = catalog.registries.others(knowing: unitCode, besides: registry)
            if let other = others.first, let known = other.unit(unitCode) {
                problem(.error, .unitNotInForce, raw.unit,
                        expected: "mã đơn vị của danh mục \(registry.id) (áp dụng cho kỳ \(period.code))",
                        detail: "mã \(unitCode) là \(known.name) trong danh mục \(other.id), không dùng cho kỳ \(period.code)",
                        period: period.code)
            } else {
                problem(.error, .unknownUnit, raw.unit, expected: "mã đơn vị trong danh mục \(registry.id)", period: period.code)
            }
            return outcome
        }

        // Form.
        let isCompiled = compiled || unit.level == .province || unit.level == .nation
        let formCode: String
        var form: Form? = nil
        if isCompiled {
            formCode = Submission.compiledForm
        } else {
            guard let expectedForm = catalog.defaultForm(for: unit) else {
                problem(.error, .unitCannotReport, raw.unit, detail: unit.level.vietnameseName, unit: unit.code, period: period.code)
                return outcome
            }
            if let given = raw.form, !given.text.isEmpty {
                let code = given.text.uppercased()
                guard let f = catalog.forms[code] else {
                    problem(.error, .unknownForm, given, expected: expectedForm.code, unit: unit.code, period: period.code)
                    return outcome
                }
                guard f.code == expectedForm.code else {
                    problem(.error, .formMismatch, given, expected: expectedForm.code,
                            detail: "\(unit.code) \(unit.name) là cấp \(unit.level.vietnameseName), dùng biểu \(expectedForm.code)",
                            unit: unit.code, period: period.code)
                    return outcome
                }
                form = f
            } else {
                form = expectedForm
            }
            formCode = form!.code
        }

        // Values.
        var values: [StoredValue] = []
        var seen: [String: SourceCell] = [:]
        var rejectedIndicators: Set<String> = []
        for rawValue in raw.values {
            let code = rawValue.indicator.text.uppercased()
            let category = rawValue.category?.text ?? ""
            let text = rawValue.value.text
            guard let indicator = catalog.indicator(code) else {
                if !text.isEmpty {
                    problem(.error, .unknownIndicator, rawValue.indicator, unit: unit.code, period: period.code)
                }
                continue
            }
            if let form, !form.indicatorSet.contains(code) {
                if !text.isEmpty {
                    problem(.error, .indicatorNotInForm, rawValue.indicator, expected: "một chỉ tiêu của biểu \(form.code)",
                            detail: code, unit: unit.code, period: period.code)
                }
                continue
            }
            if text.isEmpty { continue }
            let valueCell = rawValue.value
            let key = code + "." + category
            if seen[key] != nil {
                problem(.warning, .duplicateValue, valueCell, detail: category.isEmpty ? code : "\(code).\(category)",
                        unit: unit.code, period: period.code)
                continue
            }
            seen[key] = valueCell
            if !category.isEmpty && !indicator.categories.contains(category) {
                problem(.error, .unknownCategory, rawValue.category ?? valueCell, found: category,
                        expected: Self.list(indicator.categories), detail: code, unit: unit.code, period: period.code)
                rejectedIndicators.insert(code)
                continue
            }
            if indicator.isAnswer && category.isEmpty {
                // An answer: `co_ma_tuy`, `co`, `không`... stored as a count of 1 in its category.
                let answer: String?
                if indicator.valueType == .yesNo {
                    answer = ValueParsing.yesNo(text).map { $0 ? "co" : "khong" }
                    if answer == nil {
                        problem(.error, .notYesNo, valueCell, expected: "co hoặc khong", detail: code, unit: unit.code, period: period.code)
                    }
                } else {
                    let folded = ValueParsing.foldedKey(text).replacingOccurrences(of: " ", with: "_")
                    answer = indicator.categories.first { $0 == folded }
                    if answer == nil {
                        problem(.error, .unknownCategory, valueCell, expected: Self.list(indicator.categories),
                                detail: code, unit: unit.code, period: period.code)
                    }
                }
                if let answer { values.append(StoredValue(code, answer, 1)) } else { rejectedIndicators.insert(code) }
                continue
            }
            // A number: a plain count or measure, a part of one, or (compiled) a count of answers.
            let integer = indicator.valueType != .decimal
            switch ValueParsing.number(text, integer: integer) {
            case .value(let v):
                if indicator.isAnswer && !isCompiled && v > 1 {
                    problem(.error, .answerCountNotSingle, valueCell, expected: "0 hoặc 1", detail: code, unit: unit.code, period: period.code)
                    rejectedIndicators.insert(code)
                } else {
                    values.append(StoredValue(code, category, v))
                }
            case .notANumber:
                problem(.error, .notANumber, valueCell, expected: integer ? "số nguyên không âm" : "số không âm",
                        detail: code, unit: unit.code, period: period.code)
                rejectedIndicators.insert(code)
            case .negative:
                problem(.error, .negativeValue, valueCell, expected: "số không âm", detail: code, unit: unit.code, period: period.code)
                rejectedIndicators.insert(code)
            case .fractionInInteger:
                problem(.error, .decimalInInteger, valueCell, expected: "số nguyên", detail: code, unit: unit.code, period: period.code)
                rejectedIndicators.insert(code)
            }
        }

        // Parts against the total, for disaggregated numbers.
        for indicator in catalog.indicators where indicator.isDisaggregated {
            let mine = values.filter { $0.indicator == indicator.code }
            guard let total = mine.first(where: { $0.category.isEmpty }) else { continue }
            let parts = mine.filter { !$0.category.isEmpty }
            guard !parts.isEmpty else { continue }
            let sum = parts.reduce(0) { $0 + $1.value }
            let allParts = parts.count == indicator.categories.count
            if (allParts && sum != total.value) || sum > total.value {
                let cell = seen[indicator.code + "."]
                problem(.error, .partsMismatch, cell, found: Self.number(total.value),
                        expected: "bằng tổng các phân tổ \(parts.map { "\($0.category)=\(Self.number($0.value))" }.joined(separator: " + ")) = \(Self.number(sum))",
                        detail: indicator.code, unit: unit.code, period: period.code)
                rejectedIndicators.insert(indicator.code)
            }
        }
        values.removeAll { rejectedIndicators.contains($0.indicator) }

        if values.isEmpty {
            if !outcome.hasValueErrors {
                problem(.warning, .noValues, raw.unit, unit: unit.code, period: period.code)
            }
            return outcome
        }
        outcome.submission = Submission(unitCode: unit.code, period: period, form: formCode, line: raw.line,
                                        preparedOn: raw.preparedOn, values: values)
        return outcome
    }

    static func list(_ items: [String]) -> String { "một trong " + items.joined(separator: ", ") }

    static func format(_ yyyymmdd: Int) -> String {
        String(format: "%02d/%02d/%04d", yyyymmdd % 100, (yyyymmdd / 100) % 100, yyyymmdd / 10000)
    }

    /// A number as people read it in a message: no ".0" on whole numbers.
    static func number(_ v: Double) -> String {
        v.rounded() == v && abs(v) < 1e15 ? String(Int64(v)) : String(v)
    }
}
