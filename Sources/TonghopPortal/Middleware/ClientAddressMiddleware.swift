import Hummingbird

/// Who the client is, for the audit log and the login throttle, and whether it came over
/// HTTPS. Behind a reverse proxy on this machine (`--behind-proxy`), the proxy's
/// `X-Forwarded-For` (its last entry: the address the proxy itself saw) and
/// `X-Forwarded-Proto` are believed; from any other peer they are ignored, since anyone can
/// send them.
struct ClientAddressMiddleware: RouterMiddleware {
    typealias Context = PortalContext
    let behindProxy: Bool
    let tls: Bool

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        context.isHTTPS = tls
        if behindProxy, let peer = context.peer, peer == "127.0.0.1" || peer == "::1" {
            if let forwarded = request.headers[.xForwardedFor]?.split(separator: ",").last?.trimmingCharacters(in: .whitespaces),
               !forwarded.isEmpty {
                context.address = forwarded
            }
            if request.headers[.xForwardedProto]?.lowercased() == "https" { context.isHTTPS = true }
        }
        return try await next(request, context)
    }
}
