import Foundation
import Logging
import ServiceLifecycle
import Synchronization
import TonghopBase
import TonghopPipeline

/// Rewrites, in the background, the workbooks of the periods uploads changed — off the request
/// path, so that a clerk's upload is answered as soon as it is stored.
///
/// Debounced: a burst of uploads (a district sending its communes' forms one after the other)
/// gives one rewrite, once no upload has come for `quiet`, or `longest` after the first when
/// they keep coming. Each period is rewritten on its own turn of the writer queue that uploads
/// also take, so an upload waits at most for one period's workbooks, never for the whole job.
/// A period cron's `run` is writing meanwhile (it holds the run lock) is left to it.
final class ReportRefresher: Service, Sendable {
    private struct Pending {
        var periods: Set<Period> = []
        var first: ContinuousClock.Instant?
        var last: ContinuousClock.Instant?
    }

    private let pending = Mutex(Pending())
    private let quiet: Duration
    private let longest: Duration
    private let writer: DispatchQueue
    private let makePipeline: @Sendable () throws -> ReportingPipeline
    private let logger: Logger

    init(quiet: Duration, longest: Duration, writer: DispatchQueue, logger: Logger,
         makePipeline: @escaping @Sendable () throws -> ReportingPipeline) {
        self.quiet = quiet
        self.longest = longest
        self.writer = writer
        self.logger = logger
        self.makePipeline = makePipeline
    }

    /// Asks for the workbooks of these periods (and of the halves and years holding them).
    func schedule(_ periods: [Period]) {
        guard !periods.isEmpty else { return }
        let now = ContinuousClock.now
        pending.withLock { p in
            p.periods.formUnion(periods)
            if p.first == nil { p.first = now }
            p.last = now
        }
    }

    func run() async throws {
        // At start, what a server killed at any moment left: the temporary files of uploads
        // and workbooks being written (dead processes' only; inputs/ hides them from runs
        // anyway), and every stale period with data — a server killed after storing an upload
        // and before rewriting its workbooks finishes that work when it comes back.
        if let pipeline = try? makePipeline() {
            let removed = StaleTemporaryFiles.remove(under: pipeline.workspace.inputs.appendingPathComponent("tai-len"))
                + StaleTemporaryFiles.remove(under: pipeline.workspace.outputs)
            if !removed.isEmpty { logger.info("temporary files of a killed process removed", metadata: ["files": "\(removed.count)"]) }
        }
        if let pipeline = try? makePipeline(), let store = try? pipeline.workspace.existingStore(),
           let stale = try? pipeline.staleReports(pipeline.defaultPeriods(store: store), store: store) {
            schedule(stale)
        }
        try? await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                try await Task.sleep(for: .milliseconds(200))
                if let due = self.takeDue() { await self.refresh(due) }
            }
        }
    }

    /// Rewrites whatever is pending now, without waiting for the uploads to settle (tests,
    /// and a page that needs the workbooks at once).
    func flush() async {
        let periods = pending.withLock { p -> Set<Period> in
            defer { p = Pending() }
            return p.periods
        }
        await refresh(periods)
    }

    private func takeDue() -> Set<Period>? {
        let now = ContinuousClock.now
        return pending.withLock { p -> Set<Period>? in
            guard let first = p.first, let last = p.last, now - last >= quiet || now - first >= longest else { return nil }
            defer { p = Pending() }
            return p.periods
        }
    }

    /// One period per turn of the writer queue, years first: a quarter's refresh also looks
    /// at its half and year, which are then up to date and skipped.
    private func refresh(_ periods: Set<Period>) async {
        var family: Set<Period> = []
        for p in periods {
            family.insert(p)
            if p.kind == .quarter || p.kind == .half {
                family.insert(.year(p.year))
                if p.kind == .quarter { family.insert(.half(p.year, (p.index + 1) / 2)) }
            }
        }
        let ordered = family.sorted { ($0.kind, $0) < ($1.kind, $1) }
        for period in ordered {
            do {
                let clock = ContinuousClock.now
                let written = try await Blocking.run(on: writer) { [makePipeline] in
                    try makePipeline().refreshReports([period], wait: 5)
                }
                if !written.isEmpty {
                    logger.info("workbooks rewritten", metadata: ["period": "\(period.code)", "files": "\(written.count)",
                                                                  "seconds": "\((ContinuousClock.now - clock).formatted(.units(allowed: [.seconds], fractionalPart: .show(length: 2))))"])
                }
            } catch {
                logger.error("workbooks not rewritten; the next run writes them", metadata: ["period": "\(period.code)", "error": "\(error)"])
            }
        }
    }
}
