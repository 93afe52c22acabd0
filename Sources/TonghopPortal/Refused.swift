import Hummingbird
import TonghopPipeline

/// A request the portal refuses, with why in Vietnamese: shown on an error page, or given as
/// `{"error": code, "reason": reason}` by the API.
struct Refused: Error, Sendable {
    let status: HTTPResponse.Status
    /// A short key a script can test (`outsideScope`, `unauthorized`, `tooLarge`...).
    let code: String
    let reason: String

    init(_ status: HTTPResponse.Status, _ code: String, _ reason: String) {
        self.status = status
        self.code = code
        self.reason = reason
    }

    static func outsideScope(_ unit: String, account: String) -> Refused {
        Refused(.forbidden, "outsideScope", "Đơn vị \(unit) nằm ngoài phạm vi của tài khoản (đơn vị \(account)).")
    }

    static func badRequest(_ reason: String) -> Refused { Refused(.badRequest, "badRequest", reason) }

    static func notFound(_ reason: String = "Không có trang hoặc tệp này.") -> Refused { Refused(.notFound, "notFound", reason) }

    /// The store holds no report of the unit for the period (the command line's exit 3): nothing
    /// to export is "not found", not a failure of the server.
    static func noReports(_ none: NoReports) -> Refused {
        let unit = none.scope.map { " của \($0.name) (\($0.code))" } ?? ""
        return Refused(.notFound, "noReports",
                       "Kho dữ liệu chưa có báo cáo nào\(unit) cho \(none.period.vietnameseNameInSentence), nên chưa có số liệu để xuất.")
    }

    static func tooLarge(limit: Int) -> Refused {
        Refused(.contentTooLarge, "tooLarge", "Tệp gửi lên quá lớn: tối đa \(limit / (1024 * 1024)) MB mỗi lần gửi. Mỗi báo cáo chỉ vài trăm dòng; hãy kiểm tra lại tệp.")
    }
}
