import ArgumentParser
import Foundation
import TonghopCore

struct RollupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rollup",
        abstract: "Đọc các tệp mới trong inputs/, kiểm tra, lưu số liệu hợp lệ và ghi bảng tính tổng hợp.",
        discussion: "Ví dụ: tonghop rollup            (mọi quý, 6 tháng, năm có số liệu)\n        tonghop rollup --period 2024-H1 --period 2024"
    )

    @OptionGroup var options: WorkspaceOptions
    @Option(name: .customLong("period"), help: "Kỳ cần ghi báo cáo (lặp lại được). Mặc định: mọi kỳ có số liệu.")
    var periods: [PeriodArgument] = []
    @Option(help: "Số giây chờ nếu một lượt chạy khác đang giữ kho dữ liệu.")
    var wait: Double = 60
    @Option(help: "Mã tỉnh hoặc huyện đang tổng hợp: báo cáo của đơn vị ngoài phạm vi này bị từ chối, chỉ ghi bảng tính của tỉnh đó.")
    var scope: String?

    func run() throws {
        let lang = options.lang
        let pipeline = try options.pipeline()
        try runReporting {
            pipeline.scope = try scope.map(pipeline.scopeUnit)
            guard let lock = try RunLock(beside: pipeline.workspace.store, wait: wait) else {
                Console.error(lang == .vi ? "Một lượt chạy khác đang giữ kho dữ liệu \(pipeline.workspace.store.path); thử lại sau."
                                          : "Another run holds the store \(pipeline.workspace.store.path); try again later.")
                return .locked
            }
            defer { withExtendedLifetime(lock) {} }
            let store = try Store(path: pipeline.workspace.store.path)
            let runId = try store.beginRun(command: CommandLine.arguments.dropFirst().joined(separator: " "))
            let summary = try pipeline.ingest(into: store, runId: runId)
            printIngest(summary, lang: lang)
            let slips = try pipeline.writeErrorSlips(store: store, inputPaths: summary.inputPaths, lang: lang)
            if !slips.isEmpty {
                Console.out(lang == .vi ? "Đã ghi \(slips.count) phiếu báo lỗi vào \(Console.relative(pipeline.workspace.outputs))/\(ErrorSlipFolder.name)/ để gửi lại nơi lập tệp."
                                        : "Wrote \(slips.count) error slips to \(Console.relative(pipeline.workspace.outputs))/\(ErrorSlipFolder.name)/ to send back to the offices.")
            }

            let periods = self.periods.isEmpty ? try pipeline.defaultPeriods(store: store) : self.periods.map(\.period)
            var written: [URL] = []
            for period in periods where pipeline.scope == nil || pipeline.reportScope(for: period) != nil {
                written += try pipeline.writeReports(period, scope: pipeline.reportScope(for: period), store: store)
            }
            let workbooks = written.filter { $0.pathExtension == "xlsx" }
            if workbooks.isEmpty {
                Console.out(lang == .vi ? "Chưa có số liệu để ghi báo cáo." : "No data to report yet.")
            } else {
                Console.out(lang == .vi ? "Đã ghi \(workbooks.count) bảng tính vào \(Console.relative(pipeline.workspace.outputs))/:"
                                        : "Wrote \(workbooks.count) workbooks to \(Console.relative(pipeline.workspace.outputs))/:")
                for period in periods {
                    let these = workbooks.filter { $0.deletingLastPathComponent().lastPathComponent == period.code }
                    Console.out("  \(period.code): " + these.map(\.lastPathComponent).joined(separator: ", "))
                }
            }
            let status: ExitStatus = summary.rejected + summary.partial > 0 ? .rejected : .success
            try store.finishRun(runId, summary: "seen=\(summary.filesSeen) read=\(summary.outcomes.count) accepted=\(summary.accepted) partial=\(summary.partial) rejected=\(summary.rejected) workbooks=\(workbooks.count)")
            return status
        }
    }

    func printIngest(_ s: ReportingPipeline.IngestSummary, lang: Language) {
        if lang == .vi {
            Console.out("Đã xem \(s.filesSeen) tệp trong inputs/: \(s.outcomes.count) tệp mới hoặc đã sửa, \(s.filesUnchanged) tệp không đổi.")
            if !s.outcomes.isEmpty {
                Console.out("  Nhận: \(s.accepted) tệp; nhận một phần: \(s.partial); từ chối: \(s.rejected). Đã lưu \(s.stored.submissionsStored) báo cáo, \(s.stored.valuesStored) giá trị.")
            }
        } else {
            Console.out("Saw \(s.filesSeen) files in inputs/: \(s.outcomes.count) new or changed, \(s.filesUnchanged) unchanged.")
            if !s.outcomes.isEmpty {
                Console.out("  Accepted: \(s.accepted); partly accepted: \(s.partial); rejected: \(s.rejected). Stored \(s.stored.submissionsStored) reports, \(s.stored.valuesStored) values.")
            }
        }
        let encodings = Dictionary(grouping: s.outcomes.compactMap(\.encoding).filter {
            $0 != TextDecoding.utf8 && $0 != TextDecoding.utf8WithBOM
        }, by: { $0 }).sorted { $0.key < $1.key }
        if !encodings.isEmpty {
            let list = encodings.map { "\($0.value.count) tệp \($0.key)" }.joined(separator: ", ")
            let listEn = encodings.map { "\($0.value.count) as \($0.key)" }.joined(separator: ", ")
            Console.out(lang == .vi ? "  Không phải UTF-8, đã đọc theo bảng mã khác: \(list)." : "  Not UTF-8, read in another encoding: \(listEn).")
        }
        let withProblems = s.outcomes.filter { !$0.problems.isEmpty }.sorted { a, b in
            a.status == b.status ? a.path < b.path : (a.status == .rejected || (a.status == .partial && b.status == .accepted))
        }
        for o in withProblems {
            Console.out("  \(o.path) — \(Console.statusWord(o.status, lang)):")
            Console.problems(of: o, lang: lang)
        }
    }
}
