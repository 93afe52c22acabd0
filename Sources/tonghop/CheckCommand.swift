import ArgumentParser
import Foundation
import TonghopBase
import TonghopCatalog
import TonghopPipeline
import TonghopRender

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
        try runReporting(lang) {
            pipeline.scope = try scope.map(pipeline.scopeUnit)
            let outcomes = try pipeline.check(files)
            Console.out(ConsoleText.check(outcomes, lang: lang))
            return outcomes.contains { $0.problems.contains { $0.severity == .error } } ? .rejected : .success
        }
    }
}
