import Foundation
import TonghopBase
import TonghopCatalog
import TonghopIngest

extension FileIntake {
    /// A workbook (`.xlsx`, `.xls`, `.ods`): each sheet that holds a report is read as its own
    /// file would be — a form, a table or a long list — and its reports and problems gathered
    /// into the file's one outcome, every problem naming its sheet.
    ///
    /// An error that refuses a form refuses that sheet only: the other sheets' reports stand and
    /// the file is partly accepted. A sheet that holds no report (a cover page, instructions) or
    /// nothing at all is skipped with a notice, never an error; a workbook none of whose sheets
    /// holds a report is refused. The same unit, period and form on several sheets cannot be
    /// told apart: none of them is taken.
    package static func readWorkbook(_ reading: InputWorkbook.Reading, path: String, catalog: Catalog, today: Int, scope: String?) -> FileOutcome {
        var outcome = FileOutcome(path: path)
        var workbook: InputWorkbook
        switch reading {
        case .refused(let code, let detail):
            outcome.problems = [Problem(.error, code, file: path, detail: detail)]
            return outcome
        case .workbook(let w):
            workbook = w
        }
        outcome.encoding = workbook.kind.rawValue
        let garbledCells = workbook.repairGarbledCells()
        if garbledCells > 0 {
            outcome.problems.append(Problem(.notice, .garbledTextRepaired, file: path, detail: Wording(String(garbledCells))))
        }
        let fileExtension = (path as NSString).pathExtension.lowercased()
        if fileExtension != workbook.kind.fileExtension {
            outcome.problems.append(workbook.kind == .xlsx && fileExtension != "xls" && fileExtension != "ods"
                ? Problem(.notice, .workbookNamedAsText, file: path, detail: Wording(fileExtension))
                : Problem(.notice, .workbookNamedOtherwise, file: path, detail: Messages.workbookNamed(fileExtension, kind: workbook.kind)))
        }
        // Each sheet's problems, in the workbook's order; a skipped sheet's note is said only
        // when some other sheet is a report.
        var problems: [Problem] = []
        var sheetsRead = 0
        for sheet in workbook.sheets {
            var notice: Problem?
            if sheet.records.allSatisfy(\.isBlank) {
                notice = Problem(.notice, .sheetEmpty, file: path)
            } else if !LayoutReader.holdsReport(sheet.records) && !DataValueSetCSV.recognises(sheet.records) {
                notice = Problem(.notice, .sheetNotAReport, file: path)
            }
            if var notice {
                notice.sheet = sheet.name
                problems.append(notice)
                continue
            }
            var part = interpret(sheet.records, outcome: FileOutcome(path: path), catalog: catalog, today: today, scope: scope)
            for i in part.problems.indices { part.problems[i].sheet = sheet.name }
            for i in part.submissions.indices { part.submissions[i].sheet = sheet.name }
            sheetsRead += 1
            outcome.layout = outcome.layout ?? part.layout
            problems += part.problems
            outcome.submissions += part.submissions
        }
        guard sheetsRead > 0 else {
            let names = workbook.sheets.map { "\"\($0.name)\"" }.joined(separator: ", ")
            outcome.problems.append(Problem(.error, .workbookNotAReport, file: path, detail: Wording(names)))
            return outcome
        }
        outcome.problems += problems
        refuseReportsOnSeveralSheets(&outcome)
        return outcome
    }

    /// The same unit, period and form on two sheets: which is right cannot be told, so neither
    /// is taken (the same on one sheet is ``refuseUnitsGivenTwice(_:)``'s).
    package static func refuseReportsOnSeveralSheets(_ outcome: inout FileOutcome) {
        guard outcome.submissions.count > 1 else { return }
        let groups = Dictionary(grouping: outcome.submissions.indices) { i in
            let s = outcome.submissions[i]
            return "\(s.unitCode)|\(s.period.code)|\(s.form)"
        }
        var refused: Set<Int> = []
        for indices in groups.values {
            let sheets = indices.compactMap { outcome.submissions[$0].sheet }
            guard Set(sheets).count > 1 else { continue }
            let named = indices.map { i in
                let s = outcome.submissions[i]
                return (s.sheet.map { "\"\($0)\" " } ?? "", s.line)
            }
            let detail = Wording(vi: named.map { "\($0.0)dòng \($0.1)" }.joined(separator: ", "),
                                 en: named.map { "\($0.0)line \($0.1)" }.joined(separator: ", "))
            for i in indices {
                let s = outcome.submissions[i]
                var p = Problem(.error, .reportOnSeveralSheets, file: outcome.path, line: s.line, found: s.unitCode,
                                detail: detail, unitCode: s.unitCode, period: s.period.code)
                p.sheet = s.sheet
                outcome.problems.append(p)
                refused.insert(i)
            }
        }
        guard !refused.isEmpty else { return }
        outcome.submissions = outcome.submissions.indices.filter { !refused.contains($0) }.map { outcome.submissions[$0] }
    }
}
