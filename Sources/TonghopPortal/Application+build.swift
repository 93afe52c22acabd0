import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging
import TonghopPipeline

/// What `tonghop serve` is run with; tests give their own, so both build the same application.
public protocol PortalArguments: Sendable {
    var workspace: Workspace { get }
    var hostname: String { get }
    var port: Int { get }
    /// PEM files; both or neither.
    var tlsCertificate: String? { get }
    var tlsKey: String? { get }
    /// The largest request body accepted (all files of one upload together).
    var maxUploadBytes: Int { get }
    /// Trust `X-Forwarded-For` and `X-Forwarded-Proto` from a proxy on this machine.
    var behindProxy: Bool { get }
    var bcryptCost: UInt8 { get }
    /// Seconds per step of the delay after failed sign-ins (see ``LoginThrottle``).
    var loginDelayUnit: Double { get }
    /// How long uploads must stop before the workbooks they changed are rewritten.
    var refreshQuiet: Duration { get }
    /// Seconds an upload waits for the run lock (cron's run holding it) before a 503.
    var lockWait: Double { get }
    /// A fixed day (yyyymmdd) instead of the clock's, for tests.
    var today: Int? { get }
    var logLevel: Logger.Level { get }
}

extension PortalArguments {
    public var hostname: String { "127.0.0.1" }
    public var port: Int { 8080 }
    public var tlsCertificate: String? { nil }
    public var tlsKey: String? { nil }
    /// The largest file tonghop reads (64 MB), and a little for the form around it.
    public var maxUploadBytes: Int { 64 * 1024 * 1024 + 64 * 1024 }
    public var behindProxy: Bool { false }
    public var bcryptCost: UInt8 { 12 }
    public var loginDelayUnit: Double { 1 }
    public var refreshQuiet: Duration { .seconds(3) }
    public var lockWait: Double { 30 }
    public var today: Int? { nil }
    public var logLevel: Logger.Level { .info }
}

/// The whole portal: the router with its pages and API, the server (with TLS when given), and
/// the background rewriting of workbooks as a service that stops with it.
public func buildApplication(_ arguments: some PortalArguments) throws -> some ApplicationProtocol {
    var logger = Logger(label: "tonghop.serve")
    logger.logLevel = arguments.logLevel
    let portal = try Portal(arguments: arguments, logger: logger)
    let router = buildRouter(portal)
    var server: HTTPServerBuilder = .http1()
    if let certificate = arguments.tlsCertificate, let key = arguments.tlsKey {
        let chain = try NIOSSLCertificate.fromPEMFile(certificate)
        let configuration = TLSConfiguration.makeServerConfiguration(certificateChain: chain.map { .certificate($0) },
                                                                     privateKey: .privateKey(try NIOSSLPrivateKey(file: key, format: .pem)))
        server = try .tls(.http1(), tlsConfiguration: configuration)
    }
    return Application(
        router: router,
        server: server,
        configuration: ApplicationConfiguration(address: .hostname(arguments.hostname, port: arguments.port), serverName: "tonghop"),
        services: [portal.refresher],
        logger: logger
    )
}

/// The routes: assets and errors for everyone; the pages behind the session (and CSRF) checks,
/// some behind a role; the API behind its bearer token; a known account's refusals recorded. Middleware is added before the routes
/// it guards (Hummingbird builds each route's chain when the route is added).
func buildRouter(_ portal: Portal) -> Router<PortalContext> {
    let router = Router(context: PortalContext.self)
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: ClientAddressMiddleware(behindProxy: portal.settings.behindProxy, tls: portal.settings.tls))
    router.add(middleware: ErrorPageMiddleware(portal: portal))
    router.addRoutes(AssetsController().endpoints)

    let pages = router.group()
        .add(middleware: SessionMiddleware(portal: portal))
        .add(middleware: RefusalAuditMiddleware(portal: portal))
        .add(middleware: CSRFMiddleware(portal: portal))
        .add(middleware: ScopeMiddleware(portal: portal))
    pages.addRoutes(SignInController(portal: portal).endpoints)
    let signedIn = pages.group().add(middleware: RoleMiddleware(least: .dataEntry))
    signedIn.addRoutes(UploadController(portal: portal).endpoints)
    signedIn.addRoutes(UnitController(portal: portal).endpoints)
    let compilers = pages.group().add(middleware: RoleMiddleware(least: .compiler))
    compilers.addRoutes(StatusController(portal: portal).endpoints)
    compilers.addRoutes(ReportsController(portal: portal).endpoints)
    let administrators = pages.group().add(middleware: RoleMiddleware(least: .administrator))
    administrators.addRoutes(AdministrationController(portal: portal).endpoints)

    let api = router.group("api/v1")
        .add(middleware: BearerTokenMiddleware(portal: portal))
        .add(middleware: RefusalAuditMiddleware(portal: portal))
        .add(middleware: ScopeMiddleware(portal: portal))
    api.addRoutes(APIController(portal: portal).endpoints)
    return router
}
