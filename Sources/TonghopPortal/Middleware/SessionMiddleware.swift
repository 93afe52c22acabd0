import Foundation
import Hummingbird
import TonghopStore

/// The browser's account, from its session cookie (`tonghop_phien`): the store keeps only the
/// cookie's SHA-256, the account and the session's CSRF token. A cookie the store does not know,
/// one past its time, or one of a disabled account leaves the request a visitor's.
struct SessionMiddleware: RouterMiddleware {
    typealias Context = PortalContext
    let portal: Portal

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if let cookie = request.cookies[SessionCookies.session]?.value, !cookie.isEmpty {
            let hash = Secrets.hash(cookie)
            if let (account, csrf) = try await Blocking.run({ [store = portal.store] in try store.session(tokenHash: hash) }) {
                context.account = account
                context.csrfToken = csrf
                context.sessionHash = hash
            }
        }
        return try await next(request, context)
    }
}

/// The portal's two cookies, both HttpOnly (no script reads them), SameSite=Strict (no other
/// site's page sends them), Secure when the client came over HTTPS.
enum SessionCookies {
    /// The session of a signed-in browser.
    static let session = "tonghop_phien"
    /// A visitor's CSRF token for the sign-in form, which has no session yet to hold it.
    static let signIn = "tonghop_dn"

    static func make(_ name: String, _ value: String, maxAge: Int?, secure: Bool) -> Cookie {
        Cookie(name: name, value: value, maxAge: maxAge, path: "/", secure: secure, httpOnly: true, sameSite: .strict)
    }

    static func clear(_ name: String, secure: Bool) -> Cookie { make(name, "", maxAge: 0, secure: secure) }
}
