import ArgumentParser
import Foundation
import TonghopBase
import TonghopCatalog
import TonghopPipeline
import TonghopRender

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Ghi bảng tính của một kỳ từ kho dữ liệu (không đọc inputs/).",
        discussion: "Ví dụ: tonghop report --period 2024-H1 --scope VN\n        tonghop report --period 2024 --scope 35"
    )

    @OptionGroup var options: WorkspaceOptions
    @Option(help: "Kỳ báo cáo: 2024-Q2, 2024-H1, 2024, \"Quý II/2024\"...")
    var period: PeriodArgument
    @Option(help: "VN cho báo cáo toàn quốc, mã tỉnh cho báo cáo của tỉnh. Mặc định: toàn quốc và mọi tỉnh có số liệu.")
    var scope: String?

    func run() throws {
        let pipeline = try options.pipeline()
        try runReporting(options.lang) {
            let written = try pipeline.report(period.period, scope: scope, lang: options.lang)
            Console.out(written.filter { $0.pathExtension == "xlsx" }.map(ConsoleText.relative))
            return .success
        }
    }
}
