import Foundation
import TonghopBase
import TonghopCatalog
import TonghopIngest
import TonghopValidate
import TonghopStore
import TonghopAggregate
import TonghopRender

/// Whether the reports under `outputs/` reflect the store: what lets `tonghop run` do nothing
/// when nothing changed, and finish the work of a run killed between storing and writing.
extension ReportingPipeline {
    /// What reports written now would be made from.
    public func reportSource(store: Store) throws -> ReportSource {
        ReportSource(dataGeneration: try store.dataGeneration(), madeWith: madeWith)
    }

    /// The periods among `periods` whose reports must be (re)written: never written in full,
    /// written from older data, by another build or from other templates, or with a file gone.
    public func staleReports(_ periods: [Period], store: Store) throws -> [Period] {
        let source = try reportSource(store: store)
        let written = try store.writtenPeriods()
        return periods.filter { period in
            guard let w = written[period.code], w.source == source else { return true }
            return w.files.contains { !FileManager.default.fileExists(atPath: workspace.outputs.appendingPathComponent($0).path) }
        }
    }

    /// The provinces whose workbooks a stale period needs rewritten, beside the national one;
    /// nil when every workbook must be rewritten (never written, another build or templates,
    /// a file gone, or a change that cannot be placed in a province of the period's map).
    ///
    /// A province's workbook reads only its own units' data for the period and the same
    /// period a year before, so new data elsewhere leaves it as it is.
    public func provincesToRewrite(_ period: Period, store: Store) throws -> Set<String>? {
        let source = try reportSource(store: store)
        guard let w = try store.writtenPeriods()[period.code], w.source.madeWith == source.madeWith,
              !w.files.contains(where: { !FileManager.default.fileExists(atPath: workspace.outputs.appendingPathComponent($0).path) }),
              let registry = catalog.registries.registry(for: period) else { return nil }
        let before = PreviousYear.period(before: period).map(\.family) ?? []
        let changed = try store.unitsChanged(since: w.source.dataGeneration, periods: period.family + before)
        // Nothing of the period or of the year before changed (new data went elsewhere): no
        // province's workbook waits, across a reform too.
        guard !changed.isEmpty else { return [] }
        // Across a reform a code may name a unit of another province: rewrite everything.
        guard (period.family + before).allSatisfy({ catalog.registries.registry(for: $0) === registry }) else { return nil }
        var provinces: Set<String> = []
        for unit in changed {
            guard let province = registry.province(of: unit) else { return nil }
            provinces.insert(province.code)
        }
        return provinces
    }

    /// Whether the workbook of `unitCode` (the nation or a province) for `period` waits to be
    /// rewritten with figures stored since it was written: what the portal's report page says.
    /// The nation's waits for a change anywhere in the period, a province's for its own only.
    public func workbookAwaitsRewrite(_ period: Period, unitCode: String, store: Store) throws -> Bool {
        guard try !staleReports([period], store: store).isEmpty else { return false }
        guard let provinces = try provincesToRewrite(period, store: store) else { return true }
        // The nation (no province of its own) waits for any province's.
        guard let province = catalog.registries.registry(for: period)?.province(of: unitCode) else { return !provinces.isEmpty }
        return provinces.contains(province.code)
    }

    /// A short fingerprint of what renders the reports besides the data: the tonghop
    /// executable, the files of `templates/` (name, size, modification time, as for inputs)
    /// and the reporting window. A new build or an edited template makes every report stale.
    package var madeWith: String {
        var parts = ["window=\(window.rawValue)"]
        let executable = (Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])).resolvingSymlinksInPath()
        let attributes = try? FileManager.default.attributesOfItem(atPath: executable.path)
        let size = (attributes?[.size] as? NSNumber)?.int64Value ?? -1
        let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        parts.append("\(executable.lastPathComponent)=\(size)@\(modified)")
        // Every file of templates/, the plans of templates/plans/ too: an edited plan changes
        // the targets sheet as an edited indicators.csv changes every sheet.
        parts.append(Catalog.templatesSignature(workspace.templates))
        return String(SHA256.hex(Array(parts.joined(separator: "\n").utf8)).prefix(16))
    }
}

extension Workspace {
    /// A path under `outputs/` relative to it, as the store and the run summary name files.
    public func relativeToOutputs(_ url: URL) -> String {
        let root = outputs.standardizedFileURL.path + "/"
        let path = url.standardizedFileURL.path
        return path.hasPrefix(root) ? String(path.dropFirst(root.count)) : path
    }
}
