import TonghopBase

/// How an indicator's values are written in a report.
public enum ValueType: String, Sendable {
    /// Whole numbers: counts of cases, people, sessions.
    case integer
    /// Numbers with a fractional part: kilograms, square metres, millions of đồng.
    case decimal
    /// `co` / `khong` (also `có`, `không`, `1`, `0`).
    case yesNo = "yesno"
    /// One value out of the indicator's categories (XA01: khong_ma_tuy, co_ma_tuy, trong_diem).
    case category
}

/// How the values of sub-periods compose into a longer period (DOMAIN §3).
public enum TimeAggregation: String, Sendable {
    /// Flows: cases detected, sessions held.
    case sum
    /// Stocks: the latest sub-period's value (addicts under management).
    case last
    /// Opening stocks: the earliest sub-period's value (hotspots at the start).
    case first
    case max
    case average
    /// Yes/no: yes if any sub-period says yes.
    case any
}

/// How the values of units compose up the tree (DOMAIN §3).
public enum UnitAggregation: String, Sendable {
    /// Add the children.
    case sum
    /// Never added up: the unit only coordinated, adding would double count.
    case none
    /// Count the units per answer (categorical and yes/no indicators).
    case countOf = "count"
}

/// An indicator of the catalog (`templates/indicators.csv`).
///
/// Its values occupy consecutive slots of a ``FigureVector``: slot 0 is the total, then one
/// slot per category. For a disaggregated count (NN01 by age group) the total is the sum of
/// the parts; for a categorical or yes/no indicator each category slot counts the units that
/// gave that answer, so a single commune's answer is a 1 in one slot.
///
/// A class, not a struct: the catalog's indicators are walked for every value of a national
/// run, and copying a struct of eight strings retained each of them every time.
public final class Indicator: Sendable, Hashable {
    public let code: String
    public let name: String
    public let measure: String
    public let valueType: ValueType
    public let time: TimeAggregation
    public let unitRule: UnitAggregation
    /// Disaggregation parts (numeric indicators) or the allowed answers (yes/no, categorical).
    public let categories: [String]
    /// The domain group shown above the columns (Vietnamese).
    public let group: String
    /// A short name of the group, for sheet headings.
    public let groupShortName: String
    /// Position in the catalog.
    public let index: Int
    /// First slot in a ``FigureVector``.
    public let slot: Int
    /// One of the main indicators of its group (`chu_yeu` in `indicators.csv`): compared unit
    /// by unit with the same period of last year in the reports.
    public let isMain: Bool

    public init(code: String, name: String, measure: String, valueType: ValueType, time: TimeAggregation,
                unitRule: UnitAggregation, categories: [String], group: String, groupShortName: String, index: Int, slot: Int,
                isMain: Bool = false) {
        self.isMain = isMain
        self.code = code
        self.name = name
        self.measure = measure
        self.valueType = valueType
        self.time = time
        self.unitRule = unitRule
        self.categories = categories
        self.group = group
        self.groupShortName = groupShortName
        self.index = index
        self.slot = slot
    }

    /// Equal when every field is: two loads of the same catalog give equal indicators.
    public static func == (a: Indicator, b: Indicator) -> Bool {
        a.code == b.code && a.name == b.name && a.measure == b.measure && a.valueType == b.valueType && a.time == b.time
            && a.unitRule == b.unitRule && a.categories == b.categories && a.group == b.group
            && a.groupShortName == b.groupShortName && a.index == b.index && a.slot == b.slot && a.isMain == b.isMain
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(code)
        hasher.combine(slot)
    }

    public var slotCount: Int { 1 + categories.count }
    public var isNumeric: Bool { valueType == .integer || valueType == .decimal }
    /// A numeric indicator split into parts whose sum is the total.
    public var isDisaggregated: Bool { isNumeric && !categories.isEmpty }
    /// A yes/no or categorical indicator: counted per answer up the tree.
    public var isAnswer: Bool { !isNumeric }

    /// Why `indicators.csv` cannot hold an indicator with these rules, or nil when it can.
    ///
    /// Numbers add up over units (`sum`) or stay on their unit (`none`), over time by any rule
    /// but `any`. Answers (yes/no, categories) are counted per answer up the tree (`count`) or
    /// stay on their unit (`none`), and over time keep one sub-period's answer (`last`,
    /// `first`) or, for yes/no, say yes when any sub-period did (`any`): adding, averaging or
    /// taking the largest of answers has no meaning. Counting units whose *number* meets a
    /// condition is a derived indicator's `dem(...)`.
    package static func refusal(valueType: ValueType, time: TimeAggregation, unitRule: UnitAggregation) -> String? {
        switch valueType {
        case .integer, .decimal:
            if time == .any { return "quy tắc thời gian 'any' chỉ dùng cho chỉ tiêu có/không (yesno)" }
            if unitRule == .countOf {
                return "quy tắc đơn vị 'count' đếm đơn vị theo từng câu trả lời, chỉ dùng cho chỉ tiêu có/không hoặc phân loại; để đếm đơn vị có số liệu thỏa điều kiện, dùng dem(...) trong derived.csv"
            }
        case .yesNo, .category:
            if time == .any && valueType == .category { return "quy tắc thời gian 'any' chỉ dùng cho chỉ tiêu có/không (yesno)" }
            if [.sum, .max, .average].contains(time) {
                return "chỉ tiêu \(valueType == .yesNo ? "có/không" : "phân loại") chỉ dùng quy tắc thời gian last, first\(valueType == .yesNo ? " hoặc any" : ""): cộng, trung bình hay lấy lớn nhất các câu trả lời không có nghĩa"
            }
            if unitRule == .sum { return "chỉ tiêu \(valueType == .yesNo ? "có/không" : "phân loại") cộng lên theo số đơn vị trả lời: dùng quy tắc đơn vị 'count' (hoặc 'none')" }
        }
        return nil
    }

    /// The slot of a category (nil for the total).
    public func slot(for category: String?) -> Int? {
        guard let category, !category.isEmpty else { return slot }
        guard let i = categories.firstIndex(of: category) else { return nil }
        return slot + 1 + i
    }
}

/// A form: the indicators one kind of reporter fills in (`templates/forms.csv`).
public struct Form: Sendable {
    /// `XA`, `HUYEN`, or a sector code for a department.
    public let code: String
    /// Which units use it.
    public let level: UnitLevel
    /// Indicator codes, in the file's order.
    public let indicatorCodes: [String]
    public let indicatorSet: Set<String>
    /// Figures the unit writes only so that they are compared with the sum of its children
    /// (`vai_tro` `doi_chieu` in `forms.csv`): never stored, never added into a total.
    public let reconciliationCodes: [String]
    /// What each indicator of the catalog, by its ``Indicator/index``, is to the form: asked
    /// for every value read, so an array rather than a set of codes.
    public let roles: [Role]

    public enum Role: UInt8, Sendable {
        case absent, reported, reconciliation
    }

    public init(code: String, level: UnitLevel, indicatorCodes: [String], reconciliationCodes: [String], indicators: [Indicator]) {
        self.code = code
        self.level = level
        self.indicatorCodes = indicatorCodes
        let reported = Set(indicatorCodes), reconciliation = Set(reconciliationCodes)
        self.indicatorSet = reported
        self.reconciliationCodes = reconciliationCodes
        self.roles = indicators.map { i in
            reconciliation.contains(i.code) ? .reconciliation : (reported.contains(i.code) ? .reported : .absent)
        }
    }

    /// What an indicator of the catalog is to the form.
    public func role(of indicator: Indicator) -> Role { indicator.index < roles.count ? roles[indicator.index] : .absent }
}
