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
    @Argument(help: "Các tệp cần kiểm tra.")
    var files: [String]

    func run() throws {
        let pipeline = try options.pipeline()
        let lang = options.lang
        try runReporting {
            var anyError = false
            for path in files {
                let url = URL(fileURLWithPath: path)
                let outcome: FileOutcome
                if let data = FileManager.default.contents(atPath: url.path) {
                    outcome = FileIntake.read([UInt8](data), path: path, catalog: pipeline.catalog, today: pipeline.today)
                } else {
                    var o = FileOutcome(path: path)
                    o.problems = [Problem(.error, .readFailed, file: path, detail: lang == .vi ? "không mở được tệp" : "cannot open the file")]
                    outcome = o
                }
                let errors = outcome.problems.filter { $0.severity == .error }.count
                anyError = anyError || errors > 0
                let reports = outcome.submissions.count
                Console.out("\(path) — \(Console.statusWord(outcome.status, lang)): " + (lang == .vi
                    ? "\(reports) báo cáo hợp lệ, \(errors) lỗi, \(outcome.problems.count - errors) cảnh báo/ghi chú"
                    : "\(reports) valid reports, \(errors) errors, \(outcome.problems.count - errors) warnings/notes"))
                Console.problems(of: outcome, lang: lang, limit: .max)
            }
            return anyError ? .rejected : .success
        }
    }
}
