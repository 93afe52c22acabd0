import Foundation
import Hummingbird
import TonghopBase
import TonghopStore
import TonghopPipeline

/// `/`: the sign-in form for a visitor, the account's home page after; signing in and out.
struct SignInController {
    let portal: Portal

    var endpoints: RouteCollection<PortalContext> {
        let routes = RouteCollection(context: PortalContext.self)
        routes.get("/", use: home)
        routes.post("dang-nhap", use: signIn)
        routes.post("dang-xuat", use: signOut)
        return routes
    }

    @Sendable func home(_ request: Request, context: PortalContext) async throws -> Response {
        guard let account = context.account else { return signInPage(context, message: nil, status: .ok) }
        let role = Role(rawValue: account.role) ?? .dataEntry
        let folder = ReportingPipeline.uploadFolder(unit: account.unitCode) + "/"
        let recent = try await Blocking.run { [store = portal.store] in try store.latestFiles(under: folder, limit: 8) }
        var tiles = [HomeModel.Tile(href: "/gui-bao-cao", title: "Gửi báo cáo", text: "Tải lên tệp đã điền (.csv, .xlsx, .xls, .ods, DHIS2) và biết ngay có lỗi gì."),
                     HomeModel.Tile(href: "/don-vi", title: "Đơn vị của tôi", text: "Các kỳ đã gửi, đúng hạn hay muộn, các phiên bản, phiếu báo lỗi, biểu mẫu trống.")]
        if role >= .compiler {
            tiles += [HomeModel.Tile(href: "/tinh-hinh", title: "Tình hình báo cáo", text: "Đơn vị nào đã gửi đủ, chưa đủ, chưa gửi, gửi muộn."),
                      HomeModel.Tile(href: "/bao-cao", title: "Báo cáo tổng hợp", text: "Số liệu chủ yếu so với cùng kỳ, biểu đồ, bảng tính để tải về.")]
        }
        if role >= .administrator {
            tiles.append(HomeModel.Tile(href: "/quan-tri/tai-khoan", title: "Quản trị", text: "Tài khoản trong đơn vị và nhật ký truy cập."))
        }
        let frame = portal.frame(context, title: "Trang chủ", current: "/")
        let model = HomeModel(unitName: frame.account?.unitName ?? account.unitCode, unitCode: account.unitCode, tiles: tiles,
                              recent: recent.map { f in
                                  let v = Display.verdict(f.status)
                                  return HomeModel.Recent(name: Display.fileName(f.path), time: Display.time(f.receivedAt), label: v.label, tone: v.tone)
                              })
        return portal.pages.render("home", model, frame: frame).response(status: .ok)
    }

    @Sendable func signIn(_ request: Request, context: PortalContext) async throws -> Response {
        let form = context.form
        let login = (form?["dang-nhap"] ?? "").trimmingBlanks.lowercased()
        let password = form?["mat-khau"] ?? ""
        let address = context.address
        let store = portal.store, throttle = portal.settings.throttle
        let now = Date()
        let failures = try await Blocking.run { try store.failedLoginAttempts(login: login, address: address, since: now.addingTimeInterval(-throttle.window)) }
        switch throttle.decide(loginFailures: failures.login, addressFailures: failures.address, lastFailure: failures.lastFailure, now: now) {
        case .refuse(let until):
            let unit = try await Blocking.run { try store.account(login: login)?.account.unitCode }
            await portal.audit(context, action: "dang-nhap", object: login, outcome: "tam-khoa", login: login, unitCode: unit)
            let minutes = max(1, Int((until.timeIntervalSince(now) / 60).rounded(.up)))
            return signInPage(context, message: "Đăng nhập sai quá nhiều lần. Hãy thử lại sau \(minutes) phút.", status: .tooManyRequests, login: login)
        case .allow(let delay):
            if delay > 0 { try await Task.sleep(for: .seconds(delay)) }
        }
        let accounts = try portal.accounts()
        let account = try await Blocking.run { try accounts.verify(login: login, password: password) }
        try await Blocking.run { try store.recordLoginAttempt(login: login, address: address, succeeded: account != nil) }
        guard let account else {
            // Recorded under the login's unit when the login exists, so that its administrator sees it.
            let unit = try await Blocking.run { try store.account(login: login)?.account.unitCode }
            await portal.audit(context, action: "dang-nhap", object: login, outcome: "sai-mat-khau", login: login, unitCode: unit)
            return signInPage(context, message: "Tên đăng nhập hoặc mật khẩu không đúng (hoặc tài khoản đã bị khóa).", status: .unauthorized, login: login)
        }
        let token = Secrets.random(), csrf = Secrets.random()
        let lifetime = portal.settings.sessionLifetime
        try await Blocking.run {
            try store.addSession(tokenHash: Secrets.hash(token), accountId: account.id, csrfToken: csrf,
                                 expiresAt: now.addingTimeInterval(lifetime), address: address)
        }
        var signedIn = context
        signedIn.account = account
        await portal.audit(signedIn, action: "dang-nhap", object: login, outcome: "thanh-cong")
        var response = Response(status: .seeOther, headers: [.location: "/"])
        response.setCookie(SessionCookies.make(SessionCookies.session, token, maxAge: Int(lifetime), secure: context.isHTTPS))
        response.setCookie(SessionCookies.clear(SessionCookies.signIn, secure: context.isHTTPS))
        return response
    }

    @Sendable func signOut(_ request: Request, context: PortalContext) async throws -> Response {
        if let hash = context.sessionHash {
            try await Blocking.run { [store = portal.store] in try store.endSession(tokenHash: hash) }
            await portal.audit(context, action: "dang-xuat", object: context.account?.login ?? "", outcome: "thanh-cong")
        }
        var response = Response(status: .seeOther, headers: [.location: "/"])
        response.setCookie(SessionCookies.clear(SessionCookies.session, secure: context.isHTTPS))
        return response
    }

    /// The sign-in form, with a new token for it in the visitor's cookie.
    private func signInPage(_ context: PortalContext, message: String?, status: HTTPResponse.Status, login: String = "") -> Response {
        let token = Secrets.random()
        var response = portal.pages.render("sign-in", SignInModel(csrf: token, message: message, login: login),
                                           frame: Frame(title: "Đăng nhập")).response(status: status)
        response.setCookie(SessionCookies.make(SessionCookies.signIn, token, maxAge: nil, secure: context.isHTTPS))
        return response
    }
}

struct SignInModel {
    let csrf: String
    let message: String?
    let login: String
}

struct HomeModel {
    struct Tile {
        let href: String
        let title: String
        let text: String
    }

    struct Recent {
        let name: String
        let time: String
        let label: String
        let tone: String
    }

    let unitName: String
    let unitCode: String
    let tiles: [Tile]
    let recent: [Recent]
    let hasRecent: Bool

    init(unitName: String, unitCode: String, tiles: [Tile], recent: [Recent]) {
        self.unitName = unitName
        self.unitCode = unitCode
        self.tiles = tiles
        self.recent = recent
        hasRecent = !recent.isEmpty
    }
}

extension Pages {
    static let signIn = """
        <section class="card narrow">
          <h1>Đăng nhập</h1>
          <p class="muted">Cổng gửi và tổng hợp báo cáo phòng, chống ma túy, HIV/AIDS, mại dâm.</p>
          {{#message}}<p class="notice bad" role="alert">{{message}}</p>{{/message}}
          <form method="post" action="/dang-nhap">
            <input type="hidden" name="csrf" value="{{csrf}}">
            <label for="dang-nhap">Tên đăng nhập</label>
            <input type="text" id="dang-nhap" name="dang-nhap" value="{{login}}" autocomplete="username" autocapitalize="none" spellcheck="false" required>
            <label for="mat-khau">Mật khẩu</label>
            <input type="password" id="mat-khau" name="mat-khau" autocomplete="current-password" required>
            <div class="actions"><button type="submit" class="primary">Đăng nhập</button></div>
          </form>
          <p class="muted">Chưa có tài khoản hoặc quên mật khẩu: liên hệ người quản trị của tỉnh.</p>
        </section>

        """

    static let home = """
        <h1>{{unitName}}</h1>
        <p class="muted">Mã đơn vị {{unitCode}}</p>
        <div class="tiles">
          {{#tiles}}<a class="tile" href="{{href}}"><strong>{{title}}</strong><span>{{text}}</span></a>{{/tiles}}
        </div>
        <section class="card">
          <h2>Tệp gửi gần đây</h2>
          {{^recent}}<p class="muted">Đơn vị chưa gửi tệp nào qua cổng này.</p>{{/recent}}
          {{#hasRecent}}
          <div class="table-wrap"><table>
            <thead><tr><th>Tệp</th><th>Nhận lúc</th><th>Kết quả</th></tr></thead>
            <tbody>
            {{#recent}}<tr><td>{{name}}</td><td>{{time}}</td><td><span class="badge {{tone}}">{{label}}</span></td></tr>{{/recent}}
            </tbody>
          </table></div>
          {{/hasRecent}}
        </section>

        """
}
