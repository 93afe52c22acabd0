import Hummingbird

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

    static func tooLarge(limit: Int) -> Refused {
        Refused(.contentTooLarge, "tooLarge", "Tệp gửi lên quá lớn: tối đa \(limit / (1024 * 1024)) MB mỗi lần gửi. Mỗi báo cáo chỉ vài trăm dòng; hãy kiểm tra lại tệp.")
    }
}
