import ArgumentParser
import Foundation
import TonghopBase
import TonghopCatalog
import TonghopPipeline
import TonghopRender

@main
struct Tonghop: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tonghop",
        abstract: "Tổng hợp báo cáo phòng, chống ma túy, HIV/AIDS, mại dâm: từ các tệp CSV trong inputs/ đến bảng tính trong outputs/.",
        discussion: """
            Mã thoát: 0 thành công; 1 lỗi khi chạy; 2 có tệp hoặc dòng bị từ chối; \
            3 không có gì để làm (tonghop run); 4 lỗi cấu hình (templates/); 5 một lượt chạy khác đang giữ khóa; \
            64 dùng sai lệnh.
            """,
        subcommands: [RollupCommand.self, RunCommand.self, ReportCommand.self, ExportCommand.self, CheckCommand.self,
                      TemplateCommand.self, HistoryCommand.self, StatusCommand.self, SampleCommand.self, ServeCommand.self,
                      UserCommand.self]
    )
}

/// The paths every command shares; each defaults under `--home` (the current directory).
struct WorkspaceOptions: ParsableArguments {
    @Option(help: "Thư mục làm việc chứa templates/, inputs/, outputs/ và kho dữ liệu.")
    var home: String?
    @Option(help: "Thư mục các tệp báo cáo nhận được (mặc định HOME/inputs).")
    var inputs: String?
    @Option(help: "Thư mục ghi bảng tính (mặc định HOME/outputs).")
    var outputs: String?
    @Option(help: "Thư mục danh mục: chỉ tiêu, biểu mẫu, đơn vị (mặc định HOME/templates).")
    var templates: String?
    @Option(help: "Tệp kho dữ liệu SQLite (mặc định HOME/tonghop.sqlite).")
    var store: String?
    @Option(help: "Ngôn ngữ thông báo: vi hoặc en.")
    var lang: Language = .vi

    var workspace: Workspace {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let home = self.home.map { URL(fileURLWithPath: $0, relativeTo: cwd).standardizedFileURL } ?? cwd
        func url(_ s: String?) -> URL? { s.map { URL(fileURLWithPath: $0, relativeTo: cwd).standardizedFileURL } }
        return Workspace(home: home, templates: url(templates), inputs: url(inputs), outputs: url(outputs), store: url(store))
    }

    /// Loads the catalog, turning a configuration problem into exit code 4.
    func pipeline() throws -> ReportingPipeline {
        do {
            let p = try ReportingPipeline(workspace: workspace)
            if let today = ProcessInfo.processInfo.environment["TONGHOP_TODAY"], let key = Int(today.filter(\.isNumber)) {
                p.today = key
            }
            return p
        } catch let error as ConfigurationError {
            Console.error(error.description)
            throw ExitCode(ExitStatus.configuration.rawValue)
        }
    }
}

/// What `rollup` and `run` share besides the paths: which periods, how long to wait for the
/// lock, and the scope being compiled.
struct RollupOptions: ParsableArguments {
    /// The run these options ask for.
    func request(_ kind: RunRequest.Kind, command: String, lang: Language) -> RunRequest {
        var request = RunRequest(kind: kind, command: command)
        request.periods = periods.map(\.period)
        request.scope = scope
        request.wait = wait
        request.language = lang
        return request
    }

    @Option(name: .customLong("period"), help: "Kỳ cần ghi báo cáo (lặp lại được). Mặc định: mọi kỳ có số liệu.")
    var periods: [PeriodArgument] = []
    @Option(help: "Số giây chờ nếu một lượt chạy khác đang giữ kho dữ liệu.")
    var wait: Double = 60
    @Option(help: "Mã tỉnh hoặc huyện đang tổng hợp: báo cáo của đơn vị ngoài phạm vi này bị từ chối, chỉ ghi bảng tính của tỉnh đó.")
    var scope: String?
}

extension Language: ExpressibleByArgument {}

/// Reads `--period` values as officers write them.
struct PeriodArgument: ExpressibleByArgument {
    let period: Period
    init?(argument: String) {
        guard let p = Period.parse(argument) else { return nil }
        period = p
    }
}

/// Runs a command body, mapping failures onto the documented exit codes.
func runReporting(_ lang: Language = .vi, _ body: () throws -> ExitStatus) throws {
    let status: ExitStatus
    do {
        status = try body()
    } catch let error as ExitCode {
        throw error
    } catch let error as OutputError {
        Console.error(ConsoleText.outputFailure(error, lang: lang))
        throw ExitCode(ExitStatus.failure.rawValue)
    } catch let error as ConfigurationError {
        Console.error(error.description)
        throw ExitCode(ExitStatus.configuration.rawValue)
    } catch let error as NoReports {
        Console.error(error.text(lang))
        throw ExitCode(ExitStatus.nothingToDo.rawValue)
    } catch let error as UsageError {
        Console.error("Lỗi: \(error)")
        throw ExitCode.validationFailure
    } catch {
        Console.error("Lỗi khi chạy: \(error)")
        throw ExitCode(ExitStatus.failure.rawValue)
    }
    if status != .success { throw ExitCode(status.rawValue) }
}
