import Foundation
import Hummingbird
import TonghopBase
import TonghopStore

/// `/quan-tri`: for `quan-tri` accounts, the accounts of units within theirs — add one, disable
/// one, set a new password — and the audit log of those units. API tokens are made with
/// `tonghop user token` on the server, where they can be handed over safely.
struct AdministrationController {
    let portal: Portal

    var endpoints: RouteCollection<PortalContext> {
        let routes = RouteCollection(context: PortalContext.self)
        routes.get("quan-tri/tai-khoan", use: list)
        routes.post("quan-tri/tai-khoan", use: add)
        routes.post("quan-tri/tai-khoan/khoa", use: disable)
        routes.post("quan-tri/tai-khoan/mat-khau", use: setPassword)
        routes.get("quan-tri/nhat-ky", use: auditLog)
        return routes
    }

    @Sendable func list(_ request: Request, context: PortalContext) async throws -> Response {
        try await page(context, notice: nil, status: .ok)
    }

    @Sendable func add(_ request: Request, context: PortalContext) async throws -> Response {
        let account = try context.requireAccount()
        let form = context.form
        let login = form?["dang-nhap"] ?? "", unit = (form?["don-vi"] ?? "").trimmingBlanks.uppercased()
        let password = form?["mat-khau"] ?? ""
        guard let role = Role(rawValue: form?["vai-tro"] ?? "") else { return try await page(context, notice: .bad("Chọn vai trò."), status: .badRequest) }
        guard try portal.scope(of: account).contains(unit, period: nil) else {
            return try await page(context, notice: .bad("Đơn vị \(unit) nằm ngoài phạm vi của tài khoản (đơn vị \(account.unitCode))."), status: .forbidden)
        }
        let accounts = try portal.accounts()
        do {
            let added = try await Blocking.run { try accounts.add(login: login, unitCode: unit, role: role, password: password) }
            await portal.audit(context, action: "tai-khoan", object: "thêm \(added.login) (\(added.unitCode), \(added.role))", outcome: "thanh-cong")
            return try await page(context, notice: .ok("Đã thêm tài khoản \(added.login)."), status: .ok)
        } catch let refusal as Accounts.Refusal {
            return try await page(context, notice: .bad(refusal.description), status: .badRequest)
        }
    }

    @Sendable func disable(_ request: Request, context: PortalContext) async throws -> Response {
        let (login, _) = try await target(context)
        guard login != context.account?.login else { return try await page(context, notice: .bad("Không tự khóa tài khoản đang dùng."), status: .badRequest) }
        let accounts = try portal.accounts()
        try await Blocking.run { try accounts.disable(login: login) }
        await portal.audit(context, action: "tai-khoan", object: "khóa \(login)", outcome: "thanh-cong")
        return try await page(context, notice: .ok("Đã khóa tài khoản \(login): không đăng nhập được nữa, mã truy cập API bị từ chối."), status: .ok)
    }

    @Sendable func setPassword(_ request: Request, context: PortalContext) async throws -> Response {
        let (login, _) = try await target(context)
        let password = context.form?["mat-khau"] ?? ""
        let accounts = try portal.accounts()
        do {
            try await Blocking.run { try accounts.setPassword(login: login, password: password) }
        } catch let refusal as Accounts.Refusal {
            return try await page(context, notice: .bad(refusal.description), status: .badRequest)
        }
        await portal.audit(context, action: "tai-khoan", object: "đặt mật khẩu \(login)", outcome: "thanh-cong")
        return try await page(context, notice: .ok("Đã đặt mật khẩu mới cho \(login); các phiên đăng nhập của tài khoản này đã kết thúc."), status: .ok)
    }

    @Sendable func auditLog(_ request: Request, context: PortalContext) async throws -> Response {
        let account = try context.requireAccount()
        let scope = try portal.scope(of: account)
        let nation = account.unitCode == "VN"
        let events = try await Blocking.run { [store = portal.store] in
            // Sign-ins with unknown logins belong to no unit: only the nation's administrators see them.
            try store.auditEvents(limit: 300) { unit in unit.map { scope.contains($0, period: nil) } ?? nation }
        }
        let model = AuditModel(events: events.map { e in
            AuditModel.Row(time: Display.time(e.at), login: e.login ?? "—", unit: e.unitCode ?? "—", action: AuditWording.text(e.action),
                           object: e.object, outcome: AuditWording.text(e.outcome), address: e.address)
        })
        return portal.pages.render("audit", model, frame: portal.frame(context, title: "Nhật ký truy cập", current: "/quan-tri/tai-khoan"))
            .response(status: .ok)
    }

    /// The account a form names, if it lies within the administrator's unit.
    private func target(_ context: PortalContext) async throws -> (String, Store.Account) {
        let account = try context.requireAccount()
        let login = (context.form?["dang-nhap"] ?? "").trimmingBlanks.lowercased()
        let scope = try portal.scope(of: account)
        guard let found = try await Blocking.run({ [store = portal.store] in try store.account(login: login) })?.account,
              scope.contains(found.unitCode, period: nil) else {
            throw Refused.notFound("Không có tài khoản \(login) trong phạm vi của tài khoản này.")
        }
        return (login, found)
    }

    private func page(_ context: PortalContext, notice: AccountsModel.Notice?, status: HTTPResponse.Status) async throws -> Response {
        let account = try context.requireAccount()
        let scope = try portal.scope(of: account)
        let all = try await Blocking.run { [store = portal.store] in try store.accounts() }
        let model = AccountsModel(csrf: context.csrfToken ?? "", notice: notice, unit: account.unitCode,
                                  accounts: all.filter { scope.contains($0.unitCode, period: nil) }.map { a in
                                      AccountsModel.Row(login: a.login, unit: a.unitCode,
                                                        unitName: scope.unit(a.unitCode, period: nil)?.name ?? a.unitCode,
                                                        role: Role(rawValue: a.role)?.vietnameseName ?? a.role,
                                                        disabled: a.disabled, created: Display.time(a.createdAt))
                                  },
                                  roles: Role.allCases.map { AccountsModel.RoleOption(value: $0.rawValue, name: $0.vietnameseName) })
        return portal.pages.render("accounts", model, frame: portal.frame(context, title: "Quản trị tài khoản", current: "/quan-tri/tai-khoan"))
            .response(status: status)
    }
}

struct AccountsModel {
    struct Notice {
        let text: String
        let tone: String
        static func ok(_ text: String) -> Notice { Notice(text: text, tone: "ok") }
        static func bad(_ text: String) -> Notice { Notice(text: text, tone: "bad") }
    }

    struct Row {
        let login: String
        let unit: String
        let unitName: String
        let role: String
        let disabled: Bool
        let created: String
    }

    struct RoleOption {
        let value: String
        let name: String
    }

    let csrf: String
    let notice: Notice?
    let unit: String
    let accounts: [Row]
    let roles: [RoleOption]
}

struct AuditModel {
    struct Row {
        let time: String
        let login: String
        let unit: String
        let action: String
        let object: String
        let outcome: String
        let address: String
    }

    let events: [Row]
}

extension Pages {
    static let accounts = """
        <h1>Quản trị tài khoản</h1>
        <p class="muted">Tài khoản của các đơn vị trong phạm vi {{unit}} · <a href="/quan-tri/nhat-ky">Nhật ký truy cập</a></p>
        {{#notice}}<p class="notice {{tone}}" role="status">{{text}}</p>{{/notice}}
        <section class="card">
          <h2>Các tài khoản</h2>
          <div class="table-wrap"><table>
            <thead><tr><th>Tên đăng nhập</th><th>Đơn vị</th><th>Vai trò</th><th>Tạo lúc</th><th>Trạng thái</th><th></th></tr></thead>
            <tbody>
            {{#accounts}}
            <tr>
              <td><strong>{{login}}</strong></td><td>{{unitName}} <span class="muted">{{unit}}</span></td><td>{{role}}</td><td>{{created}}</td>
              <td>{{#disabled}}<span class="badge bad">đã khóa</span>{{/disabled}}{{^disabled}}<span class="badge ok">đang dùng</span>{{/disabled}}</td>
              <td>
                <details><summary>Đổi</summary>
                  <form method="post" action="/quan-tri/tai-khoan/mat-khau">
                    <input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="dang-nhap" value="{{login}}">
                    <label for="mk-{{login}}">Mật khẩu mới</label>
                    <input type="password" id="mk-{{login}}" name="mat-khau" autocomplete="new-password" minlength="8" required>
                    <div class="actions"><button type="submit" class="secondary">Đặt mật khẩu</button></div>
                  </form>
                  {{^disabled}}
                  <form method="post" action="/quan-tri/tai-khoan/khoa">
                    <input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="dang-nhap" value="{{login}}">
                    <div class="actions"><button type="submit" class="secondary">Khóa tài khoản</button></div>
                  </form>
                  {{/disabled}}
                </details>
              </td>
            </tr>
            {{/accounts}}
            </tbody>
          </table></div>
        </section>
        <section class="card">
          <h2>Thêm tài khoản</h2>
          <form method="post" action="/quan-tri/tai-khoan">
            <input type="hidden" name="csrf" value="{{csrf}}">
            <label for="dang-nhap">Tên đăng nhập</label>
            <input type="text" id="dang-nhap" name="dang-nhap" autocapitalize="none" spellcheck="false" placeholder="xa-13285" required>
            <label for="don-vi">Mã đơn vị</label>
            <input type="text" id="don-vi" name="don-vi" placeholder="13285, 347, 35-CA, 35" required>
            <label for="vai-tro">Vai trò</label>
            <select id="vai-tro" name="vai-tro">{{#roles}}<option value="{{value}}">{{name}}</option>{{/roles}}</select>
            <label for="mat-khau">Mật khẩu (ít nhất 8 ký tự)</label>
            <input type="password" id="mat-khau" name="mat-khau" autocomplete="new-password" minlength="8" required>
            <div class="actions"><button type="submit" class="primary">Thêm tài khoản</button></div>
          </form>
        </section>

        """

    static let audit = """
        <h1>Nhật ký truy cập</h1>
        <p class="muted">Đăng nhập, gửi tệp, tải về, xuất số liệu, thay đổi tài khoản và các yêu cầu bị từ chối của các đơn vị trong phạm vi, mới nhất trước (300 dòng). <a href="/quan-tri/tai-khoan">Tài khoản</a></p>
        <section class="card">
          <div class="table-wrap"><table>
            <thead><tr><th>Lúc</th><th>Tài khoản</th><th>Đơn vị</th><th>Việc</th><th>Đối tượng</th><th>Kết quả</th><th>Địa chỉ</th></tr></thead>
            <tbody>
            {{#events}}<tr><td>{{time}}</td><td>{{login}}</td><td>{{unit}}</td><td>{{action}}</td><td>{{object}}</td><td>{{outcome}}</td><td>{{address}}</td></tr>{{/events}}
            </tbody>
          </table></div>
        </section>

        """
}
