import Foundation
import Hummingbird
import Mustache
import TonghopStore

/// The portal's HTML: Mustache templates (each beside the controller that fills it, compiled
/// into the binary, so that `tonghop serve` needs nothing beside it), rendered inside one layout.
/// Mustache escapes every value it inserts (`{{x}}`); the one unescaped insertion is the page
/// body into the layout, itself rendered by Mustache, and the SVG charts this module draws.
struct Pages: Sendable {
    private let library: MustacheLibrary

    init() throws {
        var library = MustacheLibrary()
        for (name, text) in Self.templates { try library.register(text, named: name) }
        self.library = library
    }

    /// Every template, by name.
    static var templates: [(String, String)] {
        [("layout", layout), ("sign-in", signIn), ("home", home), ("upload", upload), ("unit", unit), ("status", status),
         ("reports", reports), ("accounts", accounts), ("audit", audit), ("error", error)]
    }

    /// A page: its template rendered with `model`, inside the layout with `frame`.
    func render(_ template: String, _ model: Any, frame: Frame) -> HTML {
        let body = library.render(model, withTemplate: template) ?? ""
        return HTML(text: library.render(LayoutModel(frame: frame, body: body), withTemplate: "layout") ?? body)
    }

    func errorPage(_ refused: Refused) -> HTML {
        let title = Self.errorTitle(refused.status)
        return render("error", ErrorModel(title: title, status: "\(refused.status.code)", reason: refused.reason,
                                          signIn: refused.status == .unauthorized || refused.code == "csrf"),
                      frame: Frame(title: title))
    }

    /// What an error page is called, in its tab and its heading: HTTP's reason phrases are English.
    static func errorTitle(_ status: HTTPResponse.Status) -> String {
        switch status {
        case .badRequest: return "Yêu cầu không hợp lệ"
        case .unauthorized: return "Cần đăng nhập"
        case .forbidden: return "Không được phép"
        case .notFound: return "Không tìm thấy"
        case .methodNotAllowed: return "Yêu cầu không hợp lệ"
        case .contentTooLarge: return "Tệp quá lớn"
        case .tooManyRequests: return "Quá nhiều yêu cầu"
        case .serviceUnavailable: return "Máy chủ đang bận"
        default: return status.code >= 500 ? "Máy chủ gặp lỗi" : "Không thực hiện được"
        }
    }

    private struct LayoutModel {
        let frame: Frame
        let body: String
    }

    private struct ErrorModel {
        let title: String
        let status: String
        let reason: String
        let signIn: Bool
    }

    /// The layout: a header with the account and the menu its role opens, then the page.
    static let layout = """
        <!doctype html>
        <html lang="vi">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{frame.title}} · tonghop</title>
        <link rel="stylesheet" href="/tai-nguyen/tonghop.css">
        <link rel="icon" href="/tai-nguyen/bieu-tuong.svg" type="image/svg+xml">
        </head>
        <body>
        <header class="top">
          <div class="bar">
            <a class="brand" href="/"><img src="/tai-nguyen/bieu-tuong.svg" alt="" width="28" height="28"><span>tonghop</span></a>
            {{#frame.account}}
            <form class="signout" method="post" action="/dang-xuat">
              <input type="hidden" name="csrf" value="{{frame.csrf}}">
              <span class="who"><strong>{{login}}</strong> · {{unitName}} · {{roleName}}</span>
              <button type="submit" class="link">Đăng xuất</button>
            </form>
            {{/frame.account}}
          </div>
          {{#frame.hasNav}}
          <nav class="menu" aria-label="Trang">
            {{#frame.nav}}<a href="{{href}}"{{#current}} aria-current="page"{{/current}}>{{label}}</a>{{/frame.nav}}
          </nav>
          {{/frame.hasNav}}
        </header>
        <main>
        {{{body}}}
        </main>
        <footer class="foot">tonghop · tổng hợp báo cáo phòng, chống ma túy, HIV/AIDS, mại dâm</footer>
        </body>
        </html>

        """

    static let error = """
        <section class="card">
          <h1>{{title}}</h1>
          <p class="lead">{{reason}}</p>
          <p class="muted">Mã lỗi {{status}}.</p>
          <p><a class="button" href="/">{{#signIn}}Đến trang đăng nhập{{/signIn}}{{^signIn}}Về trang chủ{{/signIn}}</a></p>
        </section>

        """
}

/// What the layout shows around every page.
struct Frame {
    struct AccountView {
        let login: String
        let unitName: String
        let roleName: String
    }

    struct NavItem {
        let href: String
        let label: String
        let current: Bool
    }

    let title: String
    let account: AccountView?
    let nav: [NavItem]
    /// Stored, not computed: Mustache sees a model's stored properties only.
    let hasNav: Bool
    let csrf: String?

    init(title: String, account: AccountView? = nil, nav: [NavItem] = [], csrf: String? = nil) {
        self.title = title
        self.account = account
        self.nav = nav
        self.hasNav = !nav.isEmpty
        self.csrf = csrf
    }
}

extension Portal {
    /// The layout of a page for the request's account: its menu, by role, with `current` marked.
    func frame(_ context: PortalContext, title: String, current: String) -> Frame {
        guard let account = context.account else { return Frame(title: title, csrf: context.csrfToken) }
        let role = Role(rawValue: account.role) ?? .dataEntry
        var items: [(String, String)] = [("/", "Trang chủ"), ("/gui-bao-cao", "Gửi báo cáo"), ("/don-vi", "Đơn vị")]
        if role >= .compiler { items += [("/tinh-hinh", "Tình hình"), ("/bao-cao", "Báo cáo")] }
        if role >= .administrator { items += [("/quan-tri/tai-khoan", "Quản trị")] }
        let unitName = (try? scope(of: account).unit(account.unitCode, period: nil)).flatMap { $0?.name } ?? account.unitCode
        return Frame(title: title,
                     account: Frame.AccountView(login: account.login, unitName: unitName, roleName: role.vietnameseName),
                     nav: items.map { Frame.NavItem(href: $0.0, label: $0.1, current: $0.0 == current) },
                     csrf: context.csrfToken)
    }
}

/// A page as a response: UTF-8 HTML.
struct HTML {
    let text: String

    func response(status: HTTPResponse.Status) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
