import Foundation
import Hummingbird
import TonghopBase
import TonghopCatalog
import TonghopStore
import TonghopPipeline

/// `/tinh-hinh`: the period's *Tình hình báo cáo* for the nation, a province or a district within
/// the account's unit — who has sent everything, part, nothing, or late — each row leading to
/// the level below (a province's districts, a district's communes, a commune's own page).
struct StatusController {
    let portal: Portal

    var endpoints: RouteCollection<PortalContext> {
        let routes = RouteCollection(context: PortalContext.self)
        routes.get("tinh-hinh", use: status)
        return routes
    }

    @Sendable func status(_ request: Request, context: PortalContext) async throws -> Response {
        let account = try context.requireAccount()
        let portal = self.portal
        let (unit, chosen, scope) = try await portal.unitAndPeriod(request, account: account)
        let code = unit.code
        let frame = portal.frame(context, title: "Tình hình báo cáo", current: "/tinh-hinh")
        guard [.nation, .province, .district].contains(unit.level) else {
            let model = StatusModel.unavailable(code: code, chosen: chosen, reason: "Tình hình báo cáo được lập cho một huyện, một tỉnh hoặc toàn quốc; đơn vị \(code) không phải đơn vị như vậy trong danh mục của kỳ này. Xem trang Đơn vị.")
            return portal.pages.render("status", model, frame: frame).response(status: .ok)
        }
        let (status, lastRun) = try await Blocking.run { try portal.pipeline().status(chosen.period, scope: code) }
        let model = StatusModel(status, lastRun: lastRun, chosen: chosen,
                                parentWithinAccount: scope.contains(unit.parentCode, period: chosen.period))
        return portal.pages.render("status", model, frame: frame).response(status: .ok)
    }
}

extension Portal {
    /// The unit a page is asked for (`don-vi=`, the account's own by default) in the period it
    /// shows (`ky=`, else the latest with data), held to the account's scope in the registry of
    /// that period: what the status and report pages both begin with.
    func unitAndPeriod(_ request: Request, account: Store.Account) async throws -> (unit: TonghopBase.Unit, chosen: PeriodChoice, scope: AccountScope) {
        let code = request.unitAsked(by: account)
        let chosen = try await PeriodChoice.resolve(request.uri.queryParameters.get("ky"), portal: self)
        let scope = try self.scope(of: account)
        guard scope.contains(code, period: chosen.period), let unit = scope.unit(code, period: chosen.period) else {
            throw scope.refusal(code, period: chosen.period)
        }
        return (unit, chosen, scope)
    }
}

/// The period a page shows (`ky=`, else the latest with data) and the periods offered beside it.
struct PeriodChoice: Sendable {
    struct Chip {
        let href: String
        let name: String
        let current: Bool
    }

    let period: Period
    /// The periods with data of the last two years with data: quarters, halves and years.
    let offered: [Period]

    static func resolve(_ text: String?, portal: Portal) async throws -> PeriodChoice {
        let withData = try await Blocking.run { [store = portal.store] in try store.periodsWithData() }
        var offered: Set<Period> = []
        let years = Set(withData.map(\.year)).sorted().suffix(2)
        for p in withData where years.contains(p.year) && p.kind != .month {
            offered.insert(p)
            offered.insert(.year(p.year))
            if p.kind == .quarter { offered.insert(.half(p.year, (p.index + 1) / 2)) }
        }
        let sorted = offered.sorted { ($0.year, $0.kind, $0.index) > ($1.year, $1.kind, $1.index) }
        if let text {
            guard let period = Period.parse(text) else { throw Refused.badRequest("Kỳ báo cáo không đọc được: \(text) (ví dụ 2024-Q2, 2024-H1, 2024).") }
            return PeriodChoice(period: period, offered: sorted)
        }
        let today = portal.settings.today()
        let latest = withData.filter { $0.kind == .quarter }.max() ?? .quarter(today / 10000, ((today / 100) % 100 - 1) / 3 + 1)
        return PeriodChoice(period: latest, offered: sorted)
    }

    /// Links to the same page for each offered period, keeping the unit.
    func chips(path: String, unit: String) -> [Chip] {
        offered.map { p in Chip(href: "\(path)?ky=\(p.code)&don-vi=\(URLQuery.encode(unit))", name: p.vietnameseName, current: p == period) }
    }
}

struct StatusModel {
    struct Row {
        let label: String
        let code: String
        let href: String?
        let expected: Int
        let complete: Int
        let partial: Int
        let missing: Int
        let late: Int
        let percent: String
        let rate: Int
        let compiledBy: String?
        let missingNames: String?
        let partialNames: String?
        let lateNames: String?
    }

    struct Figure {
        let value: String
        let label: String
    }

    let title: String
    let subtitle: String
    let chips: [PeriodChoice.Chip]
    let figures: [Figure]
    let rows: [Row]
    let hasRows: Bool
    let lastRun: String?
    let unavailable: String?
    let upHref: String?
    let reportsHref: String

    init(_ s: ReportingStatus, lastRun: Store.RunRecord?, chosen: PeriodChoice, parentWithinAccount: Bool) {
        let period = s.period.code
        title = "Tình hình báo cáo \(s.period.vietnameseName)"
        subtitle = "\(s.scope.name) · danh mục đơn vị \(s.registryId)"
        chips = chosen.chips(path: "/tinh-hinh", unit: s.scope.code)
        figures = [Figure(value: "\(s.expected)", label: "phải báo cáo"), Figure(value: "\(s.complete)", label: "đủ kỳ"),
                   Figure(value: "\(s.partial)", label: "chưa đủ kỳ"), Figure(value: "\(s.missing)", label: "chưa báo cáo"),
                   Figure(value: "\(s.late)", label: "gửi muộn"), Figure(value: ConsoleText.percent(s.complete, s.expected, .vi), label: "đủ kỳ / phải")]
        func names(_ list: [String], limit: Int = 10) -> String? {
            guard !list.isEmpty else { return nil }
            return list.prefix(limit).joined(separator: "; ") + (list.count > limit ? "; … và \(list.count - limit) đơn vị khác" : "")
        }
        rows = s.rows.map { row in
            let own = row.unit.code == s.scope.code
            let href: String?
            switch row.unit.level {
            case .province, .district: href = own ? nil : "/tinh-hinh?ky=\(period)&don-vi=\(URLQuery.encode(row.unit.code))"
            case .commune, .department: href = "/don-vi?don-vi=\(URLQuery.encode(row.unit.code))"
            case .nation: href = nil
            }
            return Row(label: own ? "Các sở, ban, ngành" : row.unit.name, code: own ? "" : row.unit.code, href: href,
                       expected: row.expected, complete: row.complete, partial: row.partial.count, missing: row.missing.count,
                       late: row.late.count, percent: ConsoleText.percent(row.complete, row.expected, .vi),
                       rate: Int((row.rate * 100).rounded()), compiledBy: row.compiledBy,
                       missingNames: names(row.missing.map { "\($0.name) (\($0.code))" }),
                       partialNames: names(row.partial.map { "\($0.unit.name) (thiếu \($0.missing.map(\.code).joined(separator: ", ")))" }),
                       lateNames: names(row.late.map { r in
                           "\(r.unit.name) (" + r.late.map { "nhận \(Display.day($0.received)), hạn \($0.due.vietnamese)" }.joined(separator: "; ") + ")"
                       }))
        }
        hasRows = !rows.isEmpty
        self.lastRun = lastRun.map { run in
            let end = run.finishedAt.map { "kết thúc \(Display.time($0))" } ?? "chưa kết thúc"
            return "Lượt nhận số liệu gần nhất: số \(run.id) (\(run.command)), bắt đầu \(Display.time(run.startedAt)), \(end)."
        }
        unavailable = nil
        upHref = !parentWithinAccount || s.scope.parentCode.isEmpty ? nil : "/tinh-hinh?ky=\(period)&don-vi=\(URLQuery.encode(s.scope.parentCode))"
        reportsHref = "/bao-cao?ky=\(period)&don-vi=\(URLQuery.encode(s.scope.code))"
    }

    private init(code: String, chosen: PeriodChoice, reason: String) {
        title = "Tình hình báo cáo \(chosen.period.vietnameseName)"
        subtitle = code
        chips = chosen.chips(path: "/tinh-hinh", unit: code)
        figures = []
        rows = []
        hasRows = false
        lastRun = nil
        unavailable = reason
        upHref = nil
        reportsHref = "/bao-cao?ky=\(chosen.period.code)&don-vi=\(URLQuery.encode(code))"
    }

    static func unavailable(code: String, chosen: PeriodChoice, reason: String) -> StatusModel {
        StatusModel(code: code, chosen: chosen, reason: reason)
    }
}

extension Pages {
    static let status = """
        <h1>{{title}}</h1>
        <p class="muted">{{subtitle}}</p>
        <nav class="chips" aria-label="Kỳ báo cáo">{{#chips}}<a href="{{href}}"{{#current}} aria-current="page"{{/current}}>{{name}}</a>{{/chips}}</nav>
        {{#unavailable}}<p class="notice info">{{unavailable}}</p>{{/unavailable}}
        {{#hasRows}}
        <div class="summary">{{#figures}}<div><b>{{value}}</b><span>{{label}}</span></div>{{/figures}}</div>
        <section class="card">
          <h2>Theo đơn vị</h2>
          <div class="table-wrap"><table class="stack">
            <thead><tr><th>Đơn vị</th><th class="num">Phải</th><th class="num">Đủ</th><th class="num">Chưa đủ</th><th class="num">Chưa có</th><th class="num">Muộn</th><th>Tỷ lệ</th></tr></thead>
            <tbody>
            {{#rows}}
            <tr>
              <td>{{#href}}<a href="{{href}}">{{label}}</a>{{/href}}{{^href}}{{label}}{{/href}} <span class="muted">{{code}}</span>
                {{#compiledBy}}<div class="names">Theo báo cáo tổng hợp của đơn vị {{compiledBy}}</div>{{/compiledBy}}
                {{#missingNames}}<div class="names">Chưa báo cáo: {{missingNames}}</div>{{/missingNames}}
                {{#partialNames}}<div class="names">Chưa đủ kỳ: {{partialNames}}</div>{{/partialNames}}
                {{#lateNames}}<div class="names">Gửi muộn: {{lateNames}}</div>{{/lateNames}}
              </td>
              <td class="num" data-label="Phải">{{expected}}</td><td class="num" data-label="Đủ">{{complete}}</td><td class="num" data-label="Chưa đủ">{{partial}}</td><td class="num" data-label="Chưa có">{{missing}}</td><td class="num" data-label="Muộn">{{late}}</td>
              <td class="num"><progress max="100" value="{{rate}}">{{percent}}</progress> {{percent}}</td>
            </tr>
            {{/rows}}
            </tbody>
          </table></div>
        </section>
        {{/hasRows}}
        <p>{{#upHref}}<a href="{{upHref}}">Lên cấp trên</a> · {{/upHref}}<a href="{{reportsHref}}">Số liệu và bảng tính của kỳ này</a></p>
        {{#lastRun}}<p class="muted">{{lastRun}}</p>{{/lastRun}}

        """
}
