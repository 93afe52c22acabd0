import ArgumentParser
import Foundation
import TonghopBase
import TonghopCatalog
import TonghopPipeline
import TonghopRender

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
            let request = rollup.request(.rollup, command: CommandLine.arguments.dropFirst().joined(separator: " "), lang: lang)
            let result = try pipeline.run(request)
            if result.status == .locked {
                Console.error(ConsoleText.locked(pipeline.workspace.store, lang: lang))
                return .locked
            }
            Console.out(ConsoleText.run(result, request: request, outputs: pipeline.workspace.outputs, lang: lang))
            return result.status
        }
    }
}
