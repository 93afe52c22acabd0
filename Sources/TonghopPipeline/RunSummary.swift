import Foundation
import TonghopBase
import TonghopCatalog
import TonghopIngest
import TonghopValidate
import TonghopStore
import TonghopAggregate
import TonghopRender

/// What one `tonghop run` did, as JSON for scripts and for the person who checks in the
/// morning: `outputs/lan-chay-cuoi.json` is the last run, `outputs/nhat-ky/lan-chay-<id>.json`
/// every run. Problem messages are rendered in the run's language; everything else is data.
public struct RunSummary: Codable, Sendable {
    public struct Files: Codable, Sendable {
        /// Report files under `inputs/`.
        public var seen = 0
        /// Unchanged since an earlier run: not read again.
        public var unchanged = 0
        /// New or changed, read and stored in this run.
        public var read = 0
        public var accepted = 0
        public var partlyAccepted = 0
        public var rejected = 0
    }

    public struct Stored: Codable, Sendable {
        public var submissions = 0
        public var values = 0
        /// Submissions that replaced a version stored by an earlier run.
        public var superseded = 0
    }

    public struct ProblemEntry: Codable, Sendable {
        /// `error`, `warning` or `notice`.
        public var severity: String
        /// The problem code (`notANumber`, `unknownUnit`...), stable for scripts.
        public var code: String
        /// The workbook's sheet, by name (left out for other files).
        public var sheet: String?
        public var line: Int?
        public var column: Int?
        /// The record of an ADX or dataValueSets JSON file (`group[2]/dataValue[5]`).
        public var element: String?
        public var message: String
    }

    /// A file read in this run that had something to say.
    public struct FileEntry: Codable, Sendable {
        public var path: String
        /// `accepted`, `partial` or `rejected`.
        public var status: String
        public var layout: String?
        public var encoding: String?
        public var reports: Int
        public var values: Int
        public var problems: [ProblemEntry]
    }

    public struct Paths: Codable, Sendable {
        public var inputs: String
        public var outputs: String
        public var store: String
        public var log: String
    }

    public var runId: Int64
    public var command: String
    public var startedAt: String
    public var finishedAt: String
    public var exitCode: Int32
    /// `success`, `rejected`, `nothingToDo` or `failure`.
    public var outcome: String
    /// Why the run failed (exit code 1), when it did.
    public var error: String?
    public var files = Files()
    public var stored = Stored()
    /// Every file read in this run with at least one problem, most serious first.
    public var filesWithProblems: [FileEntry] = []
    /// Periods whose reports were written, and those already up to date.
    public var periodsWritten: [String] = []
    public var periodsUpToDate: [String] = []
    /// Files written, relative to `outputs/`.
    public var filesWritten: [String] = []
    /// Temporary files of killed runs removed at the start, relative to `outputs/`.
    public var temporaryFilesRemoved: [String] = []
    /// Seconds per stage: `read`, `store`, `write`, `total`.
    public var seconds: [String: Double] = [:]
    public var paths: Paths

    public init(runId: Int64, command: String, startedAt: Date, paths: Paths) {
        self.runId = runId
        self.command = command
        self.startedAt = Days.timestamp(startedAt)
        self.finishedAt = self.startedAt
        self.exitCode = 0
        self.outcome = RunSummary.outcome(.success)
        self.paths = paths
    }

    /// Fills in what the ingest stage did.
    public mutating func record(_ ingest: ReportingPipeline.IngestSummary, language: Language) {
        files = Files(seen: ingest.filesSeen, unchanged: ingest.filesUnchanged, read: ingest.filesRead.count,
                      accepted: ingest.accepted, partlyAccepted: ingest.partial, rejected: ingest.rejected)
        stored = Stored(submissions: ingest.stored.submissionsStored, values: ingest.stored.valuesStored,
                        superseded: ingest.stored.superseded)
        let order: [FileStatus] = [.rejected, .partial, .accepted]
        filesWithProblems = ingest.filesRead.filter { !$0.problems.isEmpty }
            .sorted { (order.firstIndex(of: $0.status)!, $0.path) < (order.firstIndex(of: $1.status)!, $1.path) }
            .map { o in
                FileEntry(path: o.path, status: o.status.rawValue, layout: o.layout?.rawValue, encoding: o.encoding,
                          reports: o.reports, values: o.values,
                          problems: o.sortedProblems.map { p in
                              ProblemEntry(severity: RunSummary.severity(p.severity), code: p.code.rawValue, sheet: p.sheet,
                                           line: p.line, column: p.column, element: p.element,
                                           message: Messages.render(p, language, withFile: false))
                          })
            }
        for (stage, s) in ingest.seconds { seconds[stage] = RunSummary.rounded(s) }
    }

    public mutating func finish(_ status: ExitStatus, at date: Date = Date()) {
        exitCode = status.rawValue
        outcome = RunSummary.outcome(status)
        finishedAt = Days.timestamp(date)
    }

    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }

    /// Where the summaries of a run go: the last run's, and this run's own copy.
    public static func files(outputs: URL, runId: Int64) -> (last: URL, own: URL) {
        (outputs.appendingPathComponent("lan-chay-cuoi.json"),
         outputs.appendingPathComponent("nhat-ky").appendingPathComponent(String(format: "lan-chay-%06lld.json", runId)))
    }

    package static func outcome(_ status: ExitStatus) -> String {
        switch status {
        case .success: return "success"
        case .failure: return "failure"
        case .rejected: return "rejected"
        case .nothingToDo: return "nothingToDo"
        case .configuration: return "configuration"
        case .locked: return "locked"
        }
    }

    package static func severity(_ s: Severity) -> String {
        switch s {
        case .error: return "error"
        case .warning: return "warning"
        case .notice: return "notice"
        }
    }

    package static func rounded(_ seconds: Double) -> Double { (seconds * 1000).rounded() / 1000 }
}
