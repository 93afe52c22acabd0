import Foundation
import TonghopBase
import TonghopCatalog
import TonghopIngest
import TonghopValidate
import TonghopStore
import TonghopAggregate
import TonghopRender

/// The whole job, stage by stage: ingest → validate → store → aggregate → render.
///
/// The command line is a thin layer over this type; tests drive it directly too.
public final class ReportingPipeline {
    public let workspace: Workspace
    public let catalog: Catalog
    /// Which days a period's figures cover: `templates/settings.csv`.
    public var window: ReportingWindow { catalog.window }
    /// Today as yyyymmdd: reports for periods that begin later are refused.
    public var today: Int
    /// `--scope`: the province or district being compiled; reports of units outside it are refused.
    public var scope: String?

    public convenience init(workspace: Workspace, today: Int = ReportingPipeline.todayKey()) throws {
        self.init(workspace: workspace, catalog: try Catalog.load(from: workspace.templates), today: today)
    }

    /// A pipeline over a catalog already loaded: the portal loads `templates/` once, not per request.
    public init(workspace: Workspace, catalog: Catalog, today: Int = ReportingPipeline.todayKey()) {
        self.workspace = workspace
        self.catalog = catalog
        self.today = today
    }

    /// Checks a `--scope` for `rollup` and `check`: a province or district code of some registry.
    public func scopeUnit(_ code: String) throws -> String {
        let code = code.trimmingBlanks.uppercased()
        guard catalog.registries.all.contains(where: { r in r.unit(code).map { [.province, .district].contains($0.level) } ?? false }) else {
            throw ConfigurationError(file: "--scope", "\(code) không phải mã tỉnh hay mã huyện của danh mục đơn vị nào")
        }
        return code
    }

    /// The province whose workbooks a scoped run writes for a period: the scope's own
    /// province in the registry of the period; nil when the scope did not exist then.
    public func reportScope(for period: Period) -> String? {
        guard let scope, let registry = catalog.registries.registry(for: period) else { return nil }
        return registry.province(of: scope)?.code
    }

    public static func todayKey(_ date: Date = Date()) -> Int {
        let c = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: date)
        return c.year! * 10000 + c.month! * 100 + c.day!
    }

    // MARK: Ingest, validate, store

    /// What one `rollup` did, for the summary printed at the end.
    public struct IngestSummary: Sendable {
        public var filesSeen = 0
        public var filesUnchanged = 0
        /// The paths under `inputs/` this run saw, read or not.
        public var inputPaths: Set<String> = []
        /// Every file read in this run, in path order.
        public var filesRead: [ReadFile] = []
        public var stored = Store.BatchResult()
        public var seconds: [String: Double] = [:]
        /// Files still in `inputs/`, unchanged since an earlier run refused them whole.
        public var stillRejected: [(path: String, problem: Problem?)] = []

        /// How many of ``filesRead`` were accepted, partly accepted, rejected. Counted in
        /// place: filtering copies every file read, tens of thousands in a national batch.
        public var accepted: Int { count(.accepted) }
        public var partial: Int { count(.partial) }
        public var rejected: Int { count(.rejected) }

        private func count(_ status: FileStatus) -> Int {
            filesRead.reduce(0) { $0 + ($1.status == status ? 1 : 0) }
        }
    }

    /// What became of a candidate file on the reading cores: read (for the store, and what the
    /// run tells of it), or found to hold the same bytes as the version the store has.
    package enum FileRead {
        case read(Store.IncomingFile, ReadFile)
        case unchanged(fileId: Int64, modifiedAt: Double)
    }

    /// Reads every new or changed file under `inputs/`, validates it and stores what is good.
    /// `progress` is told, from any thread, how many of the candidate files have been read.
    public func ingest(into store: Store, runId: Int64, progress: ProgressCounter.Report? = nil) throws -> IngestSummary {
        var summary = IngestSummary()
        let clock = Date()
        // What the store knows of the files is read on another thread while the folders are
        // walked: the walk waits mostly on the kernel, and a national inbox is 39,000 rows.
        let knowing = BackgroundWork { Result { try store.knownFiles() } }
        let files = try InputScanner.scan(workspace.inputs)
        summary.filesSeen = files.count
        summary.inputPaths = Set(files.map(\.relativePath))
        let known = try knowing.result().get()
        // Unchanged size and modification time: not even read.
        let candidates = files.filter { f in
            guard let k = known[f.relativePath] else { return true }
            return !(k.size == f.size && k.modifiedAt == f.modifiedAt)
        }
        // A known file whose size or time changed may still hold the same bytes (copied again).
        let knownHashes = try store.sha256(ofFiles: candidates.compactMap { known[$0.relativePath]?.id })
        let counter = progress.map { ProgressCounter(total: candidates.count, report: $0) }
        var results = ParallelMap.map(candidates) { [catalog, today, scope] file -> FileRead in
            defer { counter?.advance() }
            if let refusal = FileIntake.refusal(of: file) {
                var o = FileOutcome(path: file.relativePath)
                o.problems = [refusal]
                return .read(Store.IncomingFile(outcome: o, size: file.size, modifiedAt: file.modifiedAt, sha256: ""), ReadFile(o))
            }
            let bytes: [UInt8]
            switch InputReading.contents(of: file.path, followingLinks: false) {
            case .bytes(let b):
                bytes = b
            case .refused(let code, let detail):
                var o = FileOutcome(path: file.relativePath)
                o.problems = [Problem(.error, code, file: file.relativePath, detail: detail)]
                return .read(Store.IncomingFile(outcome: o, size: file.size, modifiedAt: file.modifiedAt, sha256: ""), ReadFile(o))
            }
            let hash = SHA256.hex(bytes)
            if let k = known[file.relativePath], knownHashes[k.id] == hash { return .unchanged(fileId: k.id, modifiedAt: file.modifiedAt) }
            let outcome = FileIntake.read(bytes, path: file.relativePath, catalog: catalog, today: today, scope: scope)
            return .read(Store.IncomingFile(outcome: outcome, size: Int64(bytes.count), modifiedAt: file.modifiedAt, sha256: hash),
                         ReadFile(outcome))
        }
        summary.seconds["read"] = Date().timeIntervalSince(clock)
        // Moved out of the results, not copied: each holds a file's reports. Taken from the
        // end (the one way to move out of an array) and put back in order the same way, since
        // `reverse()` copies each element.
        var lastFirst: [Store.IncomingFile] = [], readLastFirst: [ReadFile] = [], touchedLastFirst: [(Int64, Double)] = []
        lastFirst.reserveCapacity(results.count)
        readLastFirst.reserveCapacity(results.count)
        while let result = results.popLast() {
            switch consume result {
            case .read(let file, let read):
                lastFirst.append(file)
                readLastFirst.append(read)
            case .unchanged(let id, let modifiedAt):
                touchedLastFirst.append((id, modifiedAt))
            }
        }
        results = []
        var incoming = lastFirst.removeAllReversed(), filesRead = readLastFirst.removeAllReversed()
        // The checks against other reports on the other core while SQLite, on one, stores the
        // files and reports; their warnings are stored last, with the other problems.
        let warnings = try startCrossReportChecks(incoming, store: store, whileStoring: true)
        try store.touch(fileIds: touchedLastFirst.reversed())
        summary.filesUnchanged = files.count - incoming.count
        let storeClock = Date()
        summary.stored = try store.store(incoming, runId: runId, laterProblems: warnings.result)
        summary.seconds["store"] = Date().timeIntervalSince(storeClock)
        // The files' reports are stored: not held through the rest of the run, and let go on
        // another core (a million values to free, one by one).
        BackgroundWork<Void>.release(&incoming)
        // What became of each file: its problems, then the warnings that compare it with other
        // reports, then the store's notices (a file that lost to a newer one). Few files have
        // either: a national batch has tens of thousands of files and hundreds of notices.
        for (i, problems) in warnings.result() { filesRead[i].problems += problems }
        for (i, notices) in summary.stored.problemsByFile { filesRead[i].problems += notices }
        summary.filesRead = filesRead
        // Files refused whole by an earlier run and still there unchanged; usually none, so
        // the paths read now are gathered only when there are some.
        let refused = try store.rejectedFiles().filter { $0.status == .rejected && summary.inputPaths.contains($0.path) }
        if !refused.isEmpty {
            let readNow = Set(summary.filesRead.map(\.path))
            summary.stillRejected = refused.filter { !readNow.contains($0.path) }.map { ($0.path, $0.problems.first { $0.severity == .error }) }
        }
        return summary
    }

    /// Starts the checks of ``checkAgainstOtherReports(_:store:)`` on another thread, having
    /// read from the store what they need (before the batch is stored, as they expect).
    /// - Parameter whileStoring: this thread stores the batch meanwhile; the checks then keep to
    ///   one core (sharing both among three threads made the store, the longer of the two, wait).
    package func startCrossReportChecks(_ incoming: [Store.IncomingFile], store: Store, whileStoring: Bool = false) throws -> BackgroundWork<[Int: [Problem]]> {
        let needs = CrossReportChecks.needs(incoming.indices.lazy.map { incoming[$0].outcome.submissions }, catalog: catalog)
        let stored = try store.activeSubmissions(periods: needs.periods, units: needs.units)
        let checks = CrossReportChecks(catalog: catalog)
        // The outcomes are gathered on the other thread too.
        return BackgroundWork {
            checks.warnings(incoming.map(\.outcome), modifiedAt: incoming.map(\.modifiedAt), stored: stored, onEveryCore: !whileStoring)
        }
    }

    /// Adds the warnings that compare each report with the unit's previous quarters and a
    /// district's figures with its communes (see ``CrossReportChecks``), from the batch and the store.
    public func checkAgainstOtherReports(_ incoming: inout [Store.IncomingFile], store: Store) throws {
        for (i, problems) in try startCrossReportChecks(incoming, store: store).result() { incoming[i].addProblems(problems) }
    }

    /// Writes `outputs/phieu-bao-loi/`: a slip for every file under `inputs/` whose latest
    /// version the store holds as rejected or partly rejected (see ``ErrorSlipFolder``).
    public func writeErrorSlips(store: Store, inputPaths: Set<String>, lang: Language) throws -> [URL] {
        let slips = try store.rejectedFiles().filter { inputPaths.contains($0.path) }.map { verdict in
            (path: verdict.path, text: ErrorSlip(file: verdict.path, status: verdict.status, problems: verdict.problems,
                                                   workbook: verdict.encoding.flatMap(InputWorkbook.Kind.init(rawValue:)))
                .text(catalog: catalog, lang: lang))
        }
        return try ErrorSlipFolder.sync(slips, folder: workspace.outputs.appendingPathComponent(ErrorSlipFolder.name))
    }

    // MARK: Aggregate and render

    /// The periods to report by default: every period with data, and the halves and years
    /// that contain them.
    public func defaultPeriods(store: Store) throws -> [Period] {
        var periods: Set<Period> = []
        for p in try store.periodsWithData() {
            periods.insert(p)
            if p.kind == .quarter || p.kind == .half {
                periods.insert(.year(p.year))
                if p.kind == .quarter { periods.insert(.half(p.year, (p.index + 1) / 2)) }
            }
        }
        return periods.sorted()
    }

    /// Adds up one period from the store.
    public func rollup(_ period: Period, store: Store) throws -> Rollup {
        guard let registry = catalog.registries.registry(for: period) else {
            throw ConfigurationError(file: "registries.csv", "không có danh mục đơn vị nào có hiệu lực cho kỳ \(period.code)")
        }
        return Rollup(period: period, registry: registry, catalog: catalog,
                      reports: try store.activeFigures(periods: period.family, catalog: catalog))
    }

    /// Writes the workbooks (and the long-layout CSV beside each) of a period: the national
    /// one and one per province with data, or only the scope asked for. Returns the files written.
    ///
    /// Once every report of the period is written, the store records what they were made from
    /// (``ReportSource``), so that `tonghop run` knows they are up to date.
    ///
    /// - Parameter onlyProvinces: rewrite the national workbook and these provinces' only, the
    ///   others being up to date (see ``provincesToRewrite(_:store:)``).
    /// - Parameter requireData: throw ``NoReports`` rather than write workbooks without a figure
    ///   (`report` asked for a period or scope the store holds nothing of); a run rewrites them
    ///   even so, since an empty workbook is true once every report of a period was withdrawn.
    public func writeReports(_ period: Period, scope: String? = nil, onlyProvinces: Set<String>? = nil, store: Store,
                             requireData: Bool = false) throws -> [URL] {
        // Read before the data: a change stored meanwhile makes these reports stale, never the reverse.
        let source = try reportSource(store: store)
        let rollup = try rollup(period, store: store)
        let registry = rollup.registry
        guard let nation = registry.nation else { return [] }
        // Every total first, on every core; then the workbooks, also on every core, each with
        // its own libxlsxwriter workbook, the rollups only answering from their memoised totals.
        rollup.computeTotals(under: scope.flatMap { registry.unit($0)?.code } ?? nation.code)
        var scopes: [Unit]
        if let scope {
            guard let unit = registry.unit(scope), unit.level == .nation || unit.level == .province else {
                throw UsageError("--scope \(scope): không phải mã quốc gia (VN) hay mã tỉnh của danh mục đơn vị \(registry.id) (áp dụng cho kỳ \(period.code))")
            }
            if requireData && rollup.total(unit.code).reportingUnits == 0 { throw NoReports(period: period, scope: unit) }
            scopes = [unit]
        } else {
            if requireData && rollup.total(nation.code).reportingUnits == 0 { throw NoReports(period: period, scope: nil) }
            scopes = [nation] + registry.children(of: nation.code).filter {
                rollup.total($0.code).reportingUnits > 0 && (onlyProvinces?.contains($0.code) ?? true)
            }
        }
        let problems = try store.problems(periods: period.family)
        let createdAt = WorkbookWriter.documentDate(period, window: window)
        let previousYear = try PreviousYear.period(before: period).flatMap { before -> PreviousYear? in
            guard catalog.registries.registry(for: before) != nil else { return nil }
            return PreviousYear(current: rollup, previous: try self.rollup(before, store: store))
        }
        previousYear?.previous.computeTotals()
        // The rollups are not needed once the files are written: let go on another thread.
        defer { BackgroundWork<Void>.release((rollup, previousYear)) }
        let outputs = workspace.outputs, window = self.window
        let results = ParallelMap.map(scopes) { scopeUnit -> Result<[URL], Error> in
            Result {
                let builder = ReportBuilder(scope: scopeUnit, rollup: rollup, previousYear: previousYear, problems: problems, window: window)
                let url = ReportNaming.workbook(outputs, period, scopeUnit)
                let title = "Báo cáo tổng hợp \(period.vietnameseName) - \(scopeUnit.name)"
                try OutputError.writing(url) { try WorkbookWriter.write(builder.sheets(), to: url, title: title, createdAt: createdAt) }
                let csv = ReportNaming.export(outputs, period, scopeUnit)
                try OutputError.writing(csv) { try AtomicFile.write(LongExport.csv(scope: scopeUnit.code, rollup: rollup), to: csv) }
                return [url, csv]
            }
        }
        var written: [URL] = []
        for result in results { written += try result.get() }
        if scope == nil {
            var files = written.map { workspace.relativeToOutputs($0) }
            if onlyProvinces != nil, let before = try store.writtenPeriods()[period.code] {
                files = Array(Set(files).union(before.files)).sorted()
            }
            try store.recordWrittenPeriod(period, source: source, files: files)
        }
        return written
    }
}
