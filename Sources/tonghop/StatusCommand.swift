import ArgumentParser
import Foundation
import TonghopBase
import TonghopCatalog
import TonghopPipeline
import TonghopRender

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Tình hình báo cáo của một kỳ: ai đã báo cáo đủ, chưa đủ, chưa báo cáo; và lượt chạy gần nhất.",
        discussion: """
            Ví dụ: tonghop status --period 2024-H1            (toàn quốc, theo tỉnh)
                    tonghop status --period 2024-Q2 --scope 35  (Hà Nam, theo huyện và sở ngành)
            """
    )

    @OptionGroup var options: WorkspaceOptions
    @Option(help: "Kỳ báo cáo.")
    var period: PeriodArgument
    @Option(help: "VN (mặc định), mã tỉnh hoặc mã huyện.")
    var scope: String = "VN"

    func run() throws {
        let lang = options.lang
        let pipeline = try options.pipeline()
        try runReporting(lang) {
            let (status, lastRun) = try pipeline.status(period.period, scope: scope, lang: lang)
            Console.out(ConsoleText.status(status, lang: lang))
            Console.out(ConsoleText.lastRun(lastRun, summary: RunSummary.files(outputs: pipeline.workspace.outputs, runId: 0).last, lang: lang))
            return .success
        }
    }
}
