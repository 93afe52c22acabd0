import Hummingbird
import TonghopBase

/// No request names a unit outside its account's: whatever route it is for, a query naming a
/// unit (`don-vi` on the pages, `scope` in the API) outside the account's unit is refused
/// (403) here, in the registry of the period it names (`ky`, `period`). Routes resolve the
/// unit again through ``AccountScope`` when they use it; this is the rule held for all of them.
struct ScopeMiddleware: RouterMiddleware {
    typealias Context = PortalContext
    let portal: Portal

    static let unitParameters = ["don-vi", "scope"]
    static let periodParameters = ["ky", "period"]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let account = context.account else { return try await next(request, context) }
        let query = request.uri.queryParameters
        let period = Self.periodParameters.lazy.compactMap { query.get($0).flatMap(Period.parse) }.first
        let scope = try portal.scope(of: account)
        for name in Self.unitParameters {
            for value in query.getAll(name) where !value.isEmpty {
                let code = value.trimmingBlanks.uppercased()
                if !scope.contains(code, period: period) { throw scope.refusal(code, period: period) }
            }
        }
        return try await next(request, context)
    }
}
