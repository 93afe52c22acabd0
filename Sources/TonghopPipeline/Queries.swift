import Foundation
import TonghopBase
import TonghopCatalog
import TonghopIngest
import TonghopValidate
import TonghopStore
import TonghopAggregate
import TonghopRender

extension Workspace {
    /// The store, which must exist already: commands that only read it never create one, and
    /// say where they looked and how to point elsewhere.
    public func existingStore(lang: Language = .vi) throws -> Store {
        guard FileManager.default.fileExists(atPath: store.path) else {
            throw ConfigurationError(file: store.path, lang == .vi
                ? "chưa có kho dữ liệu ở đây; chạy tonghop run (hoặc rollup) trước, hoặc chỉ đúng --home/--store"
                : "no store here yet; run tonghop run (or rollup) first, or give the right --home/--store")
        }
        return try Store(path: store.path)
    }
}

/// The store holds no report of a period within a scope: `report` and `export` write nothing
/// rather than a workbook or a file without a figure.
public struct NoReports: Error, Sendable {
    public let period: Period
    /// Nil for the nation and every province.
    public let scope: Unit?

    public func text(_ lang: Language) -> String {
        let within = scope.map { lang == .vi ? " của \($0.name) (\($0.code))" : " within \($0.name) (\($0.code))" } ?? ""
        return lang == .vi
            ? "Kho dữ liệu chưa có báo cáo nào\(within) cho kỳ \(period.code) (kể cả các kỳ con): không ghi tệp nào. Xem tonghop status --period \(period.code) để biết đơn vị nào đã gửi."
            : "The store holds no report\(within) for \(period.code) (nor its sub-periods): nothing written. See tonghop status --period \(period.code) for who has sent."
    }
}

/// The jobs besides the run, as library calls: `report`, `export`, `status`, `history`,
/// `check` and `template` are front-ends to these, and so is the portal.
extension ReportingPipeline {
    /// `report`: the workbooks of a period from the store, for one scope or the nation and every
    /// province with data.
    public func report(_ period: Period, scope: String?, lang: Language = .vi) throws -> [URL] {
        try writeReports(period, scope: scope, store: try workspace.existingStore(lang: lang), requireData: true)
    }

    /// `export`: the figures of a unit and its direct children, in the long layout or one of
    /// DHIS2's formats.
    public func export(_ period: Period, scope: String, format: ExportFormat = .csv, lang: Language = .vi) throws -> String {
        let rollup = try rollup(period, store: try workspace.existingStore(lang: lang))
        guard rollup.registry.unit(scope) != nil else {
            throw UsageError("--scope \(scope): không có đơn vị mã này trong danh mục đơn vị \(rollup.registry.id) (áp dụng cho kỳ \(period.code))")
        }
        guard let unit = rollup.registry.unit(scope), rollup.total(unit.code).reportingUnits > 0 else {
            throw NoReports(period: period, scope: rollup.registry.unit(scope))
        }
        return format.text(scope: scope, rollup: rollup)
    }

    /// `status`: who has reported for a period under a scope (the nation, a province, a
    /// district), and the last run.
    public func status(_ period: Period, scope: String, lang: Language = .vi) throws -> (status: ReportingStatus, lastRun: Store.RunRecord?) {
        let store = try workspace.existingStore(lang: lang)
        let rollup = try rollup(period, store: store)
        guard let unit = rollup.registry.unit(scope.uppercased()), [.nation, .province, .district].contains(unit.level) else {
            throw ConfigurationError(file: "--scope", "\(scope) không phải mã quốc gia (VN), tỉnh hay huyện của danh mục \(rollup.registry.id)")
        }
        return (ReportingStatus(scope: unit, rollup: rollup), try store.lastRun())
    }

    /// `history`: every version of a unit's reports for a period and its sub-periods (all when nil).
    public func history(unit: String, period: Period?, lang: Language = .vi) throws -> SubmissionHistory {
        let code = unit.uppercased()
        guard catalog.registries.all.contains(where: { $0.unit(code) != nil }) else {
            throw UsageError(lang == .vi ? "--unit \(unit): không có đơn vị mã này trong danh mục đơn vị nào (\(catalog.registries.all.map(\.id).joined(separator: ", ")))"
                                         : "--unit \(unit): no unit has this code in any registry (\(catalog.registries.all.map(\.id).joined(separator: ", ")))")
        }
        return SubmissionHistory(unitCode: code, versions: try workspace.existingStore(lang: lang).submissionVersions(unit: code, periods: period?.family))
    }

    /// "Phường Quang Trung (13285)", from the registry in force for the unit's reports.
    public func unitName(_ code: String, history: SubmissionHistory) -> String {
        let registries = history.reports.map(\.period).compactMap(catalog.registries.registry(for:)) + catalog.registries.all
        guard let unit = registries.lazy.compactMap({ $0.unit(code) }).first else { return code }
        return "\(unit.name) (\(code))"
    }

    /// `check`: files read and validated as a run would, compared with the store's earlier
    /// quarters when there is a store; nothing stored.
    public func check(_ paths: [String]) throws -> [FileOutcome] {
        var incoming: [Store.IncomingFile] = paths.map { path in
            let outcome: FileOutcome
            let fileExtension = (path as NSString).pathExtension.lowercased()
            // A kind of file a run does not read is named the same way here.
            if !InputScanner.extensions.contains(fileExtension) {
                var o = FileOutcome(path: path)
                o.problems = [Problem(.error, .fileTypeNotRead, file: path, detail: Messages.fileType(fileExtension))]
                return Store.IncomingFile(outcome: o, size: 0, modifiedAt: 0, sha256: "")
            }
            switch InputReading.contents(of: path) {
            case .bytes(let bytes):
                outcome = FileIntake.read(bytes, path: path, catalog: catalog, today: today, scope: scope)
            case .refused(let code, let detail):
                var o = FileOutcome(path: path)
                o.problems = [Problem(.error, code, file: path, detail: code == .readFailed ? Messages.cannotOpen : detail)]
                outcome = o
            }
            let modified = (try? FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date)?.timeIntervalSince1970
            return Store.IncomingFile(outcome: outcome, size: 0, modifiedAt: modified ?? 0, sha256: "")
        }
        // The same comparisons with earlier quarters as `rollup`, when there is a store to read.
        if FileManager.default.fileExists(atPath: workspace.store.path) {
            try checkAgainstOtherReports(&incoming, store: try Store(path: workspace.store.path))
        }
        return incoming.map(\.outcome)
    }
}
