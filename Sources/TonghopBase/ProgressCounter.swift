import Foundation
import Synchronization

/// Counts finished steps of a stage that runs on every core, and reports the count so far, so
/// that a person watching a long run in a terminal sees it move.
public final class ProgressCounter: Sendable {
    /// Told `(done, total)`, from whichever thread finished a step.
    public typealias Report = @Sendable (_ done: Int, _ total: Int) -> Void

    private let total: Int
    private let report: Report
    private let done = Mutex(0)

    public init(total: Int, report: @escaping Report) {
        self.total = total
        self.report = report
    }

    public func advance() {
        let now = done.withLock { count in
            count += 1
            return count
        }
        report(now, total)
    }
}
