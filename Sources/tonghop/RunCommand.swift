import ArgumentParser
import Foundation
import TonghopBase
import TonghopCatalog
import TonghopPipeline
import TonghopRender

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Lượt chạy tự động (cron): như rollup, nhưng chỉ ghi lại các báo cáo đã cũ, ghi nhật ký và bản tóm tắt JSON.",
        discussion: """
            Mã thoát: 0 thành công; 2 xong nhưng có tệp hoặc dòng bị từ chối; 3 không có gì để làm (không có tệp mới, \
            báo cáo đã cập nhật); 4 lỗi cấu hình; 5 một lượt chạy khác đang giữ khóa; 1 lỗi khi chạy.
            Nhật ký: OUTPUTS/nhat-ky/tonghop.log; tóm tắt: OUTPUTS/lan-chay-cuoi.json.
            Ví dụ (crontab): */15 * * * * /srv/tonghop/.build/release/tonghop run --home /srv/tonghop >> /srv/tonghop/cron.log 2>&1
            """
    )

    @OptionGroup var options: WorkspaceOptions
    @OptionGroup var rollup: RollupOptions
    @Option(help: "Tệp nhật ký, ghi thêm một dòng cho mỗi tệp đọc (mặc định OUTPUTS/nhat-ky/tonghop.log).")
    var log: String?

    func run() throws {
        let lang = options.lang
        let pipeline = try options.pipeline()
        try runReporting(lang) {
            let outputs = pipeline.workspace.outputs
            let logFile = log.map { URL(fileURLWithPath: $0).standardizedFileURL } ?? RunLog.defaultFile(outputs: outputs)
            let request = rollup.request(.scheduled(log: logFile), command: (["tonghop"] + CommandLine.arguments.dropFirst()).joined(separator: " "),
                                         lang: lang)
            let reading = Console.Progress(lang == .vi ? "Đọc tệp" : "Reading files")
            let writing = Console.Progress(lang == .vi ? "Ghi báo cáo các kỳ" : "Writing the reports of periods")
            var progress = RunProgress()
            if Console.showsProgress {
                progress.filesRead = { reading.show($0, $1) }
                progress.periodsWritten = { writing.show($0, $1) }
            }
            let result = try pipeline.run(request, progress: progress)
            reading.end()
            writing.end()
            if let failure = result.logFailure { Console.error(ConsoleText.outputFailure(failure, lang: lang)) }
            if result.status == .locked {
                Console.error(ConsoleText.locked(pipeline.workspace.store, lang: lang))
                return .locked
            }
            Console.out(ConsoleText.run(result, request: request, outputs: outputs, lang: lang))
            if let failure = result.failure { Console.error(ConsoleText.outputFailure(failure, lang: lang)) }
            if let file = result.summaryFile { Console.out(ConsoleText.runSummaryFile(file, lang: lang)) }
            return result.status
        }
    }
}
