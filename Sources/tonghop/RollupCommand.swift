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
    @OptionGroup var rollup: RollupOptions

    func run() throws {
        let lang = options.lang
        let pipeline = try options.pipeline()
        try runReporting(lang) {
            pipeline.scope = try rollup.scope.map(pipeline.scopeUnit)
            guard let lock = try RunLock(beside: pipeline.workspace.store, wait: rollup.wait) else {
                Console.locked(pipeline.workspace.store, lang: lang)
                return .locked
            }
            defer { withExtendedLifetime(lock) {} }
            _ = StaleTemporaryFiles.remove(under: pipeline.workspace.outputs)
            let store = try Store(path: pipeline.workspace.store.path)
            let runId = try store.beginRun(command: CommandLine.arguments.dropFirst().joined(separator: " "))
            let summary = try pipeline.ingest(into: store, runId: runId)
            Console.ingest(summary, lang: lang)
            let slips = try pipeline.writeErrorSlips(store: store, inputPaths: summary.inputPaths, lang: lang)
            if !slips.isEmpty {
                Console.out(lang == .vi ? "Đã ghi \(slips.count) phiếu báo lỗi vào \(Console.relative(pipeline.workspace.outputs))/\(ErrorSlipFolder.name)/ để gửi lại nơi lập tệp."
                                        : "Wrote \(slips.count) error slips to \(Console.relative(pipeline.workspace.outputs))/\(ErrorSlipFolder.name)/ to send back to the offices.")
            }

            let periods = rollup.periods.isEmpty ? try pipeline.defaultPeriods(store: store) : rollup.periods.map(\.period)
            var written: [URL] = []
            for period in periods where pipeline.scope == nil || pipeline.reportScope(for: period) != nil {
                written += try pipeline.writeReports(period, scope: pipeline.reportScope(for: period), store: store)
            }
            let workbooks = written.filter { $0.pathExtension == "xlsx" }
            if workbooks.isEmpty {
                Console.out(lang == .vi ? "Chưa có số liệu để ghi báo cáo." : "No data to report yet.")
            } else {
                Console.workbooks(workbooks, periods: periods, outputs: pipeline.workspace.outputs, lang: lang)
            }
            let status: ExitStatus = summary.rejected + summary.partial > 0 ? .rejected : .success
            try store.finishRun(runId, summary: "seen=\(summary.filesSeen) read=\(summary.filesRead.count) accepted=\(summary.accepted) partial=\(summary.partial) rejected=\(summary.rejected) workbooks=\(workbooks.count)", exitStatus: status)
            return status
        }
    }
}
