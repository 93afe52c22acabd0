import ArgumentParser
import Foundation
import Hummingbird
import TonghopBase
import TonghopPipeline
import TonghopPortal

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Chạy cổng web: đơn vị gửi báo cáo và xem kết quả ngay; huyện, tỉnh xem tình hình báo cáo; API cho hệ thống khác.",
        discussion: """
            Ví dụ: tonghop serve --home /srv/tonghop                       (chỉ máy này: 127.0.0.1:8080)
                    tonghop serve --listen 0.0.0.0:8443 --tls-cert cert.pem --tls-key key.pem
            Tài khoản tạo bằng tonghop user add. Dừng bằng Ctrl-C hoặc SIGTERM.
            """
    )

    @OptionGroup var options: WorkspaceOptions
    @Option(help: "Địa chỉ và cổng nghe (mặc định 127.0.0.1:8080: chỉ máy này).")
    var listen: String = "127.0.0.1:8080"
    @Option(name: .customLong("tls-cert"), help: "Tệp chứng chỉ PEM (cùng --tls-key): phục vụ qua HTTPS.")
    var tlsCertificate: String?
    @Option(name: .customLong("tls-key"), help: "Tệp khóa riêng PEM của chứng chỉ.")
    var tlsKey: String?
    @Option(name: .customLong("max-upload-mb"), help: "Dung lượng tối đa một lần gửi, MB.")
    var maxUploadMegabytes: Int = 64
    @Flag(name: .customLong("behind-proxy"), help: "Đứng sau một reverse proxy trên máy này: tin X-Forwarded-For, X-Forwarded-Proto của nó.")
    var behindProxy = false

    func validate() throws {
        guard Self.split(listen) != nil else { throw ValidationError("--listen phải có dạng ĐỊA_CHỈ:CỔNG, ví dụ 127.0.0.1:8080.") }
        if (tlsCertificate == nil) != (tlsKey == nil) { throw ValidationError("--tls-cert và --tls-key phải đi cùng nhau.") }
        if maxUploadMegabytes < 1 { throw ValidationError("--max-upload-mb phải từ 1 trở lên.") }
    }

    /// "127.0.0.1:8080", "[::1]:8080" → host and port.
    static func split(_ listen: String) -> (String, Int)? {
        guard let colon = listen.lastIndex(of: ":"), let port = Int(listen[listen.index(after: colon)...]), (0...65535).contains(port) else { return nil }
        var host = String(listen[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        return host.isEmpty ? nil : (host, port)
    }

    func run() async throws {
        let (host, port) = Self.split(listen)!
        let arguments = ServeArguments(workspace: options.workspace, hostname: host, port: port, tlsCertificate: tlsCertificate, tlsKey: tlsKey,
                                       maxUploadBytes: maxUploadMegabytes * 1024 * 1024 + 64 * 1024, behindProxy: behindProxy,
                                       today: ProcessInfo.processInfo.environment["TONGHOP_TODAY"].flatMap { Int($0.filter(\.isNumber)) })
        let app: any ApplicationProtocol
        do {
            app = try buildApplication(arguments)
        } catch {
            Console.error("Không khởi động được cổng web: \(error)")
            throw ExitCode(ExitStatus.configuration.rawValue)
        }
        Console.error("tonghop serve: \(tlsCertificate == nil ? "http" : "https")://\(listen)/ — thư mục \(options.workspace.inputs.deletingLastPathComponent().path)")
        try await app.runService()
    }
}

struct ServeArguments: PortalArguments {
    let workspace: Workspace
    let hostname: String
    let port: Int
    let tlsCertificate: String?
    let tlsKey: String?
    let maxUploadBytes: Int
    let behindProxy: Bool
    let today: Int?
}
