import Foundation
import Hummingbird
import TonghopBase
import TonghopCatalog
import TonghopStore
import TonghopAggregate
import TonghopRender
import TonghopPipeline

/// `/bao-cao`: a period's figures for a unit within the account's — the key figures beside
/// last year's and the charts of the workbook's *Biểu đồ* sheet — and what can be downloaded:
/// the workbooks and CSV files the store records as written for it, and its exports.
struct ReportsController {
    let portal: Portal

    var endpoints: RouteCollection<PortalContext> {
        let routes = RouteCollection(context: PortalContext.self)
        routes.get("bao-cao", use: reports)
        routes.get("bao-cao/tai-ve", use: workbook)
        routes.get("bao-cao/xuat", use: export)
        return routes
    }

    @Sendable func reports(_ request: Request, context: PortalContext) async throws -> Response {
        let account = try context.requireAccount()
        let portal = self.portal
        let (unit, chosen, _) = try await portal.unitAndPeriod(request, account: account)
        let model = try await Blocking.run { () -> ReportsModel in
            let pipeline = try portal.pipeline()
            let store = try pipeline.workspace.existingStore()
            let rollup = try pipeline.rollup(chosen.period, store: store)
            let previous = try PreviousYear.period(before: chosen.period).flatMap { before -> PreviousYear? in
                guard pipeline.catalog.registries.registry(for: before) != nil else { return nil }
                return PreviousYear(current: rollup, previous: try pipeline.rollup(before, store: store))
            }
            let builder = ReportBuilder(scope: unit, rollup: rollup, previousYear: previous, problems: [], window: pipeline.window)
            let written = try store.writtenPeriods()[chosen.period.code]?.files ?? []
            // The workbooks wait for new figures of this unit's province (or, for the nation,
            // of any): the store's data generation alone would call every period stale after
            // any upload, figures changed or not.
            let stale = try pipeline.workbookAwaitsRewrite(chosen.period, unitCode: unit.code, store: store)
            return ReportsModel(builder: builder, catalog: pipeline.catalog, rollup: rollup, previous: previous, chosen: chosen,
                                downloads: Self.workbooks(unit, period: chosen.period, rollup: rollup, written: written, outputs: portal.workspace.outputs),
                                stale: stale)
        }
        return portal.pages.render("reports", model, frame: portal.frame(context, title: "Báo cáo tổng hợp", current: "/bao-cao"))
            .response(status: .ok)
    }

    /// A workbook or its CSV, only as the store records it written for a period and a unit —
    /// the national one or a province's — within the account's.
    @Sendable func workbook(_ request: Request, context: PortalContext) async throws -> Response {
        let account = try context.requireAccount()
        let query = request.uri.queryParameters
        guard let period = query.get("ky").flatMap(Period.parse) else { throw Refused.badRequest("Thiếu kỳ báo cáo (ky=2024).") }
        guard let code = query.get("don-vi")?.trimmingBlanks.uppercased() else { throw Refused.badRequest("Thiếu đơn vị (don-vi=35).") }
        guard let kind = query.get("dang"), ["xlsx", "csv"].contains(kind) else { throw Refused.badRequest("Dạng tệp phải là xlsx hoặc csv.") }
        let scope = try portal.scope(of: account)
        guard scope.contains(code, period: period), let unit = scope.unit(code, period: period) else {
            throw scope.refusal(code, period: period)
        }
        let portal = self.portal
        let url = try await Blocking.run { () -> URL? in
            let outputs = portal.workspace.outputs
            let url = kind == "xlsx" ? ReportNaming.workbook(outputs, period, unit) : ReportNaming.export(outputs, period, unit)
            let written = try portal.store.writtenPeriods()[period.code]?.files ?? []
            guard written.contains(portal.workspace.relativeToOutputs(url)), FileManager.default.fileExists(atPath: url.path) else { return nil }
            return url
        }
        guard let url else { throw Refused.notFound("Bảng tính này chưa được lập cho kỳ \(period.vietnameseName).") }
        await portal.audit(context, action: "tai-ve", object: portal.workspace.relativeToOutputs(url), outcome: "thanh-cong")
        return try await Download.file(url)
    }

    /// What `tonghop export` writes, for a unit within the account's.
    @Sendable func export(_ request: Request, context: PortalContext) async throws -> Response {
        let account = try context.requireAccount()
        let query = request.uri.queryParameters
        guard let period = query.get("ky").flatMap(Period.parse) else { throw Refused.badRequest("Thiếu kỳ báo cáo (ky=2024).") }
        guard let code = query.get("don-vi")?.trimmingBlanks.uppercased() else { throw Refused.badRequest("Thiếu đơn vị (don-vi=35).") }
        guard let format = ExportFormat(rawValue: query.get("dang") ?? "csv") else { throw Refused.badRequest("Dạng xuất phải là csv, adx, dhis2-json hoặc dhis2-csv.") }
        let response = try await exportResponse(portal: portal, account: account, period: period, code: code, format: format)
        await portal.audit(context, action: "xuat", object: "\(code) \(period.code) \(format.rawValue)", outcome: "thanh-cong")
        return response
    }

    /// The workbooks a unit's page offers: its own if it is the nation or a province, and for
    /// the nation every province's the store records as written.
    static func workbooks(_ unit: TonghopBase.Unit, period: Period, rollup: Rollup, written: [String], outputs: URL) -> [ReportsModel.Workbook] {
        guard unit.level == .nation || unit.level == .province else { return [] }
        let units = [unit] + (unit.level == .nation ? rollup.registry.children(of: unit.code) : [])
        let known = Set(written)
        return units.compactMap { u in
            let relative = ReportNaming.workbook(outputs, period, u).path.dropFirst(outputs.standardizedFileURL.path.count + 1)
            guard known.contains(String(relative)) else { return nil }
            let query = "ky=\(period.code)&don-vi=\(URLQuery.encode(u.code))"
            return ReportsModel.Workbook(name: u.name, xlsx: "/bao-cao/tai-ve?\(query)&dang=xlsx", csv: "/bao-cao/tai-ve?\(query)&dang=csv")
        }
    }
}

/// The export of a unit's figures, as the API and the page give it: the scope held to the
/// account's unit in the period's registry (403 outside it).
func exportResponse(portal: Portal, account: Store.Account, period: Period, code: String, format: ExportFormat) async throws -> Response {
    let scope = try portal.scope(of: account)
    guard scope.contains(code, period: period) else { throw scope.refusal(code, period: period) }
    let text = try await Blocking.run { try portal.pipeline().export(period, scope: code, format: format) }
    let (type, ext): (String, String)
    switch format {
    case .csv: (type, ext) = ("text/csv; charset=utf-8", "csv")
    case .adx: (type, ext) = ("application/xml; charset=utf-8", "xml")
    case .dhis2JSON: (type, ext) = ("application/json; charset=utf-8", "json")
    case .dhis2CSV: (type, ext) = ("text/csv; charset=utf-8", "dhis2.csv")
    }
    return Response(status: .ok, headers: [.contentType: type, .contentDisposition: Download.disposition("\(code)-\(period.code).\(ext)")],
                    body: .init(byteBuffer: ByteBuffer(string: text)))
}

struct ReportsModel {
    struct KeyFigure {
        let code: String
        let title: String
        let measure: String
        let current: String
        let previous: String
        let change: String
    }

    struct Chart {
        let title: String
        /// Nil when no unit below has a figure of the indicator in either period.
        let svg: String?
        let notes: [Note]
    }

    struct Note {
        let text: String
    }

    struct Workbook {
        let name: String
        let xlsx: String
        let csv: String
    }

    struct Export {
        let label: String
        let href: String
    }

    let title: String
    let subtitle: String
    let chips: [PeriodChoice.Chip]
    let previousName: String
    let figures: [KeyFigure]
    let hasFigures: Bool
    let charts: [Chart]
    let workbooks: [Workbook]
    let hasWorkbooks: Bool
    let manyWorkbooks: Bool
    let provinceCount: Int
    let exports: [Export]
    let stale: Bool
    /// Said above the figures while units of the scope have not (all) reported: a total of
    /// some units beside last year's of all of them is no change, and must not read as one.
    let incomplete: String?
    let statusHref: String?

    init(builder: ReportBuilder, catalog: Catalog, rollup: Rollup, previous: PreviousYear?, chosen: PeriodChoice,
         downloads: [Workbook], stale: Bool) {
        let unit = builder.scope, period = chosen.period
        title = "Số liệu \(period.vietnameseName)"
        subtitle = "\(unit.name) · \(rollup.total(unit.code).reportingUnits) đơn vị có báo cáo"
        let completeness = Completeness(scope: unit.code, rollup: rollup)
        if completeness.expected > 0, completeness.complete < completeness.expected {
            let received = completeness.complete + completeness.partial
            incomplete = "Chưa đủ báo cáo: mới có \(received)/\(completeness.expected) đơn vị gửi báo cáo"
                + (completeness.partial > 0 ? " (\(completeness.partial) đơn vị chưa đủ số liệu)" : "")
                + ". Các số dưới đây chỉ gồm các đơn vị đã gửi; so sánh với cùng kỳ chỉ có ý nghĩa khi đủ báo cáo."
        } else {
            incomplete = nil
        }
        chips = chosen.chips(path: "/bao-cao", unit: unit.code)
        previousName = PreviousYear.period(before: period).map { "Cùng kỳ: \($0.vietnameseName)" } ?? "Cùng kỳ năm trước"
        // The main indicators (`chu_yeu` in indicators.csv) and the derived ratios, as on the
        // workbook's first sheet.
        let main = Set(catalog.indicators.filter(\.isMain).map(\.code))
        figures = builder.summaryLines().flatMap(\.lines).filter { main.contains($0.code) || catalog.derivedByCode[$0.code] != nil }.map { line in
            var change = "—"
            if let now = line.current, let before = line.previous {
                let delta = now - before
                let sign = delta > 0 ? "+" : (delta < 0 ? "−" : "")
                change = sign + Display.number(abs(delta)) + (line.isRatio ? " điểm %" : "")
                if !line.isRatio, before != 0 { change += " (\(sign)\(Display.number(abs(delta) / before * 100))%)" }
            }
            // A derived indicator by its name alone: the formula the workbook shows is noise here.
            return KeyFigure(code: line.code, title: catalog.derivedByCode[line.code]?.name ?? line.title, measure: line.measure,
                             current: line.currentUnknown ? "không xác định" : Display.number(line.current),
                             previous: Display.number(line.previous), change: change)
        }
        hasFigures = !figures.isEmpty
        let hasUnitsBelow = !rollup.registry.children(of: unit.code).isEmpty || !rollup.registry.departments(of: unit.code).isEmpty
        charts = !hasUnitsBelow ? [] : ReportBuilder.chartedIndicators.compactMap { key in
            catalog.indicator(key.code).map { Self.chart(key.title, indicator: $0, builder: builder, period: period) }
        }
        workbooks = downloads
        hasWorkbooks = !downloads.isEmpty
        manyWorkbooks = downloads.count > 3
        provinceCount = max(0, downloads.count - 1)
        let query = "ky=\(period.code)&don-vi=\(URLQuery.encode(unit.code))"
        exports = [Export(label: "CSV (dạng dài, gửi cấp trên)", href: "/bao-cao/xuat?\(query)&dang=csv"),
                   Export(label: "ADX (XML)", href: "/bao-cao/xuat?\(query)&dang=adx"),
                   Export(label: "DHIS2 JSON", href: "/bao-cao/xuat?\(query)&dang=dhis2-json"),
                   Export(label: "DHIS2 CSV", href: "/bao-cao/xuat?\(query)&dang=dhis2-csv")]
        self.stale = stale
        statusHref = [.nation, .province, .district].contains(unit.level) ? "/tinh-hinh?\(query)" : nil
    }

    /// An indicator charted by the units ``ReportBuilder/chartRows(_:)`` chooses, as the
    /// workbook's *Biểu đồ* sheet draws it, with the unit's own total in a line under it and
    /// the units left out counted.
    static func chart(_ title: String, indicator: Indicator, builder: ReportBuilder, period: Period) -> Chart {
        let unit = builder.scope, rollup = builder.rollup, previous = builder.previousYear
        let children = rollup.registry.children(of: unit.code)
        let (charted, silent) = builder.chartRows(indicator)
        let previousName = PreviousYear.period(before: period)?.vietnameseName ?? "Cùng kỳ năm trước"
        let heading = "\(title) (\(indicator.measure))"

        func amount(_ value: Double?) -> String { value.map { "\(Display.number($0)) \(indicator.measure)" } ?? "chưa có số liệu" }
        var total = "Tổng của \(unit.name): \(amount(rollup.total(unit.code).figures.value(indicator)))"
        if let previous {
            total += "; \(previousName.prefix(1).lowercased() + previousName.dropFirst()): \(amount(previous.figures(of: unit.code)?.figures.value(indicator)))"
        }
        var notes = [Note(text: total + ".")]
        if charted.isEmpty {
            notes.append(Note(text: "Chưa có đơn vị trực thuộc nào có số liệu của chỉ tiêu này trong kỳ này và cùng kỳ năm trước."))
        } else {
            if !children.isEmpty, charted.allSatisfy({ $0.unit.level == .department }) {
                notes.append(Note(text: "Chỉ tiêu này do các sở, ngành báo cáo; không \(children[0].level.vietnameseName) nào của \(unit.name) có số liệu."))
            }
            if silent > 0 {
                notes.append(Note(text: "\(silent) đơn vị không có số liệu của chỉ tiêu này ở cả hai kỳ nên không có trên biểu đồ."))
            }
        }
        let svg = charted.isEmpty ? nil : BarChart(title: heading, currentName: period.vietnameseName, previousName: previousName,
                                                   bars: charted.map { BarChart.Bar(label: ReportBuilder.chartLabel($0.unit), current: $0.current, previous: $0.previous) }).svg
        return Chart(title: heading, svg: svg, notes: notes)
    }
}

extension Pages {
    static let reports = """
        <h1>{{title}}</h1>
        <p class="muted">{{subtitle}}</p>
        <nav class="chips" aria-label="Kỳ báo cáo">{{#chips}}<a href="{{href}}"{{#current}} aria-current="page"{{/current}}>{{name}}</a>{{/chips}}</nav>
        {{#incomplete}}<p class="notice warn">{{incomplete}}</p>{{/incomplete}}
        {{#stale}}<p class="notice info">Có số liệu mới chưa vào bảng tính của kỳ này: bảng tính đang được lập lại, tải lại trang sau ít phút. Các số dưới đây đã tính cả số liệu mới.</p>{{/stale}}
        <section class="card">
          <h2>Số liệu chủ yếu so với cùng kỳ</h2>
          {{^hasFigures}}<p class="muted">Chưa có số liệu.</p>{{/hasFigures}}
          {{#hasFigures}}
          <div class="table-wrap"><table class="stack">
            <thead><tr><th>Chỉ tiêu</th><th class="num">Kỳ này</th><th class="num">{{previousName}}</th><th class="num">Tăng, giảm</th></tr></thead>
            <tbody>
            {{#figures}}<tr><td>{{title}} <span class="muted">({{measure}})</span></td><td class="num" data-label="Kỳ này">{{current}}</td><td class="num" data-label="Cùng kỳ">{{previous}}</td><td class="num" data-label="Tăng, giảm">{{change}}</td></tr>{{/figures}}
            </tbody>
          </table></div>
          {{/hasFigures}}
        </section>
        {{#charts}}<section class="card"><h2>{{title}}</h2>{{#svg}}{{{svg}}}{{/svg}}{{#notes}}<p class="muted">{{text}}</p>{{/notes}}</section>{{/charts}}
        <section class="card">
          <h2>Tải về</h2>
          {{#hasWorkbooks}}
          {{#manyWorkbooks}}<details><summary>Bảng tính của toàn quốc và {{provinceCount}} tỉnh, thành phố</summary>{{/manyWorkbooks}}
          <div class="table-wrap"><table><tbody>
            {{#workbooks}}<tr><td>{{name}}</td><td><a href="{{xlsx}}">Bảng tính (.xlsx)</a></td><td><a href="{{csv}}">Số liệu (.csv)</a></td></tr>{{/workbooks}}
          </tbody></table></div>
          {{#manyWorkbooks}}</details>{{/manyWorkbooks}}
          {{/hasWorkbooks}}
          {{^hasWorkbooks}}<p class="muted">Bảng tính được lập cho từng tỉnh và toàn quốc; chưa có bảng tính nào của đơn vị này cho kỳ này.</p>{{/hasWorkbooks}}
          <h3>Xuất số liệu của đơn vị và các đơn vị trực thuộc</h3>
          <ul>{{#exports}}<li><a href="{{href}}">{{label}}</a></li>{{/exports}}</ul>
        </section>
        {{#statusHref}}<p><a href="{{statusHref}}">Tình hình báo cáo của kỳ này</a></p>{{/statusHref}}

        """
}
