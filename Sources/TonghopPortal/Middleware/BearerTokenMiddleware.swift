import Hummingbird

/// The API's account, from `Authorization: Bearer TOKEN` (a token `tonghop user token` made;
/// the store keeps its SHA-256). Without a valid token of an account not disabled: 401.
struct BearerTokenMiddleware: RouterMiddleware {
    typealias Context = PortalContext
    let portal: Portal

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") else {
            throw Refused(.unauthorized, "unauthorized", "Thiếu mã truy cập: gửi kèm tiêu đề Authorization: Bearer <mã> (tạo bằng tonghop user token).")
        }
        let token = header.dropFirst("bearer ".count).trimmingCharacters(in: .whitespaces)
        let accounts = try portal.accounts()
        guard !token.isEmpty, let account = try await Blocking.run({ try accounts.account(bearer: token) }) else {
            throw Refused(.unauthorized, "unauthorized", "Mã truy cập không đúng, đã bị thu hồi hoặc tài khoản đã bị khóa.")
        }
        var context = context
        context.account = account
        return try await next(request, context)
    }
}
