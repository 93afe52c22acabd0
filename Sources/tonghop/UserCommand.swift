import ArgumentParser
import Foundation
import TonghopBase
import TonghopStore
import TonghopPipeline
import TonghopPortal

/// `tonghop user`: the portal's accounts, from the command line, without the server.
struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Tài khoản của cổng web (tonghop serve): thêm, liệt kê, khóa, đặt mật khẩu, tạo mã truy cập API.",
        subcommands: [Add.self, List.self, Disable.self, Passwd.self, Token.self]
    )

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Thêm tài khoản cho một đơn vị (xã, huyện, sở ngành như 35-CA, tỉnh, hoặc VN).",
            discussion: "Ví dụ: echo 'mật khẩu' | tonghop user add xa-13285 --unit 13285 --role nhap-lieu --password-stdin"
        )
        @OptionGroup var options: WorkspaceOptions
        @Argument(help: "Tên đăng nhập.") var login: String
        @Option(help: "Mã đơn vị của tài khoản.") var unit: String
        @Option(help: "nhap-lieu (gửi báo cáo), tong-hop (cả tình hình, bảng tính, xuất số liệu) hoặc quan-tri (cả tài khoản, nhật ký).")
        var role: RoleArgument
        @Flag(name: .customLong("password-stdin"), help: "Đọc mật khẩu từ dòng đầu của đầu vào chuẩn (bắt buộc: mật khẩu không nằm trên dòng lệnh).")
        var passwordStdin = false

        func validate() throws { if !passwordStdin { throw ValidationError("Cần --password-stdin: đưa mật khẩu qua đầu vào chuẩn.") } }

        func run() throws {
            try accounts(options) { accounts in
                let account = try accounts.add(login: login, unitCode: unit, role: role.role, password: try readPassword())
                Console.out("Đã thêm tài khoản \(account.login): đơn vị \(account.unitCode), vai trò \(account.role).")
                return ("thêm \(account.login) (\(account.unitCode), \(account.role))", account.unitCode)
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Liệt kê các tài khoản.")
        @OptionGroup var options: WorkspaceOptions

        func run() throws {
            try accounts(options) { accounts in
                let all = try accounts.list()
                if all.isEmpty { Console.out("Chưa có tài khoản nào.") }
                for a in all {
                    Console.out("\(a.login)\t\(a.unitCode)\t\(a.role)\t\(a.disabled ? "đã khóa" : "đang dùng")\ttạo \(a.createdAt)")
                }
                return nil
            }
        }
    }

    struct Disable: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Khóa một tài khoản: không đăng nhập được, mã truy cập API bị từ chối.")
        @OptionGroup var options: WorkspaceOptions
        @Argument(help: "Tên đăng nhập.") var login: String

        func run() throws {
            try accounts(options) { accounts in
                try accounts.disable(login: login)
                Console.out("Đã khóa tài khoản \(login.lowercased()).")
                return ("khóa \(login.lowercased())", try unit(of: login, accounts))
            }
        }
    }

    struct Passwd: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Đặt mật khẩu mới; các phiên đăng nhập của tài khoản kết thúc.")
        @OptionGroup var options: WorkspaceOptions
        @Argument(help: "Tên đăng nhập.") var login: String
        @Flag(name: .customLong("password-stdin"), help: "Đọc mật khẩu mới từ dòng đầu của đầu vào chuẩn (bắt buộc).")
        var passwordStdin = false

        func validate() throws { if !passwordStdin { throw ValidationError("Cần --password-stdin: đưa mật khẩu qua đầu vào chuẩn.") } }

        func run() throws {
            try accounts(options) { accounts in
                try accounts.setPassword(login: login, password: try readPassword())
                Console.out("Đã đặt mật khẩu mới cho \(login.lowercased()).")
                return ("đặt mật khẩu \(login.lowercased())", try unit(of: login, accounts))
            }
        }
    }

    struct Token: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Tạo một mã truy cập API cho tài khoản; mã in ở dòng cuối, một lần duy nhất (chỉ lưu giá trị băm của nó).")
        @OptionGroup var options: WorkspaceOptions
        @Argument(help: "Tên đăng nhập.") var login: String

        func run() throws {
            try accounts(options) { accounts in
                let token = try accounts.newToken(login: login)
                Console.out("Mã truy cập API của \(login.lowercased()) (gửi kèm tiêu đề Authorization: Bearer <mã>; không hiện lại lần nữa):")
                Console.out(token)
                return ("tạo mã truy cập API \(login.lowercased())", try unit(of: login, accounts))
            }
        }
    }
}

/// The roles as the command line spells them.
struct RoleArgument: ExpressibleByArgument {
    let role: Role
    init?(argument: String) {
        guard let role = Role(rawValue: argument) else { return nil }
        self.role = role
    }
    static var allValueStrings: [String] { Role.allCases.map(\.rawValue) }
}

/// Runs an account command over the store (created if absent), refusals as exit code 64. A
/// change (what the body returns: what was done, to which unit's account) goes into the audit
/// log, as the portal's own changes do, under the system user who ran the command.
private func accounts(_ options: WorkspaceOptions, _ body: (Accounts) throws -> (object: String, unit: String?)?) throws {
    let pipeline = try options.pipeline()
    try runReporting(options.lang) {
        do {
            let store = try Store(path: pipeline.workspace.store.path)
            if let change = try body(Accounts(store: store, catalog: pipeline.catalog)) {
                try store.record(Store.AuditEvent(login: "dòng lệnh: \(ProcessInfo.processInfo.userName)", unitCode: change.unit,
                                                  action: "tai-khoan", object: change.object, outcome: "thanh-cong", address: "máy chủ"))
            }
        } catch let refusal as Accounts.Refusal {
            throw UsageError(refusal.description)
        }
        return .success
    }
}

private func unit(of login: String, _ accounts: Accounts) throws -> String? {
    try accounts.store.account(login: login.lowercased())?.account.unitCode
}

/// The first line of standard input, without its line end.
private func readPassword() throws -> String {
    guard let line = readLine(strippingNewline: true) else { throw UsageError("Không đọc được mật khẩu từ đầu vào chuẩn.") }
    return line
}
