import Foundation

/// `tonghop run`: one unattended pass, as cron starts it. The stages of `rollup`, made safe to
/// run with nobody watching:
///
/// 1. a probe that `outputs/` can be written, before anything is read or stored;
/// 2. the lock beside the store (a second run waits, then gives up with ``ExitStatus/locked``);
/// 3. the temporary files of killed runs removed;
/// 4. ingest, in one transaction;
/// 5. only the reports that are stale written (``ReportingPipeline/staleReports(_:store:)``),
///    so that a run killed after storing is finished by the next one, and a run with nothing
///    new and nothing stale ends with ``ExitStatus/nothingToDo``;
/// 6. a line per file in the log and the JSON ``RunSummary`` under `outputs/`.
public struct ScheduledRun {
    public let pipeline: ReportingPipeline
    /// The periods to report; empty for every period with data.
    public var periods: [Period] = []
    /// Seconds to wait for another run's lock.
    public var wait: Double = 60
    public var log: RunLog
    public var language: Language = .vi
    /// The command line, as recorded in the store, the log and the summary.
    public var command: String
    /// Told how many files have been read, and how many periods written, for a terminal.
    public var readProgress: ProgressCounter.Report?
    public var writeProgress: ProgressCounter.Report?

    public init(pipeline: ReportingPipeline, log: RunLog, command: String) {
        self.pipeline = pipeline
        self.log = log
        self.command = command
    }

    public struct Result {
        public var status: ExitStatus
        public var ingest = ReportingPipeline.IngestSummary()
        public var written: [URL] = []
        /// The error slips written under `outputs/phieu-bao-loi/`.
        public var errorSlips: [URL] = []
        /// Nil when another run held the lock.
        public var summary: RunSummary?
        public var summaryFile: URL?
        /// The report or summary that could not be written (exit code 1).
        public var failure: OutputError?
        /// Why the log could not be written, if it could not (the run goes on without it).
        public var logFailure: OutputError?
    }

    public func perform() throws -> Result {
        let started = Date()
        let workspace = pipeline.workspace
        var result = Result(status: .success)
        func note(_ events: [String]) {
            do { try log.append(events) } catch let e as OutputError { result.logFailure = e } catch {}
        }
        // Before the lock, which creates its file beside the store: a failed probe leaves nothing behind.
        do {
            try OutputsProbe.check(workspace.outputs)
        } catch let e as OutputError {
            note(["run=- failed exit=\(ExitStatus.failure.rawValue) error=\(RunLog.quoted(e.description))"])
            throw e
        }
        guard let lock = try RunLock(beside: workspace.store, wait: wait) else {
            note(["run=- locked exit=\(ExitStatus.locked.rawValue) store=\(RunLog.quoted(workspace.store.path))"])
            result.status = .locked
            return result
        }
        defer { withExtendedLifetime(lock) {} }
        let removed = StaleTemporaryFiles.remove(under: workspace.outputs)

        let store = try Store(path: workspace.store.path)
        let runId = try store.beginRun(command: command, at: started)
        note(["run=\(runId) start command=\(RunLog.quoted(command))"]
             + removed.map { "run=\(runId) removed-temporary=\(RunLog.quoted($0))" })
        var summary = RunSummary(runId: runId, command: command, startedAt: started, paths: RunSummary.Paths(
            inputs: workspace.inputs.path, outputs: workspace.outputs.path, store: workspace.store.path, log: log.file.path))
        summary.temporaryFilesRemoved = removed
        // The lines of the files read are made and appended on another thread while the
        // reports are written (a national batch is forty thousand lines); waited for before
        // the next line, so the log keeps its order.
        var fileLines: BackgroundWork<OutputError?>? = nil
        func fileLinesWritten() {
            if let failure = fileLines?.result() { result.logFailure = failure }
            fileLines = nil
        }
        do {
            result.ingest = try pipeline.ingest(into: store, runId: runId, progress: readProgress)
            summary.record(result.ingest, language: language)
            let filesRead = result.ingest.filesRead, log = self.log
            fileLines = BackgroundWork {
                do {
                    try log.append(ParallelMap.chunked(filesRead) { RunLog.fileEvent(run: runId, $0) })
                    return nil
                } catch let e as OutputError { return e } catch { return nil }
            }
            // The error slips to send back, as `rollup` writes them: cron runs are how most
            // files arrive.
            result.errorSlips = try pipeline.writeErrorSlips(store: store, inputPaths: result.ingest.inputPaths, lang: language)

            let periods = self.periods.isEmpty ? try pipeline.defaultPeriods(store: store) : self.periods
            let stale = try pipeline.staleReports(periods, store: store)
            summary.periodsUpToDate = periods.filter { !stale.contains($0) }.map(\.code)
            let writeClock = Date()
            do {
                for (i, period) in stale.enumerated() {
                    if pipeline.scope != nil {
                        // A scoped run writes its province's workbooks only, as a scoped rollup.
                        if let scope = pipeline.reportScope(for: period) {
                            result.written += try pipeline.writeReports(period, scope: scope, store: store)
                        }
                    } else {
                        let provinces = try pipeline.provincesToRewrite(period, store: store)
                        result.written += try pipeline.writeReports(period, onlyProvinces: provinces, store: store)
                    }
                    summary.periodsWritten.append(period.code)
                    writeProgress?(i + 1, stale.count)
                }
            } catch let e as OutputError {
                result.failure = e
                summary.error = e.description
            }
            summary.filesWritten = result.written.map(workspace.relativeToOutputs)
            summary.seconds["write"] = RunSummary.rounded(Date().timeIntervalSince(writeClock))

            if result.failure != nil {
                result.status = .failure
            } else if result.ingest.filesRead.isEmpty && stale.isEmpty {
                result.status = .nothingToDo
            } else if result.ingest.rejected + result.ingest.partial > 0 {
                result.status = .rejected
            }
            summary.seconds["total"] = RunSummary.rounded(Date().timeIntervalSince(started))
            summary.finish(result.status)
            let files = RunSummary.files(outputs: workspace.outputs, runId: runId)
            do {
                let json = try summary.json()
                try OutputError.writing(files.own, stage: .summary) { try AtomicFile.write(json, to: files.own) }
                try OutputError.writing(files.last, stage: .summary) { try AtomicFile.write(json, to: files.last) }
                result.summaryFile = files.last
            } catch let e as OutputError {
                result.failure = result.failure ?? e
                result.status = .failure
                summary.finish(.failure)
            }
            result.summary = summary
            try store.finishRun(runId, summary: try summary.json(), exitStatus: result.status)
            let s = summary.files
            fileLinesWritten()
            note(["run=\(runId) end exit=\(result.status.rawValue) seen=\(s.seen) read=\(s.read) accepted=\(s.accepted)"
                  + " partial=\(s.partlyAccepted) rejected=\(s.rejected) periods=\(summary.periodsWritten.count)"
                  + " written=\(summary.filesWritten.count) seconds=\(summary.seconds["total"] ?? 0)"
                  + (result.failure.map { " error=\(RunLog.quoted($0.description))" } ?? "")])
            return result
        } catch {
            let status: ExitStatus = error is ConfigurationError ? .configuration : .failure
            fileLinesWritten()
            note(["run=\(runId) failed exit=\(status.rawValue) error=\(RunLog.quoted("\(error)"))"])
            throw error
        }
    }
}
