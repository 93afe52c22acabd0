import Foundation

/// Makes realistic sample reports, deterministically: the same options give the same bytes.
///
/// Layouts are mixed as offices mix them: in "form provinces" every commune sends its own
/// form file; elsewhere each district sends one table of its communes per quarter. Districts
/// and departments send form files, except the health departments, whose reports come as a
/// machine export in the long layout. Values follow every validation rule (parts add up to
/// totals, "of which" figures stay under their whole, hotspot stocks carry over quarter to
/// quarter), and a few gaps are left on purpose so that completeness has something to show.
public struct SampleGenerator {
    public let catalog: Catalog
    public let registry: Registry
    public let year: Int
    /// Province codes to generate.
    public let provinces: [String]
    /// Provinces whose communes send one form file each (the others send district tables).
    public let formProvinces: Set<String>

    public init(catalog: Catalog, year: Int, provinces: [String], formProvinces: Set<String>) throws {
        guard let registry = catalog.registries.registry(for: .year(year)) else {
            throw ConfigurationError(file: "registries.csv", "không có danh mục đơn vị cho năm \(year)")
        }
        self.catalog = catalog
        self.registry = registry
        self.year = year
        self.provinces = provinces
        self.formProvinces = formProvinces
    }

    /// The four provinces of the seed plans, as they were in 2024.
    public static let seedProvinces = ["35", "38", "24", "67"]

    /// Writes the files under `directory` and returns how many were written.
    @discardableResult
    public func write(to directory: URL) throws -> Int {
        var count = 0
        for code in provinces {
            guard let province = registry.unit(code), province.level == .province else {
                throw ConfigurationError(file: "--provinces", "không có tỉnh mã \(code) trong danh mục \(registry.id)")
            }
            let base = directory.appendingPathComponent("\(year)/\(code)-\(ReportNaming.slug(ReportNaming.shortName(province.name)))")
            for file in files(for: province) {
                let url = base.appendingPathComponent(file.path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.text.utf8).write(to: url)
                count += 1
            }
        }
        return count
    }

    struct SampleFile {
        var path: String
        var text: String
    }

    /// Every file one province sends for the year.
    func files(for province: Unit) -> [SampleFile] {
        var files: [SampleFile] = []
        let quarters = (1...4).map { Period.quarter(year, $0) }
        var rng = SampleRandom("gaps-\(province.code)-\(year)")
        let districts = registry.children(of: province.code)
        // Gaps on purpose: one commune never reports Q4, and one misses Q2.
        let communes = districts.flatMap { registry.children(of: $0.code) }
        let lateCommune = communes.isEmpty ? nil : communes[rng.int(0...(communes.count - 1))].code
        let silentInQ2 = communes.isEmpty ? nil : communes[rng.int(0...(communes.count - 1))].code

        var communeSeries: [String: [[StoredValue]]] = [:]
        for c in communes { communeSeries[c.code] = communeValues(c) }

        for (qi, quarter) in quarters.enumerated() {
            let folder = quarter.code
            // Communes.
            for district in districts {
                let members = registry.children(of: district.code).filter { c in
                    !(c.code == lateCommune && qi == 3) && !(c.code == silentInQ2 && qi == 1)
                }
                if formProvinces.contains(province.code) {
                    for c in members {
                        files.append(SampleFile(path: "\(folder)/xa/\(c.code).csv",
                                                text: form(c, quarter, form: "XA", values: communeSeries[c.code]![qi], officialPeriod: true)))
                    }
                } else if !members.isEmpty {
                    files.append(SampleFile(path: "\(folder)/bang-xa-huyen-\(district.code).csv",
                                            text: table(members, quarter, series: communeSeries, quarterIndex: qi)))
                }
            }
            // Districts.
            for district in districts {
                files.append(SampleFile(path: "\(folder)/huyen/\(district.code).csv",
                                        text: form(district, quarter, form: "HUYEN", values: ownValues(district, form: "HUYEN", quarter: qi))))
            }
            // Departments: the expected ones, and two optional mass organisations.
            for d in registry.departments(of: province.code) {
                guard let sector = d.sectorCode else { continue }
                if ["DTN", "LHPN"].contains(sector) { continue }
                guard registry.isExpected(department: d) else { continue }
                if sector == "NNPTNT" && province.code == "67" { continue }
                let values = ownValues(d, form: sector, quarter: qi)
                if sector == "YT" {
                    files.append(SampleFile(path: "\(folder)/so-nganh/\(d.code).csv", text: long(d, quarter, values: values)))
                } else {
                    files.append(SampleFile(path: "\(folder)/so-nganh/\(d.code).csv", text: form(d, quarter, form: sector, values: values)))
                }
            }
        }
        // The youth union reports only six-monthly and yearly, directly.
        if let dtn = registry.departments(of: province.code).first(where: { $0.sectorCode == "DTN" }) {
            for period in [Period.half(year, 1), .year(year)] {
                files.append(SampleFile(path: "\(period.code)/so-nganh/\(dtn.code).csv",
                                        text: form(dtn, period, form: "DTN", values: ownValues(dtn, form: "DTN", quarter: period.kind == .year ? 9 : 8))))
            }
        }
        // A corrected resubmission: the first commune sends Q2 again with a later date.
        if let first = communes.first, formProvinces.contains(province.code) {
            var corrected = communeSeries[first.code]![1]
            if let i = corrected.firstIndex(where: { $0.indicator == "TT01" }) { corrected[i].value += 1 }
            files.append(SampleFile(path: "\(year)-Q2/xa/\(first.code)-bo-sung.csv",
                                    text: form(first, .quarter(year, 2), form: "XA", values: corrected, officialPeriod: true, day: 20)))
        }
        return files
    }

    // MARK: Values

    /// A commune's four quarters. Stocks evolve; the hotspot stock carries over exactly.
    func communeValues(_ commune: Unit) -> [[StoredValue]] {
        var rng = SampleRandom("xa-\(commune.code)-\(year)")
        var hotspots = rng.chance(0.4) ? rng.int(1...3) : 0
        var ages = [rng.chance(0.1) ? 1 : 0, rng.int(0...6), rng.int(0...8)]
        let keyArea = rng.chance(0.05)
        let hasModel = rng.chance(0.3)
        let convertsIn = rng.chance(0.08) ? rng.int(0...3) : -1
        var users = rng.int(0...5)
        var afterRehab = rng.int(0...4)
        let growsPoppy = rng.chance(0.05)
        let splitOnly = rng.chance(0.3)
        var result: [[StoredValue]] = []
        for q in 0..<4 {
            var v: [StoredValue] = []
            let opening = hotspots
            let new = rng.chance(0.15) ? 1 : 0
            let eliminated = min(opening + new, rng.chance(0.5) ? rng.int(0...2) : 0)
            hotspots = opening + new - eliminated
            v.append(StoredValue("MT07", "", Double(opening)))
            v.append(StoredValue("MT08", "", Double(new)))
            v.append(StoredValue("MT09", "", Double(eliminated)))
            if growsPoppy { v.append(StoredValue("MT10", "", rng.decimal(20...400))) }
            v.append(StoredValue("MT11", "", Double(rng.int(0...2))))
            for i in ages.indices where rng.chance(0.3) { ages[i] = max(0, ages[i] + (rng.chance(0.5) ? 1 : -1)) }
            let addicts = ages.reduce(0, +)
            if !splitOnly { v.append(StoredValue("NN01", "", Double(addicts))) }
            for (i, c) in ["duoi_18", "18_30", "tren_30"].enumerated() { v.append(StoredValue("NN01", c, Double(ages[i]))) }
            users = max(0, users + rng.int(-1...1))
            afterRehab = max(0, afterRehab + rng.int(-1...1))
            v.append(StoredValue("NN02", "", Double(users)))
            v.append(StoredValue("NN03", "", Double(rng.int(0...1))))
            v.append(StoredValue("NN04", "", Double(rng.int(0...2))))
            v.append(StoredValue("NN05", "", Double(rng.int(0...1))))
            v.append(StoredValue("NN07", "", Double(rng.chance(0.2) ? 1 : 0)))
            v.append(StoredValue("NN09", "", Double(afterRehab)))
            v.append(StoredValue("NN10", "", Double(min(addicts, rng.chance(0.15) ? 1 : 0))))
            v.append(StoredValue("NN11", "", Double(min(addicts, rng.chance(0.1) ? 1 : 0))))
            let klass = keyArea ? "trong_diem" : (addicts + hotspots == 0 ? "khong_ma_tuy" : "co_ma_tuy")
            v.append(StoredValue("XA01", klass, 1))
            v.append(StoredValue("XA02", hasModel ? "co" : "khong", 1))
            v.append(StoredValue("XA03", convertsIn == q ? "co" : "khong", 1))
            let sessions = rng.int(1...4)
            v.append(StoredValue("TT01", "", Double(sessions)))
            v.append(StoredValue("TT02", "", Double(sessions * rng.int(25...80))))
            v.append(StoredValue("TT04", "", Double(rng.int(1...8))))
            v.append(StoredValue("TT05", "", Double(rng.int(20...300))))
            result.append(v)
        }
        return result
    }

    /// A district's or department's own figures for one quarter (8 = H1, 9 = year for the
    /// units that report only six-monthly and yearly).
    func ownValues(_ unit: Unit, form: String, quarter: Int) -> [StoredValue] {
        var base = SampleRandom("base-\(unit.code)-\(year)")
        var rng = SampleRandom("q\(quarter)-\(unit.code)-\(year)")
        let scale = unit.level == .district ? 1 : 3
        let methadone = base.int(0...2)
        let arvStock = base.int(40...400) * scale
        let cs02 = base.int(2...12)
        var v: [StoredValue] = []
        let mt03 = rng.int(0...2) * scale
        let hiv03 = arvStock + rng.int(0...20)
        let md01 = rng.int(2...20)
        let mt01 = rng.int(1...8) * scale
        for code in catalog.forms[form]?.indicatorCodes ?? [] {
            let value: Double
            switch code {
            case "MT01": value = Double(mt01)
            case "MT01P": value = Double(rng.int(0...3))
            case "MT02": value = Double(mt01 + rng.int(0...6))
            case "MT03": value = Double(mt03)
            case "MT04": value = Double(min(mt03, rng.int(0...1)))
            case "MT05": value = rng.chance(0.4) ? rng.decimal(0.05...1.5) : 0
            case "MT06": value = rng.decimal(0.1...4)
            case "MT07":
                // The hotspot stock carries over (rule QT06): this quarter's opening is the
                // year's opening plus the new ones of the quarters before (none is eliminated).
                let carried = (0..<min(quarter, 4)).reduce(0.0) { sum, q in
                    sum + (ownValues(unit, form: form, quarter: q).first { $0.indicator == "MT08" }?.value ?? 0)
                }
                value = Double(base.int(0...2)) + carried
            case "MT08": value = Double(rng.chance(0.2) ? 1 : 0)
            case "MT09": value = 0
            case "MT10": value = rng.decimal(0...800)
            case "MT11", "MD03": value = Double(rng.int(0...3))
            case "NN04", "NN07": value = Double(rng.int(0...6))
            case "NN05": value = Double(rng.int(0...15))
            case "NN06": value = Double(rng.int(10...80))
            case "NN08": value = Double(methadone * 60 + rng.int(0...15))
            case "CS01": value = Double(methadone)
            case "CS02": value = Double(cs02)
            case "CS03": value = Double(rng.int(5...40))
            case "TT01": value = Double(rng.int(1...10))
            case "TT02": value = Double(rng.int(50...900))
            case "TT03": value = Double(rng.int(2...25))
            case "TT04": value = Double(rng.int(3...30))
            case "TT05": value = Double(rng.int(100...2000))
            case "HIV01": value = Double(rng.int(200...3000))
            case "HIV02": value = Double(rng.int(0...12))
            case "HIV03": value = Double(hiv03)
            case "HIV04": value = Double(hiv03 * rng.int(85...97) / 100)
            case "MD01": value = Double(md01)
            case "MD02": value = Double(min(md01, rng.int(0...3)))
            case "MD04": value = Double(rng.int(0...5))
            case "KP01": value = rng.decimal(20...600)
            default: continue
            }
            v.append(StoredValue(code, "", value))
        }
        return v
    }

    // MARK: Layouts

    func quarterDay(_ period: Period, day: Int) -> String {
        String(format: "%04d-%02d-%02d", period.year, period.months.upperBound, day)
    }

    /// The way offices write periods in the heading of a form.
    func officialPeriod(_ p: Period) -> String {
        switch p.kind {
        case .quarter: return "Quý \(Period.roman[p.index - 1])/\(p.year)"
        case .half: return p.index == 1 ? "6 tháng đầu năm \(p.year)" : "6 tháng cuối năm \(p.year)"
        case .year: return "Năm \(p.year)"
        case .month: return "Tháng \(p.index)/\(p.year)"
        }
    }

    func form(_ unit: Unit, _ period: Period, form: String, values: [StoredValue], officialPeriod useOfficial: Bool = false,
              day: Int = 12) -> String {
        var lines = [
            "don_vi,\(unit.code)",
            "ten_don_vi,\(Self.quoted(unit.name))",
            "ky_bao_cao,\(useOfficial ? Self.quoted(officialPeriod(period)) : period.code)",
            "bieu_mau,\(form)",
            "nguoi_lap,\(unit.level == .commune ? "Cán bộ Công an xã" : "Văn thư đơn vị")",
            "ngay_lap,\(quarterDay(period, day: day))",
            "",
            "ma_chi_tieu,ten_chi_tieu,phan_to,don_vi_tinh,gia_tri,ghi_chu",
        ]
        for v in values {
            guard let i = catalog.indicator(v.indicator) else { continue }
            let shown: String
            if i.isAnswer { shown = v.category } else { shown = LongExport.number(v.value) }
            let category = i.isAnswer ? "" : v.category
            lines.append("\(i.code),\(Self.quoted(i.name)),\(category),\(Self.quoted(i.measure)),\(shown),")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func table(_ communes: [Unit], _ period: Period, series: [String: [[StoredValue]]], quarterIndex: Int) -> String {
        // Columns: every value that appears, in catalog order: `CODE` or `CODE.part`.
        var columns: [String] = []
        for i in catalog.forms["XA"]!.indicatorCodes.compactMap(catalog.indicator) {
            if i.isAnswer || i.categories.isEmpty { columns.append(i.code) } else {
                columns.append(i.code)
                columns += i.categories.map { "\(i.code).\($0)" }
            }
        }
        var lines = ["ma_don_vi,ten_don_vi,ky_bao_cao," + columns.joined(separator: ",")]
        for c in communes {
            var cells: [String: String] = [:]
            for v in series[c.code]![quarterIndex] {
                guard let i = catalog.indicator(v.indicator) else { continue }
                if i.isAnswer { cells[i.code] = v.category } else {
                    cells[v.category.isEmpty ? i.code : "\(i.code).\(v.category)"] = LongExport.number(v.value)
                }
            }
            lines.append("\(c.code),\(Self.quoted(c.name)),\(period.code)," + columns.map { cells[$0] ?? "" }.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func long(_ unit: Unit, _ period: Period, values: [StoredValue]) -> String {
        var lines = [LongExport.header]
        for v in values { lines.append("\(unit.code),\(period.code),\(v.indicator),\(v.category),\(LongExport.number(v.value))") }
        return lines.joined(separator: "\n") + "\n"
    }

    static func quoted(_ text: String) -> String {
        text.contains(",") || text.contains("\"") ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }
}
