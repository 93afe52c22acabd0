import Foundation
import Hummingbird
import TonghopPipeline

/// Turns what a route refuses, or what fails, into a response: a page in Vietnamese, or for
/// the API (`/api/...`) `{"error": ..., "reason": ...}` with the same status. An unexpected
/// failure is logged and answered 500 without its details.
struct ErrorPageMiddleware: RouterMiddleware {
    typealias Context = PortalContext
    let portal: Portal

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let refused as Refused {
            return respond(refused, to: request)
        } catch let none as NoReports {
            return respond(.noReports(none), to: request)
        } catch let error as any HTTPResponseError {
            return respond(Self.refusal(error.status), to: request)
        } catch let error as UploadError {
            // Only `busy` is the server's to explain; a file that cannot be saved is a failure.
            if case .busy = error { return respond(Refused(.serviceUnavailable, "busy", error.description), to: request) }
            portal.logger.error("request failed", metadata: ["path": "\(request.uri.path)", "error": "\(error)"])
            return respond(Self.failure, to: request)
        } catch {
            portal.logger.error("request failed", metadata: ["path": "\(request.uri.path)", "error": "\(error)"])
            return respond(Self.failure, to: request)
        }
    }

    static let failure = Refused(.internalServerError, "serverError", "Máy chủ gặp lỗi khi xử lý yêu cầu này; lỗi đã được ghi lại. Thử lại sau ít phút.")

    /// Statuses Hummingbird itself answers with (an unknown path, a body over the limit).
    static func refusal(_ status: HTTPResponse.Status) -> Refused {
        switch status {
        case .notFound: return .notFound()
        case .contentTooLarge: return Refused(.contentTooLarge, "tooLarge", "Tệp gửi lên quá lớn.")
        case .methodNotAllowed: return Refused(.methodNotAllowed, "methodNotAllowed", "Trang này không nhận yêu cầu kiểu này.")
        default: return Refused(status, "error", "Không thực hiện được yêu cầu này.")
        }
    }

    private func respond(_ refused: Refused, to request: Request) -> Response {
        var response: Response
        if request.uri.path.hasPrefix("/api/") {
            response = JSONBody.response(["error": refused.code, "reason": refused.reason], status: refused.status)
            if refused.status == .unauthorized { response.headers[.wwwAuthenticate] = "Bearer realm=\"tonghop\"" }
        } else {
            response = portal.pages.errorPage(refused).response(status: refused.status)
        }
        return response
    }
}
