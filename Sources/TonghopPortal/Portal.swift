import Foundation
import Logging
import TonghopBase
import TonghopCatalog
import TonghopStore
import TonghopPipeline

/// What every controller of the portal holds: the home folder, its catalog, the store, the
/// queue that writes to the store and `outputs/`, the background rewriting of workbooks, the
/// settings and the pages. One per server.
final class Portal: Sendable {
    let workspace: Workspace
    let catalogs: CatalogCache
    /// Kept open for the server's life (a pool of SQLite connections in write-ahead-log mode:
    /// cron's `run` writes beside it). Uploads open their own, as every run does.
    let store: Store
    /// Every job that writes — an upload being stored, a period's workbooks being rewritten —
    /// takes its turn here, one at a time. The run lock that also keeps cron's `run` apart is a
    /// file lock polled ten times a second; queued here first, two of the server's own jobs
    /// never wait on each other through it.
    let writer = DispatchQueue(label: "tonghop.portal.writer")
    let refresher: ReportRefresher
    let settings: PortalSettings
    let pages: Pages
    let logger: Logger

    init(arguments: some PortalArguments, logger: Logger) throws {
        workspace = arguments.workspace
        settings = PortalSettings(arguments)
        catalogs = try CatalogCache(templates: workspace.templates)
        try FileManager.default.createDirectory(at: workspace.store.deletingLastPathComponent(), withIntermediateDirectories: true)
        store = try Store(path: workspace.store.path)
        pages = try Pages()
        self.logger = logger
        let workspace = self.workspace, catalogs = self.catalogs, settings = self.settings
        refresher = ReportRefresher(quiet: settings.refreshQuiet, longest: settings.refreshLongest, writer: writer, logger: logger) {
            ReportingPipeline(workspace: workspace, catalog: try catalogs.current(), today: settings.today())
        }
    }

    /// A pipeline over the current catalog, for today.
    func pipeline() throws -> ReportingPipeline {
        ReportingPipeline(workspace: workspace, catalog: try catalogs.current(), today: settings.today())
    }

    func accounts() throws -> Accounts {
        Accounts(store: store, catalog: try catalogs.current(), bcryptCost: settings.bcryptCost)
    }

    func scope(of account: Store.Account) throws -> AccountScope {
        AccountScope(unitCode: account.unitCode, catalog: try catalogs.current())
    }

    /// Records one line of the audit log; a failure to record is logged, never shown.
    func audit(_ context: PortalContext, action: String, object: String, outcome: String, login: String? = nil, unitCode: String? = nil) async {
        let event = Store.AuditEvent(login: login ?? context.account?.login, unitCode: unitCode ?? context.account?.unitCode,
                                     action: action, object: object, outcome: outcome, address: context.address)
        do {
            try await Blocking.run { [store] in try store.record(event) }
        } catch {
            logger.error("audit event not recorded", metadata: ["action": "\(action)", "error": "\(error)"])
        }
    }
}

/// What the portal is run with, besides the home folder: the same for `tonghop serve` and tests.
struct PortalSettings: Sendable {
    let maxUploadBytes: Int
    /// Cookies are marked Secure: served over TLS, or behind a proxy that says it was.
    let tls: Bool
    let behindProxy: Bool
    let bcryptCost: UInt8
    let throttle: LoginThrottle
    let sessionLifetime: TimeInterval = 12 * 3600
    let refreshQuiet: Duration
    let refreshLongest: Duration
    /// Seconds an upload waits for the run lock that cron's run holds.
    let lockWait: Double
    private let fixedToday: Int?

    init(_ arguments: some PortalArguments) {
        maxUploadBytes = arguments.maxUploadBytes
        tls = arguments.tlsCertificate != nil
        behindProxy = arguments.behindProxy
        bcryptCost = arguments.bcryptCost
        throttle = LoginThrottle(delayUnit: arguments.loginDelayUnit)
        refreshQuiet = arguments.refreshQuiet
        refreshLongest = arguments.refreshQuiet * 20
        lockWait = arguments.lockWait
        fixedToday = arguments.today
    }

    /// Today as yyyymmdd (reports for periods not begun yet are refused, deadlines compared).
    func today() -> Int { fixedToday ?? ReportingPipeline.todayKey() }
}
