import Foundation
import TonghopBase

/// How tonghop's codes are named in a DHIS2 instance, both ways: `templates/dhis2.csv`.
///
/// By default every identifier is tonghop's own code (DHIS2's idScheme CODE): the indicator
/// `NN01` is the data element `NN01`, the part `duoi_18` the category option combo `duoi_18`,
/// the unit `35` the org unit `35`. An instance that uses other codes or UIDs lists them, one
/// row per mapping, in columns `loai` (what is mapped), `ma_tonghop`, `ma_dhis2`:
///
/// | `loai` | `ma_tonghop` | `ma_dhis2` |
/// | --- | --- | --- |
/// | `chi_tieu` | an indicator (`NN01`) | its data element |
/// | `phan_to` | a part or answer (`duoi_18`), for every indicator that has it, or for one (`NN01.duoi_18`); empty for the total | its category option combo (and, in ADX, the option) |
/// | `don_vi` | a unit (`35`, `347`, `35-CA`, `VN`) | its org unit |
/// | `bo_du_lieu` | a form (`XA`...) or `TONGHOP`, the compiled figures | its data set |
/// | `ten_phan_to` | an indicator with parts or answers | the ADX attribute naming them (default `PHAN_TO`) |
///
/// Rows with an empty `loai` are comments. A row that names nothing tonghop knows, or maps
/// two codes to one identifier, stops the run (exit code 4) naming the file and line.
public struct DHIS2Mapping: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case indicator = "chi_tieu", category = "phan_to", unit = "don_vi", dataSet = "bo_du_lieu", categoryAttribute = "ten_phan_to"
    }

    public static let fileName = "dhis2.csv"
    /// The ADX attribute naming an indicator's parts when `dhis2.csv` names none.
    public static let defaultCategoryAttribute = "PHAN_TO"
    /// DHIS2's names of the default category option combo (no disaggregation: the total).
    package static let defaultOptionNames: Set<String> = ["", "default"]

    /// tonghop's code → DHIS2's, by kind; categories as `code` or `INDICATOR.code`.
    private var outward: [Kind: [String: String]] = [:]
    /// DHIS2's identifier → tonghop's, by kind; categories as `identifier` or `INDICATOR\tidentifier`.
    private var inward: [Kind: [String: String]] = [:]

    /// tonghop's own codes everywhere.
    public init() {}

    // MARK: Outward (export)

    public func dataElement(_ indicator: String) -> String { outward[.indicator]?[indicator] ?? indicator }
    public func orgUnit(_ unit: String) -> String { outward[.unit]?[unit] ?? unit }
    public func dataSet(_ form: String) -> String { outward[.dataSet]?[form] ?? form }
    public func categoryAttribute(of indicator: String) -> String {
        outward[.categoryAttribute]?[indicator] ?? Self.defaultCategoryAttribute
    }

    /// A part's or answer's category option (combo); the total's is empty unless `dhis2.csv`
    /// names the instance's default.
    public func categoryOption(_ category: String, of indicator: String) -> String {
        let map = outward[.category]
        if category.isEmpty { return map?[""] ?? "" }
        return map?[indicator + "." + category] ?? map?[category] ?? category
    }

    // MARK: Inward (import)

    public func indicator(dataElement: String) -> String { inward[.indicator]?[dataElement] ?? dataElement }
    public func unit(orgUnit: String) -> String { inward[.unit]?[orgUnit] ?? orgUnit }
    public func form(dataSet: String) -> String { inward[.dataSet]?[dataSet] ?? dataSet }

    /// The category of a category option (combo) given with an indicator: empty for DHIS2's
    /// default (the total), the text itself when nothing maps it (validation then says whether
    /// the indicator has such a part).
    public func category(option: String, of indicator: String) -> String {
        let map = inward[.category]
        if let mapped = map?[indicator + "\t" + option] ?? map?[option] { return mapped }
        return Self.defaultOptionNames.contains(option.lowercased()) ? "" : option
    }

    /// Whether an ADX attribute names the parts of an indicator.
    public func isCategoryAttribute(_ name: String, of indicator: String) -> Bool {
        name == categoryAttribute(of: indicator)
    }

    // MARK: Loading

    /// Reads `templates/dhis2.csv`; tonghop's own codes when the file is absent.
    public static func load(from templates: URL, catalog: Catalog) throws -> DHIS2Mapping {
        let url = templates.appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: url.path) else { return DHIS2Mapping() }
        let table = try TemplateTable(url: url, required: ["loai", "ma_tonghop", "ma_dhis2"])
        var mapping = DHIS2Mapping()
        // Where each key was set, to name both lines of a clash.
        var outwardLines: [Kind: [String: Int]] = [:], inwardLines: [Kind: [String: Int]] = [:]
        for row in table.rows where !row["loai"].isEmpty {
            func bad(_ what: String) -> ConfigurationError { ConfigurationError(file: table.file, line: row.line, what) }
            guard let kind = Kind(rawValue: row["loai"]) else {
                throw bad("loai \"\(row["loai"])\" không hợp lệ (\(Kind.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            let ours = row["ma_tonghop"], theirs = row["ma_dhis2"]
            guard !theirs.isEmpty else { throw bad("thiếu ma_dhis2") }
            guard !ours.isEmpty || kind == .category else { throw bad("thiếu ma_tonghop") }
            if let problem = check(kind, ours: ours, theirs: theirs, catalog: catalog) { throw bad(problem) }
            var inwardKey = theirs
            if kind == .category, let dot = ours.firstIndex(of: ".") { inwardKey = String(ours[..<dot]) + "\t" + theirs }
            if let line = outwardLines[kind]?[ours] { throw bad("\(kind.rawValue) \(ours) đã được ánh xạ ở dòng \(line)") }
            if let line = inwardLines[kind]?[inwardKey] { throw bad("ma_dhis2 \(theirs) đã dùng cho một mã khác ở dòng \(line)") }
            outwardLines[kind, default: [:]][ours] = row.line
            inwardLines[kind, default: [:]][inwardKey] = row.line
            mapping.outward[kind, default: [:]][ours] = theirs
            // Tonghop's category alone (the indicator is given beside it when reading).
            let category = ours.firstIndex(of: ".").map { String(ours[ours.index(after: $0)...]) } ?? ours
            mapping.inward[kind, default: [:]][inwardKey] = kind == .category ? category : ours
        }
        return mapping
    }

    /// Why a row names nothing tonghop knows, or nil.
    package static func check(_ kind: Kind, ours: String, theirs: String, catalog: Catalog) -> String? {
        switch kind {
        case .indicator:
            return catalog.indicator(ours) == nil ? "chỉ tiêu \(ours) không có trong indicators.csv" : nil
        case .category:
            if ours.isEmpty { return nil }
            if let dot = ours.firstIndex(of: ".") {
                let code = String(ours[..<dot]), category = String(ours[ours.index(after: dot)...])
                guard let indicator = catalog.indicator(code) else { return "chỉ tiêu \(code) không có trong indicators.csv" }
                return indicator.categories.contains(category) ? nil : "chỉ tiêu \(code) không có phân tổ \(category)"
            }
            return catalog.indicators.contains { $0.categories.contains(ours) } ? nil : "không chỉ tiêu nào có phân tổ \(ours)"
        case .unit:
            return catalog.registries.all.contains { $0.unit(ours) != nil } ? nil : "không có đơn vị mã \(ours) trong danh mục nào"
        case .dataSet:
            return ours == Submission.compiledForm || catalog.forms[ours] != nil
                ? nil : "bieu_mau \(ours) không có trong forms.csv (hoặc \(Submission.compiledForm) cho số liệu tổng hợp)"
        case .categoryAttribute:
            guard let indicator = catalog.indicator(ours) else { return "chỉ tiêu \(ours) không có trong indicators.csv" }
            if indicator.categories.isEmpty { return "chỉ tiêu \(ours) không có phân tổ" }
            return ADXFormat.isAttributeName(theirs)
                ? nil : "\"\(theirs)\" không dùng được làm tên thuộc tính ADX (chữ cái, chữ số, _ ; không trùng dataElement, value)"
        }
    }
}
