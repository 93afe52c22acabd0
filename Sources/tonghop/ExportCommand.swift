import ArgumentParser
import Foundation
import TonghopBase
import TonghopCatalog
import TonghopPipeline
import TonghopRender

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Xuất số liệu tổng hợp của một đơn vị và các đơn vị trực thuộc, để gửi lên cấp trên.",
        discussion: """
            Dạng: csv (dạng dài của tonghop, mặc định), adx (ADX 1.0, XML), dhis2-json, dhis2-csv (dataValueSets của DHIS2).
            Ví dụ: tonghop export --period 2024 --scope 35 -o 35-2024.csv
                   tonghop export --period 2024-H1 --scope 35 --format adx -o 35-2024-H1.xml
            """
    )

    @OptionGroup var options: WorkspaceOptions
    @Option(help: "Kỳ báo cáo.")
    var period: PeriodArgument
    @Option(help: "Mã đơn vị: VN, mã tỉnh, mã huyện.")
    var scope: String
    @Option(name: .shortAndLong, help: "Tệp ghi ra (mặc định: in ra màn hình).")
    var output: String?
    @Option(help: "Dạng tệp: csv, adx, dhis2-json, dhis2-csv.")
    var format: ExportFormat = .csv

    func run() throws {
        let pipeline = try options.pipeline()
        try runReporting(options.lang) {
            let text = try pipeline.export(period.period, scope: scope, format: format, lang: options.lang)
            if let output {
                let url = URL(fileURLWithPath: output)
                try AtomicFile.write(text, to: url)
                let lang = options.lang
                Console.out([lang == .vi ? "Đã ghi số liệu \(scope) kỳ \(period.period.code) (dạng \(format.rawValue)) vào \(ConsoleText.relative(url))."
                                         : "Wrote the figures of \(scope) for \(period.period.code) (\(format.rawValue)) to \(ConsoleText.relative(url))."])
            } else {
                FileHandle.standardOutput.write(Data(text.utf8))
            }
            return .success
        }
    }
}

extension ExportFormat: ExpressibleByArgument {}
