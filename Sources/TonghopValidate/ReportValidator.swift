import Foundation
import TonghopBase
import TonghopCatalog
import TonghopIngest

/// Checks one raw report against the catalog, the registry in force for its period and the
/// rules of `rules.csv` that need nothing but the report itself.
///
/// Identity problems (unknown unit, period or form) make the whole report unusable; a value
/// problem costs only that value. The caller decides what a rejected report costs the file:
/// the whole file for the form layout, the row for a table, the rows for the long layout.
/// Checks against other reports (the quarter before, the communes of a district) come after
/// every file of a batch is read: see ``CrossReportChecks``.
public struct ReportValidator {
    public let catalog: Catalog
    public let file: String
    /// Reports whose periods begin after this day are refused (yyyymmdd).
    public let today: Int
    /// Whether the file is a compiled report (it names a province or the nation).
    public let compiled: Bool
    /// The run's `--scope`: only units within this province or district are accepted.
    public let scope: String?
    /// Parent codes of the units the file names correctly: a name written instead of a code
    /// is first looked for among their children, then in their provinces.
    public let neighbourhood: Set<String>

    public init(catalog: Catalog, file: String, today: Int, compiled: Bool, scope: String? = nil, neighbourhood: Set<String> = []) {
        self.catalog = catalog
        self.file = file
        self.today = today
        self.compiled = compiled
        self.scope = scope
        self.neighbourhood = neighbourhood
    }

    public struct Outcome {
        /// The accepted report, nil if its identity was wrong or it had no value.
        public var submission: Submission?
        public var problems: [Problem] = []
        /// Whether a value was refused (the report stands without it).
        public var hasValueErrors: Bool { problems.contains { $0.severity == .error } }
    }

    /// Who sends what: a report's period, unit (in the registry in force for the period) and
    /// form, once checked.
    package struct Identity {
        package let period: Period
        package let unit: Unit
        /// Nil for a compiled report, which is on no form.
        package let form: Form?
        /// The date line, as `yyyy-mm-dd`; nil when absent or not to be believed (said so).
        package var preparedOn: String? = nil

        package var isCompiled: Bool { form == nil }
        package var formCode: String { form?.code ?? Submission.compiledForm }
    }

    /// A problem about a cell of `raw` (or its first line when `cell` is nil).
    private func problem(_ s: Severity, _ code: ProblemCode, _ cell: SourceCell?, raw: RawReport, found: String? = nil,
                         expected: Wording? = nil, detail: Wording? = nil, unit: String? = nil, period: String? = nil) -> Problem {
        Problem(s, code, file: file, line: cell?.line ?? raw.line, column: cell?.column, found: found ?? cell?.text,
                expected: expected, detail: detail, unitCode: unit, period: period)
    }

    /// Checks what a report is, before any of its values: period, unit, the name beside the
    /// unit's code, form. Nil when the report cannot be used; `problems` may hold a warning
    /// (a name to check) when it can.
    package func identify(_ raw: RawReport, problems: inout [Problem]) -> Identity? {
        func problem(_ s: Severity, _ code: ProblemCode, _ cell: SourceCell?, found: String? = nil,
                     expected: Wording? = nil, detail: Wording? = nil, unit: String? = nil, period: String? = nil) {
            problems.append(self.problem(s, code, cell, raw: raw, found: found, expected: expected, detail: detail,
                                         unit: unit, period: period))
        }

        // Period.
        guard let period = Period.parse(raw.period.text) else {
            problem(.error, .unknownPeriod, raw.period, expected: Messages.periodFormat)
            return nil
        }
        let start = period.year * 10000 + period.months.lowerBound * 100 + 1
        if start > today {
            problem(.error, .periodInFuture, raw.period, expected: Messages.periodStarted(today: today))
            return nil
        }

        // Unit, in the registry in force for the period.
        let unitCode = raw.unit.text.upperCode
        guard let registry = catalog.registries.registry(for: period) else {
            problem(.error, .unitNotInForce, raw.period, detail: Messages.noRegistry(for: period))
            return nil
        }
        var resolved = registry.unit(unitCode)
        if resolved == nil, let restored = unitsWithZerosRestored(unitCode, registry: registry, form: raw.form, name: raw.unitName) {
            if restored.count == 1 {
                problem(.warning, .unitCodeLostZeros, raw.unit, expected: Wording(restored[0].code),
                        detail: Messages.readAs(restored[0]), unit: restored[0].code, period: period.code)
                resolved = restored[0]
            } else {
                problem(.error, .unitCodeLostZeros, raw.unit, expected: Messages.unitOfRegistry(registry.id),
                        detail: Messages.candidates(restored.map { "\($0.code) \($0.name)" }, total: restored.count), period: period.code)
                return nil
            }
        }
        guard let unit = resolved else {
            let others = catalog.registries.others(knowing: unitCode, besides: registry)
            if let other = others.first, let known = other.unit(unitCode) {
                problem(.error, .unitNotInForce, raw.unit, expected: Messages.unitOfRegistry(registry.id, for: period),
                        detail: Messages.unitOfOtherRegistry(known, registry: other.id, period: period), period: period.code)
            } else if let suggestion = unitSuggestion(raw.unit.text, registry: registry, form: raw.form) {
                problem(.error, .unitGivenByName, raw.unit, expected: Messages.unitOfRegistry(registry.id),
                        detail: suggestion, period: period.code)
            } else {
                problem(.error, .unknownUnit, raw.unit, expected: Messages.unitOfRegistry(registry.id), period: period.code)
            }
            return nil
        }
        if let scope {
            guard let scopeUnit = registry.unit(scope) else {
                problem(.error, .outsideScope, raw.unit, detail: Messages.unknownScope(scope, registry: registry.id),
                        unit: unit.code, period: period.code)
                return nil
            }
            guard registry.isWithin(unit.code, scope) else {
                problem(.error, .outsideScope, raw.unit, detail: Messages.withinScope(scopeUnit, unit: unit),
                        unit: unit.code, period: period.code)
                return nil
            }
        }

        // The name written beside the code: after the 2025 reform most commune codes name
        // another commune, so an old code kept by habit would file figures under someone else.
        if let nameCell = raw.unitName, !nameCell.text.isEmpty, !compiled, unit.level == .commune || unit.level == .district,
           let mismatch = nameMismatch(nameCell.text, unit: unit, registry: registry, period: period) {
            problem(mismatch.severity, mismatch.code, nameCell, expected: Wording(unit.name), detail: mismatch.detail,
                    unit: unit.code, period: period.code)
            if mismatch.severity == .error { return nil }
        }

        let preparedOn = preparedOnDay(raw, period: period, unit: unit.code, problems: &problems)

        // Form.
        if compiled || unit.level == .province || unit.level == .nation {
            return Identity(period: period, unit: unit, form: nil, preparedOn: preparedOn)
        }
        guard let expectedForm = catalog.defaultForm(for: unit) else {
            problem(.error, .unitCannotReport, raw.unit, detail: Messages.levelName(unit.level), unit: unit.code, period: period.code)
            return nil
        }
        guard let given = raw.form, !given.text.isEmpty else {
            return Identity(period: period, unit: unit, form: expectedForm, preparedOn: preparedOn)
        }
        let code = given.text.upperCode
        guard let form = catalog.forms[code] else {
            problem(.error, .unknownForm, given, expected: Wording(expectedForm.code), unit: unit.code, period: period.code)
            return nil
        }
        guard form.code == expectedForm.code else {
            problem(.error, .formMismatch, given, expected: Wording(expectedForm.code),
                    detail: Messages.formOfLevel(unit, form: expectedForm.code), unit: unit.code, period: period.code)
            return nil
        }
        return Identity(period: period, unit: unit, form: form, preparedOn: preparedOn)
    }

    /// The date line checked: a day of the calendar, no earlier than the period's figures
    /// begin and no later than today. When the report counts as sent depends on it (on time or
    /// late), and so does which of two copies wins; a date that cannot be believed is set aside
    /// with a warning, and the day the file was received counts instead. The figures are kept:
    /// the date says nothing about them.
    private func preparedOnDay(_ raw: RawReport, period: Period, unit: String, problems: inout [Problem]) -> String? {
        guard let cell = raw.preparedOn, !cell.text.isEmpty else { return nil }
        guard let day = Days.calendarDay(cell.text) else {
            problems.append(problem(.warning, .preparedOnUnreadable, cell, raw: raw, expected: Messages.dateFormat,
                                    unit: unit, period: period.code))
            return nil
        }
        let from = catalog.window.window(period).from.key
        guard day.key >= min(from, period.year * 10000 + period.months.lowerBound * 100 + 1), day.key <= today else {
            problems.append(problem(.warning, .preparedOnOutOfRange, cell, raw: raw,
                                    detail: Messages.preparedOnRange(from: from, today: today), unit: unit, period: period.code))
            return nil
        }
        if day.monthFirst {
            problems.append(problem(.notice, .preparedOnMonthFirst, cell, raw: raw, detail: Wording(vi: "\(day.key % 100)/\(day.key / 100 % 100)/\(day.key / 10000)", en: Days.iso(day.key)),
                                    unit: unit, period: period.code))
        }
        return Days.iso(day.key)
    }

    public func validate(_ raw: RawReport) -> Outcome {
        var outcome = Outcome()
        guard let identity = identify(raw, problems: &outcome.problems) else { return outcome }
        let period = identity.period, unit = identity.unit, form = identity.form, isCompiled = identity.isCompiled
        func problem(_ s: Severity, _ code: ProblemCode, _ cell: SourceCell?, found: String? = nil,
                     expected: Wording? = nil, detail: Wording? = nil, unit: String? = nil, period: String? = nil) {
            outcome.problems.append(self.problem(s, code, cell, raw: raw, found: found, expected: expected, detail: detail,
                                                 unit: unit, period: period))
        }

        // Values.
        var values: [StoredValue] = []
        var reconciliation: [StoredValue] = []
        // Which value (its position in raw.values) filled each slot of the catalog, and, for a
        // category the indicator does not have, which filled "CODE.category": to tell a value
        // given twice, and to point a message at the cell a check is about.
        var seenAt = [Int32](repeating: -1, count: catalog.slotCount)
        var seenUnknownCategory: [String: Int] = [:]
        // Positions in `values` of each disaggregated indicator's total and parts, by indicator index.
        var totalAt: [Int: Int] = [:]
        var partsAt: [Int: [Int]] = [:]
        var rejectedIndicators: Set<String> = []
        for (position, rawValue) in raw.values.enumerated() {
            let code = rawValue.indicator.text.upperCode
            let text = rawValue.value.text
            guard let indicator = catalog.indicator(code) else {
                if !text.isEmpty {
                    let named = catalog.indicators(named: rawValue.indicator.text)
                    if named.isEmpty {
                        problem(.error, .unknownIndicator, rawValue.indicator, unit: unit.code, period: period.code)
                    } else {
                        problem(.error, .indicatorGivenByName, rawValue.indicator,
                                detail: Messages.candidates(named.map { "\($0.code) \($0.name)" }, total: named.count),
                                unit: unit.code, period: period.code)
                    }
                }
                continue
            }
            let role = form?.role(of: indicator) ?? .reported
            let isReconciliation = role == .reconciliation
            if let form, role == .absent {
                if !text.isEmpty {
                    problem(.error, .indicatorNotInForm, rawValue.indicator, expected: Messages.indicatorOfForm(form.code),
                            detail: Wording(code), unit: unit.code, period: period.code)
                }
                continue
            }
            if text.isEmpty { continue }
            // A figure in another unit (grams for kilograms) would be off by a factor: refused.
            if let stated = rawValue.measure, !stated.text.isEmpty, !Self.sameMeasure(stated.text, indicator.measure) {
                problem(.error, .wrongMeasure, stated, expected: Wording(indicator.measure), detail: Wording(code),
                        unit: unit.code, period: period.code)
                rejectedIndicators.insert(code)
                continue
            }
            // Categories are codes: matched without regard to case, stored as the catalog writes them.
            let given = rawValue.category?.text ?? ""
            let category = given.isEmpty || indicator.categories.contains(given)
                ? given : (indicator.categories.first { $0.lowercased() == given.lowercased() } ?? given)
            let valueCell = rawValue.value
            let slot = indicator.slot(for: category)
            let firstGiven = slot.map { seenAt[$0] >= 0 } ?? (seenUnknownCategory[code + "." + category] != nil)
            if firstGiven {
                problem(.warning, .duplicateValue, valueCell, detail: Wording(category.isEmpty ? code : "\(code).\(category)"),
                        unit: unit.code, period: period.code)
                continue
            }
            if let slot { seenAt[slot] = Int32(position) } else { seenUnknownCategory[code + "." + category] = position }
            if slot == nil {
                problem(.error, .unknownCategory, rawValue.category ?? valueCell, found: category,
                        expected: Messages.oneOf(indicator.categories), detail: Wording(code), unit: unit.code, period: period.code)
                rejectedIndicators.insert(code)
                continue
            }
            if indicator.isAnswer && category.isEmpty {
                // An answer: `co_ma_tuy`, `co`, `không`... stored as a count of 1 in its category.
                let answer = Self.answer(text, to: indicator)
                if answer == nil && indicator.valueType == .yesNo {
                    problem(.error, .notYesNo, valueCell, expected: Messages.yesOrNo, detail: Wording(code), unit: unit.code, period: period.code)
                } else if answer == nil {
                    problem(.error, .unknownCategory, valueCell, expected: Messages.oneOf(indicator.categories),
                            detail: Wording(code), unit: unit.code, period: period.code)
                }
                if let answer {
                    values.append(StoredValue(code, answer, 1, position: valueCell.position, slot: indicator.slot(for: answer)))
                } else {
                    rejectedIndicators.insert(code)
                }
                continue
            }
            // A number: a plain count or measure, a part of one, or (compiled) a count of answers.
            let integer = indicator.valueType != .decimal
            switch ValueParsing.number(text, integer: integer) {
            case .value(let v, let remark):
                if indicator.isAnswer && !isCompiled && v > 1 {
                    problem(.error, .answerCountNotSingle, valueCell, expected: Messages.zeroOrOne, detail: Wording(code),
                            unit: unit.code, period: period.code)
                    rejectedIndicators.insert(code)
                    continue
                }
                switch remark {
                case .separatorSettledByType:
                    problem(.notice, .ambiguousNumber, valueCell,
                            detail: Messages.ambiguousReading(text, as: v, indicator: code, integer: integer), unit: unit.code, period: period.code)
                case .percentSignDropped:
                    problem(.notice, .percentSign, valueCell, detail: Messages.percentReading(v, indicator: code),
                            unit: unit.code, period: period.code)
                case nil:
                    break
                }
                let value = StoredValue(code, category, v, position: valueCell.position, slot: slot)
                if isReconciliation {
                    reconciliation.append(value)
                } else {
                    if indicator.isDisaggregated {
                        if category.isEmpty { totalAt[indicator.index] = values.count } else { partsAt[indicator.index, default: []].append(values.count) }
                    }
                    values.append(value)
                }
            case .notANumber:
                problem(.error, .notANumber, valueCell, expected: integer ? Messages.wholeNumber : Messages.nonNegativeNumber,
                        detail: Wording(code), unit: unit.code, period: period.code)
                rejectedIndicators.insert(code)
            case .negative:
                problem(.error, .negativeValue, valueCell, expected: Messages.nonNegativeNumber, detail: Wording(code),
                        unit: unit.code, period: period.code)
                rejectedIndicators.insert(code)
            case .fractionInInteger:
                problem(.error, .decimalInInteger, valueCell, expected: Messages.integer, detail: Wording(code),
                        unit: unit.code, period: period.code)
                rejectedIndicators.insert(code)
            }
        }

        // Parts against the total, for disaggregated numbers.
        for mismatch in Self.partsMismatches(values, totalAt: totalAt, partsAt: partsAt, catalog: catalog) {
            let indicator = mismatch.indicator
            let cell = raw.values[Int(seenAt[indicator.slot])].value
            problem(.error, .partsMismatch, cell, found: Messages.number(mismatch.total),
                    expected: Messages.partsSum(mismatch.parts.map { ($0.category, $0.value) }, sum: mismatch.sum),
                    detail: Wording(indicator.code), unit: unit.code, period: period.code)
            rejectedIndicators.insert(indicator.code)
        }
        if !rejectedIndicators.isEmpty { values.removeAll { rejectedIndicators.contains($0.indicator) } }

        // Rules within the report. A compiled report is not checked again: its figures were
        // checked where they were compiled, and sums over units that reported only part of a
        // rule's figures need not satisfy it.
        var submission = Submission(unitCode: unit.code, period: period, form: identity.formCode, line: raw.line,
                                    preparedOn: identity.preparedOn, values: values)
        if !isCompiled {
            let rules = catalog.rulesWithinReport
            for (r, violation) in ruleViolations(submission) {
                let rule = rules[r]
                let cell = rule.indicators.lazy.compactMap { code in
                    firstCell(of: code, seenAt: seenAt, seenUnknownCategory: seenUnknownCategory).map { raw.values[$0].value }
                }.first
                problem(rule.severity, .ruleViolated, cell, found: violation.found, expected: violation.expected,
                        detail: rule.message, unit: unit.code, period: period.code)
                if rule.severity == .error { rejectedIndicators.formUnion(rule.indicators) }
            }
            if !rejectedIndicators.isEmpty { submission.values.removeAll { rejectedIndicators.contains($0.indicator) } }
        }

        if submission.values.isEmpty {
            if !outcome.hasValueErrors {
                problem(.warning, .noValues, raw.unit, unit: unit.code, period: period.code)
            }
            return outcome
        }
        submission.reconciliation = reconciliation.filter { !rejectedIndicators.contains($0.indicator) }
        outcome.submission = submission
        return outcome
    }

    /// An answer as stored (`co`, `khong`, `co_ma_tuy`), nil when the text is none of the
    /// indicator's: yes/no written any usual way, a category by its code without regard to case,
    /// diacritics or spaces.
    package static func answer(_ text: String, to indicator: Indicator) -> String? {
        if indicator.valueType == .yesNo { return ValueParsing.yesNo(text).map { $0 ? "co" : "khong" } }
        let folded = NameKey.folded(text).spacesAsUnderscores
        return indicator.categories.first { $0 == folded }
    }

    /// A disaggregated indicator whose parts do not add up to its total: all parts given and a
    /// different sum, or some parts already more than the total.
    package struct PartsMismatch {
        package let indicator: Indicator
        package let total: Double
        package let parts: [StoredValue]
        package let sum: Double
    }

    /// The parts checked against their totals, by indicator.
    /// - Parameters:
    ///   - totalAt: where in `values` each disaggregated indicator's total is, by indicator index;
    ///   - partsAt: where its parts are.
    package static func partsMismatches(_ values: [StoredValue], totalAt: [Int: Int], partsAt: [Int: [Int]], catalog: Catalog) -> [PartsMismatch] {
        partsAt.sorted { $0.key < $1.key }.compactMap { index, partPositions in
            guard let totalPosition = totalAt[index] else { return nil }
            let indicator = catalog.indicators[index]
            let total = values[totalPosition].value
            let parts = partPositions.map { values[$0] }
            let sum = parts.reduce(0) { $0 + $1.value }
            let allParts = parts.count == indicator.categories.count
            guard (allParts && sum != total) || sum > total else { return nil }
            return PartsMismatch(indicator: indicator, total: total, parts: parts, sum: sum)
        }
    }

    /// The rules of `rules.csv` checked on the report alone that it breaks: each rule's position
    /// in ``Catalog/rulesWithinReport``, and what was found against what was expected.
    package func ruleViolations(_ submission: Submission) -> [(rule: Int, violation: RuleCheck.Violation)] {
        let figures = submission.figures(catalog: catalog)
        // Each rule read where it lies (`for rule in` would copy every rule for every report).
        let rules = catalog.rulesWithinReport
        return rules.indices.compactMap { r in
            RuleCheck.violation(of: rules[r], current: figures, previous: nil).map { (r, $0) }
        }
    }

    /// Where in the report's values an indicator was given: its total, or else its category
    /// first in alphabetical order (a rule about NN01 points at NN01, or at NN01.18_30).
    package func firstCell(of code: String, seenAt: [Int32], seenUnknownCategory: [String: Int]) -> Int? {
        guard let indicator = catalog.indicator(code) else { return nil }
        if seenAt[indicator.slot] >= 0 { return Int(seenAt[indicator.slot]) }
        var given: [(category: String, position: Int)] = indicator.categories.enumerated().compactMap { i, category in
            let at = seenAt[indicator.slot + 1 + i]
            return at >= 0 ? (category, Int(at)) : nil
        }
        given += seenUnknownCategory.compactMap { key, position in
            key.hasPrefix(code + ".") ? (String(key.dropFirst(code.count + 1)), position) : nil
        }
        return given.min { $0.category < $1.category }?.position
    }

    /// The units a name written instead of a code may mean, nearest to the file's other
    /// units first, of the level of the form when one is given: "13285 Phường Quang Trung
    /// (Thành phố Phủ Lý, Tỉnh Hà Nam)". Nil when the text names no unit.
    /// The units a code of digits may be once the zeros Excel dropped are put back: a code typed
    /// or read as a number loses its leading zeros when a workbook or a CSV is saved (`00004`
    /// becomes `4`, `01` becomes `1`). Codes have one length per level (2 digits for a province,
    /// 3 for a district, 5 for a commune), so each level has at most one such unit; the form's
    /// level, then the name written beside the code, narrow them down. Nil when the code is not
    /// all digits or no unit fits.
    package func unitsWithZerosRestored(_ code: String, registry: Registry, form: SourceCell?, name: SourceCell?) -> [Unit]? {
        guard !code.isEmpty, code.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        var lengths: Set<Int> = []
        for u in registry.units where u.code.utf8.count > code.utf8.count && u.code.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            lengths.insert(u.code.utf8.count)
        }
        var found = lengths.sorted().compactMap { registry.unit(String(repeating: "0", count: $0 - code.utf8.count) + code) }
        if let f = form?.text, let level = catalog.forms[f.uppercased()]?.level {
            found = found.filter { $0.level == level }
        } else if compiled {
            found = found.filter { $0.level == .province || $0.level == .district || $0.level == .nation }
        }
        if found.count > 1, let written = name?.text, !written.isEmpty {
            let key = Self.coreName(written)
            let named = found.filter { Self.coreName($0.name) == key }
            if !named.isEmpty { found = named }
        }
        return found.isEmpty ? nil : found
    }

    package func unitSuggestion(_ text: String, registry: Registry, form: SourceCell?) -> Wording? {
        var candidates = registry.units(named: text)
        if let f = form?.text, let level = catalog.forms[f.uppercased()]?.level {
            let sameLevel = candidates.filter { $0.level == level }
            if !sameLevel.isEmpty { candidates = sameLevel }
        }
        guard !candidates.isEmpty else { return nil }
        let sameParent = candidates.filter { neighbourhood.contains($0.parentCode) }
        let provinces = Set(neighbourhood.compactMap { registry.province(of: $0)?.code })
        let sameProvince = candidates.filter { registry.province(of: $0.code).map { provinces.contains($0.code) } ?? false }
        let ranked = !sameParent.isEmpty ? sameParent : (!sameProvince.isEmpty ? sameProvince : candidates)
        let described = ranked.map { u in
            let above = registry.ancestors(of: u.code).filter { $0.level != .nation }.map(\.name)
            return "\(u.code) \(u.name)" + (above.isEmpty ? "" : " (\(above.joined(separator: ", ")))")
        }
        return Messages.candidates(described, total: ranked.count)
    }

    /// Whether a stated unit of measure is the indicator's, ignoring case, diacritics, spaces
    /// and how a square metre is written (`m²`, `m2`).
    package static func sameMeasure(_ stated: String, _ measure: String) -> Bool {
        // Nearly always written exactly as the catalog writes it: this runs for every value.
        if stated == measure { return true }
        func key(_ s: String) -> String {
            NameKey.folded(s).replacingOccurrences(of: "²", with: "2").filter { $0 != " " }
        }
        return key(stated) == key(measure)
    }

    /// "Phường Quang Trung" → "quang trung": the name without its type word, for comparison.
    package static func coreName(_ name: String) -> String {
        var key = NameKey.of(name)
        for type in ["thanh pho ", "thi tran ", "thi xa ", "phuong ", "huyen ", "quan ", "tinh ", "xa "] where key.hasPrefix(type) {
            key.removeFirst(type.count)
            break
        }
        return key
    }

    /// Why a written name does not fit the code, if it does not: the code's name on another
    /// map (an error: the new code is suggested), another unit's name in the same province (an
    /// error, with that unit), or a name that fits nothing (a warning to check).
    package func nameMismatch(_ written: String, unit: Unit, registry: Registry, period: Period)
        -> (severity: Severity, code: ProblemCode, detail: Wording)? {
        // Almost every name is written as the registry writes it: no folding needed then.
        if written == unit.name { return nil }
        let core = Self.coreName(written)
        if core == Self.coreName(unit.name) || core.isEmpty { return nil }
        for other in catalog.registries.others(knowing: unit.code, besides: registry) {
            guard let old = other.unit(unit.code), Self.coreName(old.name) == core else { continue }
            let successors = registry.crosswalkFromPrevious?.newCommunes(of: unit.code).compactMap { registry.unit($0.newCode) } ?? []
            return (.error, .unitNameOfOtherMap, Messages.nameOfOtherMap(old, registry: other.id, now: unit, period: period,
                                                                             successors: successors))
        }
        if let province = registry.province(of: unit.code) {
            let namesakes = registry.descendants(of: province.code).filter { $0.level == unit.level && Self.coreName($0.name) == core }
            if namesakes.count == 1, let namesake = namesakes.first {
                return (.error, .unitNameMismatch, Messages.nameOfAnotherUnit(namesake, code: unit))
            }
        }
        return (.warning, .unitNameMismatch, Messages.nameOfAnotherUnit(nil, code: unit))
    }
}
