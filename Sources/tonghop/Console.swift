import Foundation
import TonghopCore

/// Everything the command line prints, in one place.
enum Console {
    static func out(_ line: String) { print(line) }

    static func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// The problems of one file, most serious first, at most `limit` of them.
    static func problems(of outcome: FileOutcome, lang: Language, limit: Int = 30) {
        let sorted = outcome.sortedProblems
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
            out("Đã xem \(s.filesSeen) tệp trong inputs/: \(s.outcomes.count) tệp mới hoặc đã sửa, \(s.filesUnchanged) tệp không đổi.")
            if !s.outcomes.isEmpty {
                out("  Nhận: \(s.accepted) tệp; nhận một phần: \(s.partial); từ chối: \(s.rejected). Đã lưu \(s.stored.submissionsStored) báo cáo, \(s.stored.valuesStored) giá trị.")
            }
        } else {
            out("Saw \(s.filesSeen) files in inputs/: \(s.outcomes.count) new or changed, \(s.filesUnchanged) unchanged.")
            if !s.outcomes.isEmpty {
                out("  Accepted: \(s.accepted); partly accepted: \(s.partial); rejected: \(s.rejected). Stored \(s.stored.submissionsStored) reports, \(s.stored.valuesStored) values.")
            }
        }
        let withProblems = s.outcomes.filter { !$0.problems.isEmpty }.sorted { a, b in
            a.status == b.status ? a.path < b.path : (a.status == .rejected || (a.status == .partial && b.status == .accepted))
        }
        for o in withProblems {
            out("  \(o.path) — \(statusWord(o.status, lang)):")
            problems(of: o, lang: lang)
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
