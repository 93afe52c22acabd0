import TonghopBase
import TonghopCatalog
import TonghopIngest

/// The "phiếu báo lỗi" of one rejected or partly rejected file: a short plain-text letter the
/// compiler sends back to the office that made the file, saying which file, unit and period,
/// what became of it, every problem with the offending cell quoted, and what to do.
///
/// Deterministic: the same problems always give the same text (no date of writing), so that
/// rewriting the slips on every run changes nothing that did not change.
public struct ErrorSlip {
    public let file: String
    public let status: FileStatus
    public let problems: [Problem]
    /// The kind of workbook the file is; nil for a text file.
    public let workbook: InputWorkbook.Kind?

    public init(file: String, status: FileStatus, problems: [Problem], workbook: InputWorkbook.Kind? = nil) {
        self.file = file
        self.status = status
        self.problems = problems
        self.workbook = workbook
    }

    public func text(catalog: Catalog, lang: Language) -> String {
        var lines: [String] = [Messages.slipTitle[lang], ""]
        lines.append(Messages.slipFile[lang] + file)
        lines.append(Messages.slipUnits[lang] + units(catalog: catalog, lang: lang))
        lines.append(Messages.slipPeriods[lang] + periods(lang: lang))
        lines.append(Messages.slipOutcome(status)[lang])
        let sorted = FileOutcome.sorted(problems)
        for severity in [Severity.error, .warning, .notice] {
            let these = sorted.filter { $0.severity == severity }
            guard !these.isEmpty else { continue }
            lines += ["", Messages.slipSection(severity, count: these.count)[lang]]
            for (i, p) in these.enumerated() { lines.append("  \(i + 1). " + Messages.render(p, lang, withFile: false)) }
        }
        let notRead = problems.contains { [.fileTypeNotRead, .linkOutsideInbox, .notARegularFile].contains($0.code) }
        let whatToDo = notRead ? Messages.slipWhatToDoNotRead
            : workbook.map { Messages.slipWhatToDoInWorkbook($0.fileExtension) } ?? Messages.slipWhatToDo
        lines += ["", whatToDo[lang]]
        return lines.joined(separator: "\n") + "\n"
    }

    /// The units the problems name, with their names from the registry of their period.
    package func units(catalog: Catalog, lang: Language) -> String {
        var seen: Set<String> = []
        let named: [String] = problems.compactMap { p in
            guard let code = p.unitCode, !code.isEmpty, seen.insert(code).inserted else { return nil }
            let name = p.period.flatMap(Period.parse).flatMap(catalog.registries.registry(for:))?.unit(code)?.name
            return name.map { "\(code) \($0)" } ?? code
        }
        if named.isEmpty { return Messages.slipUnknown[lang] }
        let shown = named.prefix(5).joined(separator: "; ")
        return named.count > 5 ? shown + Messages.slipMore(named.count - 5)[lang] : shown
    }

    package func periods(lang: Language) -> String {
        let periods = Set(problems.compactMap { $0.period.flatMap(Period.parse) }).sorted()
        if periods.isEmpty { return Messages.slipUnknown[lang] }
        return periods.map { lang == .vi ? $0.vietnameseName : $0.englishName }.joined(separator: ", ")
    }
}
