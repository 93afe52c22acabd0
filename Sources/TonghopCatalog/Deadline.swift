import TonghopBase

/// When a report is due (`templates/deadlines.csv`).
///
/// A rule applies to a reporter level (commune, district, department, province) and may be
/// narrowed to a kind of period, a unit (and everything under it) and a period. Either the due
/// day is a day of the period's last month (the 16th for communes by default), or a fixed date
/// a plan names ("trước ngày 05/12/2023"). The most specific matching rule wins.
public struct DeadlineRule: Sendable {
    public let level: UnitLevel?
    public let periodKind: Period.Kind?
    public let scopeCode: String?
    public let period: Period?
    public let dayOfLastMonth: Int?
    /// yyyymmdd.
    public let fixedDate: Int?
    public let source: String

    package var specificity: Int {
        (level == nil ? 0 : 1) + (periodKind == nil ? 0 : 2) + (scopeCode == nil ? 0 : 4) + (period == nil ? 0 : 8)
    }

    package func matches(_ unit: Unit, _ period: Period, registry: Registry) -> Bool {
        matches(unit, as: unit.level, period, registry: registry)
    }

    /// As ``matches(_:_:registry:)`` for a unit taken as being of another level (the
    /// nation's report is due as a province's).
    package func matches(_ unit: Unit, as unitLevel: UnitLevel, _ period: Period, registry: Registry) -> Bool {
        if let level, level != unitLevel { return false }
        if let periodKind, periodKind != period.kind { return false }
        if let p = self.period, p != period { return false }
        if let scopeCode, unit.code != scopeCode, !registry.isWithin(unit.code, scopeCode),
           !(unit.level == .department && registry.isWithin(unit.parentCode, scopeCode)) { return false }
        return true
    }
}

/// The due date of one report.
public struct DueDate: Sendable, Equatable {
    /// yyyymmdd.
    public let date: Int
    public let source: String

    public init(date: Int, source: String) {
        self.date = date
        self.source = source
    }

    /// "16/6/2024"
    public var vietnamese: String { "\(date % 100)/\((date / 100) % 100)/\(date / 10000)" }
}

public struct Deadlines: Sendable {
    public let rules: [DeadlineRule]

    /// The due date of a unit's report for a period, by the most specific rule.
    public func due(_ unit: Unit, _ period: Period, registry: Registry) -> DueDate? {
        let level = unit.level == .nation ? UnitLevel.province : unit.level
        // The first of the most specific, as max(by:) over the matching rules would give;
        // without a filtered array: this runs for every report of every unit in a workbook.
        var best = -1
        for i in rules.indices where rules[i].matches(unit, as: level, period, registry: registry) {
            if best < 0 || rules[i].specificity > rules[best].specificity { best = i }
        }
        guard best >= 0 else { return nil }
        let rule = rules[best]
        if let fixed = rule.fixedDate { return DueDate(date: fixed, source: rule.source) }
        guard let day = rule.dayOfLastMonth else { return nil }
        return DueDate(date: period.year * 10000 + period.months.upperBound * 100 + day, source: rule.source)
    }
}
