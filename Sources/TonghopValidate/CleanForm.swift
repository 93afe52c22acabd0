import TonghopBase
import TonghopCatalog
import TonghopIngest

/// The common case of an input file, read on its bytes: a form (one unit, one period) that the
/// general path (``LayoutReader`` then ``ReportValidator``) would accept whole, without a
/// single problem, warning or notice.
///
/// Nearly every file of a national year is such a form, and the general path makes a `String`
/// of every cell it reads and a ``SourceCell`` of every value, then looks each code up by its
/// string: most of the time spent reading. Here a form's rows are matched to the catalog on
/// their bytes, and a value becomes a ``StoredValue`` sharing the catalog's strings.
///
/// The moment anything would need a word to the officer (a code in lower case, a blank around
/// a cell, a number with a separator, a value given twice, parts that do not add up, a rule
/// broken, a name that does not fit the code), ``read(_:outcome:catalog:today:scope:)``
/// returns nil and the general path reads the file again from its records, so every message
/// keeps coming from one place. The heading and the report's identity are checked by the
/// general path's own code (``LayoutReader/readFormHeading(_:into:file:)``,
/// ``ReportValidator/identify(_:problems:)``); only the value rows are read here.
package enum CleanForm {
    /// The file's outcome with its one submission, or nil to read it the general way.
    /// - Parameter outcome: the outcome so far (path, encoding and its notice, if any).
    package static func read(_ records: [CSVRecord], outcome: FileOutcome, catalog: Catalog, today: Int, scope: String?) -> FileOutcome? {
        // The form layout, its heading on the first line that is not blank.
        let rows = records.filter { !$0.isBlank }
        guard let first = rows.first, !first.hasStrayQuote, LayoutReader.isFormHeading(first) else { return nil }
        var reading = LayoutReading(layout: .form)
        guard let heading = LayoutReader.readFormHeading(rows, into: &reading, file: outcome.path),
              reading.problems.isEmpty, reading.refusedRows.isEmpty else { return nil }

        // Who sends what: a unit's own report on its form (a compiled one, from a province or
        // the nation, is left to the general path).
        let raw = heading.report
        let validator = ReportValidator(catalog: catalog, file: outcome.path, today: today, compiled: false, scope: scope)
        var identityProblems: [Problem] = []
        guard let identity = validator.identify(raw, problems: &identityProblems), identityProblems.isEmpty,
              let form = identity.form else { return nil }

        guard let values = readValues(rows[(heading.tableHeader + 1)...], heading: heading, form: form, catalog: catalog) else { return nil }
        guard !values.reported.isEmpty,
              ReportValidator.partsMismatches(values.reported, totalAt: values.totalAt, partsAt: values.partsAt, catalog: catalog).isEmpty
        else { return nil }
        var submission = Submission(unitCode: identity.unit.code, period: identity.period, form: identity.formCode, line: raw.line,
                                    preparedOn: identity.preparedOn, values: values.reported)
        guard validator.ruleViolations(submission).isEmpty else { return nil }
        submission.reconciliation = values.reconciliation

        var clean = outcome
        clean.layout = .form
        clean.submissions = [submission]
        return clean
    }

    /// The values of a form's rows, as ``ReportValidator/validate(_:)`` would store them.
    package struct Values {
        package var reported: [StoredValue] = []
        package var reconciliation: [StoredValue] = []
        /// Where in `reported` each disaggregated indicator's total and parts are, by indicator index.
        package var totalAt: [Int: Int] = [:]
        package var partsAt: [Int: [Int]] = [:]
    }

    /// Reads the value rows on their bytes; nil at the first row or cell the general path
    /// would say anything about.
    package static func readValues(_ rows: ArraySlice<CSVRecord>, heading: LayoutReader.FormHeading, form: Form, catalog: Catalog) -> Values? {
        guard let text = rows.first?.parsedText else { return rows.isEmpty ? Values() : nil }
        var values = Values()
        values.reported.reserveCapacity(rows.count)
        // Which slots were given: a second value for one is a warning, for the general path.
        var seen = [Bool](repeating: false, count: catalog.slotCount)
        let ok: Bool = text.source.withUnsafeBufferPointer { source in
            text.unquoted.withUnsafeBufferPointer { unquoted in
                for r in rows {
                    guard !r.hasStrayQuote, r.count <= heading.headerCount, let spans = r.spans(in: text) else { return false }
                    /// The bytes of a cell; empty past the end of the row.
                    func cell(_ column: Int) -> UnsafeBufferPointer<UInt8> {
                        guard column < spans.count else { return UnsafeBufferPointer(start: nil, count: 0) }
                        let span = text.spans[spans.lowerBound + column]
                        return UnsafeBufferPointer(rebasing: (span.quoted ? unquoted : source)[Int(span.start)..<Int(span.end)])
                    }
                    // A value left empty is no value, whatever the rest of its row says.
                    let valueBytes = cell(heading.valueColumn)
                    if valueBytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
                    // Blanks around a cell are trimmed by the general path: not worth doing here.
                    let codeBytes = cell(heading.indicatorColumn)
                    guard !BlankBytes.atStart(valueBytes), !BlankBytes.atEnd(valueBytes),
                          let indicator = catalog.indicator(codeBytes: codeBytes) else { return false }
                    let role = form.role(of: indicator)
                    guard role != .absent else { return false }
                    if let column = heading.measureColumn {
                        let measure = cell(column)
                        guard measure.isEmpty || indicator.measure.hasUTF8(measure) else { return false }
                    }
                    // The total, or a part written exactly as the catalog writes it.
                    let categoryBytes = heading.categoryColumn.map(cell) ?? UnsafeBufferPointer(start: nil, count: 0)
                    var category = ""
                    if !categoryBytes.isEmpty {
                        guard let known = indicator.categories.first(where: { $0.hasUTF8(categoryBytes) }) else { return false }
                        category = known
                    }
                    guard let slot = indicator.slot(for: category), !seen[slot] else { return false }
                    seen[slot] = true
                    let position = CellPosition(line: Int32(clamping: r.line), column: Int32(clamping: heading.valueColumn + 1))
                    if indicator.isAnswer && category.isEmpty {
                        guard let answer = ReportValidator.answer(String(decoding: valueBytes, as: UTF8.self), to: indicator) else { return false }
                        values.reported.append(StoredValue(indicator.code, answer, 1, position: position, slot: indicator.slot(for: answer)))
                        continue
                    }
                    let number: Double
                    if let digits = plainDigitsValue(valueBytes) {
                        number = Double(digits)
                    } else {
                        let text = String(decoding: valueBytes, as: UTF8.self)
                        guard case .value(let v, nil) = ValueParsing.number(text, integer: indicator.valueType != .decimal) else { return false }
                        number = v
                    }
                    // A commune answers once: a count above one is for compiled reports.
                    if indicator.isAnswer && number > 1 { return false }
                    let value = StoredValue(indicator.code, category, number, position: position, slot: slot)
                    if role == .reconciliation {
                        values.reconciliation.append(value)
                        continue
                    }
                    if indicator.isDisaggregated {
                        if category.isEmpty {
                            values.totalAt[indicator.index] = values.reported.count
                        } else {
                            values.partsAt[indicator.index, default: []].append(values.reported.count)
                        }
                    }
                    values.reported.append(value)
                }
                return true
            }
        }
        return ok ? values : nil
    }
}
