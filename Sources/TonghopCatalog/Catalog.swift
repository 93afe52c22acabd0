import Foundation
import TonghopBase

/// Everything `templates/` defines: indicators, forms, sectors, category names and the
/// registries. Loaded at run time; Swift holds the mechanisms, the files hold the catalog.
public struct Catalog: Sendable {
    public let indicators: [Indicator]
    public let forms: [String: Form]
    /// Form codes in file order.
    public let formOrder: [String]
    public let sectors: [Sector]
    /// Vietnamese labels of categories and answers (`duoi_18` → "Dưới 18 tuổi").
    public let categoryNames: [String: String]
    public let registries: Registries
    /// Derived indicators (`derived.csv`), in file order.
    public let derived: [DerivedIndicator]
    public let derivedByCode: [String: DerivedIndicator]
    public let deadlines: Deadlines
    /// Targets of every plan in `templates/plans/`.
    public let targets: [Target]
    /// Which days a period's figures cover (`settings.csv`).
    public let window: ReportingWindow
    /// Number of slots of a ``FigureVector`` for this catalog.
    public let slotCount: Int
    /// Slots by the hash of their payload key `code\tcategory`: the store decodes a million
    /// values without making a string of any of them.
    package let slotsByPayloadKey: [UInt64: Int]
    /// The slots of each indicator added up the tree (every indicator but the `none` ones).
    package let summableRanges: [Range<Int>]
    /// The slots of every indicator, in catalog order.
    package let indicatorRanges: [Range<Int>]
    /// Indicators with parts or answers, whose totals come from their parts.
    package let partedIndicators: [Indicator]
    private let byCode: [String: Int]
    /// Indicator positions plus one (0: empty) by the FNV-1a hash of their codes (see
    /// ``payloadKey(_:)``), open addressing over a power-of-two table: a form's rows are
    /// matched to indicators on their bytes, a million times in a national year.
    private let codeTable: [Int32]
    /// Indicator positions by their name without case or diacritics (see ``NameKey``).
    private let byNameKey: [String: [Int]]
    /// The validation rules of `rules.csv`.
    public private(set) var rules: [ValidationRule] = [] {
        didSet {
            rulesWithinReport = rules.filter { !$0.readsPreviousQuarter }
            rulesAcrossQuarters = rules.filter(\.readsPreviousQuarter)
        }
    }
    /// The rules checked on a report alone, and those that read the quarter before: split once,
    /// not for each of forty thousand reports.
    public private(set) var rulesWithinReport: [ValidationRule] = []
    public private(set) var rulesAcrossQuarters: [ValidationRule] = []
    /// How tonghop's codes are named in DHIS2 (`dhis2.csv`; tonghop's own codes when absent).
    public package(set) var dhis2 = DHIS2Mapping()

    public func indicator(_ code: String) -> Indicator? { byCode[code].map { indicators[$0] } }

    /// The indicator whose code is exactly these bytes (no other case, no blanks), if any.
    package func indicator(codeBytes bytes: UnsafeBufferPointer<UInt8>) -> Indicator? {
        let mask = codeTable.count - 1
        var i = Int(truncatingIfNeeded: Self.payloadKey(bytes)) & mask
        while codeTable[i] != 0 {
            let indicator = indicators[Int(codeTable[i]) - 1]
            if indicator.code.hasUTF8(bytes) { return indicator }
            i = (i + 1) & mask
        }
        return nil
    }

    package static func codeTable(_ indicators: [Indicator]) -> [Int32] {
        var size = 16
        while size < indicators.count * 4 { size *= 2 }
        var table = [Int32](repeating: 0, count: size)
        for indicator in indicators {
            var i = Array(indicator.code.utf8).withUnsafeBufferPointer { Int(truncatingIfNeeded: payloadKey($0)) } & (size - 1)
            while table[i] != 0 { i = (i + 1) & (size - 1) }
            table[i] = Int32(indicator.index + 1)
        }
        return table
    }

    /// The indicators whose name is `text` once case, diacritics and spacing are ignored.
    public func indicators(named text: String) -> [Indicator] {
        (byNameKey[NameKey.of(text)] ?? []).map { indicators[$0] }
    }

    public func sector(_ code: String) -> Sector? { sectors.first { $0.code == code } }

    /// The form a unit fills: `XA` for a commune, `HUYEN` for a district, its sector's for a department.
    public func defaultForm(for unit: Unit) -> Form? {
        switch unit.level {
        case .commune: return forms["XA"]
        case .district: return forms["HUYEN"]
        case .department: return unit.sectorCode.flatMap { forms[$0] }
        case .nation, .province: return nil
        }
    }

    public func categoryName(_ code: String) -> String { categoryNames[code] ?? code }

    /// Loads the catalog from a `templates/` folder.
    public static func load(from templates: URL) throws -> Catalog {
        let indicatorTable = try TemplateTable(
            url: templates.appendingPathComponent("indicators.csv"),
            required: ["ma_chi_tieu", "ten_chi_tieu", "don_vi_tinh", "kieu_gia_tri", "quy_tac_thoi_gian", "quy_tac_don_vi", "phan_to", "nhom"])
        var indicators: [Indicator] = []
        var byCode: [String: Int] = [:]
        var slot = 0
        for row in indicatorTable.rows where !row["ma_chi_tieu"].isEmpty {
            func bad(_ what: String) -> ConfigurationError {
                ConfigurationError(file: indicatorTable.file, line: row.line, what)
            }
            let code = row["ma_chi_tieu"]
            guard byCode[code] == nil else { throw bad("mã chỉ tiêu \(code) bị lặp") }
            guard let type = ValueType(rawValue: row["kieu_gia_tri"]) else {
                throw bad("kieu_gia_tri \"\(row["kieu_gia_tri"])\" không hợp lệ (integer, decimal, yesno, category)")
            }
            guard let time = TimeAggregation(rawValue: row["quy_tac_thoi_gian"]) else {
                throw bad("quy_tac_thoi_gian \"\(row["quy_tac_thoi_gian"])\" không hợp lệ (sum, last, first, max, average, any)")
            }
            guard let unitRule = UnitAggregation(rawValue: row["quy_tac_don_vi"]) else {
                throw bad("quy_tac_don_vi \"\(row["quy_tac_don_vi"])\" không hợp lệ (sum, none, count)")
            }
            let categories = row["phan_to"].split(separator: " ").map(String.init)
            if !type.isNumericType && categories.isEmpty {
                throw bad("chỉ tiêu \(code) kiểu \(type.rawValue) cần danh sách giá trị trong cột phan_to")
            }
            if let refusal = Indicator.refusal(valueType: type, time: time, unitRule: unitRule) { throw bad(refusal) }
            let indicator = Indicator(code: code, name: row["ten_chi_tieu"], measure: row["don_vi_tinh"],
                                      valueType: type, time: time, unitRule: unitRule, categories: categories,
                                      group: row["nhom"], groupShortName: row["nhom_ngan"].isEmpty ? row["nhom"] : row["nhom_ngan"],
                                      index: indicators.count, slot: slot,
                                      isMain: ["1", "x", "co", "có"].contains(row["chu_yeu"].lowercased()))
            slot += indicator.slotCount
            byCode[code] = indicators.count
            indicators.append(indicator)
        }

        let formTable = try TemplateTable(url: templates.appendingPathComponent("forms.csv"),
                                          required: ["bieu_mau", "cap_bao_cao", "ma_chi_tieu"])
        var formCodes: [String] = []
        var formLevels: [String: UnitLevel] = [:]
        var formIndicators: [String: [String]] = [:]
        var formReconciliation: [String: [String]] = [:]
        for row in formTable.rows where !row["bieu_mau"].isEmpty {
            let code = row["bieu_mau"]
            guard let level = UnitLevel(rawValue: row["cap_bao_cao"]), [.commune, .district, .department].contains(level) else {
                throw ConfigurationError(file: formTable.file, line: row.line, "cap_bao_cao \"\(row["cap_bao_cao"])\" không hợp lệ (commune, district, department)")
            }
            guard let index = byCode[row["ma_chi_tieu"]] else {
                throw ConfigurationError(file: formTable.file, line: row.line, "chỉ tiêu \(row["ma_chi_tieu"]) không có trong indicators.csv")
            }
            if formLevels[code] == nil { formCodes.append(code) }
            formLevels[code] = level
            switch row["vai_tro"] {
            case "":
                formIndicators[code, default: []].append(row["ma_chi_tieu"])
            case "doi_chieu":
                // A figure to compare with the sum of the unit's children, never added.
                let indicator = indicators[index]
                guard indicator.isNumeric, indicator.unitRule == .sum, level == .district else {
                    throw ConfigurationError(file: formTable.file, line: row.line,
                                             "chỉ tiêu đối chiếu \(indicator.code) phải là số, cộng theo đơn vị (sum), trong biểu của huyện")
                }
                formReconciliation[code, default: []].append(indicator.code)
            default:
                throw ConfigurationError(file: formTable.file, line: row.line, "vai_tro \"\(row["vai_tro"])\" không hợp lệ (để trống, hoặc doi_chieu)")
            }
        }
        var forms: [String: Form] = [:]
        for code in formCodes {
            let list = formIndicators[code] ?? []
            let reconciliation = formReconciliation[code] ?? []
            if let both = reconciliation.first(where: list.contains) {
                throw ConfigurationError(file: formTable.file, "chỉ tiêu \(both) của biểu \(code) vừa là số báo cáo vừa là số đối chiếu")
            }
            forms[code] = Form(code: code, level: formLevels[code]!, indicatorCodes: list, reconciliationCodes: reconciliation,
                               indicators: indicators)
        }

        let sectorTable = try TemplateTable(url: templates.appendingPathComponent("sectors.csv"),
                                            required: ["ma_nganh", "ten_nganh", "phai_bao_cao"])
        let sectors: [Sector] = try sectorTable.rows.filter { !$0["ma_nganh"].isEmpty }.map { row in
            let e: SectorExpectation
            switch row["phai_bao_cao"] {
            case "moi_tinh", "": e = .everyProvince
            case "khong": e = .optional
            default: e = .group(row["phai_bao_cao"])
            }
            guard forms[row["ma_nganh"]] != nil else {
                throw ConfigurationError(file: sectorTable.file, line: row.line, "ngành \(row["ma_nganh"]) chưa có biểu mẫu trong forms.csv")
            }
            return Sector(code: row["ma_nganh"], name: row["ten_nganh"], expectation: e)
        }

        let groupTable = try TemplateTable(url: templates.appendingPathComponent("province-groups.csv"),
                                           required: ["nhom", "danh_muc", "ma_tinh"])
        var groups: [String: [String: Set<String>]] = [:]
        for row in groupTable.rows where !row["nhom"].isEmpty {
            groups[row["nhom"], default: [:]][row["danh_muc"], default: []].insert(row["ma_tinh"])
        }

        var categoryNames: [String: String] = [:]
        let categoryTable = try TemplateTable(url: templates.appendingPathComponent("categories.csv"),
                                              required: ["ma_phan_to", "ten_phan_to"])
        for row in categoryTable.rows { categoryNames[row["ma_phan_to"]] = row["ten_phan_to"] }

        let registries = try loadRegistries(templates: templates, sectors: sectors, groups: groups)

        let indicatorOfCode = { (code: String) in byCode[code].map { indicators[$0] } }
        let derivedTable = try TemplateTable(url: templates.appendingPathComponent("derived.csv"),
                                             required: ["ma_chi_tieu", "ten_chi_tieu", "don_vi_tinh", "cong_thuc"])
        var derived: [DerivedIndicator] = []
        for row in derivedTable.rows where !row["ma_chi_tieu"].isEmpty {
            let known = Set(derived.map(\.code))
            do {
                let formula = try Formula.parse(row["cong_thuc"], context: .aggregate, indicator: indicatorOfCode, isDerived: { known.contains($0) })
                derived.append(DerivedIndicator(code: row["ma_chi_tieu"], name: row["ten_chi_tieu"], measure: row["don_vi_tinh"],
                                                formula: formula, formulaText: row["cong_thuc"], group: row["nhom"]))
            } catch {
                throw ConfigurationError(file: derivedTable.file, line: row.line, "công thức: \(error)")
            }
        }
        let derivedByCode = Dictionary(uniqueKeysWithValues: derived.map { ($0.code, $0) })

        let deadlines = try loadDeadlines(templates)
        let targets = try loadPlans(templates, indicator: indicatorOfCode, isDerived: { derivedByCode[$0] != nil })
        let settings = try TemplateTable(url: templates.appendingPathComponent("settings.csv"), required: ["khoa", "gia_tri"])
        var window = ReportingWindow.decree09
        for row in settings.rows where row["khoa"] == "cua_so_so_lieu" {
            guard let w = ReportingWindow(rawValue: row["gia_tri"]) else {
                throw ConfigurationError(file: settings.file, line: row.line, "cua_so_so_lieu phải là nd09 hoặc lich")
            }
            window = w
        }
        var byNameKey: [String: [Int]] = [:]
        for (i, indicator) in indicators.enumerated() { byNameKey[NameKey.of(indicator.name), default: []].append(i) }
        var catalog = Catalog(indicators: indicators, forms: forms, formOrder: formCodes, sectors: sectors,
                              categoryNames: categoryNames, registries: registries, derived: derived, derivedByCode: derivedByCode,
                              deadlines: deadlines, targets: targets, window: window, slotCount: slot,
                              slotsByPayloadKey: try payloadKeys(indicators),
                              summableRanges: indicators.filter { $0.unitRule != .none }.map { $0.slot..<($0.slot + $0.slotCount) },
                              indicatorRanges: indicators.map { $0.slot..<($0.slot + $0.slotCount) },
                              partedIndicators: indicators.filter { !$0.categories.isEmpty }, byCode: byCode,
                              codeTable: codeTable(indicators),
                              byNameKey: byNameKey)
        catalog.rules = try ValidationRule.load(from: templates, catalog: catalog)
        catalog.dhis2 = try DHIS2Mapping.load(from: templates, catalog: catalog)
        return catalog
    }

    /// FNV-1a of `code\tcategory` for every slot (the category empty for the total).
    package static func payloadKeys(_ indicators: [Indicator]) throws -> [UInt64: Int] {
        var keys: [UInt64: Int] = [:]
        for i in indicators {
            for category in [""] + i.categories {
                let key = Array((i.code + "\t" + category).utf8).withUnsafeBufferPointer(payloadKey)
                guard keys.updateValue(i.slot(for: category)!, forKey: key) == nil else {
                    throw ConfigurationError(file: "indicators.csv", "mã \(i.code).\(category) trùng khóa với một mã khác; hãy đổi tên phân tổ")
                }
            }
        }
        return keys
    }

    package static func payloadKey(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf29ce484222325
        for b in bytes {
            h ^= UInt64(b)
            h = h &* 0x100000001b3
        }
        return h
    }

    /// The slot of a payload key, given as its bytes.
    package func slot(payloadKey bytes: UnsafeBufferPointer<UInt8>) -> Int? { slotsByPayloadKey[Self.payloadKey(bytes)] }

    package static func date(_ text: String, file: String, line: Int) throws -> Int? {
        if text.isEmpty { return nil }
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { throw ConfigurationError(file: file, line: line, "ngày \"\(text)\" phải có dạng YYYY-MM-DD") }
        return parts[0] * 10000 + parts[1] * 100 + parts[2]
    }

    private static func loadDeadlines(_ templates: URL) throws -> Deadlines {
        let table = try TemplateTable(url: templates.appendingPathComponent("deadlines.csv"),
                                      required: ["cap_bao_cao", "loai_ky", "ma_don_vi", "ky_bao_cao", "ngay_trong_thang_cuoi_ky", "han_co_dinh"])
        let kinds: [String: Period.Kind] = ["year": .year, "half": .half, "quarter": .quarter, "month": .month]
        return Deadlines(rules: try table.rows.map { row in
            func bad(_ m: String) -> ConfigurationError { ConfigurationError(file: table.file, line: row.line, m) }
            let level = row["cap_bao_cao"].isEmpty ? nil : UnitLevel(rawValue: row["cap_bao_cao"])
            if !row["cap_bao_cao"].isEmpty && level == nil { throw bad("cap_bao_cao \"\(row["cap_bao_cao"])\" không hợp lệ") }
            let kind = row["loai_ky"].isEmpty ? nil : kinds[row["loai_ky"]]
            if !row["loai_ky"].isEmpty && kind == nil { throw bad("loai_ky phải là year, half, quarter hoặc month") }
            let period = row["ky_bao_cao"].isEmpty ? nil : Period.parse(row["ky_bao_cao"])
            if !row["ky_bao_cao"].isEmpty && period == nil { throw bad("ky_bao_cao \"\(row["ky_bao_cao"])\" không đọc được") }
            let day = Int(row["ngay_trong_thang_cuoi_ky"])
            let fixed = try date(row["han_co_dinh"], file: table.file, line: row.line)
            if day == nil && fixed == nil { throw bad("cần ngay_trong_thang_cuoi_ky hoặc han_co_dinh") }
            return DeadlineRule(level: level, periodKind: kind, scopeCode: row["ma_don_vi"].isEmpty ? nil : row["ma_don_vi"],
                                period: period, dayOfLastMonth: day, fixedDate: fixed, source: row["nguon"])
        })
    }

    private static func loadPlans(_ templates: URL, indicator: @escaping (String) -> Indicator?, isDerived: @escaping (String) -> Bool) throws -> [Target] {
        let folder = templates.appendingPathComponent("plans")
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".csv") }.sorted()
        var targets: [Target] = []
        for name in files {
            let table = try TemplateTable(url: folder.appendingPathComponent(name),
                                          required: ["ke_hoach", "ma", "noi_dung", "ma_don_vi", "ap_dung", "chi_tieu", "so_sanh",
                                                     "gia_tri", "cach_tinh", "ky", "han", "chu_tri", "phoi_hop"])
            for row in table.rows where !row["ma"].isEmpty {
                func bad(_ m: String) -> ConfigurationError { ConfigurationError(file: "plans/\(name)", line: row.line, m) }
                guard let application = Target.Application(rawValue: row["ap_dung"]) else { throw bad("ap_dung phải là don_vi, moi_huyen hoặc moi_xa") }
                guard let comparator = Comparison(written: row["so_sanh"]) else { throw bad("so_sanh phải là >=, >, <=, <, = hoặc <>") }
                guard let value = Double(row["gia_tri"]) else { throw bad("gia_tri \"\(row["gia_tri"])\" không phải là số") }
                guard let measure = Target.Measure(rawValue: row["cach_tinh"]) else {
                    throw bad("cach_tinh phải là gia_tri hoặc tang_so_voi_nam_truoc_phan_tram")
                }
                let periods = row["ky"].split(separator: " ").map(String.init)
                let parsed = periods.compactMap(Period.parse)
                guard !parsed.isEmpty, parsed.count == periods.count else { throw bad("ky \"\(row["ky"])\" không đọc được") }
                let formula: Formula
                do {
                    formula = try Formula.parse(row["chi_tieu"], context: .aggregate, indicator: indicator, isDerived: isDerived)
                } catch {
                    throw bad("chi_tieu: \(error)")
                }
                targets.append(Target(plan: row["ke_hoach"], id: row["ma"], text: row["noi_dung"], unitCode: row["ma_don_vi"],
                                      application: application, formula: formula, formulaText: row["chi_tieu"], comparator: comparator,
                                      value: value, measure: measure, periods: parsed,
                                      deadline: try date(row["han"], file: "plans/\(name)", line: row.line),
                                      lead: row["chu_tri"], coordinating: row["phoi_hop"]))
            }
        }
        return targets
    }

    private static func loadRegistries(templates: URL, sectors: [Sector], groups: [String: [String: Set<String>]]) throws -> Registries {
        let table = try TemplateTable(url: templates.appendingPathComponent("registries.csv"),
                                      required: ["ma_danh_muc", "tep_don_vi", "hieu_luc_tu", "hieu_luc_den"])
        // Each registry (ten thousand units, and a crosswalk) on its own core: this is most of
        // the catalog, loaded by every command.
        let rows = table.rows.filter { !$0["ma_danh_muc"].isEmpty }
        let loaded = ParallelMap.map(rows) { row -> Result<Registry, Error> in Result {
            func date(_ column: String) throws -> DateComponents? {
                let text = row[column]
                if text.isEmpty { return nil }
                let parts = text.split(separator: "-").compactMap { Int($0) }
                guard parts.count == 3 else {
                    throw ConfigurationError(file: table.file, line: row.line, "\(column) \"\(text)\" phải có dạng YYYY-MM-DD")
                }
                return DateComponents(year: parts[0], month: parts[1], day: parts[2])
            }
            let fileName = row["tep_don_vi"]
            guard !fileName.contains("/"), !fileName.hasPrefix(".") else {
                throw ConfigurationError(file: table.file, line: row.line, "tên tệp \"\(fileName)\" phải nằm trong thư mục templates/")
            }
            let unitsTable = try TemplateTable(url: templates.appendingPathComponent(fileName),
                                               required: ["code", "name", "level", "type", "parent_code"])
            var units: [Unit] = []
            var seen: Set<String> = []
            for u in unitsTable.rows where !u["code"].isEmpty {
                guard let level = UnitLevel(rawValue: u["level"]), level != .department else {
                    throw ConfigurationError(file: unitsTable.file, line: u.line, "cấp \"\(u["level"])\" không hợp lệ (nation, province, district, commune)")
                }
                guard seen.insert(u["code"]).inserted else {
                    throw ConfigurationError(file: unitsTable.file, line: u.line, "mã đơn vị \(u["code"]) bị lặp")
                }
                units.append(Unit(code: u["code"], name: u["name"], level: level, type: u["type"], parentCode: u["parent_code"]))
            }
            for u in units where !u.parentCode.isEmpty && !seen.contains(u.parentCode) {
                throw ConfigurationError(file: unitsTable.file, "đơn vị \(u.code) có mã cấp trên \(u.parentCode) không tồn tại")
            }
            var crosswalk: Crosswalk? = nil
            let crosswalkFile = row["tep_chuyen_doi"]
            if !crosswalkFile.isEmpty {
                let t = try TemplateTable(url: templates.appendingPathComponent(crosswalkFile),
                                          required: ["old_code", "old_province", "new_code", "new_province", "partial"])
                crosswalk = Crosswalk(links: t.rows.filter { !$0["old_code"].isEmpty }.map {
                    Crosswalk.Link(oldCode: $0["old_code"], oldProvince: $0["old_province"], newCode: $0["new_code"],
                                   newProvince: $0["new_province"], partial: $0["partial"] == "1")
                })
            }
            return Registry(id: row["ma_danh_muc"], validFrom: try date("hieu_luc_tu"), validTo: try date("hieu_luc_den"),
                            description: row["mo_ta"], units: units, sectors: sectors, provinceGroups: groups,
                            crosswalkFromPrevious: crosswalk)
        } }
        let registries = try loaded.map { try $0.get() }
        guard !registries.isEmpty else { throw ConfigurationError(file: table.file, "không có danh mục đơn vị nào") }
        return Registries(all: registries)
    }
}

extension ValueType {
    package var isNumericType: Bool { self == .integer || self == .decimal }
}
