import Foundation
import TonghopBase
import TonghopCatalog
import TonghopIngest
import TonghopValidate
import TonghopStore
import TonghopAggregate
import TonghopRender

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
    /// The quarters reported (a year split by a reform reports its halves in two maps).
    public let quarters: ClosedRange<Int>

    /// - Parameter quarters: the quarters to make; the registry is the one in force for the
    ///   last. By default, the quarters of the year on the map in force at its end (Q3 and Q4
    ///   for 2025).
    public init(catalog: Catalog, year: Int, provinces: [String], formProvinces: Set<String>, quarters: ClosedRange<Int>? = nil) throws {
        guard let registry = catalog.registries.registry(for: .quarter(year, quarters?.upperBound ?? 4)) else {
            throw ConfigurationError(file: "registries.csv", "không có danh mục đơn vị cho năm \(year)")
        }
        let quarters = quarters ?? ((1...4).first { catalog.registries.registry(for: .quarter(year, $0)) === registry }!...4)
        self.catalog = catalog
        self.registry = registry
        self.year = year
        self.provinces = provinces
        self.formProvinces = formProvinces
        self.quarters = quarters
    }

    /// The four provinces of the seed plans, as they were in 2024.
    public static let seedProvinces = ["35", "38", "24", "67"]
    /// The provinces that absorbed them on 1 July 2025 (Ninh Bình, Lâm Đồng, Bắc Ninh, Thanh Hóa).
    public static let seedProvincesAfterReform = ["37", "68", "24", "38"]

    /// The sample `inputs/` ships: the seed provinces for 2023 and 2024, and 2025 with its
    /// first half in the 2024 map and its second half in the 2025 map.
    public static func shipped(catalog: Catalog) throws -> [SampleGenerator] {
        [try SampleGenerator(catalog: catalog, year: 2023, provinces: seedProvinces, formProvinces: ["35"]),
         try SampleGenerator(catalog: catalog, year: 2024, provinces: seedProvinces, formProvinces: ["35"]),
         try SampleGenerator(catalog: catalog, year: 2025, provinces: seedProvinces, formProvinces: ["35"], quarters: 1...2),
         try SampleGenerator(catalog: catalog, year: 2025, provinces: seedProvincesAfterReform, formProvinces: ["37"], quarters: 3...4)]
    }

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

    package struct SampleFile {
        package var path: String
        package var text: String
    }

    /// Every file one province sends for the year.
    package func files(for province: Unit) -> [SampleFile] {
        var files: [SampleFile] = []
        var rng = SampleRandom("gaps-\(province.code)-\(year)")
        let districts = registry.children(of: province.code).filter { $0.level == .district }
        // Gaps on purpose: one commune never reports Q4, and one misses Q2.
        let communes = registry.descendants(of: province.code).filter { $0.level == .commune }
        let lateCommune = communes.isEmpty ? nil : communes[rng.int(0...(communes.count - 1))].code
        let silentInQ2 = communes.isEmpty ? nil : communes[rng.int(0...(communes.count - 1))].code

        var communeSeries: [String: [[StoredValue]]] = [:]
        for c in communes { communeSeries[c.code] = communeValues(c) }

        // Communes are grouped by district for tables; without districts, by blocks of 40.
        let communeGroups: [(name: String, members: [Unit])] = districts.isEmpty
            ? stride(from: 0, to: communes.count, by: 40).map { i in
                ("tinh-\(province.code)-\(i / 40 + 1)", Array(communes[i..<min(i + 40, communes.count)]))
            }
            : districts.map { ("huyen-\($0.code)", registry.children(of: $0.code)) }
        for qi in quarters.map({ $0 - 1 }) {
            let quarter = Period.quarter(year, qi + 1)
            let folder = quarter.code
            // Communes.
            for (groupName, groupMembers) in communeGroups {
                let members = groupMembers.filter { c in
                    !(c.code == lateCommune && qi == 3) && !(c.code == silentInQ2 && qi == 1)
                }
                if formProvinces.contains(province.code) {
                    for c in members {
                        files.append(SampleFile(path: "\(folder)/xa/\(c.code).csv",
                                                text: form(c, quarter, form: "XA", values: communeSeries[c.code]![qi], officialPeriod: true,
                                                           day: reportDay(c, quarter))))
                    }
                } else if !members.isEmpty {
                    files.append(SampleFile(path: "\(folder)/bang-xa-\(groupName).csv",
                                            text: table(members, quarter, series: communeSeries, quarterIndex: qi,
                                                        day: reportDay(members[0], quarter))))
                }
            }
            // Districts.
            for district in districts {
                files.append(SampleFile(path: "\(folder)/huyen/\(district.code).csv",
                                        text: form(district, quarter, form: "HUYEN", values: ownValues(district, form: "HUYEN", quarter: qi),
                                                   day: reportDay(district, quarter))))
            }
            // Departments: the expected ones, and two optional mass organisations.
            for d in registry.departments(of: province.code) {
                guard let sector = d.sectorCode else { continue }
                if ["DTN", "LHPN", Unit.formerDistrictsSector].contains(sector) { continue }
                guard registry.isExpected(department: d) else { continue }
                if sector == "NNPTNT" && province.code == "67" { continue }
                let values = ownValues(d, form: sector, quarter: qi)
                if sector == "YT" {
                    files.append(SampleFile(path: "\(folder)/so-nganh/\(d.code).csv", text: long(d, quarter, values: values)))
                } else {
                    files.append(SampleFile(path: "\(folder)/so-nganh/\(d.code).csv",
                                            text: form(d, quarter, form: sector, values: values, day: reportDay(d, quarter))))
                }
            }
        }
        // The youth union reports only six-monthly and yearly, directly.
        if let dtn = registry.departments(of: province.code).first(where: { $0.sectorCode == "DTN" }) {
            let direct = (quarters.contains(2) ? [Period.half(year, 1)] : []) + (quarters.contains(4) ? [Period.year(year)] : [])
            for period in direct {
                files.append(SampleFile(path: "\(period.code)/so-nganh/\(dtn.code).csv",
                                        text: form(dtn, period, form: "DTN", values: ownValues(dtn, form: "DTN", quarter: period.kind == .year ? 9 : 8))))
            }
        }
        // The June action month of Bình Lục (seed 004): its communes report the campaign's
        // propaganda figures for the month; a few hang fewer than the three banners asked for,
        // one reports late and one not at all.
        if year == 2024, province.code == "35" {
            let month = Period.month(2024, 6)
            let communes = registry.children(of: "352")
            for (i, c) in communes.enumerated() where i != communes.count - 1 {
                var rng = SampleRandom("thang-hanh-dong-\(c.code)")
                let sessions = rng.int(2...6)
                let values = [StoredValue("TT01", "", Double(sessions)), StoredValue("TT02", "", Double(sessions * rng.int(40...120))),
                              StoredValue("TT04", "", Double(rng.chance(0.15) ? rng.int(1...2) : rng.int(3...6))),
                              StoredValue("TT05", "", Double(rng.int(100...500)))]
                files.append(SampleFile(path: "2024-06/thang-hanh-dong/\(c.code).csv",
                                        text: form(c, month, form: "XA", values: values, officialPeriod: true, day: i == 2 ? 32 : rng.int(25...29))))
            }
        }
        // A corrected resubmission: the first commune sends Q2 again with a later date.
        if let first = communes.first, formProvinces.contains(province.code), quarters.contains(2) {
            var corrected = communeSeries[first.code]![1]
            if let i = corrected.firstIndex(where: { $0.indicator == "TT01" }) { corrected[i].value += 1 }
            files.append(SampleFile(path: "\(year)-Q2/xa/\(first.code)-bo-sung.csv",
                                    text: form(first, .quarter(year, 2), form: "XA", values: corrected, officialPeriod: true,
                                              day: reportDay(first, .quarter(year, 2)) + 3)))
        }
        return files
    }

    // MARK: Values

    /// The first year the sample data starts from: stocks evolve from its first quarter.
    package static let firstYear = 2023

    /// A unit's hotspots in one quarter (0-based): opening stock, new, eliminated. The stock
    /// carries over exactly from quarter to quarter and from year to year (rule QT06), each
    /// quarter's movements drawn from a stream of their own.
    package func hotspots(_ code: String, quarter: Int, eliminates: Bool) -> (opening: Int, new: Int, eliminated: Int) {
        var first = SampleRandom("diem-\(code)")
        var stock = first.chance(0.4) ? first.int(1...3) : 0
        for y in Self.firstYear...year {
            for q in 0..<4 {
                var rng = SampleRandom("diem-\(code)-\(y)-\(q)")
                let new = rng.chance(eliminates ? 0.15 : 0.2) ? 1 : 0
                let eliminated = eliminates ? min(stock + new, rng.chance(0.5) ? rng.int(0...2) : 0) : 0
                if y == year && q == quarter { return (stock, new, eliminated) }
                stock += new - eliminated
            }
        }
        return (stock, 0, 0)
    }

    /// A commune's four quarters. Stocks evolve; the hotspot stock carries over exactly.
    package func communeValues(_ commune: Unit) -> [[StoredValue]] {
        // The unit's standing traits and starting stocks do not change from year to year (a
        // year's report would otherwise jump at each first quarter); movements are the year's.
        var base = SampleRandom("xa-\(commune.code)")
        var rng = SampleRandom("xa-\(commune.code)-\(year)")
        var ages = [base.chance(0.1) ? 1 : 0, base.int(0...6), base.int(0...8)]
        let keyArea = base.chance(0.05)
        let hasModel = base.chance(0.3)
        let convertsIn = rng.chance(0.08) ? rng.int(0...3) : -1
        var users = base.int(0...5)
        var afterRehab = base.int(0...4)
        let growsPoppy = base.chance(0.05)
        let splitOnly = base.chance(0.3)
        var result: [[StoredValue]] = []
        for q in 0..<4 {
            var v: [StoredValue] = []
            let (opening, new, eliminated) = hotspots(commune.code, quarter: q, eliminates: true)
            let closing = opening + new - eliminated
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
            let klass = keyArea ? "trong_diem" : (addicts + closing == 0 ? "khong_ma_tuy" : "co_ma_tuy")
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
    package func ownValues(_ unit: Unit, form: String, quarter: Int) -> [StoredValue] {
        var base = SampleRandom("base-\(unit.code)")
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
            // A district's own hotspots: new ones arise, none is eliminated at district level.
            case "MT07": value = Double(hotspots(unit.code, quarter: min(quarter, 3), eliminates: false).opening)
            case "MT08": value = Double(hotspots(unit.code, quarter: min(quarter, 3), eliminates: false).new)
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

    package func quarterDay(_ period: Period, day: Int) -> String {
        if day > Calendar.gregorianDays(year: period.year, month: period.months.upperBound) {
            let next = period.months.upperBound == 12 ? (period.year + 1, 1) : (period.year, period.months.upperBound + 1)
            return String(format: "%04d-%02d-%02d", next.0, next.1, day - Calendar.gregorianDays(year: period.year, month: period.months.upperBound))
        }
        return String(format: "%04d-%02d-%02d", period.year, period.months.upperBound, day)
    }

    /// The day of the period's last month a unit dates its report: before the due date of
    /// `templates/deadlines.csv`, except about one report in twenty, which comes a few days late.
    package func reportDay(_ unit: Unit, _ period: Period) -> Int {
        var rng = SampleRandom("day-\(unit.code)-\(period.code)")
        // The earliest due date in the period's last month: its own, or the year's when a plan
        // asks for the year's results early (Thanh Hóa 2023: before 05/12).
        let candidates = [catalog.deadlines.due(unit, period, registry: registry),
                          period.months.upperBound == 12 ? catalog.deadlines.due(unit, .year(period.year), registry: registry) : nil]
        let due = candidates.compactMap { $0 }.filter { $0.date / 100 == period.year * 100 + period.months.upperBound }
            .map { $0.date % 100 }.min() ?? 16
        return rng.chance(0.05) ? due + rng.int(2...6) : max(1, due - rng.int(1...4))
    }

    /// The way offices write periods in the heading of a form.
    package func officialPeriod(_ p: Period) -> String {
        switch p.kind {
        case .quarter: return "Quý \(Period.roman[p.index - 1])/\(p.year)"
        case .half: return p.index == 1 ? "6 tháng đầu năm \(p.year)" : "6 tháng cuối năm \(p.year)"
        case .year: return "Năm \(p.year)"
        case .month: return "Tháng \(p.index)/\(p.year)"
        }
    }

    package func form(_ unit: Unit, _ period: Period, form: String, values: [StoredValue], officialPeriod useOfficial: Bool = false,
              day: Int = 12) -> String {
        let heading = [
            ("don_vi", unit.code), ("ten_don_vi", unit.name),
            ("ky_bao_cao", useOfficial ? officialPeriod(period) : period.code), ("bieu_mau", form),
            ("nguoi_lap", unit.level == .commune ? "Cán bộ Công an xã" : "Văn thư đơn vị"),
            ("ngay_lap", quarterDay(period, day: day)),
        ]
        let rows = values.compactMap { v -> FormLayoutWriter.Row? in
            guard let i = catalog.indicator(v.indicator) else { return nil }
            return FormLayoutWriter.Row(code: i.code, name: i.name, category: i.isAnswer ? "" : v.category, measure: i.measure,
                                        value: i.isAnswer ? v.category : DecimalText.text(v.value), note: "")
        }
        return FormLayoutWriter.csv(heading: heading, rows: rows)
    }

    package func table(_ communes: [Unit], _ period: Period, series: [String: [[StoredValue]]], quarterIndex: Int, day: Int) -> String {
        // Columns: every value that appears, in catalog order: `CODE` or `CODE.part`.
        var columns: [String] = []
        for i in catalog.forms["XA"]!.indicatorCodes.compactMap(catalog.indicator) {
            if i.isAnswer || i.categories.isEmpty { columns.append(i.code) } else {
                columns.append(i.code)
                columns += i.categories.map { "\(i.code).\($0)" }
            }
        }
        var lines = ["ma_don_vi,ten_don_vi,ky_bao_cao,ngay_lap," + columns.joined(separator: ",")]
        let date = quarterDay(period, day: day)
        for c in communes {
            var cells: [String: String] = [:]
            for v in series[c.code]![quarterIndex] {
                guard let i = catalog.indicator(v.indicator) else { continue }
                if i.isAnswer { cells[i.code] = v.category } else {
                    cells[v.category.isEmpty ? i.code : "\(i.code).\(v.category)"] = DecimalText.text(v.value)
                }
            }
            lines.append("\(c.code),\(FormLayoutWriter.field(c.name)),\(period.code),\(date)," + columns.map { cells[$0] ?? "" }.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    package func long(_ unit: Unit, _ period: Period, values: [StoredValue]) -> String {
        var lines = [LongExport.header + ",ngay_lap"]
        let date = quarterDay(period, day: reportDay(unit, period))
        for v in values { lines.append("\(unit.code),\(period.code),\(v.indicator),\(v.category),\(DecimalText.text(v.value)),\(date)") }
        return lines.joined(separator: "\n") + "\n"
    }
}
