import Foundation
import TonghopBase
import TonghopCatalog
import TonghopIngest
import TonghopValidate
import TonghopStore
import TonghopAggregate
import TonghopRender

/// Everything the command line prints, as text a unit test can read without the binary: each
/// function renders one result in the language asked for, as lines (the command prints them).
public enum ConsoleText {
    /// The problems of one file, most serious first, at most `limit` of them.
    public static func problems(_ sorted: [Problem], lang: Language, limit: Int = 30) -> [String] {
        var lines: [String] = []
        func out(_ line: String) { lines.append(line) }
        for p in sorted.prefix(limit) { out("    " + Messages.render(p, lang, withFile: false)) }
        if sorted.count > limit {
            out(lang == .vi ? "    ... và \(sorted.count - limit) vấn đề khác" : "    ... and \(sorted.count - limit) more")
        }
        return lines
    }

    public static func statusWord(_ s: FileStatus, _ lang: Language) -> String {
        switch (s, lang) {
        case (.accepted, .vi): return "nhận"
        case (.partial, .vi): return "nhận một phần"
        case (.rejected, .vi): return "TỪ CHỐI"
        case (.accepted, .en): return "accepted"
        case (.partial, .en): return "partly accepted"
        case (.rejected, .en): return "REJECTED"
        }
    }

    public static func relative(_ url: URL) -> String {
        let cwd = FileManager.default.currentDirectoryPath + "/"
        return url.path.hasPrefix(cwd) ? String(url.path.dropFirst(cwd.count)) : url.path
    }

    // MARK: Runs

    /// What the ingest stage read, then every file with problems, most serious first.
    public static func ingest(_ s: ReportingPipeline.IngestSummary, lang: Language) -> [String] {
        var lines: [String] = []
        func out(_ line: String) { lines.append(line) }
        if lang == .vi {
            out("Đã xem \(s.filesSeen) tệp trong inputs/: \(s.filesRead.count) tệp mới hoặc đã sửa, \(s.filesUnchanged) tệp không đổi.")
            if !s.filesRead.isEmpty {
                out("  Nhận: \(s.accepted) tệp; nhận một phần: \(s.partial); từ chối: \(s.rejected). Đã lưu \(s.stored.submissionsStored) báo cáo, \(s.stored.valuesStored) giá trị.")
            }
        } else {
            out("Saw \(s.filesSeen) files in inputs/: \(s.filesRead.count) new or changed, \(s.filesUnchanged) unchanged.")
            if !s.filesRead.isEmpty {
                out("  Accepted: \(s.accepted); partly accepted: \(s.partial); rejected: \(s.rejected). Stored \(s.stored.submissionsStored) reports, \(s.stored.valuesStored) values.")
            }
        }
        // Text files only: a workbook's kind is kept as its "encoding" (the log says it), but a
        // workbook has no character set to choose.
        let encodings = Dictionary(grouping: s.filesRead.compactMap(\.encoding).filter {
            $0 != TextDecoding.utf8 && $0 != TextDecoding.utf8WithBOM && InputWorkbook.Kind(rawValue: $0) == nil
        }, by: { $0 }).sorted { $0.key < $1.key }
        if !encodings.isEmpty {
            let list = encodings.map { "\($0.value.count) tệp \($0.key)" }.joined(separator: ", ")
            let listEn = encodings.map { "\($0.value.count) as \($0.key)" }.joined(separator: ", ")
            out(lang == .vi ? "  Không phải UTF-8, đã đọc theo bảng mã khác: \(list)." : "  Not UTF-8, read in another encoding: \(listEn).")
        }
        let withProblems = s.filesRead.filter { !$0.problems.isEmpty }.sorted { a, b in
            a.status == b.status ? a.path < b.path : (a.status == .rejected || (a.status == .partial && b.status == .accepted))
        }
        for o in withProblems {
            out("  \(o.path) — \(statusWord(o.status, lang)):")
            lines += problems(o.sortedProblems, lang: lang)
        }
        if !s.stillRejected.isEmpty {
            out(lang == .vi ? "  Còn \(s.stillRejected.count) tệp đã bị từ chối ở lần chạy trước và chưa được sửa:"
                            : "  \(s.stillRejected.count) files refused by an earlier run are still unchanged:")
            for (path, problem) in s.stillRejected {
                out("    \(path)" + (problem.map { ": " + Messages.render($0, lang, withFile: false) } ?? ""))
            }
        }
        return lines
    }

    /// The workbooks written, per period.
    public static func workbooks(_ workbooks: [URL], periods: [Period], outputs: URL, lang: Language) -> [String] {
        var lines: [String] = []
        func out(_ line: String) { lines.append(line) }
        out(lang == .vi ? "Đã ghi \(workbooks.count) bảng tính vào \(relative(outputs))/:"
                        : "Wrote \(workbooks.count) workbooks to \(relative(outputs))/:")
        for period in periods {
            let these = workbooks.filter { $0.deletingLastPathComponent().lastPathComponent == period.code }
            if !these.isEmpty { out("  \(period.code): " + these.map(\.lastPathComponent).joined(separator: ", ")) }
        }
        return lines
    }

    public static func locked(_ store: URL, lang: Language) -> String {
        (lang == .vi ? "Một lượt chạy khác đang giữ kho dữ liệu \(store.path); thử lại sau."
                          : "Another run holds the store \(store.path); try again later.")
    }

    public static func nothingToDo(outputs: URL, lang: Language) -> [String] {
        var lines: [String] = []
        func out(_ line: String) { lines.append(line) }
        out(lang == .vi ? "Không có gì mới: không có tệp mới trong inputs/ và các báo cáo trong \(relative(outputs))/ đã cập nhật."
                        : "Nothing to do: no new files in inputs/ and the reports in \(relative(outputs))/ are up to date.")
        return lines
    }

    public static func runSummaryFile(_ url: URL, lang: Language) -> [String] {
        var lines: [String] = []
        func out(_ line: String) { lines.append(line) }
        out(lang == .vi ? "Tóm tắt lượt chạy: \(relative(url))" : "Run summary: \(relative(url))")
        return lines
    }

    /// A file under `outputs/` that could not be written, what it means for the data, and what to do.
    public static func outputFailure(_ e: OutputError, lang: Language) -> String {
        let why = reason(e, lang)
        switch (e.stage, lang) {
        case (.probe, .vi):
            return "Không ghi được vào thư mục kết quả \(e.path) (\(why)). Chưa đọc tệp nào; kho dữ liệu không thay đổi. "
                + "Kiểm tra quyền ghi và dung lượng ổ đĩa, hoặc chọn thư mục khác bằng --outputs."
        case (.probe, .en):
            return "Cannot write to the outputs folder \(e.path) (\(why)). Nothing was read; the store is unchanged. "
                + "Check permissions and free disk space, or choose another folder with --outputs."
        case (.report, .vi):
            return "Không ghi được tệp \(e.path) (\(why)). Số liệu đã lưu trong kho vẫn nguyên vẹn; "
                + "lượt chạy sau (tonghop run) sẽ ghi các báo cáo còn thiếu."
        case (.report, .en):
            return "Cannot write \(e.path) (\(why)). The data stored is intact; the next run (tonghop run) writes the missing reports."
        case (.summary, .vi):
            return "Không ghi được \(e.path) (\(why))."
        case (.summary, .en):
            return "Cannot write \(e.path) (\(why))."
        }
    }

    private static func reason(_ e: OutputError, _ lang: Language) -> String {
        switch (e.errorNumber, lang) {
        case (ENOSPC?, .vi): return "ổ đĩa đã đầy"
        case (ENOSPC?, .en): return "the disk is full"
        case (EDQUOT?, .vi): return "vượt hạn mức dung lượng"
        case (EDQUOT?, .en): return "disk quota exceeded"
        case (EACCES?, .vi), (EPERM?, .vi): return "không có quyền ghi"
        case (EACCES?, .en), (EPERM?, .en): return "permission denied"
        case (EROFS?, .vi): return "ổ đĩa chỉ cho phép đọc"
        case (EROFS?, .en): return "read-only file system"
        case (ENOTDIR?, .vi), (EEXIST?, .vi): return "một phần của đường dẫn là tệp chứ không phải thư mục"
        case (ENOTDIR?, .en), (EEXIST?, .en): return "part of the path is a file, not a folder"
        default: return e.detail
        }
    }

    // MARK: History and status

    /// One report's versions, oldest first, each with its source and what changed.
    public static func history(_ report: SubmissionHistory.Report, lang: Language, changeLimit: Int = 20) -> [String] {
        var lines: [String] = []
        func out(_ line: String) { lines.append(line) }
        let form = report.form == Submission.compiledForm
            ? (lang == .vi ? "báo cáo tổng hợp (\(report.form))" : "compiled report (\(report.form))")
            : (lang == .vi ? "biểu \(report.form)" : "form \(report.form)")
        out("\(report.period.code) · \(form) · " + (lang == .vi ? "\(report.versions.count) phiên bản" : "\(report.versions.count) versions"))
        for v in report.versions {
            let s = v.stored
            var line = lang == .vi
                ? "  Bản \(v.number) · nhận \(s.receivedAt) · tệp \(s.file) · sha256 \(s.sha256.prefix(12))"
                : "  Version \(v.number) · received \(s.receivedAt) · file \(s.file) · sha256 \(s.sha256.prefix(12))"
            if let date = s.preparedOn { line += lang == .vi ? " · ngày lập \(date)" : " · prepared \(date)" }
            switch (v.state, lang) {
            case (.active, .vi): line += " · ĐANG DÙNG"
            case (.active, .en): line += " · IN USE"
            case (.superseded(let n, let file), .vi): line += " · đã được thay bởi bản \(n) (tệp \(file))"
            case (.superseded(let n, let file), .en): line += " · superseded by version \(n) (file \(file))"
            case (.withdrawn, .vi): line += " · đã rút: tệp được gửi lại không còn báo cáo này"
            case (.withdrawn, .en): line += " · withdrawn: its file was sent again without this report"
            }
            out(line)
            if v.number == 1 {
                out(lang == .vi ? "      \(s.values.count) giá trị" : "      \(s.values.count) values")
                continue
            }
            if v.changes.isEmpty { out(lang == .vi ? "      không thay đổi giá trị nào" : "      no value changed") }
            for change in v.changes.prefix(changeLimit) { out("      " + describe(change, lang)) }
            if v.changes.count > changeLimit {
                out(lang == .vi ? "      ... và \(v.changes.count - changeLimit) thay đổi khác" : "      ... and \(v.changes.count - changeLimit) more changes")
            }
        }
        return lines
    }

    /// "TT01: 3 → 5", "NN01.18_30: thêm 2", "MT09: bỏ (trước là 4)".
    public static func describe(_ change: ValueChange, _ lang: Language) -> String {
        func name(_ indicator: String, _ category: String) -> String { category.isEmpty ? indicator : "\(indicator).\(category)" }
        func number(_ v: Double) -> String { DecimalText.text(v) }
        switch (change, lang) {
        case (.changed(let i, let c, let from, let to), _): return "\(name(i, c)): \(number(from)) → \(number(to))"
        case (.added(let i, let c, let v), .vi): return "\(name(i, c)): thêm \(number(v))"
        case (.added(let i, let c, let v), .en): return "\(name(i, c)): added \(number(v))"
        case (.removed(let i, let c, let v), .vi): return "\(name(i, c)): bỏ (trước là \(number(v)))"
        case (.removed(let i, let c, let v), .en): return "\(name(i, c)): removed (was \(number(v)))"
        }
    }

    /// The morning check: totals, then one line per child unit with the partial and missing
    /// reporters named, at most `nameLimit` of each.
    public static func status(_ s: ReportingStatus, lang: Language, nameLimit: Int = 10) -> [String] {
        var lines: [String] = []
        func out(_ line: String) { lines.append(line) }
        let periodName = lang == .vi ? s.period.vietnameseName : s.period.englishName
        out(lang == .vi ? "Tình hình báo cáo \(periodName) (\(s.period.code)) — \(s.scope.name), danh mục đơn vị \(s.registryId)"
                        : "Reporting status, \(periodName) (\(s.period.code)) — \(s.scope.name), registry \(s.registryId)")
        out(lang == .vi
            ? "Phải báo cáo \(s.expected): đủ kỳ \(s.complete), chưa đủ kỳ \(s.partial), chưa báo cáo \(s.missing), gửi muộn \(s.late) — đủ \(percent(s.complete, s.expected, lang))."
            : "Expected \(s.expected): complete \(s.complete), partial \(s.partial), missing \(s.missing), late \(s.late) — \(percent(s.complete, s.expected, lang)) complete.")
        func names(_ units: [String]) -> String {
            var text = units.prefix(nameLimit).joined(separator: "; ")
            if units.count > nameLimit {
                text += lang == .vi ? "; ... và \(units.count - nameLimit) đơn vị khác" : "; ... and \(units.count - nameLimit) more"
            }
            return text
        }
        for row in s.rows where !row.silent || row.compiledBy != nil {
            let label = row.unit.code == s.scope.code
                ? (lang == .vi ? "Các sở, ban, ngành" : "Departments")
                : "\(row.unit.code) \(row.unit.name)"
            if let by = row.compiledBy {
                out(lang == .vi ? "  \(label): theo báo cáo tổng hợp của đơn vị \(by)" : "  \(label): covered by the compiled report of \(by)")
                continue
            }
            out(lang == .vi
                ? "  \(label): phải \(row.expected), đủ \(row.complete), chưa đủ \(row.partial.count), chưa có \(row.missing.count) (\(percent(row.complete, row.expected, lang)))"
                : "  \(label): expected \(row.expected), complete \(row.complete), partial \(row.partial.count), missing \(row.missing.count) (\(percent(row.complete, row.expected, lang)))")
            if !row.partial.isEmpty {
                let list = names(row.partial.map { p in
                    "\(p.unit.name) (\(p.unit.code), " + (lang == .vi ? "thiếu " : "lacks ") + p.missing.map(\.code).joined(separator: ", ") + ")"
                })
                out((lang == .vi ? "      chưa đủ kỳ: " : "      partial: ") + list)
            }
            if !row.missing.isEmpty {
                out((lang == .vi ? "      chưa báo cáo: " : "      missing: ") + names(row.missing.map { "\($0.name) (\($0.code))" }))
            }
            if !row.late.isEmpty {
                out((lang == .vi ? "      gửi muộn: " : "      late: ") + names(row.late.map { r in
                    "\(r.unit.name) (\(r.unit.code), " + r.late.map { l in
                        lang == .vi ? "\(l.period.code) nhận \(DueDate(date: l.received, source: "").vietnamese), hạn \(l.due.vietnamese)"
                                    : "\(l.period.code) received \(DueDate(date: l.received, source: "").vietnamese), due \(l.due.vietnamese)"
                    }.joined(separator: "; ") + ")"
                }))
            }
        }
        let silent = s.rows.filter { $0.silent && $0.compiledBy == nil }
        if !silent.isEmpty {
            out((lang == .vi ? "  Chưa có báo cáo nào (\(silent.count)): " : "  Nothing received (\(silent.count)): ")
                + names(silent.map { "\($0.unit.name) (\($0.unit.code))" }))
        }
        return lines
    }

    /// The last run, so that the morning check also says whether cron ran.
    public static func lastRun(_ run: Store.RunRecord?, summary: URL, lang: Language) -> [String] {
        var lines: [String] = []
        func out(_ line: String) { lines.append(line) }
        guard let run else {
            out(lang == .vi ? "Chưa có lượt chạy nào." : "No run yet.")
            return lines
        }
        let how: String
        switch (run.finishedAt, run.exitCode, lang) {
        case (nil, _, .vi): how = "chưa kết thúc (đang chạy hoặc đã bị dừng giữa chừng)"
        case (nil, _, .en): how = "not finished (running, or stopped half-way)"
        case (let end?, let code?, .vi): how = "kết thúc \(end), mã thoát \(code)"
        case (let end?, let code?, .en): how = "finished \(end), exit code \(code)"
        case (let end?, nil, .vi): how = "kết thúc \(end)"
        case (let end?, nil, .en): how = "finished \(end)"
        }
        let seeSummary = FileManager.default.fileExists(atPath: summary.path) ? " — \(relative(summary))" : ""
        out(lang == .vi ? "Lượt chạy gần nhất: số \(run.id) (\(run.command)), bắt đầu \(run.startedAt), \(how)\(seeSummary)."
                        : "Last run: #\(run.id) (\(run.command)), started \(run.startedAt), \(how)\(seeSummary).")
        return lines
    }

    public static func percent(_ part: Int, _ whole: Int, _ lang: Language) -> String {
        let value = whole == 0 ? 100 : Double(part) * 100 / Double(whole)
        let text = String(format: "%.1f%%", value)
        return lang == .vi ? text.replacingOccurrences(of: ".", with: ",") : text
    }
}

// MARK: The other commands

extension ConsoleText {
    /// "1 error", "2 errors": English counts (Vietnamese nouns do not change).
    static func counted(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

    /// `check`: each file's verdict and every problem.
    public static func check(_ outcomes: [FileOutcome], lang: Language) -> [String] {
        var lines: [String] = []
        for outcome in outcomes {
            let errors = outcome.problems.filter { $0.severity == .error }.count
            let reports = outcome.submissions.count
            lines.append("\(outcome.path) — \(statusWord(outcome.status, lang)): " + (lang == .vi
                ? "\(reports) báo cáo hợp lệ, \(errors) lỗi, \(outcome.problems.count - errors) cảnh báo/ghi chú"
                : "\(counted(reports, "valid report")), \(counted(errors, "error")), \(outcome.problems.count - errors) warnings/notes"))
            lines += problems(outcome.sortedProblems, lang: lang, limit: .max)
        }
        return lines
    }

    /// `history`: every version of every report of the unit, or why there is none.
    public static func history(_ history: SubmissionHistory, unitName: String, period: Period?, lang: Language) -> [String] {
        guard !history.reports.isEmpty else {
            return [lang == .vi ? "Kho dữ liệu không có báo cáo nào của \(unitName)" + (period.map { " cho kỳ \($0.code)" } ?? "") + "."
                                : "The store holds no report of \(unitName)" + (period.map { " for \($0.code)" } ?? "") + "."]
        }
        return [lang == .vi ? "Lịch sử báo cáo của \(unitName):" : "Report history of \(unitName):"]
            + history.reports.flatMap { self.history($0, lang: lang) }
    }

    /// `template --scope`: the folder and the workbooks written.
    public static func templates(root: URL, files: [URL]) -> [String] {
        ["Đã ghi \(files.count / 2) biểu mẫu trống (mỗi biểu một tệp .csv và một tệp .xlsx) vào \(relative(root))/:"]
            + files.filter { $0.pathExtension == "xlsx" }.map { "  " + relative($0) }
    }

    /// `sample`: what one generator wrote.
    public static func sample(_ count: Int, year: Int, quarters: ClosedRange<Int>, registry: String, folder: String) -> String {
        "Đã tạo \(count) tệp báo cáo mẫu năm \(year), quý \(quarters.lowerBound)-\(quarters.upperBound), danh mục \(registry), trong \(folder)/"
    }

    /// `rollup` and `run`: what the run read, the slips and the reports it wrote.
    public static func run(_ result: RunResult, request: RunRequest, outputs: URL, lang: Language) -> [String] {
        var lines = ingest(result.ingest, lang: lang)
        if case .rollup = request.kind {
            if !result.errorSlips.isEmpty {
                lines.append(lang == .vi ? "Đã ghi \(result.errorSlips.count) phiếu báo lỗi vào \(relative(outputs))/\(ErrorSlipFolder.name)/ để gửi lại nơi lập tệp."
                                         : "Wrote \(result.errorSlips.count) error slips to \(relative(outputs))/\(ErrorSlipFolder.name)/ to send back to the offices.")
            }
            if result.workbooks.isEmpty {
                lines.append(lang == .vi ? "Chưa có số liệu để ghi báo cáo." : "No data to report yet.")
            } else {
                lines += workbooks(result.workbooks, periods: result.periodsWritten, outputs: outputs, lang: lang)
            }
            return lines
        }
        if result.status == .nothingToDo {
            lines += nothingToDo(outputs: outputs, lang: lang)
        } else if !result.workbooks.isEmpty {
            lines += workbooks(result.workbooks, periods: result.periodsWritten, outputs: outputs, lang: lang)
        }
        return lines
    }
}
