import Hummingbird

/// Requests of a known account that are refused — a page, a download or an API call for a unit
/// outside the account's (403), a page its role does not open, a form posted without its page's
/// token — go into the audit log, with the path asked for and the refusal's code, so that the
/// administrators of the account's unit see someone probing other units.
///
/// Placed right after the middleware that finds the account (the session cookie, the API token):
/// only a signed-in account or a recognised token is recorded. A visitor's requests and unknown
/// tokens cost nothing to send and would fill the log without bound; failed sign-ins are
/// recorded by the sign-in page, which slows them down first.
struct RefusalAuditMiddleware: RouterMiddleware {
    typealias Context = PortalContext
    let portal: Portal

    /// A path and query kept in the log at most this long: a request's own text, not ours.
    static let longestObject = 300

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let refused as Refused where context.account != nil && [.unauthorized, .forbidden].contains(refused.status) {
            let asked = "\(request.method.rawValue) \(request.uri)"
            await portal.audit(context, action: "truy-cap", object: String(asked.prefix(Self.longestObject)), outcome: "tu-choi: \(refused.code)")
            throw refused
        }
    }
}
