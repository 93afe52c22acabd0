import Dispatch

/// Blocking work — SQLite, files, the pipeline's stages — run on a dispatch queue, so that the
/// two threads of Swift's cooperative pool on this machine stay free to serve other requests.
enum Blocking {
    static func run<T: Sendable>(on queue: DispatchQueue = .global(), _ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try work() }) }
        }
    }
}
