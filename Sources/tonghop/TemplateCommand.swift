import ArgumentParser
import Foundation
import TonghopBase
import TonghopCatalog
import TonghopPipeline
import TonghopRender

struct TemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "Tạo biểu mẫu trống (.csv và .xlsx) để gửi cho đơn vị điền số liệu.",
        discussion: """
            Ví dụ: tonghop template --unit 13285 --period 2024-Q2   (biểu của một xã, huyện hoặc sở, ngành)
                    tonghop template --scope 35 --period 2024-Q2    (mọi đơn vị phải báo cáo của tỉnh 35)
            Mặc định ghi vào outputs/bieu-mau-trong/<kỳ>/.
            """
    )

    @OptionGroup var options: WorkspaceOptions
    @Option(help: "Mã đơn vị lập biểu: xã, huyện, hoặc sở, ngành (35-CA).")
    var unit: String?
    @Option(help: "Mã huyện hoặc tỉnh: tạo biểu cho mọi đơn vị phải báo cáo thuộc đơn vị này.")
    var scope: String?
    @Option(help: "Kỳ báo cáo: 2024-Q2, 2024-H1, 2024, \"Quý II/2024\"...")
    var period: PeriodArgument
    @Option(help: "Thư mục ghi biểu mẫu (mặc định HOME/outputs/bieu-mau-trong/<kỳ>).")
    var out: String?

    func validate() throws {
        if (unit == nil) == (scope == nil) { throw ValidationError("Cần đúng một trong hai: --unit hoặc --scope.") }
    }

    func run() throws {
        let pipeline = try options.pipeline()
        try runReporting {
            let writer = BlankFormWriter(catalog: pipeline.catalog, window: pipeline.window)
            let folder = out.map { URL(fileURLWithPath: $0) }
                ?? BlankFormWriter.folder(outputs: pipeline.workspace.outputs, period: period.period)
            if let unit {
                Console.out(try writer.writeUnit(unit, period: period.period, into: folder).map(ConsoleText.relative))
            } else if let scope {
                let (root, files) = try writer.writeScope(scope, period: period.period, into: folder)
                Console.out(ConsoleText.templates(root: root, files: files))
            }
            return .success
        }
    }
}
