import ArgumentParser
import Foundation
import TonghopCore

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
            let store = try options.existingStore()
            let rollup = try pipeline.rollup(period.period, store: store)
            guard let unit = rollup.registry.unit(scope.uppercased()), [.nation, .province, .district].contains(unit.level) else {
                throw ConfigurationError(file: "--scope", "\(scope) không phải mã quốc gia (VN), tỉnh hay huyện của danh mục \(rollup.registry.id)")
            }
            Console.status(ReportingStatus(scope: unit, rollup: rollup), lang: lang)
            Console.lastRun(try store.lastRun(), summary: RunSummary.files(outputs: pipeline.workspace.outputs, runId: 0).last, lang: lang)
            return .success
        }
    }
}
