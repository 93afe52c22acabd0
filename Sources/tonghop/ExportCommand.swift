import ArgumentParser
import Foundation
import TonghopBase
import TonghopCatalog
import TonghopPipeline
import TonghopRender

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Xuất số liệu tổng hợp của một đơn vị và các đơn vị trực thuộc ở dạng dài, để gửi lên cấp trên.",
        discussion: "Ví dụ: tonghop export --period 2024 --scope 35 -o 35-2024.csv"
    )

    @OptionGroup var options: WorkspaceOptions
    @Option(help: "Kỳ báo cáo.")
    var period: PeriodArgument
    @Option(help: "Mã đơn vị: VN, mã tỉnh, mã huyện.")
    var scope: String
    @Option(name: .shortAndLong, help: "Tệp ghi ra (mặc định: in ra màn hình).")
    var output: String?

    func run() throws {
        let pipeline = try options.pipeline()
        try runReporting(options.lang) {
            let csv = try pipeline.export(period.period, scope: scope, lang: options.lang)
            if let output {
                try AtomicFile.write(csv, to: URL(fileURLWithPath: output))
            } else {
                FileHandle.standardOutput.write(Data(csv.utf8))
            }
            return .success
        }
    }
}
