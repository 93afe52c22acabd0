import Foundation
import TonghopBase
import TonghopCatalog
import TonghopIngest

extension FileIntake {
    /// Why an entry of the inbox is not read at all, or nil for a report file: every entry is
    /// read or named, with what to do (DOMAIN §9).
    public static func refusal(of file: InputFile) -> Problem? {
        switch file.kind {
        case .report:
            return nil
        case .notRead(let fileExtension):
            return Problem(.error, .fileTypeNotRead, file: file.relativePath,
                           detail: Messages.fileType(fileExtension))
        case .linkOutsideInbox:
            return Problem(.error, .linkOutsideInbox, file: file.relativePath)
        case .notRegular(let kind):
            return Problem(.error, .notARegularFile, file: file.relativePath, detail: Messages.fileKind(kind))
        }
    }
}

/// Reads one input file end to end: bytes → text → records → layout → validated reports.
///
/// The cost of a problem follows DOMAIN §6: an error in a form file rejects the file (one unit,
/// one report: half a report is worse than none); in a table it rejects that row; in the long
/// layout it rejects that value (an unknown unit or period rejects all of that unit's rows).
public enum FileIntake {
    /// - Parameter scope: the run's `--scope` (a province or district code): units outside it are refused.
    public static func read(_ bytes: [UInt8], path: String, catalog: Catalog, today: Int, scope: String? = nil) -> FileOutcome {
        if let workbook = InputWorkbook.read(bytes) { return readWorkbook(workbook, path: path, catalog: catalog, today: today, scope: scope) }
        var outcome = FileOutcome(path: path)
        var text: [UInt8]
        switch TextDecoding.decode(bytes) {
        case .refused(let code, let detail):
            outcome.problems = [Problem(.error, code, file: path, detail: detail)]
            return outcome
        case .text(let t, let encoding):
            text = t
            outcome.encoding = encoding
            if encoding != TextDecoding.utf8 && encoding != TextDecoding.utf8WithBOM {
                outcome.problems.append(Problem(.notice, .encodingAssumed, file: path, detail: Wording(encoding)))
            }
        }
        // ADX (XML) and DHIS2's dataValueSets in JSON are told from their first character.
        if let dhis2 = DHIS2Intake.read(text, outcome: outcome, catalog: catalog, today: today, scope: scope) { return dhis2 }
        // A CSV file opened with the wrong character set and saved again: its letters are read
        // back before its lines are (a garbled byte-order mark hides `don_vi`), all or none.
        if let original = Mojibake.repaired(utf8: text) {
            let cells = (try? CSVReader.parse(text, separator: CSVReader.detectSeparator(text)))?.reduce(0) { n, record in
                n + (0..<record.count).filter { !record[$0].isASCII }.count
            }
            outcome.problems.append(Problem(.notice, .garbledTextRepaired, file: path, detail: cells.map { Wording(String($0)) }))
            text = TextDecoding.composed(original)
        }
        let records: [CSVRecord]
        do {
            records = try CSVReader.parse(text, separator: CSVReader.detectSeparator(text))
        } catch {
            guard case .unterminatedQuote(let line) = error else { return outcome }
            outcome.problems.append(Problem(.error, .unterminatedQuote, file: path, line: line))
            return outcome
        }
        if let clean = CleanForm.read(records, outcome: outcome, catalog: catalog, today: today, scope: scope) { return clean }
        return interpret(records, outcome: outcome, catalog: catalog, today: today, scope: scope)
    }

    /// Records → layout → validated reports, the same for a CSV file and a workbook's sheet.
    package static func interpret(_ records: [CSVRecord], outcome: FileOutcome, catalog: Catalog, today: Int, scope: String?) -> FileOutcome {
        // DHIS2's CSV (`dataelement,period,orgunit,...`) is told from its header, like the layouts.
        let reading = DataValueSetCSV.recognises(records)
            ? DataValueSetCSV.read(records, file: outcome.path, catalog: catalog)
            : LayoutReader.read(records, file: outcome.path)
        return interpret(reading, outcome: outcome, firstLine: records.first { !$0.isBlank }?.line, catalog: catalog, today: today, scope: scope)
    }

    /// A layout's reports → validated reports, whatever file they were read from.
    /// - Parameter firstLine: where the file's content starts, for a file refused as holding no figures.
    package static func interpret(_ reading: LayoutReading, outcome: FileOutcome, firstLine: Int?, catalog: Catalog, today: Int,
                          scope: String?) -> FileOutcome {
        var outcome = outcome
        let path = outcome.path
        outcome.layout = reading.layout
        outcome.problems += reading.problems + reading.refusedRows
        if reading.problems.contains(where: { $0.severity == .error }) { return outcome }

        // A table's column that is no indicator: a name written instead of a code, or a header
        // cell split by a stray separator, which shifts every column after it; no row can be
        // trusted then, even where that column is empty.
        var badHeader = false
        for header in reading.indicatorHeaders {
            let code = header.text.split(separator: ".", maxSplits: 1).first.map { $0.uppercased() } ?? ""
            if catalog.indicator(code) != nil { continue }
            let named = catalog.indicators(named: header.text)
            badHeader = true
            outcome.problems.append(named.isEmpty
                ? Problem(.error, .unknownColumn, file: path, line: header.line, column: header.column, found: header.text)
                : Problem(.error, .indicatorGivenByName, file: path, line: header.line, column: header.column, found: header.text,
                          detail: Messages.candidates(named.map { "\($0.code) \($0.name)" }, total: named.count)))
        }
        if badHeader { return outcome }

        // The units the file names by their codes: what a compiled report is, and where to
        // look first for a unit written by its name.
        var compiled = false
        var neighbourhood: Set<String> = []
        for raw in reading.reports {
            guard let p = Period.parse(raw.period.text), let r = catalog.registries.registry(for: p),
                  let u = r.unit(raw.unit.text.upperCode) else { continue }
            compiled = compiled || u.level == .province || u.level == .nation
            neighbourhood.insert(u.parentCode)
        }
        let validator = ReportValidator(catalog: catalog, file: path, today: today, compiled: compiled, scope: scope,
                                        neighbourhood: neighbourhood)
        var seenProblems: Set<String> = []
        var anyError = reading.refusedRows.contains { $0.severity == .error }
        for raw in reading.reports {
            let result = validator.validate(raw)
            for p in result.problems {
                // A bad column header of a table would otherwise be reported once per row.
                let key = "\(p.code.rawValue)|\(p.line ?? 0)|\(p.column ?? 0)"
                if seenProblems.insert(key).inserted { outcome.problems.append(p) }
            }
            anyError = anyError || result.hasValueErrors
            guard let submission = result.submission else { continue }
            if reading.layout == .table && result.hasValueErrors { continue }
            outcome.submissions.append(submission)
        }
        if reading.layout == .form && anyError { outcome.submissions = [] }
        refuseUnitsGivenTwice(&outcome)
        // A header and nothing under it, or rows whose every figure is empty: not a report the
        // officer may take for one. Said as an error of the file unless its rows were refused
        // for errors of their own.
        if outcome.submissions.isEmpty && !outcome.problems.contains(where: { $0.severity == .error }) {
            // A form is one report: its "no values" warning says the same thing again.
            if reading.layout == .form { outcome.problems.removeAll { $0.code == .noValues } }
            outcome.problems.append(Problem(.error, .noFigures, file: path, line: firstLine))
        }
        return outcome
    }

    /// The same unit and period twice in one table: which row is right cannot be told, so
    /// neither is taken (a later file may still correct it).
    package static func refuseUnitsGivenTwice(_ outcome: inout FileOutcome) {
        // A form is one report: nothing to compare (and nearly every file is a form).
        guard outcome.submissions.count > 1 else { return }
        let groups = Dictionary(grouping: outcome.submissions.indices) { i in
            let s = outcome.submissions[i]
            return "\(s.unitCode)|\(s.period.code)|\(s.form)"
        }
        let twice = groups.values.filter { $0.count > 1 }
        guard !twice.isEmpty else { return }
        var refused: Set<Int> = []
        for indices in twice {
            let lines = indices.map { outcome.submissions[$0].line }
            for i in indices {
                let s = outcome.submissions[i]
                outcome.problems.append(Problem(.error, .unitGivenTwice, file: outcome.path, line: s.line, found: s.unitCode,
                                                detail: Wording(lines.map(String.init).joined(separator: ", ")),
                                                unitCode: s.unitCode, period: s.period.code))
                refused.insert(i)
            }
        }
        outcome.submissions = outcome.submissions.indices.filter { !refused.contains($0) }.map { outcome.submissions[$0] }
    }
}
