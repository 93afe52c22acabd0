import Hummingbird
import NIOCore
import TonghopStore

extension Request {
    /// The whole body, refused with 413 when it is declared or found larger than `limit` bytes:
    /// a form or an upload is read into memory once, never beyond the portal's limit.
    mutating func collectBody(within limit: Int) async throws -> ByteBuffer {
        if let length = headers[.contentLength].flatMap(Int.init), length > limit { throw Refused.tooLarge(limit: limit) }
        do {
            return try await collectBody(upTo: limit)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            throw Refused.tooLarge(limit: limit)
        }
    }

    /// The unit a page is asked for (`don-vi=`), the account's own when none is named. Whether
    /// it lies within the account is for the caller to check, against the period's registry.
    func unitAsked(by account: Store.Account) -> String {
        uri.queryParameters.get("don-vi").map { $0.trimmingBlanks.uppercased() } ?? account.unitCode
    }
}
