import Foundation
import TonghopBase

/// Detects a file's layout from its header and reads it into ``RawReport``s.
///
/// Headers are matched loosely (case, diacritics, spaces) and in English too
/// (`unit_code, period, indicator, category, value`), because officers retype them.
public enum LayoutReader {
    /// The meaning of a header cell or a form heading key.
    package enum Field: String {
        case unit, unitName, period, form, indicator, indicatorName, category, measure, value, note, preparedBy, preparedOn
        /// "STT", the row number Vietnamese tables start with: for people, ignored.
        case rowNumber
    }

    package static let aliases: [String: Field] = [
        "ma_don_vi": .unit, "don_vi": .unit, "unit_code": .unit, "unit": .unit, "orgunit": .unit, "ma_dv": .unit,
        "ten_don_vi": .unitName, "unit_name": .unitName,
        "ky_bao_cao": .period, "ky": .period, "period": .period,
        "bieu_mau": .form, "form": .form,
        "ma_chi_tieu": .indicator, "chi_tieu": .indicator, "indicator": .indicator, "dataelement": .indicator,
        "ten_chi_tieu": .indicatorName, "indicator_name": .indicatorName,
        "phan_to": .category, "category": .category, "categoryoptioncombo": .category,
        "don_vi_tinh": .measure, "measure": .measure, "unit_of_measure": .measure,
        "gia_tri": .value, "value": .value, "so_lieu": .value,
        "ghi_chu": .note, "note": .note, "comment": .note,
        "nguoi_lap": .preparedBy, "prepared_by": .preparedBy,
        "stt": .rowNumber, "so_tt": .rowNumber, "so_thu_tu": .rowNumber,
        "ngay_lap": .preparedOn, "prepared_on": .preparedOn, "date": .preparedOn,
    ]

    package static func field(_ header: String) -> Field? {
        // Nearly always written exactly as an alias: one lookup, no folding.
        if let f = aliases[header] { return f }
        // A number (a unit's code beside `don_vi`) names no column: no alias starts with a digit.
        if let first = header.utf8.first, first >= 0x30 && first <= 0x39 { return nil }
        let key = NameKey.folded(header).spacesAsUnderscores
        return aliases[key]
    }

    public static func read(_ records: [CSVRecord], file: String) -> LayoutReading {
        let rows = records.filter { !$0.isBlank }
        guard let first = rows.first else {
            return LayoutReading(layout: nil, problems: [Problem(.error, .emptyFile, file: file)])
        }
        if first.hasStrayQuote {
            return LayoutReading(layout: nil, problems: [strayQuote(first, file: file)])
        }
        let headerFields = first.fields.map(field)
        if isFormHeading(first, fields: headerFields) {
            return readForm(rows, file: file)
        }
        if headerFields.contains(.unit) && headerFields.contains(.period) {
            if headerFields.contains(.indicator) && headerFields.contains(.value) {
                return readLong(rows, header: headerFields, file: file)
            }
            return readTable(rows, header: headerFields, file: file)
        }
        // Rows above a form's heading or a table's header are titles: the administrative
        // header block of a blank form's .xlsx (also when saved as CSV), or the "BẢNG TỔNG HỢP
        // ..." lines a district puts above its table. They cannot hold figures, which need a
        // header above them; the layout starts at the first line that is one.
        if let start = rows.firstIndex(where: { isFormHeading($0) || namesUnitAndPeriod($0) }), start > 0 {
            return read(Array(rows[start...]), file: file)
        }
        return LayoutReading(layout: nil, problems: [Problem(.error, .unknownLayout, file: file, line: first.line, column: 1,
                                                              found: first.fields.prefix(6).joined(separator: ","))])
    }

    /// Whether a line is a table's or the long layout's header: it names a unit and a period.
    package static func namesUnitAndPeriod(_ r: CSVRecord) -> Bool {
        let fields = (0..<r.count).compactMap { r.isEmpty($0) ? nil : field(r.trimmed($0)) }
        return fields.contains(.unit) && fields.contains(.period)
    }

    /// The first line of a form: `don_vi` and the unit's code, nothing else.
    /// - Parameter fields: the row's cells as ``field(_:)`` reads them, when already known.
    package static func isFormHeading(_ r: CSVRecord, fields known: [Field?]? = nil) -> Bool {
        if let fields = known { return fields.first == .unit && !fields.contains(.period) && nonEmptyCount(r) <= 2 }
        // Only a cell with text can name a field: with at most two such cells, only those are read.
        let filled = (0..<r.count).filter { !r.isEmpty($0) }
        guard filled.count <= 2, field(r[0]) == .unit else { return false }
        return !filled.contains { field(r[$0]) == .period }
    }

    /// Header cells of a form's table or of the long layout that name no known column. Every
    /// column of these layouts has a meaning: a misspelt `phan_to` would silently read the
    /// parts of NN01 as its total, so the file is refused rather than guessed.
    package static func unknownColumns(_ headerRow: CSVRecord, _ header: [Field?], file: String) -> [Problem] {
        zip(0..<headerRow.count, header).compactMap { i, f in
            let text = headerRow.trimmed(i)
            guard f == nil, !text.isEmpty else { return nil }
            return Problem(.error, .unknownColumn, file: file, line: headerRow.line, column: i + 1, found: text)
        }
    }

    /// Untitled header cells between titled ones: a separator too many in the header (or an
    /// empty column) moves the title of every column after it, and a row with a matching
    /// extra separator would then read, say, "2024,-Q1" as the annual report. Trailing
    /// untitled cells are what spreadsheets leave behind and are fine.
    package static func blankHeaders(_ headerRow: CSVRecord, file: String) -> [Problem] {
        let titled = (0..<headerRow.count).filter { !headerRow.isEmpty($0) }
        guard let last = titled.last else { return [] }
        return (0..<last).filter { !titled.contains($0) }.map {
            Problem(.error, .blankHeader, file: file, line: headerRow.line, column: $0 + 1)
        }
    }

    package static func strayQuote(_ r: CSVRecord, file: String) -> Problem {
        Problem(.error, .strayQuote, file: file, line: r.line)
    }

    /// A row with more cells than its header: a separator too many (a comma inside a number,
    /// an unquoted name) shifts every cell after it into the wrong column, so the row cannot be
    /// trusted. Rows with fewer cells are fine: spreadsheets drop trailing empty cells.
    package static func tooManyCells(_ r: CSVRecord, headerCount: Int, file: String) -> Problem? {
        guard r.count > headerCount else { return nil }
        // With only empty cells past the header (`12,5` in a value, then an empty note) the
        // shift is somewhere in the row, and no cell past the header shows it: the line alone.
        let extra = extraCell(r, after: headerCount)
        return Problem(.error, .extraCells, file: file, line: r.line, column: extra.map { $0 + 1 }, found: extra.map { r[$0] },
                       detail: Messages.cellsInHeader(headerCount, found: r.count))
    }

    /// The first non-empty cell at or after a 0-based column.
    package static func extraCell(_ r: CSVRecord, after column: Int) -> Int? {
        guard r.count > column else { return nil }
        return (column..<r.count).first { !r.isEmpty($0) }
    }

    package static func nonEmptyCount(_ r: CSVRecord) -> Int { (0..<r.count).filter { !r.isEmpty($0) }.count }

    package static func cell(_ r: CSVRecord, _ column: Int) -> SourceCell {
        SourceCell(r.trimmed(column), line: r.line, column: column + 1)
    }

    // MARK: Form

    /// A form's heading read: the report without its values, and where its table is.
    package struct FormHeading {
        /// The report as the heading lines give it; its values are the table's rows.
        package var report: RawReport
        /// The position in `rows` of the table's header line (`ma_chi_tieu,...,gia_tri,ghi_chu`).
        package var tableHeader: Int
        /// How many cells the header line has: a row with more cannot be trusted.
        package var headerCount: Int
        package var indicatorColumn: Int
        package var categoryColumn: Int?
        package var measureColumn: Int?
        package var valueColumn: Int
    }

    package static func readForm(_ rows: [CSVRecord], file: String) -> LayoutReading {
        var reading = LayoutReading(layout: .form)
        guard let heading = readFormHeading(rows, into: &reading, file: file) else { return reading }
        let values = rows[(heading.tableHeader + 1)...].compactMap { r -> RawValue? in
            if r.hasStrayQuote { return nil }
            if let problem = tooManyCells(r, headerCount: heading.headerCount, file: file) {
                reading.refusedRows.append(problem)
                return nil
            }
            return RawValue(indicator: cell(r, heading.indicatorColumn), category: heading.categoryColumn.map { cell(r, $0) },
                            value: cell(r, heading.valueColumn), measure: heading.measureColumn.map { cell(r, $0) })
        }
        var report = heading.report
        report.values = values
        reading.reports = [report]
        return reading
    }

    /// The lines of a form above its values: `don_vi`, `ky_bao_cao` and the other keys, then
    /// the table's header line. Nil when the form cannot be read, with the problems in `reading`.
    package static func readFormHeading(_ rows: [CSVRecord], into reading: inout LayoutReading, file: String) -> FormHeading? {
        // One report: a line that cannot be trusted costs the whole form.
        reading.refusedRows += rows.filter(\.hasStrayQuote).map { strayQuote($0, file: file) }
        // A handful of keys: found by looking through them, cheaper than hashing for a dictionary.
        var found: [(field: Field, cell: SourceCell)] = []
        func key(_ f: Field) -> SourceCell? { found.first { $0.field == f }?.cell }
        var index = 0
        while index < rows.count {
            let r = rows[index]
            let f = field(r[0])
            if f == .indicator { break }
            if let f, key(f) == nil {
                found.append((f, cell(r, 1)))
                // "ky_bao_cao,2024,-Q1": a stray separator would silently change what the
                // report is. Names and notes (ten_don_vi, nguoi_lap) may hold commas.
                if f == .unit || f == .period || f == .form || f == .preparedOn, let extra = extraCell(r, after: 2) {
                    reading.refusedRows.append(Problem(.error, .extraCells, file: file, line: r.line, column: extra + 1,
                                                       found: r[extra], detail: Messages.cellsInHeader(2, found: r.count)))
                }
            }
            index += 1
        }
        for (required, name) in [(Field.unit, "don_vi"), (.period, "ky_bao_cao")] where key(required) == nil {
            reading.problems.append(Problem(.error, .missingKey, file: file, line: rows[0].line, detail: Wording(name)))
        }
        guard index < rows.count else {
            reading.problems.append(Problem(.error, .missingKey, file: file, line: rows.last?.line,
                                            detail: Wording("ma_chi_tieu,ten_chi_tieu,phan_to,don_vi_tinh,gia_tri,ghi_chu")))
            return nil
        }
        let header = rows[index].fields.map(field)
        guard let valueColumn = header.firstIndex(of: .value) else {
            reading.problems.append(Problem(.error, .missingColumn, file: file, line: rows[index].line, detail: Wording("gia_tri")))
            return nil
        }
        // Every cell a known column (as nearly always): none untitled, none unknown.
        if header.contains(nil) {
            reading.problems += blankHeaders(rows[index], file: file) + unknownColumns(rows[index], header, file: file)
        }
        guard let unit = key(.unit), let period = key(.period) else { return nil }
        return FormHeading(report: RawReport(unit: unit, period: period, form: key(.form), preparedOn: key(.preparedOn),
                                             line: rows[0].line, values: [], unitName: key(.unitName)),
                           tableHeader: index, headerCount: rows[index].count, indicatorColumn: header.firstIndex(of: .indicator)!,
                           categoryColumn: header.firstIndex(of: .category), measureColumn: header.firstIndex(of: .measure),
                           valueColumn: valueColumn)
    }

    // MARK: Table

    package static func readTable(_ rows: [CSVRecord], header: [Field?], file: String) -> LayoutReading {
        var reading = LayoutReading(layout: .table)
        let headerRow = rows[0]
        reading.problems += blankHeaders(headerRow, file: file)
        let unitColumn = header.firstIndex(of: .unit)!, periodColumn = header.firstIndex(of: .period)!
        let formColumn = header.firstIndex(of: .form)
        let preparedColumn = header.firstIndex(of: .preparedOn)
        let nameColumn = header.firstIndex(of: .unitName)
        // Every column that is not a known field holds an indicator: `CODE` or `CODE.category`.
        var indicatorColumns: [(column: Int, code: String, category: String?)] = []
        for (i, f) in header.enumerated() where f == nil {
            let text = headerRow.trimmed(i)
            if text.isEmpty { continue }
            let parts = text.split(separator: ".", maxSplits: 1).map(String.init)
            indicatorColumns.append((i, parts[0], parts.count > 1 ? parts[1] : nil))
            reading.indicatorHeaders.append(SourceCell(text, line: headerRow.line, column: i + 1))
        }
        for r in rows.dropFirst() {
            if var problem = r.hasStrayQuote ? strayQuote(r, file: file) : tooManyCells(r, headerCount: headerRow.count, file: file) {
                problem.unitCode = cell(r, unitColumn).text
                problem.period = Period.parse(r[periodColumn])?.code
                reading.refusedRows.append(problem)
                continue
            }
            let values = indicatorColumns.map { c in
                RawValue(indicator: SourceCell(c.code, line: headerRow.line, column: c.column + 1),
                         category: c.category.map { SourceCell($0, line: headerRow.line, column: c.column + 1) },
                         value: cell(r, c.column))
            }
            reading.reports.append(RawReport(unit: cell(r, unitColumn), period: cell(r, periodColumn),
                                             form: formColumn.map { cell(r, $0) }, preparedOn: preparedColumn.map { cell(r, $0) },
                                             line: r.line, values: values, unitName: nameColumn.map { cell(r, $0) }))
        }
        return reading
    }

    // MARK: Long

    package static func readLong(_ rows: [CSVRecord], header: [Field?], file: String) -> LayoutReading {
        var reading = LayoutReading(layout: .long)
        reading.problems += blankHeaders(rows[0], file: file) + unknownColumns(rows[0], header, file: file)
        let unitColumn = header.firstIndex(of: .unit)!, periodColumn = header.firstIndex(of: .period)!
        let indicatorColumn = header.firstIndex(of: .indicator)!, valueColumn = header.firstIndex(of: .value)!
        let measureColumn = header.firstIndex(of: .measure)
        let categoryColumn = header.firstIndex(of: .category)
        let formColumn = header.firstIndex(of: .form)
        let preparedColumn = header.firstIndex(of: .preparedOn)
        let nameColumn = header.firstIndex(of: .unitName)
        // Rows are grouped into one report per unit and period, in order of first appearance.
        var order: [String] = []
        var groups: [String: RawReport] = [:]
        for r in rows.dropFirst() {
            let unit = cell(r, unitColumn), period = cell(r, periodColumn)
            if var problem = r.hasStrayQuote ? strayQuote(r, file: file) : tooManyCells(r, headerCount: rows[0].count, file: file) {
                problem.unitCode = unit.text
                problem.period = Period.parse(period.text)?.code
                reading.refusedRows.append(problem)
                continue
            }
            let key = unit.text + "\u{1F}" + period.text
            let value = RawValue(indicator: cell(r, indicatorColumn), category: categoryColumn.map { cell(r, $0) },
                                 value: cell(r, valueColumn), measure: measureColumn.map { cell(r, $0) })
            if groups[key] == nil {
                order.append(key)
                groups[key] = RawReport(unit: unit, period: period, form: formColumn.map { cell(r, $0) },
                                        preparedOn: preparedColumn.map { cell(r, $0) }, line: r.line, values: [],
                                        unitName: nameColumn.map { cell(r, $0) })
            }
            groups[key]!.values.append(value)
        }
        reading.reports = order.map { groups[$0]! }
        return reading
    }
}
