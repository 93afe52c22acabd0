import Hummingbird

/// Routes for signed-in accounts of at least a role. A visitor asking for a page is sent to
/// the sign-in page; an account below the role is refused (403).
struct RoleMiddleware: RouterMiddleware {
    typealias Context = PortalContext
    let least: Role

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let account = context.account else {
            if request.method == .get { return Response(status: .seeOther, headers: [.location: "/"]) }
            throw Refused(.unauthorized, "unauthorized", "Cần đăng nhập trước.")
        }
        guard let role = Role(rawValue: account.role), role >= least else {
            throw Refused(.forbidden, "role", "Tài khoản \(account.login) (\(Role(rawValue: account.role)?.vietnameseName ?? account.role)) không có quyền xem trang này; cần quyền \(least.vietnameseName).")
        }
        return try await next(request, context)
    }
}
