import ArgumentParser
import Foundation
import TonghopCore

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Kiểm tra tệp báo cáo mà không lưu gì; mã thoát 0 nếu tệp sẽ được nhận, 2 nếu có lỗi.",
        discussion: "Ví dụ: tonghop check inputs/2024/35-ha-nam/2024-Q1/xa/13285.csv"
    )

    @OptionGroup var options: WorkspaceOptions
    @Option(help: "Mã tỉnh hoặc huyện đang tổng hợp: báo cáo của đơn vị ngoài phạm vi này bị từ chối.")
    var scope: String?
    @Argument(help: "Các tệp cần kiểm tra.")
    var files: [String]

    func run() throws {
        let pipeline = try options.pipeline()
        let lang = options.lang
        try runReporting {
            pipeline.scope = try scope.map(pipeline.scopeUnit)
            var incoming: [Store.IncomingFile] = files.map { path in
                let outcome: FileOutcome
                switch InputReading.contents(of: path) {
                case .bytes(let bytes):
                    outcome = FileIntake.read(bytes, path: path, catalog: pipeline.catalog, today: pipeline.today, scope: pipeline.scope)
                case .refused(let code, let detail):
                    var o = FileOutcome(path: path)
                    o.problems = [Problem(.error, code, file: path, detail: code == .readFailed ? Messages.cannotOpen : detail)]
                    outcome = o
                }
                let modified = (try? FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date)?.timeIntervalSince1970
                return Store.IncomingFile(outcome: outcome, size: 0, modifiedAt: modified ?? 0, sha256: "")
            }
            // The same comparisons with earlier quarters as `rollup`, when there is a store to read.
            if FileManager.default.fileExists(atPath: pipeline.workspace.store.path) {
                try pipeline.checkAgainstOtherReports(&incoming, store: try Store(path: pipeline.workspace.store.path))
            }
            var anyError = false
            for outcome in incoming.map(\.outcome) {
                let path = outcome.path
                let errors = outcome.problems.filter { $0.severity == .error }.count
                anyError = anyError || errors > 0
                let reports = outcome.submissions.count
                Console.out("\(path) — \(Console.statusWord(outcome.status, lang)): " + (lang == .vi
                    ? "\(reports) báo cáo hợp lệ, \(errors) lỗi, \(outcome.problems.count - errors) cảnh báo/ghi chú"
                    : "\(reports) valid reports, \(errors) errors, \(outcome.problems.count - errors) warnings/notes"))
                Console.problems(outcome.sortedProblems, lang: lang, limit: .max)
            }
            return anyError ? .rejected : .success
        }
    }
}
