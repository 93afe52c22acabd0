import Foundation
import Hummingbird

/// Every form posted to the pages carries the token its page was made with: the session's, or
/// for the sign-in form the visitor's `tonghop_dn` cookie. A post without it, or with another,
/// is refused (403) before any route sees it — what a page of another site could post on the
/// user's behalf. Checked here, once, for every route that is not a plain read.
///
/// Reading the token means reading the body: it is collected here within the upload limit
/// (413 beyond), read as a form, and handed on in the context.
struct CSRFMiddleware: RouterMiddleware {
    typealias Context = PortalContext
    let portal: Portal

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard ![.get, .head].contains(request.method) else { return try await next(request, context) }
        var request = request
        let body = try await request.collectBody(within: portal.settings.maxUploadBytes)
        let form: SubmittedForm
        do {
            form = try SubmittedForm(contentType: request.headers[.contentType], body: body)
        } catch {
            throw Refused.badRequest("Không đọc được biểu mẫu gửi lên.")
        }
        let expected = context.csrfToken ?? request.cookies[SessionCookies.signIn]?.value
        guard let expected, !expected.isEmpty, let sent = form["csrf"], Secrets.equal(sent, expected) else {
            throw Refused(.forbidden, "csrf", "Biểu mẫu này đã hết hạn hoặc không được gửi từ trang của tonghop. Hãy tải lại trang rồi gửi lại.")
        }
        var context = context
        context.form = form
        return try await next(request, context)
    }
}
