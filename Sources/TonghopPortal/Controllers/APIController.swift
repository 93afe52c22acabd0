import Foundation
import Hummingbird
import TonghopBase
import TonghopStore
import TonghopRender
import TonghopPipeline

/// `/api/v1`: the same jobs for other systems and scripts, with an API token
/// (`Authorization: Bearer`), answered in JSON (the export in the format asked for).
struct APIController {
    let portal: Portal

    var endpoints: RouteCollection<PortalContext> {
        let routes = RouteCollection(context: PortalContext.self)
        routes.post("files", use: upload)
        routes.get("export", use: export)
        routes.get("status", use: status)
        return routes
    }

    /// One file in the multipart field `file`: 200 with what became of it; 403, nothing kept,
    /// when a report in it is for a unit outside the account's.
    @Sendable func upload(_ request: Request, context: PortalContext) async throws -> Response {
        let account = try context.requireAccount()
        var request = request
        let body = try await request.collectBody(within: portal.settings.maxUploadBytes)
        guard let form = try? SubmittedForm(contentType: request.headers[.contentType], body: body) else {
            throw Refused.badRequest("Cần multipart/form-data với một tệp trong trường file.")
        }
        let files = form.files.filter { $0.field == "file" }
        guard files.count == 1, let file = files.first else {
            throw Refused.badRequest("Cần đúng một tệp trong trường file (có \(files.count)).")
        }
        let result = try await receive(file, account: account, portal: portal)
        await portal.audit(context, action: "gui-tep", object: result.auditObject(file.fileName) + " (API)", outcome: result.auditOutcome)
        switch result.verdict {
        case .outsideScope(let units):
            return JSONBody.response(OutsideScopeBody(error: "outsideScope", units: units,
                                                      reason: "Tệp có báo cáo của đơn vị ngoài phạm vi tài khoản (đơn vị \(account.unitCode)): \(units.joined(separator: ", ")). Không lưu gì."),
                                     status: .forbidden)
        case .alreadyReceived:
            return JSONBody.response(UploadBody(result, alreadyReceived: true))
        case .stored:
            return JSONBody.response(UploadBody(result, alreadyReceived: false))
        }
    }

    /// What `tonghop export` writes: `?period=2024&scope=35[&format=csv|adx|dhis2-json|dhis2-csv]`.
    @Sendable func export(_ request: Request, context: PortalContext) async throws -> Response {
        let account = try context.requireAccount()
        try Self.requireCompiler(account)
        let (period, code) = try Self.periodAndScope(request, account: account)
        guard let format = ExportFormat(rawValue: request.uri.queryParameters.get("format") ?? "csv") else {
            throw Refused.badRequest("format phải là csv, adx, dhis2-json hoặc dhis2-csv.")
        }
        let response = try await exportResponse(portal: portal, account: account, period: period, code: code, format: format)
        await portal.audit(context, action: "xuat", object: "\(code) \(period.code) \(format.rawValue) (API)", outcome: "thanh-cong")
        return response
    }

    /// Who has reported: `?period=2024-Q2&scope=35` (a district, a province or VN).
    @Sendable func status(_ request: Request, context: PortalContext) async throws -> Response {
        let account = try context.requireAccount()
        try Self.requireCompiler(account)
        let (period, code) = try Self.periodAndScope(request, account: account)
        let scope = try portal.scope(of: account)
        guard scope.contains(code, period: period) else { throw scope.refusal(code, period: period) }
        let portal = self.portal
        let (status, lastRun) = try await Blocking.run { () -> (ReportingStatus, Store.RunRecord?) in
            do {
                return try portal.pipeline().status(period, scope: code)
            } catch is ConfigurationError {
                throw Refused.badRequest("scope=\(code): tình hình báo cáo xem được cho cả nước (VN), một tỉnh hoặc một huyện của danh mục đơn vị có hiệu lực trong kỳ \(period.code); \(code) không phải mã như vậy.")
            }
        }
        return JSONBody.response(StatusBody(status, lastRun: lastRun))
    }

    static func requireCompiler(_ account: Store.Account) throws {
        guard let role = Role(rawValue: account.role), role >= .compiler else {
            throw Refused(.forbidden, "role", "Tài khoản \(account.login) (\(account.role)) chỉ được gửi tệp; xem tình hình và xuất số liệu cần quyền tong-hop.")
        }
    }

    static func periodAndScope(_ request: Request, account: Store.Account) throws -> (Period, String) {
        let query = request.uri.queryParameters
        guard let text = query.get("period") else { throw Refused.badRequest("Thiếu period (ví dụ period=2024-Q2).") }
        guard let period = Period.parse(text) else { throw Refused.badRequest("period không đọc được: \(text).") }
        return (period, query.get("scope").map { $0.trimmingBlanks.uppercased() } ?? account.unitCode)
    }
}

/// `POST /api/v1/files`' answer.
struct UploadBody: Encodable {
    struct ProblemBody: Encodable {
        let severity: String
        let code: String
        let line: Int?
        let column: Int?
        let message: String
    }

    let status: String
    let problems: [ProblemBody]
    let reports: Int
    let values: Int
    /// Where the file is kept, under `inputs/`.
    let path: String
    let alreadyReceived: Bool

    init(_ result: UploadResult, alreadyReceived: Bool) {
        switch result.status {
        case .accepted: status = "accepted"
        case .partial: status = "partlyAccepted"
        case .rejected: status = "rejected"
        }
        problems = result.problems.map { p in
            let severity: String
            switch p.severity {
            case .error: severity = "error"
            case .warning: severity = "warning"
            case .notice: severity = "notice"
            }
            return ProblemBody(severity: severity, code: p.code.rawValue, line: p.line, column: p.column,
                               message: Messages.render(p, .vi, withFile: false))
        }
        reports = result.reports
        values = result.values
        path = result.path
        self.alreadyReceived = alreadyReceived
    }
}

// Line and column are written as null when a problem has none, not left out.
extension UploadBody.ProblemBody {
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(severity, forKey: .severity)
        try c.encode(code, forKey: .code)
        try c.encode(line, forKey: .line)
        try c.encode(column, forKey: .column)
        try c.encode(message, forKey: .message)
    }

    enum CodingKeys: String, CodingKey { case severity, code, line, column, message }
}

struct OutsideScopeBody: Encodable {
    let error: String
    let units: [String]
    let reason: String
}

/// `GET /api/v1/status`' answer: the figures of `tonghop status`, one row per child unit.
struct StatusBody: Encodable {
    struct UnitRef: Encodable {
        let code: String
        let name: String
    }

    struct Partial: Encodable {
        let code: String
        let name: String
        let missingPeriods: [String]
    }

    struct Late: Encodable {
        let code: String
        let name: String
        let period: String
        let received: String
        let due: String
    }

    struct Row: Encodable {
        let unit: UnitRef
        let expected: Int
        let complete: Int
        let partial: [Partial]
        let missing: [UnitRef]
        let late: [Late]
        let compiledBy: String?
    }

    struct LastRun: Encodable {
        let id: Int64
        let command: String
        let startedAt: String
        let finishedAt: String?
        let exitCode: Int32?
    }

    let period: String
    let scope: UnitRef
    let registry: String
    let expected: Int
    let complete: Int
    let partial: Int
    let missing: Int
    let late: Int
    let rows: [Row]
    let lastRun: LastRun?

    init(_ s: ReportingStatus, lastRun run: Store.RunRecord?) {
        func day(_ key: Int) -> String { String(format: "%04d-%02d-%02d", key / 10000, (key / 100) % 100, key % 100) }
        period = s.period.code
        scope = UnitRef(code: s.scope.code, name: s.scope.name)
        registry = s.registryId
        expected = s.expected
        complete = s.complete
        partial = s.partial
        missing = s.missing
        late = s.late
        rows = s.rows.map { r in
            Row(unit: UnitRef(code: r.unit.code, name: r.unit.name), expected: r.expected, complete: r.complete,
                partial: r.partial.map { Partial(code: $0.unit.code, name: $0.unit.name, missingPeriods: $0.missing.map(\.code)) },
                missing: r.missing.map { UnitRef(code: $0.code, name: $0.name) },
                late: r.late.flatMap { reporter in
                    reporter.late.map { Late(code: reporter.unit.code, name: reporter.unit.name, period: $0.period.code,
                                             received: day($0.received), due: day($0.due.date)) }
                },
                compiledBy: r.compiledBy)
        }
        lastRun = run.map { LastRun(id: $0.id, command: $0.command, startedAt: $0.startedAt, finishedAt: $0.finishedAt, exitCode: $0.exitCode) }
    }
}
