import Foundation
import TonghopBase
import TonghopCatalog
import TonghopIngest
import TonghopValidate
import TonghopStore
import TonghopAggregate
import TonghopRender

/// A file a unit sends through the portal (or any front-end other than the inbox folder).
public struct Upload: Sendable {
    /// The file's name as sent; only its last component is kept, cleaned.
    public var fileName: String
    public var bytes: [UInt8]
    /// The sender's unit (`13285`, `347`, `35-CA`, `35`, `VN`): every report in the file must
    /// lie within it.
    public var scope: String
    /// Who sent it, for the run recorded in the store.
    public var sender: String

    public init(fileName: String, bytes: [UInt8], scope: String, sender: String) {
        self.fileName = fileName
        self.bytes = bytes
        self.scope = scope
        self.sender = sender
    }
}

/// What became of an upload.
public struct UploadResult: Sendable {
    public enum Verdict: Sendable, Equatable {
        /// Read and stored (accepted, partly accepted or rejected: see ``UploadResult/status``).
        case stored
        /// The same bytes were already received from this unit: nothing changed.
        case alreadyReceived
        /// Some report in the file is for a unit outside the sender's: nothing was kept.
        case outsideScope(units: [String])
    }

    public var verdict: Verdict
    public var status: FileStatus
    /// Where the file was saved, relative to `inputs/` (`tai-len/13285/13285-2024-Q1.csv`).
    public var path: String
    /// Every problem, most serious first (the same as the error slip's).
    public var problems: [Problem]
    public var reports: Int
    public var values: Int
    /// The periods the file's reports are for: their workbooks are stale now.
    public var periods: [Period]
    /// The error slip written for a refused or partly refused file.
    public var errorSlip: URL?
}

extension ReportingPipeline {
    /// The folder of `inputs/` a unit's uploads are saved in: `tai-len/<unit>/`.
    public static func uploadFolder(unit: String) -> String { "tai-len/" + ErrorSlipFolder.safe(unit) }

    /// Receives one file: read and validated in memory; refused whole, nothing kept, when a
    /// report in it lies outside the sender's unit; otherwise saved under `inputs/tai-len/<unit>/`
    /// (never over another file: a name taken gets `-2`, `-3`...) and stored in one transaction
    /// under the run's lock, as a run would store it, with its error slip. The same bytes sent
    /// again by the same unit change nothing.
    ///
    /// The file is renamed into place before the store records it with its size and time, so
    /// that cron's next `run` finds it known and unchanged; a process killed in between leaves
    /// a file the next run reads and stores (once: it is the same bytes).
    ///
    /// The reports are not rewritten here: see ``refreshReports(_:wait:)``.
    public func receive(_ upload: Upload, wait: Double = 60) throws -> UploadResult {
        let folder = Self.uploadFolder(unit: upload.scope)
        var name = ErrorSlipFolder.safe((upload.fileName as NSString).lastPathComponent)
        if name.isEmpty { name = "tep" }
        let hash = SHA256.hex(upload.bytes)
        // Read as the run would, with the sender's unit as the scope.
        let candidate = folder + "/" + name
        var outcome = FileIntake.read(upload.bytes, path: candidate, catalog: catalog, today: today, scope: upload.scope)
        let outside = outcome.problems.filter { $0.code == .outsideScope }.compactMap(\.unitCode)
        if outcome.problems.contains(where: { $0.code == .outsideScope }) {
            return UploadResult(verdict: .outsideScope(units: Array(Set(outside)).sorted()), status: .rejected, path: "",
                                problems: outcome.sortedProblems, reports: 0, values: 0, periods: [], errorSlip: nil)
        }
        guard let lock = try RunLock(beside: workspace.store, wait: wait) else { throw UploadError.busy }
        defer { withExtendedLifetime(lock) {} }
        let store = try Store(path: workspace.store.path)
        if let earlier = try store.latestFile(withSHA256: hash, under: folder + "/") {
            return UploadResult(verdict: .alreadyReceived, status: earlier.status, path: earlier.path, problems: [],
                                reports: 0, values: 0, periods: [], errorSlip: nil)
        }
        // A name of its own, then the bytes written beside it and renamed into place.
        let directory = workspace.inputs.appendingPathComponent(folder)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let stem = (name as NSString).deletingPathExtension, ext = (name as NSString).pathExtension
        var chosen = name, n = 1
        while FileManager.default.fileExists(atPath: directory.appendingPathComponent(chosen).path) {
            n += 1
            chosen = ext.isEmpty ? "\(stem)-\(n)" : "\(stem)-\(n).\(ext)"
        }
        let url = directory.appendingPathComponent(chosen)
        let temporary = directory.appendingPathComponent(".\(chosen).\(getpid()).tmp")
        let data = Data(upload.bytes)
        try data.write(to: temporary)
        let handle = try FileHandle(forWritingTo: temporary)
        try handle.synchronize()
        try handle.close()
        guard rename(temporary.path, url.path) == 0 else {
            try? FileManager.default.removeItem(at: temporary)
            throw UploadError.cannotSave(url.path)
        }
        let path = folder + "/" + chosen
        if path != candidate {
            // The problems name the file by the path it is kept under.
            outcome = FileIntake.read(upload.bytes, path: path, catalog: catalog, today: today, scope: upload.scope)
        }
        var info = stat()
        stat(url.path, &info)
        let modifiedAt = Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1_000_000_000
        var incoming = [Store.IncomingFile(outcome: outcome, size: Int64(upload.bytes.count), modifiedAt: modifiedAt, sha256: hash)]
        incoming[0].uploadedOn = today
        let runId = try store.beginRun(command: "tonghop serve: \(upload.sender) gửi \(path)")
        try checkAgainstOtherReports(&incoming, store: store)
        let stored = try store.store(incoming, runId: runId)
        var problems = incoming[0].outcome.problems
        for (_, notices) in stored.problemsByFile { problems += notices }
        let status = incoming[0].outcome.status
        var slip: URL?
        if status != .accepted {
            let text = ErrorSlip(file: path, status: status, problems: problems,
                                 workbook: outcome.encoding.flatMap(InputWorkbook.Kind.init(rawValue:))).text(catalog: catalog, lang: .vi)
            slip = try ErrorSlipFolder.write(text, for: path, in: workspace.outputs.appendingPathComponent(ErrorSlipFolder.name))
        }
        try store.finishRun(runId, summary: "upload=\(path) status=\(status.rawValue)", exitStatus: status == .accepted ? .success : .rejected)
        let submissions = incoming[0].outcome.submissions
        return UploadResult(verdict: .stored, status: status, path: path, problems: FileOutcome.sorted(problems),
                            reports: submissions.count, values: submissions.reduce(0) { $0 + $1.values.count },
                            periods: Array(Set(submissions.map(\.period))).sorted(), errorSlip: slip)
    }

    /// Rewrites the stale reports of the periods (and of the halves and years that contain
    /// them) under the run's lock, as `tonghop run` would: what an upload changed. Returns the
    /// files written; nothing when another run holds the lock longer than `wait` (cron's next
    /// run writes them).
    public func refreshReports(_ periods: [Period], wait: Double = 60) throws -> [URL] {
        guard let lock = try RunLock(beside: workspace.store, wait: wait) else { return [] }
        defer { withExtendedLifetime(lock) {} }
        let store = try Store(path: workspace.store.path)
        var family: Set<Period> = []
        for p in periods {
            family.insert(p)
            if p.kind == .quarter || p.kind == .half {
                family.insert(.year(p.year))
                if p.kind == .quarter { family.insert(.half(p.year, (p.index + 1) / 2)) }
            }
        }
        var written: [URL] = []
        for period in try staleReports(family.sorted(), store: store) {
            written += try writeReports(period, onlyProvinces: try provincesToRewrite(period, store: store), store: store)
        }
        return written
    }
}

/// Why an upload could not be received.
public enum UploadError: Error, Sendable, CustomStringConvertible {
    /// Another run held the store's lock too long.
    case busy
    case cannotSave(String)

    public var description: String {
        switch self {
        case .busy: return "Một lượt tổng hợp khác đang giữ kho dữ liệu; thử gửi lại sau ít phút."
        case .cannotSave(let path): return "Không lưu được tệp \(path)."
        }
    }
}
