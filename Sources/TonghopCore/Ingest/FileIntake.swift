import Foundation

/// What became of one input file.
public enum FileStatus: String, Sendable, Codable {
    /// Every report was accepted (perhaps with warnings).
    case accepted
    /// Some rows or values were refused; the rest was accepted.
    case partial
    /// Nothing was accepted.
    case rejected
}

/// The result of reading and validating one input file.
public struct FileOutcome: Sendable {
    public var path: String
    public var layout: Layout?
    public var encoding: String?
    public var submissions: [Submission] = []
    public var problems: [Problem] = []

    public init(path: String) { self.path = path }

    public var status: FileStatus {
        let hasErrors = problems.contains { $0.severity == .error }
        if submissions.isEmpty { return hasErrors || !problems.isEmpty ? .rejected : .accepted }
        return hasErrors ? .partial : .accepted
    }

    /// Problems most serious first, then in file order.
    public var sortedProblems: [Problem] {
        problems.enumerated().sorted { a, b in
            if a.element.severity != b.element.severity { return a.element.severity < b.element.severity }
            let la = a.element.line ?? 0, lb = b.element.line ?? 0
            if la != lb { return la < lb }
            return a.offset < b.offset
        }.map(\.element)
    }
}

/// Reads one input file end to end: bytes → text → records → layout → validated reports.
///
/// The cost of a problem follows DOMAIN §6: an error in a form file rejects the file (one unit,
/// one report: half a report is worse than none); in a table it rejects that row; in the long
/// layout it rejects that value (an unknown unit or period rejects all of that unit's rows).
public enum FileIntake {
    public static func read(_ bytes: [UInt8], path: String, catalog: Catalog, today: Int) -> FileOutcome {
        if let workbook = XlsxIntake.read(bytes) { return readWorkbook(workbook, path: path, catalog: catalog, today: today) }
        var outcome = FileOutcome(path: path)
        let text: [UInt8]
        switch TextDecoding.decode(bytes) {
        case .refused(let code, let detail):
            outcome.problems = [Problem(.error, code, file: path, detail: detail)]
            return outcome
        case .text(let t, let encoding):
            text = t
            outcome.encoding = encoding
            if encoding.hasPrefix("UTF-16") {
                outcome.problems.append(Problem(.notice, .notUTF8, file: path, detail: "đã đọc theo bảng mã \(encoding)"))
            }
        }
        let records: [CSVRecord]
        do {
            records = try CSVReader.parse(text, separator: CSVReader.detectSeparator(text))
        } catch {
            guard case .unterminatedQuote(let line) = error else { return outcome }
            outcome.problems.append(Problem(.error, .unterminatedQuote, file: path, line: line))
            return outcome
        }
        return interpret(records, outcome: outcome, catalog: catalog, today: today)
    }

    /// A workbook (`.xlsx`): its first sheet's rows are read like a CSV file's records.
    static func readWorkbook(_ workbook: XlsxIntake.Reading, path: String, catalog: Catalog, today: Int) -> FileOutcome {
        var outcome = FileOutcome(path: path)
        switch workbook {
        case .refused(let code, let detail):
            outcome.problems = [Problem(.error, code, file: path, detail: detail)]
            return outcome
        case .records(let records, let sheet):
            outcome.encoding = "XLSX"
            let fileExtension = (path as NSString).pathExtension.lowercased()
            if fileExtension != "xlsx" {
                outcome.problems.append(Problem(.notice, .workbookNamedAsText, file: path, detail: fileExtension))
            }
            outcome = interpret(records, outcome: outcome, catalog: catalog, today: today)
            if outcome.layout == nil {
                // Some other spreadsheet: say so of the workbook, not of a CSV header line.
                for i in outcome.problems.indices where outcome.problems[i].code == .unknownLayout {
                    outcome.problems[i].code = .workbookNotAReport
                    outcome.problems[i].detail = sheet
                }
            }
            return outcome
        }
    }

    /// Records → layout → validated reports, the same for a CSV file and a workbook.
    static func interpret(_ records: [CSVRecord], outcome: FileOutcome, catalog: Catalog, today: Int) -> FileOutcome {
        var outcome = outcome
        let path = outcome.path
        let reading = LayoutReader.read(records, file: path)
        outcome.layout = reading.layout
        outcome.problems += reading.problems
        if reading.problems.contains(where: { $0.severity == .error }) { return outcome }

        let compiled = reading.reports.contains { raw in
            guard let p = Period.parse(raw.period.text), let r = catalog.registries.registry(for: p),
                  let u = r.unit(raw.unit.text.uppercased()) else { return false }
            return u.level == .province || u.level == .nation
        }
        let validator = ReportValidator(catalog: catalog, file: path, today: today, compiled: compiled)
        var seenProblems: Set<String> = []
        var anyError = false
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
        return outcome
    }
}
