import Foundation
import TonghopBase
import TonghopCatalog
import TonghopAggregate
import TonghopStore

/// Writes blank forms to send out: one unit's, or those of every unit that reports under a
/// district or province. Each form is written twice, as `.csv` and as `.xlsx`, under one name:
///
///     outputs/bieu-mau-trong/2024-Q2/13285-phuong-quang-trung.csv            (--unit 13285)
///     outputs/bieu-mau-trong/2024-Q2/35-ha-nam/347-phu-ly/13285-phuong-quang-trung.xlsx
///     outputs/bieu-mau-trong/2024-Q2/35-ha-nam/so-nganh/35-CA-cong-an-tinh.xlsx
///
/// A scope's folder holds one sub-folder per unit that has units under it (a district: its
/// own form and its communes'), and `so-nganh/` for a province's departments, so that each
/// folder is what one office sends out. Names are the code and an ASCII slug of the name:
/// safe in every file system and email attachment, stable, sorted by code. The same unit and
/// period always give byte-identical files: the workbook's date comes from the period.
public struct BlankFormWriter {
    public let catalog: Catalog
    public let window: ReportingWindow

    public init(catalog: Catalog, window: ReportingWindow) {
        self.catalog = catalog
        self.window = window
    }

    /// `outputs/bieu-mau-trong/<period>/`: where forms go when no folder is given.
    public static func folder(outputs: URL, period: Period) -> URL {
        outputs.appendingPathComponent("bieu-mau-trong", isDirectory: true).appendingPathComponent(period.code, isDirectory: true)
    }

    /// `13285-phuong-quang-trung`, `347-phu-ly`, `35-CA-cong-an-tinh` (a department by its sector).
    package func stem(_ unit: Unit) -> String {
        if unit.level == .department, let sector = unit.sectorCode.flatMap(catalog.sector) {
            return "\(unit.code)-\(ReportNaming.slug(sector.name))"
        }
        return ReportNaming.stem(unit)
    }

    /// Writes one unit's blank form into `folder`; returns the CSV and the xlsx file.
    public func writeUnit(_ code: String, period: Period, into folder: URL) throws -> [URL] {
        try write(BlankForm(unitCode: code, period: period, catalog: catalog), into: folder)
    }

    /// Writes the blank form of every unit that reports under a district or province into the
    /// scope's folder under `folder`; returns that folder and the files, CSV and xlsx of each
    /// unit in turn.
    public func writeScope(_ code: String, period: Period, into folder: URL) throws -> (folder: URL, files: [URL]) {
        let (scope, reporters) = try self.reporters(scope: code, period: period)
        let root = folder.appendingPathComponent(stem(scope), isDirectory: true)
        var written: [URL] = []
        for reporter in reporters {
            let target = reporter.folders.reduce(root) { $0.appendingPathComponent($1, isDirectory: true) }
            written += try write(reporter.form, into: target)
        }
        return (root, written)
    }

    /// The units under a district or province that fill in a form — the district itself,
    /// its communes, and for a province its districts, communes and expected departments — each
    /// with its sub-folders under the scope's folder.
    package func reporters(scope code: String, period: Period) throws -> (Unit, [(form: BlankForm, folders: [String])]) {
        guard let registry = catalog.registries.registry(for: period) else {
            throw ConfigurationError(file: "registries.csv", "không có danh mục đơn vị nào có hiệu lực cho kỳ \(period.code)")
        }
        guard let scope = registry.unit(code.uppercased()), scope.level == .district || scope.level == .province else {
            throw ConfigurationError(file: "--scope", "\(code) không phải mã huyện hay mã tỉnh của danh mục \(registry.id) (áp dụng cho kỳ \(period.code))")
        }
        var result: [(form: BlankForm, folders: [String])] = []
        func visit(_ unit: Unit, folders: [String]) {
            let children = registry.children(of: unit.code)
            let own = unit == scope || children.isEmpty ? folders : folders + [stem(unit)]
            if let form = catalog.defaultForm(for: unit) {
                result.append((BlankForm(unit: unit, parent: registry.unit(unit.parentCode), period: period, form: form, catalog: catalog), own))
            }
            for child in children { visit(child, folders: own) }
        }
        visit(scope, folders: [])
        if scope.level == .province {
            for department in registry.departments(of: scope.code) where registry.isExpected(department: department) {
                guard let form = catalog.defaultForm(for: department) else { continue }
                result.append((BlankForm(unit: department, parent: scope, period: period, form: form, catalog: catalog), ["so-nganh"]))
            }
        }
        return (scope, result)
    }

    /// Writes one form as `<stem>.csv` and `<stem>.xlsx`, each atomically.
    package func write(_ form: BlankForm, into folder: URL) throws -> [URL] {
        let name = stem(form.unit)
        let csv = folder.appendingPathComponent("\(name).csv")
        let xlsx = folder.appendingPathComponent("\(name).xlsx")
        try AtomicFile.write(form.csv(catalog: catalog), to: csv)
        try WorkbookWriter.write([BlankFormSheet.sheet(form, catalog: catalog, window: window)], to: xlsx,
                                 title: BlankFormWording.workbookTitle(form),
                                 createdAt: WorkbookWriter.documentDate(form.period, window: window))
        return [csv, xlsx]
    }
}
