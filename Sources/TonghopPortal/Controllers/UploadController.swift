import Foundation
import Hummingbird
import TonghopBase
import TonghopStore
import TonghopPipeline

/// `/gui-bao-cao`: one or more filled forms, tables or DHIS2 files sent at once; each is read,
/// validated and stored by ``ReportingPipeline/receive(_:wait:)`` as cron's run would store it,
/// and the page answers, file by file, with every problem worded as on the error slip.
struct UploadController {
    let portal: Portal

    var endpoints: RouteCollection<PortalContext> {
        let routes = RouteCollection(context: PortalContext.self)
        routes.get("gui-bao-cao", use: form)
        routes.post("gui-bao-cao", use: upload)
        return routes
    }

    @Sendable func form(_ request: Request, context: PortalContext) async throws -> Response {
        page(context, results: [], message: nil, status: .ok)
    }

    @Sendable func upload(_ request: Request, context: PortalContext) async throws -> Response {
        guard let account = context.account else { throw Refused(.unauthorized, "unauthorized", "Cần đăng nhập trước.") }
        let files = context.form?.files.filter { $0.field == "tep" } ?? []
        guard !files.isEmpty else {
            return page(context, results: [], message: "Chưa chọn tệp nào: bấm vào ô chọn tệp, chọn một hay nhiều tệp rồi bấm Gửi.", status: .badRequest)
        }
        var results: [UploadResultView] = []
        for file in files {
            let outcome = try await receive(file, account: account, portal: portal)
            await portal.audit(context, action: "gui-tep", object: outcome.auditObject(file.fileName), outcome: outcome.auditOutcome)
            results.append(UploadResultView(file: file.fileName, outcome: outcome))
        }
        return page(context, results: results, message: nil, status: .ok)
    }

    private func page(_ context: PortalContext, results: [UploadResultView], message: String?, status: HTTPResponse.Status) -> Response {
        let model = UploadModel(csrf: context.csrfToken ?? "", results: results, hasResults: !results.isEmpty, message: message,
                                limit: "\(portal.settings.maxUploadBytes / (1024 * 1024)) MB")
        return portal.pages.render("upload", model, frame: portal.frame(context, title: "Gửi báo cáo", current: "/gui-bao-cao"))
            .response(status: status)
    }
}

/// Receives one file for an account, on the writer queue, and asks for the workbooks its
/// periods hold to be rewritten: what both the upload page and the API do.
func receive(_ file: SubmittedForm.File, account: Store.Account, portal: Portal) async throws -> UploadResult {
    let upload = Upload(fileName: file.fileName, bytes: file.bytes, scope: account.unitCode, sender: account.login)
    // The run lock is waited for at most `lockWait` from the moment the upload arrived, time in
    // the writer queue included: behind a long cron run, uploads queued one after another are
    // each answered 503 in time, not one wait after the other.
    let deadline = ContinuousClock.now + .milliseconds(Int(portal.settings.lockWait * 1000))
    let result = try await Blocking.run(on: portal.writer) {
        let left = deadline - ContinuousClock.now
        let seconds = Double(left.components.seconds) + Double(left.components.attoseconds) / 1e18
        return try portal.pipeline().receive(upload, wait: max(0, seconds))
    }
    if result.verdict == .stored {
        // A refused file has no reports, but its problems show on its period's workbooks.
        let problemPeriods = result.problems.compactMap { $0.period.flatMap(Period.parse) }
        portal.refresher.schedule(result.periods + problemPeriods)
    }
    return result
}

extension UploadResult {
    /// What the audit log records of an upload: the name sent and where it is kept.
    func auditObject(_ sentName: String) -> String { path.isEmpty ? sentName : "\(sentName) → \(path)" }

    var auditOutcome: String {
        switch verdict {
        case .stored: return status.rawValue
        case .alreadyReceived: return "da-nhan-truoc (\(status.rawValue))"
        case .outsideScope(let units): return "ngoai-pham-vi: " + units.joined(separator: ", ")
        }
    }
}

/// One file's answer on the page.
struct UploadResultView {
    let name: String
    /// Where it is kept under `inputs/`; nil when nothing was kept.
    let savedAs: String?
    let label: String
    let tone: String
    let summary: String
    let problems: [ProblemView]
    let hasProblems: Bool
    let more: String?
    let slipHref: String?

    /// Problems shown on the page; the slip has them all.
    static let shown = 200

    init(file: String, outcome: UploadResult) {
        name = file
        savedAs = outcome.path.isEmpty ? nil : "inputs/" + outcome.path
        switch outcome.verdict {
        case .stored:
            (label, tone) = Display.verdict(outcome.status)
            summary = outcome.status == .rejected
                ? "Không lưu báo cáo nào. Sửa các lỗi dưới đây rồi gửi lại tệp."
                : "Đã lưu \(outcome.reports) báo cáo, \(outcome.values) giá trị" + (outcome.status == .partial ? "; phần có lỗi dưới đây chưa được nhận." : ".")
        case .alreadyReceived:
            let v = Display.verdict(outcome.status)
            (label, tone) = ("Đã nhận trước đây", v.tone == "ok" ? "ok" : v.tone)
            summary = "Tệp giống hệt (cùng nội dung) đã được gửi trước đây, lưu là \(outcome.path) (\(v.label.lowercased())): không có gì thay đổi."
        case .outsideScope(let units):
            (label, tone) = ("Bị từ chối", "bad")
            summary = "Tệp có báo cáo của đơn vị ngoài phạm vi tài khoản (\(units.joined(separator: ", "))): không lưu gì, không giữ lại tệp."
        }
        problems = outcome.problems.prefix(Self.shown).map(ProblemView.init)
        hasProblems = !problems.isEmpty
        more = outcome.problems.count > Self.shown ? "… và \(outcome.problems.count - Self.shown) vấn đề khác: xem phiếu báo lỗi." : nil
        slipHref = outcome.verdict == .stored && outcome.status != .accepted ? "/don-vi/phieu-bao-loi?tep=" + URLQuery.encode(outcome.path) : nil
    }
}

/// A problem as the page shows it: where, then the same sentence as on the error slip
/// (what is wrong, what was found, what was expected, how to fix it).
struct ProblemView {
    let severity: String
    let where_: String
    let hasWhere: Bool
    /// LỖI, CẢNH BÁO, GHI CHÚ: the start of the slip's sentence, shown in its colour.
    let word: String
    /// The rest of the slip's sentence.
    let message: String

    init(_ p: Problem) {
        switch p.severity {
        case .error: severity = "error"
        case .warning: severity = "warning"
        case .notice: severity = "notice"
        }
        where_ = Messages.location(p, .vi)
        hasWhere = !where_.isEmpty
        word = Messages.severityWord(p.severity, .vi)
        let sentence = Messages.render(p, .vi, withFile: false, withLocation: false)
        message = sentence.hasPrefix(word + " — ") ? String(sentence.dropFirst(word.count + 3)) : sentence
    }
}

struct UploadModel {
    let csrf: String
    let results: [UploadResultView]
    let hasResults: Bool
    let message: String?
    let limit: String
}

/// Percent-encoding of a query value.
enum URLQuery {
    static func encode(_ value: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~/")
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }
}

extension Pages {
    static let upload = """
        <h1>Gửi báo cáo</h1>
        {{#message}}<p class="notice bad" role="alert">{{message}}</p>{{/message}}
        {{#hasResults}}
        <section class="card" aria-live="polite">
          <h2>Kết quả</h2>
          {{#results}}
          <div class="file">
            <div class="file-head"><span class="file-name">{{name}}</span> <span class="badge {{tone}}">{{label}}</span></div>
            <p>{{summary}}</p>
            {{#savedAs}}<p class="muted">Lưu là {{savedAs}}</p>{{/savedAs}}
            {{#hasProblems}}
            <ol class="problems">
              {{#problems}}<li>{{#hasWhere}}<span class="where">{{where_}}:</span> {{/hasWhere}}<span class="sev {{severity}}">{{word}}</span> — {{message}}</li>{{/problems}}
            </ol>
            {{#more}}<p class="muted">{{more}}</p>{{/more}}
            {{/hasProblems}}
            {{#slipHref}}<p><a href="{{slipHref}}">Phiếu báo lỗi của tệp này</a></p>{{/slipHref}}
          </div>
          {{/results}}
        </section>
        {{/hasResults}}
        <section class="card">
          <h2>{{#hasResults}}Gửi tệp khác{{/hasResults}}{{^hasResults}}Chọn tệp{{/hasResults}}</h2>
          <form method="post" action="/gui-bao-cao" enctype="multipart/form-data">
            <input type="hidden" name="csrf" value="{{csrf}}">
            <label for="tep">Tệp báo cáo (chọn được nhiều tệp)</label>
            <input type="file" id="tep" name="tep" multiple accept=".csv,.txt,.tsv,.xlsx,.xls,.ods,.xml,.json">
            <p class="muted">Biểu mẫu đã điền (.csv hoặc .xlsx do tonghop tạo), bảng nhiều xã, dạng dài, tệp Excel .xls, LibreOffice .ods, DHIS2 (ADX .xml, dataValueSets .json hoặc .csv). Tối đa {{limit}} mỗi lần gửi. Tệp được kiểm tra ngay; gửi lại tệp đã sửa bao nhiêu lần cũng được, bản mới thay bản cũ.</p>
            <div class="actions"><button type="submit" class="primary">Gửi</button> <a href="/don-vi#bieu-mau">Lấy biểu mẫu trống</a></div>
          </form>
        </section>

        """
}
