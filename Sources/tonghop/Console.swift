import Foundation
import TonghopCore

/// Everything the command line prints, in one place.
enum Console {
    static func out(_ line: String) { print(line) }

    static func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// The problems of one file, most serious first, at most `limit` of them.
    static func problems(_ sorted: [Problem], lang: Language, limit: Int = 30) {
        for p in sorted.prefix(limit) { out("    " + Messages.render(p, lang, withFile: false)) }
        if sorted.count > limit {
            out(lang == .vi ? "    ... và \(sorted.count - limit) vấn đề khác" : "    ... and \(sorted.count - limit) more")
        }
    }

    static func statusWord(_ s: FileStatus, _ lang: Language) -> String {
        switch (s, lang) {
        case (.accepted, .vi): return "nhận"
        case (.partial, .vi): return "nhận một phần"
        case (.rejected, .vi): return "TỪ CHỐI"
        case (.accepted, .en): return "accepted"
        case (.partial, .en): return "partly accepted"
        case (.rejected, .en): return "REJECTED"
        }
    }

    static func relative(_ url: URL) -> String {
        let cwd = FileManager.default.currentDirectoryPath + "/"
        return url.path.hasPrefix(cwd) ? String(url.path.dropFirst(cwd.count)) : url.path
    }

    // MARK: Runs

    /// What the ingest stage read, then every file with problems, most serious first.
    static func ingest(_ s: ReportingPipeline.IngestSummary, lang: Language) {
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
        let encodings = Dictionary(grouping: s.filesRead.compactMap(\.encoding).filter {
            $0 != TextDecoding.utf8 && $0 != TextDecoding.utf8WithBOM
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
            problems(o.sortedProblems, lang: lang)
        }
        if !s.stillRejected.isEmpty {
            out(lang == .vi ? "  Còn \(s.stillRejected.count) tệp đã bị từ chối ở lần chạy trước và chưa được sửa:"
                            : "  \(s.stillRejected.count) files refused by an earlier run are still unchanged:")
            for (path, problem) in s.stillRejected {
                out("    \(path)" + (problem.map { ": " + Messages.render($0, lang, withFile: false) } ?? ""))
            }
        }
    }

    /// The workbooks written, per period.
    static func workbooks(_ workbooks: [URL], periods: [Period], outputs: URL, lang: Language) {
        out(lang == .vi ? "Đã ghi \(workbooks.count) bảng tính vào \(relative(outputs))/:"
                        : "Wrote \(workbooks.count) workbooks to \(relative(outputs))/:")
        for period in periods {
            let these = workbooks.filter { $0.deletingLastPathComponent().lastPathComponent == period.code }
            if !these.isEmpty { out("  \(period.code): " + these.map(\.lastPathComponent).joined(separator: ", ")) }
        }
    }

    static func locked(_ store: URL, lang: Language) {
        error(lang == .vi ? "Một lượt chạy khác đang giữ kho dữ liệu \(store.path); thử lại sau."
                          : "Another run holds the store \(store.path); try again later.")
    }

    static func nothingToDo(outputs: URL, lang: Language) {
        out(lang == .vi ? "Không có gì mới: không có tệp mới trong inputs/ và các báo cáo trong \(relative(outputs))/ đã cập nhật."
                        : "Nothing to do: no new files in inputs/ and the reports in \(relative(outputs))/ are up to date.")
    }

    static func runSummaryFile(_ url: URL, lang: Language) {
        out(lang == .vi ? "Tóm tắt lượt chạy: \(relative(url))" : "Run summary: \(relative(url))")
    }

    /// A file under `outputs/` that could not be written, what it means for the data, and what to do.
    static func outputFailure(_ e: OutputError, lang: Language) -> String {
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
    static func history(_ report: SubmissionHistory.Report, lang: Language, changeLimit: Int = 20) {
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
    }

    /// "TT01: 3 → 5", "NN01.18_30: thêm 2", "MT09: bỏ (trước là 4)".
    static func describe(_ change: ValueChange, _ lang: Language) -> String {
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
    static func status(_ s: ReportingStatus, lang: Language, nameLimit: Int = 10) {
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
    }

    /// The last run, so that the morning check also says whether cron ran.
    static func lastRun(_ run: Store.RunRecord?, summary: URL, lang: Language) {
        guard let run else {
            out(lang == .vi ? "Chưa có lượt chạy nào." : "No run yet.")
            return
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
    }

    static func percent(_ part: Int, _ whole: Int, _ lang: Language) -> String {
        let value = whole == 0 ? 100 : Double(part) * 100 / Double(whole)
        let text = String(format: "%.1f%%", value)
        return lang == .vi ? text.replacingOccurrences(of: ".", with: ",") : text
    }

    // MARK: Progress

    /// Whether progress is shown: only to a person at a terminal, never in cron's logs.
    static var showsProgress: Bool { isatty(STDERR_FILENO) == 1 }

    /// A counter redrawn in place on stderr ("Đọc tệp 120/915"), at most ten times a second.
    final class Progress: @unchecked Sendable {
        private let label: String
        private let lock = NSLock()
        private var lastDrawn = Date.distantPast
        private var drawn = false

        init(_ label: String) { self.label = label }

        func show(_ done: Int, _ total: Int) {
            lock.lock()
            defer { lock.unlock() }
            let now = Date()
            guard done == total || now.timeIntervalSince(lastDrawn) >= 0.1 else { return }
            lastDrawn = now
            drawn = true
            FileHandle.standardError.write(Data("\r\(label) \(done)/\(total)".utf8))
        }

        /// Ends the line, if anything was drawn.
        func end() {
            lock.lock()
            defer { lock.unlock() }
            if drawn { FileHandle.standardError.write(Data("\n".utf8)) }
            drawn = false
        }
    }
}
