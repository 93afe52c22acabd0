import Foundation
import TonghopBase
import TonghopCatalog
import TonghopIngest
import TonghopValidate
import TonghopStore
import TonghopAggregate
import TonghopRender

/// What a run is asked to do: `tonghop rollup`, `tonghop run`, or an upload through the portal.
public struct RunRequest: Sendable {
    /// How the run writes its reports and what it keeps of itself.
    public enum Kind: Sendable {
        /// `tonghop rollup`: every report of the periods asked for is written.
        case rollup
        /// `tonghop run` (cron): `outputs/` probed before anything is read, only the reports that
        /// are stale written, a line per file in `log` and the JSON summary under `outputs/`.
        case scheduled(log: URL)
    }

    public var kind: Kind
    /// The periods to report; empty for every period with data.
    public var periods: [Period] = []
    /// `--scope`: a province or district code; reports of units outside it are refused, and only
    /// its province's workbooks are written.
    public var scope: String?
    /// Seconds to wait for another run's lock.
    public var wait: Double = 60
    /// The command line, as recorded in the store, the log and the summary.
    public var command: String
    /// The language of the problems the summary renders.
    public var language: Language = .vi

    public init(kind: Kind, command: String) {
        self.kind = kind
        self.command = command
    }
}

/// Where a run tells how far it has got, from any thread (a counter on a terminal).
public struct RunProgress: Sendable {
    /// Files read so far, of those to read.
    public var filesRead: ProgressCounter.Report?
    /// Periods whose reports are written, of those to write.
    public var periodsWritten: ProgressCounter.Report?

    public init(filesRead: ProgressCounter.Report? = nil, periodsWritten: ProgressCounter.Report? = nil) {
        self.filesRead = filesRead
        self.periodsWritten = periodsWritten
    }
}

/// What a run did, for the console, the portal and the tests.
public struct RunResult: Sendable {
    public var status: ExitStatus
    public var ingest = ReportingPipeline.IngestSummary()
    /// The periods whose reports were written, in order.
    public var periodsWritten: [Period] = []
    /// The workbooks and CSV files written.
    public var written: [URL] = []
    /// The error slips written under `outputs/phieu-bao-loi/`.
    public var errorSlips: [URL] = []
    /// A scheduled run's JSON summary, and where it was written.
    public var summary: RunSummary?
    public var summaryFile: URL?
    /// The report or summary that could not be written (exit code 1).
    public var failure: OutputError?
    /// Why the log could not be written, if it could not (the run goes on without it).
    public var logFailure: OutputError?

    public init(status: ExitStatus) { self.status = status }

    /// The workbooks written, without the CSV files beside them.
    public var workbooks: [URL] { written.filter { $0.pathExtension == "xlsx" } }
}

extension ReportingPipeline {
    /// Runs the whole job once: the lock beside the store, the temporary files of killed runs
    /// removed, every new or changed file under `inputs/` read and stored in one transaction,
    /// the error slips, the reports, the run recorded. A scheduled run (cron) first checks that
    /// `outputs/` can be written, writes only the stale reports, and keeps a log and a summary.
    ///
    /// Returns with ``ExitStatus/locked`` when another run held the lock for `wait` seconds.
    /// Throws ``OutputError`` when `outputs/` cannot be written before anything was read,
    /// ``ConfigurationError`` for a wrong `--scope`, and what the store throws.
    public func run(_ request: RunRequest, progress: RunProgress = RunProgress()) throws -> RunResult {
        let started = Date()
        var result = RunResult(status: .success)
        scope = try request.scope.map(scopeUnit)
        var log: RunLog?
        if case .scheduled(let file) = request.kind { log = RunLog(file: file) }
        func note(_ events: [String]) {
            guard let log else { return }
            do { try log.append(events) } catch let e as OutputError { result.logFailure = e } catch {}
        }
        // Before the lock and the store, which create their files: a home without its inbox is
        // a wrong --home, and gets no store.
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: workspace.inputs.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw ConfigurationError(file: workspace.inputs.path, request.language == .vi
                ? "thư mục inputs không tồn tại; tạo thư mục này để nhận tệp báo cáo, hoặc chỉ đúng --home/--inputs"
                : "the inputs folder does not exist; create it to receive report files, or give the right --home/--inputs")
        }
        // Before the lock, which creates its file beside the store: a failed probe leaves nothing behind.
        if log != nil {
            do {
                try OutputsProbe.check(workspace.outputs)
            } catch let e as OutputError {
                note(["run=- failed exit=\(ExitStatus.failure.rawValue) error=\(RunLog.quoted(e.description))"])
                throw e
            }
        }
        guard let lock = try RunLock(beside: workspace.store, wait: request.wait) else {
            note(["run=- locked exit=\(ExitStatus.locked.rawValue) store=\(RunLog.quoted(workspace.store.path))"])
            result.status = .locked
            return result
        }
        defer { withExtendedLifetime(lock) {} }
        let removed = StaleTemporaryFiles.remove(under: workspace.outputs)
        let store = try Store(path: workspace.store.path)
        let runId = try store.beginRun(command: request.command, at: started)
        note(["run=\(runId) start command=\(RunLog.quoted(request.command))"] + removed.map { "run=\(runId) removed-temporary=\(RunLog.quoted($0))" })
        // The lines of the files read are made and appended on another thread while the
        // reports are written (a national batch is forty thousand lines); waited for before
        // the next line, so the log keeps its order.
        var fileLines: BackgroundWork<OutputError?>?
        func fileLinesWritten() {
            if let failure = fileLines?.result() { result.logFailure = failure }
            fileLines = nil
        }
        do {
            result.ingest = try ingest(into: store, runId: runId, progress: progress.filesRead)
            if let log {
                let filesRead = result.ingest.filesRead
                fileLines = BackgroundWork {
                    do {
                        try log.append(ParallelMap.chunked(filesRead) { RunLog.fileEvent(run: runId, $0) })
                        return nil
                    } catch let e as OutputError { return e } catch { return nil }
                }
            }
            result.errorSlips = try writeErrorSlips(store: store, inputPaths: result.ingest.inputPaths, lang: request.language)

            let periods = request.periods.isEmpty ? try defaultPeriods(store: store) : request.periods
            // A rollup writes every report asked for; a scheduled run those that are stale.
            let toWrite = log == nil ? periods : try staleReports(periods, store: store)
            let writeClock = Date()
            do {
                for (i, period) in toWrite.enumerated() {
                    if scope != nil {
                        // A scoped run writes its province's workbooks only.
                        guard let province = reportScope(for: period) else { continue }
                        result.written += try writeReports(period, scope: province, store: store)
                    } else {
                        let provinces = log == nil ? nil : try provincesToRewrite(period, store: store)
                        result.written += try writeReports(period, onlyProvinces: provinces, store: store)
                    }
                    result.periodsWritten.append(period)
                    progress.periodsWritten?(i + 1, toWrite.count)
                }
            } catch let e as OutputError where log != nil {
                // Cron's run records the failure in its summary; the data stored is intact.
                result.failure = e
            }
            let writeSeconds = Date().timeIntervalSince(writeClock)

            if result.failure != nil {
                result.status = .failure
            } else if log != nil && result.ingest.filesRead.isEmpty && toWrite.isEmpty {
                result.status = .nothingToDo
            } else if result.ingest.rejected + result.ingest.partial > 0 {
                result.status = .rejected
            }
            guard let log else {
                let i = result.ingest
                try store.finishRun(runId, summary: "seen=\(i.filesSeen) read=\(i.filesRead.count) accepted=\(i.accepted) partial=\(i.partial) rejected=\(i.rejected) workbooks=\(result.workbooks.count)",
                                    exitStatus: result.status)
                return result
            }
            var summary = RunSummary(runId: runId, command: request.command, startedAt: started, paths: RunSummary.Paths(
                inputs: workspace.inputs.path, outputs: workspace.outputs.path, store: workspace.store.path, log: log.file.path))
            summary.temporaryFilesRemoved = removed
            summary.record(result.ingest, language: request.language)
            summary.periodsUpToDate = periods.filter { !toWrite.contains($0) }.map(\.code)
            summary.periodsWritten = result.periodsWritten.map(\.code)
            summary.error = result.failure?.description
            summary.filesWritten = result.written.map(workspace.relativeToOutputs)
            summary.seconds["write"] = RunSummary.rounded(writeSeconds)
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
