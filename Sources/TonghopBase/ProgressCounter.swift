import Foundation

/// Counts finished steps of a stage that runs on every core, and reports the count so far, so
/// that a person watching a long run in a terminal sees it move.
public final class ProgressCounter: @unchecked Sendable {
    /// Told `(done, total)`, from whichever thread finished a step.
    public typealias Report = @Sendable (_ done: Int, _ total: Int) -> Void

    private let total: Int
    private let report: Report
    private var done = 0
    private let lock = NSLock()

    public init(total: Int, report: @escaping Report) {
        self.total = total
        self.report = report
    }

    public func advance() {
        lock.lock()
        done += 1
        let now = done
        lock.unlock()
        report(now, total)
    }
}
