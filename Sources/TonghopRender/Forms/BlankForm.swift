import TonghopBase
import TonghopCatalog
import TonghopAggregate
import TonghopStore

/// The blank form one unit fills in for one period: its heading (unit, period, form) and one
/// row per value it may report, with everything but the values pre-filled.
///
/// A disaggregated indicator gets its total row followed by one row per part (the reporter
/// may give the parts, the total or both); a yes/no or categorical indicator gets one row
/// whose answer is typed in the value cell; any other indicator one row.
///
/// The CSV (``csv``) and the `.xlsx` (``BlankFormSheet``) are two renderings of this one model,
/// so that their filled copies read back the same.
public struct BlankForm: Sendable {
    public let unit: Unit
    /// The unit above it (the issuing body's superior in the header block), if any.
    public let parent: Unit?
    public let period: Period
    public let form: Form
    public let rows: [Row]

    public struct Row: Sendable {
        public let indicator: Indicator
        /// The part, for a part row of a disaggregated indicator; empty otherwise.
        public let category: String

        /// The total row of a disaggregated indicator.
        public var isTotal: Bool { indicator.isDisaggregated && category.isEmpty }
    }

    /// The blank form of a unit for a period, in the registry in force for that period.
    ///
    /// - Throws: ``ConfigurationError`` naming `--unit` when the unit is unknown in that
    ///   registry or does not fill in a form itself (a province, the nation).
    public init(unitCode: String, period: Period, catalog: Catalog) throws {
        guard let registry = catalog.registries.registry(for: period) else {
            throw ConfigurationError(file: "registries.csv", "không có danh mục đơn vị nào có hiệu lực cho kỳ \(period.code)")
        }
        guard let unit = registry.unit(unitCode.uppercased()) else {
            throw ConfigurationError(file: "--unit", "không có đơn vị mã \(unitCode) trong danh mục \(registry.id) (áp dụng cho kỳ \(period.code))")
        }
        guard let form = catalog.defaultForm(for: unit) else {
            throw ConfigurationError(file: "--unit", "\(unit.code) \(unit.name) là cấp \(unit.level.vietnameseName), không tự lập biểu báo cáo; dùng --scope \(unit.code) để tạo biểu mẫu cho các đơn vị trực thuộc")
        }
        self.init(unit: unit, parent: registry.unit(unit.parentCode), period: period, form: form, catalog: catalog)
    }

    package init(unit: Unit, parent: Unit?, period: Period, form: Form, catalog: Catalog) {
        self.unit = unit
        self.parent = parent
        self.period = period
        self.form = form
        var rows: [Row] = []
        for indicator in form.indicatorCodes.compactMap(catalog.indicator) {
            rows.append(Row(indicator: indicator, category: ""))
            if indicator.isDisaggregated {
                rows += indicator.categories.map { Row(indicator: indicator, category: $0) }
            }
        }
        self.rows = rows
    }

    /// The heading lines, in order: the keys ``LayoutReader`` reads, with the blanks the
    /// reporter fills in (who prepared the report, and when).
    public var heading: [(key: String, value: String)] {
        [("don_vi", unit.code), ("ten_don_vi", unit.name), ("ky_bao_cao", period.code), ("bieu_mau", form.code),
         ("nguoi_lap", ""), ("ngay_lap", "")]
    }

    /// The heading keys left for the reporter to fill in.
    package static let headingEntries: Set<String> = ["nguoi_lap", "ngay_lap"]

    /// The table rows with their value cells empty.
    public func tableRows(catalog: Catalog) -> [FormLayoutWriter.Row] {
        rows.map { row in
            FormLayoutWriter.Row(code: row.indicator.code, name: BlankFormWording.rowName(row, catalog: catalog),
                                 category: row.category, measure: row.indicator.measure, value: "",
                                 note: BlankFormWording.rowNote(row, catalog: catalog))
        }
    }

    /// The form as a CSV file, with a UTF-8 byte-order mark: without it, Excel on Vietnamese
    /// Windows opens the file as Windows-1258 and garbles every name.
    public func csv(catalog: Catalog) -> String {
        "\u{FEFF}" + FormLayoutWriter.csv(heading: heading, rows: tableRows(catalog: catalog))
    }
}
