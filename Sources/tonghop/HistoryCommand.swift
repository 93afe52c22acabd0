import ArgumentParser
import Foundation
import TonghopBase
import TonghopCatalog
import TonghopPipeline
import TonghopRender

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Mọi phiên bản báo cáo của một đơn vị: tệp nguồn, mã băm, thời điểm nhận, thay đổi so với bản trước.",
        discussion: """
            Ví dụ: tonghop history --unit 13285
                    tonghop history --unit 13285 --period 2024-Q1
                    tonghop history --unit 13285 --period 2024-Q1 --version 1 -o 13285-2024-Q1-ban-1.csv
            """
    )

    @OptionGroup var options: WorkspaceOptions
    @Option(help: "Mã đơn vị: xã, huyện, sở ngành (35-CA), tỉnh hoặc VN.")
    var unit: String
    @Option(help: "Kỳ báo cáo; cả các kỳ con (năm 2024 gồm các quý, 6 tháng của năm).")
    var period: PeriodArgument?
    @Option(help: "Xuất phiên bản số N của báo cáo kỳ --period ở dạng dài (cần --period).")
    var version: Int?
    @Option(help: "Biểu mẫu, khi đơn vị có nhiều biểu trong cùng kỳ (XA, HUYEN, CA, TONGHOP...).")
    var form: String?
    @Option(name: .shortAndLong, help: "Tệp ghi phiên bản xuất ra (mặc định: in ra màn hình).")
    var output: String?

    func validate() throws {
        if version != nil && period == nil { throw ValidationError("--version cần --period (kỳ của báo cáo).") }
        if output != nil && version == nil { throw ValidationError("-o ghi một phiên bản: cần --version.") }
    }

    func run() throws {
        let lang = options.lang
        let pipeline = try options.pipeline()
        try runReporting(lang) {
            let history = try pipeline.history(unit: unit, period: period?.period, lang: lang)
            if let number = version, let period = period?.period {
                return try export(history, period: period, number: number, lang: lang)
            }
            Console.out(ConsoleText.history(history, unitName: pipeline.unitName(history.unitCode, history: history),
                                            period: period?.period, lang: lang))
            return .success
        }
    }

    func export(_ history: SubmissionHistory, period: Period, number: Int, lang: Language) throws -> ExitStatus {
        let reports = history.reports(for: period).filter { form == nil || $0.form == form!.uppercased() }
        guard reports.count == 1, let chosen = reports[0].versions.first(where: { $0.number == number }) else {
            let forms = reports.map(\.form).joined(separator: ", ")
            let message: String
            if reports.count > 1 {
                message = lang == .vi ? "Đơn vị \(history.unitCode) có nhiều biểu mẫu trong kỳ \(period.code) (\(forms)): chọn một bằng --form."
                                      : "Unit \(history.unitCode) has several forms for \(period.code) (\(forms)): choose one with --form."
            } else if let report = reports.first {
                message = lang == .vi ? "Báo cáo kỳ \(period.code) của \(history.unitCode) chỉ có \(report.versions.count) phiên bản."
                                      : "The \(period.code) report of \(history.unitCode) has only \(report.versions.count) versions."
            } else {
                message = lang == .vi ? "Kho dữ liệu không có báo cáo kỳ \(period.code) của \(history.unitCode)."
                                      : "The store holds no \(period.code) report of \(history.unitCode)."
            }
            Console.error(message)
            return .failure
        }
        let csv = LongExport.csv(version: chosen.stored)
        if let output {
            let url = URL(fileURLWithPath: output)
            try AtomicFile.write(csv, to: url)
            Console.out([lang == .vi ? "Đã ghi phiên bản \(number) (\(chosen.stored.values.count) giá trị) vào \(ConsoleText.relative(url))."
                                     : "Wrote version \(number) (\(chosen.stored.values.count) values) to \(ConsoleText.relative(url))."])
        } else {
            FileHandle.standardOutput.write(Data(csv.utf8))
        }
        return .success
    }
}
