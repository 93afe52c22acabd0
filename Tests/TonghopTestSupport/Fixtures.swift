import Foundation
import TonghopBase
import TonghopCatalog
import TonghopIngest
import TonghopValidate
import TonghopStore
import TonghopAggregate
import TonghopRender
import TonghopPipeline

/// The project's own `templates/`: tests use the real catalog and registries.
package enum Fixtures {
    package static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    package static let templates = root.appendingPathComponent("templates")
    package nonisolated(unsafe) static let catalog: Catalog = try! Catalog.load(from: templates)
    package static var registry2024: Registry { catalog.registries.registry(for: .year(2024))! }
    package static let today = 20261123

    /// Reads a CSV given as text, as `tonghop` would read a file.
    package static func read(_ text: String, path: String = "test.csv") -> FileOutcome {
        FileIntake.read(Array(text.utf8), path: path, catalog: catalog, today: today)
    }

    /// A commune form file of Phường Quang Trung (13285, Phủ Lý, Hà Nam).
    package static func communeForm(unit: String = "13285", period: String = "2024-Q1", rows: [String]) -> String {
        (["don_vi,\(unit)", "ky_bao_cao,\(period)", "bieu_mau,XA", "", "ma_chi_tieu,ten_chi_tieu,phan_to,don_vi_tinh,gia_tri,ghi_chu"]
            + rows).joined(separator: "\n") + "\n"
    }

    /// A fresh store in memory: nothing on disk.
    package static func memoryStore() throws -> Store { try Store.inMemory() }

    /// A fresh store in a temporary folder.
    package static func temporaryStore() throws -> (Store, URL) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tonghop-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return (try Store(path: dir.appendingPathComponent("store.sqlite").path), dir)
    }

    package static func submission(_ unit: String, _ period: Period, form: String = "XA", _ values: [StoredValue]) -> Submission {
        Submission(unitCode: unit, period: period, form: form, line: 1, preparedOn: nil, values: values)
    }
}
