import Foundation
import Hummingbird
import TonghopBase
import TonghopCatalog
import TonghopValidate
import TonghopStore
import TonghopRender
import TonghopPipeline

/// `/don-vi`: one unit — the account's, or one within it (`?don-vi=13285`) — its reports period
/// by period (received, on time or late, missing), every version and what it changed, the error
/// slips of its refused files, and its blank forms to download.
struct UnitController {
    let portal: Portal

    var endpoints: RouteCollection<PortalContext> {
        let routes = RouteCollection(context: PortalContext.self)
        routes.get("don-vi", use: unit)
        routes.get("don-vi/phieu-bao-loi", use: slip)
        routes.get("don-vi/bieu-mau", use: blankForm)
        return routes
    }

    @Sendable func unit(_ request: Request, context: PortalContext) async throws -> Response {
        let account = try context.requireAccount()
        let scope = try portal.scope(of: account)
        let code = request.unitAsked(by: account)
        guard scope.contains(code, period: nil), let unit = scope.unit(code, period: nil) else {
            throw scope.refusal(code, period: nil)
        }
        let portal = self.portal
        let model = try await Blocking.run { () -> UnitModel in
            let pipeline = try portal.pipeline()
            let history = try pipeline.history(unit: code, period: nil)
            let slips = try portal.store.rejectedFiles().filter { verdict in
                (verdict.path.hasPrefix(ReportingPipeline.uploadFolder(unit: code) + "/") || verdict.problems.contains { $0.unitCode == code })
                    && UnitController.visible(verdict, to: scope)
            }
            return UnitModel(unit: unit, catalog: pipeline.catalog, history: history, slips: slips, today: portal.settings.today(),
                             canSeeStatus: [UnitLevel.nation, .province, .district].contains(unit.level)
                                && (Role(rawValue: account.role) ?? .dataEntry) >= .compiler)
        }
        return portal.pages.render("unit", model, frame: portal.frame(context, title: unit.name, current: "/don-vi")).response(status: .ok)
    }

    /// The error slip of a stored file, made from the store as the run makes it.
    @Sendable func slip(_ request: Request, context: PortalContext) async throws -> Response {
        let account = try context.requireAccount()
        let scope = try portal.scope(of: account)
        guard let path = request.uri.queryParameters.get("tep"), !path.isEmpty else { throw Refused.badRequest("Thiếu tên tệp (tep=...).") }
        let portal = self.portal
        let text = try await Blocking.run { () -> String? in
            guard let verdict = try portal.store.verdict(path: path), verdict.status != .accepted,
                  UnitController.visible(verdict, to: scope) else { return nil }
            return ErrorSlip(file: verdict.path, status: verdict.status, problems: verdict.problems).text(catalog: try portal.catalogs.current(), lang: .vi)
        }
        // A file outside the account's units is answered as one that does not exist.
        guard let text else { throw Refused.notFound("Không có phiếu báo lỗi nào của tệp này trong phạm vi tài khoản.") }
        return Response(status: .ok, headers: [.contentType: "text/plain; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// A unit's blank form (`dang=xlsx` or `csv`), written as `tonghop template` writes it.
    @Sendable func blankForm(_ request: Request, context: PortalContext) async throws -> Response {
        let account = try context.requireAccount()
        let query = request.uri.queryParameters
        let code = request.unitAsked(by: account)
        guard let period = query.get("ky").flatMap(Period.parse) else { throw Refused.badRequest("Thiếu kỳ báo cáo (ky=2024-Q2).") }
        guard let kind = query.get("dang"), ["xlsx", "csv"].contains(kind) else { throw Refused.badRequest("Dạng tệp phải là xlsx hoặc csv.") }
        let scope = try portal.scope(of: account)
        guard scope.contains(code, period: period) else { throw scope.refusal(code, period: period) }
        let portal = self.portal
        let url = try await Blocking.run { () -> URL? in
            let pipeline = try portal.pipeline()
            let writer = BlankFormWriter(catalog: pipeline.catalog, window: pipeline.window)
            let files = try writer.writeUnit(code, period: period, into: BlankFormWriter.folder(outputs: portal.workspace.outputs, period: period))
            return files.first { $0.pathExtension == kind }
        }
        guard let url else { throw Refused.notFound() }
        // Named with its period: the same unit's forms of several quarters end in one folder.
        let name = url.deletingPathExtension().lastPathComponent + "-\(period.code)." + url.pathExtension
        await portal.audit(context, action: "tai-ve", object: "biểu mẫu trống \(name)", outcome: "thanh-cong")
        return try await Download.file(url, name: name)
    }

    /// Whether a file's problems may be shown to an account: it was sent through the portal by
    /// a unit within the account's, or every unit its problems name lies within it.
    static func visible(_ verdict: Store.FileVerdict, to scope: AccountScope) -> Bool {
        let parts = verdict.path.split(separator: "/")
        if parts.count >= 3, "\(parts[0])/" == "tai-len/", scope.contains(String(parts[1]), period: nil) { return true }
        let units = Set(verdict.problems.compactMap(\.unitCode))
        return !units.isEmpty && units.allSatisfy { scope.contains($0, period: nil) }
    }
}

extension PortalContext {
    func requireAccount() throws -> Store.Account {
        guard let account else { throw Refused(.unauthorized, "unauthorized", "Cần đăng nhập trước.") }
        return account
    }
}

/// A file under `outputs/` as a download, by a path the server made, never one a request named.
enum Download {
    /// The file at `url`, offered under `name` (its own by default).
    static func file(_ url: URL, name: String? = nil) async throws -> Response {
        let data = try await Blocking.run { try Data(contentsOf: url) }
        let name = name ?? url.lastPathComponent
        let type: String
        switch url.pathExtension {
        case "xlsx": type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case "csv": type = "text/csv; charset=utf-8"
        case "xml": type = "application/xml"
        case "json": type = "application/json"
        default: type = "application/octet-stream"
        }
        return Response(status: .ok, headers: [.contentType: type, .contentDisposition: disposition(name)],
                        body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// `attachment; filename="..."` with the name's ASCII form, and its UTF-8 form (RFC 6266).
    static func disposition(_ name: String) -> String {
        let ascii = String(name.unicodeScalars.map { $0.isASCII && $0 != "\"" && $0 != "\\" && $0.value >= 32 ? Character($0) : "_" })
        return "attachment; filename=\"\(ascii)\"; filename*=UTF-8''" + (name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ascii)
    }
}

/// The unit page's content.
struct UnitModel {
    struct PeriodRow {
        let period: String
        let name: String
        let label: String
        let tone: String
        let received: String
        let due: String
        /// Nil when none (Mustache shows an empty string's section).
        let versions: String?
        let anchor: String
    }

    struct VersionView {
        let number: Int
        let time: String
        let file: String
        let state: String
        let changes: String
        let hasChanges: Bool
    }

    struct ReportView {
        let anchor: String
        let title: String
        let versions: [VersionView]
    }

    struct SlipView {
        let name: String
        let path: String
        let label: String
        let tone: String
        let href: String
        let errors: Int
        /// The file whose report of the same period is in use now, when it is another.
        let inUse: String?
    }

    struct FormLink {
        let name: String
        let xlsx: String
        let csv: String
    }

    let code: String
    let name: String
    let level: String
    let parents: String?
    /// The unit on an earlier map, when the code named another unit there (before the 2025 reform).
    let formerly: String?
    let rows: [PeriodRow]
    let hasRows: Bool
    let reports: [ReportView]
    let hasReports: Bool
    let slips: [SlipView]
    let hasSlips: Bool
    let forms: [FormLink]
    let hasForms: Bool
    let statusHref: String?

    init(unit: TonghopBase.Unit, catalog: Catalog, history: SubmissionHistory, slips: [Store.FileVerdict], today: Int, canSeeStatus: Bool) {
        code = unit.code
        name = unit.name
        level = unit.level.vietnameseName
        let registry = catalog.registries.all.last { $0.unit(unit.code) != nil }
        let chain = registry?.ancestors(of: unit.code).filter { $0.level != .nation }.map(\.name).joined(separator: ", ") ?? ""
        parents = chain.isEmpty ? nil : chain
        formerly = catalog.registries.all.dropLast().compactMap { r -> String? in
            guard r !== registry, let old = r.unit(unit.code), old.name != unit.name else { return nil }
            let place = r.ancestors(of: unit.code).filter { $0.level != .nation }.map(\.name).joined(separator: ", ")
            return "trên danh mục đơn vị \(r.id): \(old.name)" + (place.isEmpty ? "" : " (\(place))")
        }.first
        // The quarters of this year and last, and every period the unit sent something for.
        let year = today / 10000, quarter = ((today / 100) % 100 - 1) / 3 + 1
        var periods = Set(history.reports.map(\.period))
        for q in 1...4 { periods.insert(.quarter(year - 1, q)) }
        for q in 1...quarter { periods.insert(.quarter(year, q)) }
        rows = periods.sorted(by: >).compactMap { period in
            guard let registry = catalog.registries.registry(for: period), let unitThen = registry.unit(unit.code) else { return nil }
            let active = history.reports(for: period).compactMap { $0.versions.last { $0.state == .active } }
            let versionCount = history.reports(for: period).reduce(0) { $0 + $1.versions.count }
            let due = catalog.deadlines.due(unitThen, period, registry: registry)
            let status = UnitModel.timeliness(active.map(\.stored), due: due, today: today)
            return PeriodRow(period: period.code, name: period.vietnameseName, label: status.label, tone: status.tone,
                             received: status.received, due: due.map { Display.day($0.date) } ?? "—",
                             versions: versionCount == 0 ? nil : "\(versionCount)", anchor: "ky-\(period.code)")
        }
        hasRows = !rows.isEmpty
        reports = history.reports.reversed().map { report in
            let form = report.form == Submission.compiledForm ? "báo cáo tổng hợp" : "biểu \(report.form)"
            return ReportView(anchor: "ky-\(report.period.code)", title: "\(report.period.vietnameseName) · \(form)",
                              versions: report.versions.reversed().map { v in
                                  let state: String
                                  switch v.state {
                                  case .active: state = "đang dùng"
                                  case .superseded(let n, _): state = "đã được thay bằng bản \(n)"
                                  case .withdrawn: state = "đã rút (tệp gửi lại không còn báo cáo này)"
                                  }
                                  let changes = v.number == 1 ? ["\(v.stored.values.count) giá trị"] : (v.changes.isEmpty ? ["không thay đổi giá trị nào"] : v.changes.prefix(30).map { ConsoleText.describe($0, .vi) })
                                  return VersionView(number: v.number, time: Display.time(v.stored.receivedAt), file: Display.fileName(v.stored.file),
                                                     state: state, changes: changes.joined(separator: "; "), hasChanges: !changes.isEmpty)
                              })
        }
        hasReports = !reports.isEmpty
        self.slips = slips.map { s in
            let v = Display.verdict(s.status)
            // Uploads never overwrite: a corrected form arrives as another file, and the refused
            // one keeps its slip. Say which file's report of that period is in use now.
            let periods = Set(s.problems.filter { $0.unitCode == unit.code }.compactMap { $0.period.flatMap(Period.parse) })
            let inUse = periods.sorted().compactMap { p in
                history.reports(for: p).compactMap { $0.versions.last { $0.state == .active } }.first.map { Display.fileName($0.stored.file) }
            }.filter { $0 != Display.fileName(s.path) }
            return SlipView(name: Display.fileName(s.path), path: s.path, label: v.label, tone: v.tone,
                            href: "/don-vi/phieu-bao-loi?tep=" + URLQuery.encode(s.path), errors: s.problems.filter { $0.severity == .error }.count,
                            inUse: inUse.isEmpty ? nil : inUse.joined(separator: ", "))
        }
        hasSlips = !self.slips.isEmpty
        // Forms for the three quarters before this one (a late report is still to be sent), this
        // one and the next, where the unit exists then; the newest first.
        let current = Period.quarter(year, quarter)
        let before = current.previousQuarter, twoBefore = before.previousQuarter
        let near = [current.nextQuarter, current, before, twoBefore, twoBefore.previousQuarter]
        forms = near.compactMap { p in
            guard let registry = catalog.registries.registry(for: p), let u = registry.unit(unit.code), catalog.defaultForm(for: u) != nil else { return nil }
            let query = "don-vi=\(URLQuery.encode(unit.code))&ky=\(p.code)"
            return FormLink(name: p.vietnameseName, xlsx: "/don-vi/bieu-mau?\(query)&dang=xlsx", csv: "/don-vi/bieu-mau?\(query)&dang=csv")
        }
        hasForms = !forms.isEmpty
        statusHref = canSeeStatus ? "/tinh-hinh?don-vi=\(URLQuery.encode(unit.code))" : nil
    }

    /// Received on time, late, or not yet: by the day the store says it was received (the day
    /// the portal took it, else its date line, else its file's day), against its due date (`templates/deadlines.csv`), as the workbooks'
    /// timeliness sheet counts it.
    static func timeliness(_ active: [Store.StoredVersion], due: DueDate?, today: Int) -> (label: String, tone: String, received: String) {
        guard !active.isEmpty else {
            if let due, today > due.date { return ("Chưa nhận — quá hạn", "bad", "—") }
            return ("Chưa nhận", "none", "—")
        }
        let received = active.map(\.receivedOn).max() ?? 0
        if let due, received > due.date { return ("Gửi muộn", "warn", Display.day(received)) }
        return ("Đúng hạn", "ok", Display.day(received))
    }
}

extension Period {
    var previousQuarter: Period { index == 1 ? .quarter(year - 1, 4) : .quarter(year, index - 1) }
    var nextQuarter: Period { index == 4 ? .quarter(year + 1, 1) : .quarter(year, index + 1) }
}

extension Pages {
    static let unit = """
        <h1>{{name}}</h1>
        <p class="muted">Mã {{code}} · {{level}}{{#parents}} · {{parents}}{{/parents}}{{#formerly}}<br>Cùng mã {{formerly}}{{/formerly}}</p>
        {{#statusHref}}<p><a href="{{statusHref}}">Tình hình báo cáo của các đơn vị trực thuộc</a></p>{{/statusHref}}
        <section class="card">
          <h2>Các kỳ báo cáo</h2>
          {{^hasRows}}<p class="muted">Đơn vị này không phải lập báo cáo định kỳ theo biểu.</p>{{/hasRows}}
          {{#hasRows}}
          <div class="table-wrap"><table class="stack">
            <thead><tr><th>Kỳ</th><th>Tình trạng</th><th>Ngày nhận</th><th>Hạn gửi</th><th class="num">Số bản</th></tr></thead>
            <tbody>
            {{#rows}}<tr><td>{{name}}</td><td><span class="badge {{tone}}">{{label}}</span></td><td data-label="Nhận">{{received}}</td><td data-label="Hạn">{{due}}</td><td class="num">{{#versions}}<a href="#{{anchor}}">{{versions}} bản</a>{{/versions}}</td></tr>{{/rows}}
            </tbody>
          </table></div>
          {{/hasRows}}
        </section>
        <section class="card">
          <h2>Phiếu báo lỗi</h2>
          {{^hasSlips}}<p class="muted">Không có tệp nào đang bị từ chối hay chỉ được nhận một phần.</p>{{/hasSlips}}
          {{#hasSlips}}
          <div class="table-wrap"><table class="stack">
            <thead><tr><th>Tệp</th><th>Kết quả</th><th class="num">Lỗi</th><th></th></tr></thead>
            <tbody>
            {{#slips}}<tr><td>{{name}}{{#inUse}}<div class="names">Báo cáo kỳ này đang dùng: {{inUse}}</div>{{/inUse}}</td><td><span class="badge {{tone}}">{{label}}</span></td><td class="num" data-label="Lỗi">{{errors}}</td><td><a href="{{href}}">Xem phiếu</a></td></tr>{{/slips}}
            </tbody>
          </table></div>
          {{/hasSlips}}
        </section>
        <section class="card" id="bieu-mau">
          <h2>Biểu mẫu trống</h2>
          {{^hasForms}}<p class="muted">Đơn vị này không có biểu mẫu để điền.</p>{{/hasForms}}
          {{#hasForms}}
          <p class="muted">Điền số liệu vào biểu mẫu rồi gửi lại ở trang Gửi báo cáo. Tệp .xlsx chỉ cho gõ vào ô số liệu và ô ghi chú.</p>
          <div class="table-wrap"><table>
            <tbody>{{#forms}}<tr><td>{{name}}</td><td><a href="{{xlsx}}">Excel (.xlsx)</a></td><td><a href="{{csv}}">CSV</a></td></tr>{{/forms}}</tbody>
          </table></div>
          {{/hasForms}}
        </section>
        <section class="card">
          <h2>Các phiên bản đã nhận</h2>
          {{^hasReports}}<p class="muted">Chưa nhận báo cáo nào của đơn vị.</p>{{/hasReports}}
          {{#reports}}
          <h3 id="{{anchor}}">{{title}}</h3>
          <ul>
            {{#versions}}<li><strong>Bản {{number}}</strong> · nhận {{time}} · {{file}} · {{state}}{{#hasChanges}}<br><span class="names">{{changes}}</span>{{/hasChanges}}</li>{{/versions}}
          </ul>
          {{/reports}}
        </section>

        """
}
