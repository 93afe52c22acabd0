import ArgumentParser
import Foundation
import TonghopBase
import TonghopCatalog
import TonghopPipeline
import TonghopRender

struct SampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample",
        abstract: "Tạo bộ báo cáo mẫu (xác định: cùng tham số cho cùng tệp).",
        discussion: """
            Ví dụ: tonghop sample --out inputs                 (4 tỉnh của các kế hoạch mẫu, năm 2024)
                    tonghop sample --national --out /tmp/vn   (toàn quốc, ~37.000 tệp)
            """
    )

    @OptionGroup var options: WorkspaceOptions
    @Option(help: "Thư mục ghi các tệp mẫu.")
    var out: String
    @Option(help: "Năm (mặc định: 2023, 2024 và 2025 cho 4 tỉnh mẫu, 2024 cho toàn quốc).")
    var year: Int?
    @Flag(help: "Toàn bộ các tỉnh (quy mô quốc gia) thay vì 4 tỉnh mẫu.")
    var national = false

    func run() throws {
        let pipeline = try options.pipeline()
        try runReporting {
            let catalog = pipeline.catalog
            let provinces: [String]
            let formProvinces: Set<String>
            if national {
                guard let registry = catalog.registries.registry(for: .year(year ?? 2024)), let nation = registry.nation else { return .configuration }
                provinces = registry.children(of: nation.code).map(\.code)
                // Most provinces' communes send a form each; every fifth province sends district tables.
                formProvinces = Set(provinces.enumerated().filter { $0.offset % 5 != 4 }.map(\.element))
            } else {
                provinces = SampleGenerator.seedProvinces
                formProvinces = ["35"]
            }
            let generators = national || year != nil
                ? [try SampleGenerator(catalog: catalog, year: year ?? 2024, provinces: provinces, formProvinces: formProvinces)]
                : try SampleGenerator.shipped(catalog: catalog)
            for generator in generators {
                let count = try generator.write(to: URL(fileURLWithPath: out))
                Console.out([ConsoleText.sample(count, year: generator.year, quarters: generator.quarters, registry: generator.registry.id, folder: out)])
            }
            return .success
        }
    }
}
