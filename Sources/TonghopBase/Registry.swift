import Foundation
import Synchronization

/// One administrative registry: the tree of units in force over a range of dates.
///
/// The 2024 registry (province → district → commune) is in force until 30 June 2025, the
/// 2025 one (province → commune) from 1 July 2025. Nothing here assumes a number of levels:
/// the tree is whatever the file says.
public final class Registry: Sendable {
    public let id: String
    public let validFrom: DateComponents?
    public let validTo: DateComponents?
    public let description: String
    /// How the units of the registry before this one map onto this one's (nil for the first).
    public let crosswalkFromPrevious: Crosswalk?
    /// Units in file order (which is code order in the official lists).
    public let units: [Unit]
    private let byCode: [String: Int]
    private let childIndices: [String: [Int]]
    /// Departments per province code, in the sectors file's order.
    private let departmentsByProvince: [String: [Unit]]
    private let departmentsByCode: [String: Unit]
    /// Unit positions by ``NameKey`` of their name, with and without the type word
    /// ("phường quang trung" and "quang trung"). Built on first use: only a name written
    /// instead of a code needs it, and folding ten thousand names costs every run otherwise.
    private let byNameKey = Mutex<[String: [Int]]?>(nil)

    public var nation: Unit? { units.first { $0.level == .nation } }

    package init(id: String, validFrom: DateComponents?, validTo: DateComponents?, description: String,
         units: [Unit], sectors: [Sector], provinceGroups: [String: [String: Set<String>]], crosswalkFromPrevious: Crosswalk? = nil) {
        self.id = id
        self.crosswalkFromPrevious = crosswalkFromPrevious
        self.validFrom = validFrom
        self.validTo = validTo
        self.description = description
        self.units = units
        var byCode: [String: Int] = [:]
        var children: [String: [Int]] = [:]
        for (i, u) in units.enumerated() {
            byCode[u.code] = i
            if !u.parentCode.isEmpty { children[u.parentCode, default: []].append(i) }
        }
        self.byCode = byCode
        self.childIndices = children
        var depts: [String: [Unit]] = [:]
        var deptByCode: [String: Unit] = [:]
        for p in units where p.level == .province {
            for s in sectors {
                let d = Unit(code: Unit.departmentCode(province: p.code, sector: s.code),
                             name: "\(s.name) - \(p.name)", level: .department, type: s.name,
                             parentCode: p.code, sectorCode: s.code)
                depts[p.code, default: []].append(d)
                deptByCode[d.code] = d
            }
        }
        // After a reform, each province also holds the former districts' own figures of the
        // periods before it (see RegistryTranslation); nobody is expected to report as it.
        if crosswalkFromPrevious != nil {
            for p in units where p.level == .province {
                let d = Unit(code: Unit.departmentCode(province: p.code, sector: Unit.formerDistrictsSector),
                             name: "Các huyện cũ (số liệu trước 01/7/2025) - \(p.name)", level: .department,
                             type: "Các huyện cũ (trước 01/7/2025)", parentCode: p.code, sectorCode: Unit.formerDistrictsSector)
                depts[p.code, default: []].append(d)
                deptByCode[d.code] = d
            }
        }
        self.departmentsByProvince = depts
        self.departmentsByCode = deptByCode
        self.expectedSectors = Dictionary(uniqueKeysWithValues: units.filter { $0.level == .province }.map { p in
            (p.code, Set(sectors.filter { $0.isExpected(inProvince: p.code, registry: id, groups: provinceGroups) }.map(\.code)))
        })
    }

    /// Sector codes expected to report, per province code (configuration in `sectors.csv`).
    private let expectedSectors: [String: Set<String>]

    /// The unit with this code, a department included; nil if the registry does not know it.
    public func unit(_ code: String) -> Unit? {
        if let i = byCode[code] { return units[i] }
        return departmentsByCode[code]
    }

    /// The units whose name, with or without its type word, is `text` once case, diacritics
    /// and spacing are ignored; in registry order.
    public func units(named text: String) -> [Unit] {
        let positions = byNameKey.withLock { index -> [Int] in
            if index == nil {
                var built: [String: [Int]] = [:]
                for (i, u) in units.enumerated() where u.level != .nation {
                    let full = NameKey.of(u.name), type = NameKey.of(u.type)
                    built[full, default: []].append(i)
                    if !type.isEmpty, full.hasPrefix(type + " ") { built[String(full.dropFirst(type.count + 1)), default: []].append(i) }
                }
                index = built
            }
            return index?[NameKey.of(text)] ?? []
        }
        return positions.map { units[$0] }
    }

    /// The direct children in the tree (departments not included).
    public func children(of code: String) -> [Unit] {
        (childIndices[code] ?? []).map { units[$0] }
    }

    /// Every department of a province, expected to report or not.
    public func departments(of provinceCode: String) -> [Unit] { departmentsByProvince[provinceCode] ?? [] }

    /// Whether this department is expected to report (its sector is configured for the province).
    public func isExpected(department: Unit) -> Bool {
        guard let s = department.sectorCode else { return false }
        return expectedSectors[department.parentCode]?.contains(s) ?? false
    }

    /// The chain of ancestors, nearest first, up to the nation.
    public func ancestors(of code: String) -> [Unit] {
        var result: [Unit] = []
        var current = unit(code)
        while let u = current, !u.parentCode.isEmpty, let parent = unit(u.parentCode) {
            result.append(parent)
            current = parent
        }
        return result
    }

    /// The province a unit belongs to (itself for a province); nil for the nation.
    public func province(of code: String) -> Unit? {
        guard let u = unit(code) else { return nil }
        if u.level == .province { return u }
        return ancestors(of: code).first { $0.level == .province }
    }

    /// Whether `code` is `ancestor` or lies under it.
    public func isWithin(_ code: String, _ ancestor: String) -> Bool {
        code == ancestor || ancestors(of: code).contains { $0.code == ancestor }
    }

    /// Every unit under `code` (not itself), depth first in registry order; departments
    /// follow their province's tree units.
    public func descendants(of code: String) -> [Unit] {
        // By position in `units`, without a children array per node: every completeness
        // table walks the whole country.
        var result: [Unit] = []
        func walk(_ c: String, isProvince: Bool) {
            if let children = childIndices[c] {
                for i in children {
                    result.append(units[i])
                    walk(units[i].code, isProvince: units[i].level == .province)
                }
            }
            if isProvince { result.append(contentsOf: departments(of: c)) }
        }
        walk(code, isProvince: unit(code)?.level == .province)
        return result
    }

    /// Whether the registry is in force on the given calendar day.
    public func isInForce(year: Int, month: Int, day: Int) -> Bool {
        let key = year * 10000 + month * 100 + day
        if let f = validFrom, let y = f.year, let m = f.month, let d = f.day, key < y * 10000 + m * 100 + d { return false }
        if let t = validTo, let y = t.year, let m = t.month, let d = t.day, key > y * 10000 + m * 100 + d { return false }
        return true
    }
}

/// The registries shipped in `templates/`, chosen by period.
public struct Registries: Sendable {
    public let all: [Registry]

    public init(all: [Registry]) { self.all = all }

    /// The registry in force on the last day of the period.
    ///
    /// A report is placed in the hierarchy that was in force when its period closed: Q2 2025
    /// and H1 2025 in the 2024 tree, Q3 2025, H2 2025 and the year 2025 in the 2025 tree.
    public func registry(for period: Period) -> Registry? {
        let lastMonth = period.months.upperBound
        let lastDay = Calendar.gregorianDays(year: period.year, month: lastMonth)
        return all.first { $0.isInForce(year: period.year, month: lastMonth, day: lastDay) }
    }

    /// The registry in force on the first calendar day of the period: a unit of a later map
    /// did not exist when the period began (the year 2025 began on the 2024 map).
    public func registry(onFirstDayOf period: Period) -> Registry? {
        all.first { $0.isInForce(year: period.year, month: period.months.lowerBound, day: 1) }
    }

    /// Registries other than `registry` that know the code (to explain "not in force then").
    public func others(knowing code: String, besides registry: Registry) -> [Registry] {
        all.filter { $0 !== registry && $0.unit(code) != nil }
    }
}

extension Calendar {
    package static func gregorianDays(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
