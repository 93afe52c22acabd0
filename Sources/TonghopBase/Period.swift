import Foundation
import Synchronization

/// A reporting period: a year, a half-year, a quarter or a month.
///
/// Canonical codes are `2024`, `2024-H1`, `2024-Q2` and `2024-06`; ``Period/parse(_:)``
/// also reads what officers and DHIS2 write (`Quý II/2024`, `6 tháng đầu năm 2024`,
/// `2024Q2`, `2024S1`, ...).
///
/// Six-month and annual figures are composed from finer periods:
/// a year from its two halves, a half from its quarters (``subperiods``).
/// Months stand alone: they are campaign periods (the June action month), not parts of
/// a quarter's report.
public struct Period: Hashable, Comparable, Sendable, CustomStringConvertible {
    public enum Kind: Int, Sendable, Comparable {
        case year = 0, half, quarter, month
        public static func < (a: Kind, b: Kind) -> Bool { a.rawValue < b.rawValue }
    }

    public let year: Int
    public let kind: Kind
    /// 1-2 for a half, 1-4 for a quarter, 1-12 for a month, 0 for a year.
    public let index: Int

    public init?(year: Int, kind: Kind, index: Int = 0) {
        guard (1900...2999).contains(year) else { return nil }
        switch kind {
        case .year: guard index == 0 else { return nil }
        case .half: guard (1...2).contains(index) else { return nil }
        case .quarter: guard (1...4).contains(index) else { return nil }
        case .month: guard (1...12).contains(index) else { return nil }
        }
        self.year = year
        self.kind = kind
        self.index = index
    }

    public static func year(_ y: Int) -> Period { Period(year: y, kind: .year)! }
    public static func half(_ y: Int, _ h: Int) -> Period { Period(year: y, kind: .half, index: h)! }
    public static func quarter(_ y: Int, _ q: Int) -> Period { Period(year: y, kind: .quarter, index: q)! }
    public static func month(_ y: Int, _ m: Int) -> Period { Period(year: y, kind: .month, index: m)! }

    /// The canonical identifier, as stored and as used in file names.
    public var code: String {
        switch kind {
        case .year: return "\(year)"
        case .half: return "\(year)-H\(index)"
        case .quarter: return "\(year)-Q\(index)"
        case .month: return String(format: "%04d-%02d", year, index)
        }
    }

    public var description: String { code }

    /// The finer periods this one is composed of (empty for quarters and months).
    public var subperiods: [Period] {
        switch kind {
        case .year: return [.half(year, 1), .half(year, 2)]
        case .half: return [.quarter(year, index * 2 - 1), .quarter(year, index * 2)]
        case .quarter, .month: return []
        }
    }

    /// This period and every period it is composed of, coarsest first.
    public var family: [Period] { [self] + subperiods.flatMap(\.family) }

    /// The calendar months covered, first and last (1-12).
    public var months: ClosedRange<Int> {
        switch kind {
        case .year: return 1...12
        case .half: return (index * 6 - 5)...(index * 6)
        case .quarter: return (index * 3 - 2)...(index * 3)
        case .month: return index...index
        }
    }

    /// Whether `other` lies wholly inside this period (a period contains itself).
    public func contains(_ other: Period) -> Bool {
        other.year == year && months.lowerBound <= other.months.lowerBound
            && other.months.upperBound <= months.upperBound
    }

    /// The periods a report may be asked for, coarsest first, for a year.
    public static func reportable(in year: Int) -> [Period] { Period.year(year).family }

    /// Orders by end month; of periods ending in the same month the finer comes first,
    /// so `2024-Q2 < 2024-H1 < 2024-Q3 < 2024-Q4 < 2024-H2 < 2024`.
    public static func < (a: Period, b: Period) -> Bool {
        if a.year != b.year { return a.year < b.year }
        if a.months.upperBound != b.months.upperBound { return a.months.upperBound < b.months.upperBound }
        return a.kind > b.kind
    }

    /// The Vietnamese name officials read: "Quý II năm 2024", "6 tháng đầu năm 2024".
    public var vietnameseName: String {
        switch kind {
        case .year: return "Năm \(year)"
        case .half: return index == 1 ? "6 tháng đầu năm \(year)" : "6 tháng cuối năm \(year)"
        case .quarter: return "Quý \(Period.roman[index - 1]) năm \(year)"
        case .month: return "Tháng \(index) năm \(year)"
        }
    }

    /// The name inside a sentence: "quý II năm 2024" (the numeral stays upper case).
    public var vietnameseNameInSentence: String {
        let name = vietnameseName
        return name.prefix(1).lowercased() + name.dropFirst()
    }

    public var englishName: String {
        switch kind {
        case .year: return "Year \(year)"
        case .half: return index == 1 ? "First half of \(year)" : "Second half of \(year)"
        case .quarter: return "Q\(index) \(year)"
        case .month: return "Month \(index) of \(year)"
        }
    }

    package static let roman = ["I", "II", "III", "IV"]
}

extension Period {
    /// Reads a period as officers, DHIS2 and tonghop write it; nil when it is none of them.
    ///
    ///     Period.parse("Quý II/2024")          // 2024-Q2
    ///     Period.parse("6 tháng đầu năm 2024") // 2024-H1
    ///     Period.parse("2024S2")               // 2024-H2
    public static func parse(_ text: String) -> Period? {
        if let p = canonical(text) { return p }
        return WrittenPeriods.shared.period(text) { text in
            let t = text.precomposedStringWithCanonicalMapping
                .trimmingCharacters(in: .whitespaces).lowercased()
            guard !t.isEmpty else { return nil }
            return PeriodWords(t).period
        }
    }
}

/// The periods as officers write them (`Quý II/2024`), each read once per run: a national
/// inbox repeats a few dozen such texts tens of thousands of times, and reading one takes
/// Unicode normalisation. Shared by the threads that read files, so behind a lock.
private final class WrittenPeriods: Sendable {
    static let shared = WrittenPeriods()
    private let known = Mutex<[String: Period?]>([:])

    func period(_ text: String, reading: (String) -> Period?) -> Period? {
        if let p = known.withLock({ $0[text] }) { return p }
        let p = reading(text)
        // Bounded: texts nobody repeats (typos, free text) must not grow it without end.
        known.withLock { if $0.count < 10_000 { $0[text] = p } }
        return p
    }
}

extension Period {
    /// The canonical codes (`2024`, `2024-Q2`, `2024-H1`, `2024-06`) read on bytes: what every
    /// stored report and most files carry, tens of thousands of times a run.
    package static func canonical(_ text: String) -> Period? {
        let b = Array(text.utf8)
        func digit(_ i: Int) -> Int? { i < b.count && b[i] >= 0x30 && b[i] <= 0x39 ? Int(b[i] - 0x30) : nil }
        guard b.count >= 4, let y0 = digit(0), let y1 = digit(1), let y2 = digit(2), let y3 = digit(3) else { return nil }
        let year = y0 * 1000 + y1 * 100 + y2 * 10 + y3
        if b.count == 4 { return Period(year: year, kind: .year) }
        guard b.count == 7, b[4] == UInt8(ascii: "-") else { return nil }
        if let m0 = digit(5), let m1 = digit(6) { return Period(year: year, kind: .month, index: m0 * 10 + m1) }
        guard let i = digit(6) else { return nil }
        switch b[5] {
        case UInt8(ascii: "Q"): return Period(year: year, kind: .quarter, index: i)
        case UInt8(ascii: "H"): return Period(year: year, kind: .half, index: i)
        default: return nil
        }
    }
}

/// Tokenises a lower-cased period text into numbers and words and recognises the patterns.
private struct PeriodWords {
    let tokens: [String]

    init(_ text: String) {
        var tokens: [String] = []
        var current = ""
        var currentIsDigit = false
        for ch in text {
            let isDigit = ch.isASCII && ch.isNumber
            let isLetter = ch.isLetter
            if isDigit || isLetter {
                if !current.isEmpty && currentIsDigit != isDigit {
                    tokens.append(current)
                    current = ""
                }
                current.append(ch)
                currentIsDigit = isDigit
            } else {
                if !current.isEmpty { tokens.append(current) }
                current = ""
            }
        }
        if !current.isEmpty { tokens.append(current) }
        self.tokens = tokens
    }

    var period: Period? {
        // A lone six-digit number is DHIS2's monthly YYYYMM.
        if tokens.count == 1, tokens[0].count == 6, let v = Int(tokens[0]) {
            return Period(year: v / 100, kind: .month, index: v % 100)
        }
        // Otherwise the year is the four-digit number and the rest says which part of it.
        guard let yearToken = tokens.first(where: { $0.count == 4 && Int($0) != nil }),
              let year = Int(yearToken) else { return nil }
        let others = tokens.filter { $0 != yearToken }
        let otherNumbers = others.compactMap { Int($0) }
        let otherWords = others.filter { Int($0) == nil }
        if others.isEmpty { return Period(year: year, kind: .year) }
        let joined = otherWords.joined(separator: " ")
        // "năm 2024", "nam 2024", "year 2024"
        if otherNumbers.isEmpty, ["năm", "nam", "year", "ca năm", "cả năm"].contains(joined) {
            return Period(year: year, kind: .year)
        }
        // "6 tháng đầu năm", "6 tháng cuối năm"
        if otherNumbers == [6], otherWords.contains(where: { $0 == "tháng" || $0 == "thang" }) {
            if otherWords.contains(where: { $0 == "đầu" || $0 == "dau" }) { return Period(year: year, kind: .half, index: 1) }
            if otherWords.contains(where: { $0 == "cuối" || $0 == "cuoi" }) { return Period(year: year, kind: .half, index: 2) }
        }
        // "quý ii", "quý 2", "q2", "2024q2"
        if let first = otherWords.first, ["quý", "quy", "q", "quarter"].contains(first) {
            if otherNumbers.count == 1, otherWords.count == 1 { return Period(year: year, kind: .quarter, index: otherNumbers[0]) }
            if otherNumbers.isEmpty, otherWords.count >= 2, let r = Period.roman.firstIndex(of: otherWords[1].uppercased()) {
                return Period(year: year, kind: .quarter, index: r + 1)
            }
            if otherNumbers.count == 1, otherWords.count == 2, ["năm", "nam"].contains(otherWords[1]) {
                return Period(year: year, kind: .quarter, index: otherNumbers[0])
            }
        }
        // "h1", "s1" (DHIS2 six-monthly)
        if otherWords.count == 1, ["h", "s"].contains(otherWords[0]), otherNumbers.count == 1 {
            return Period(year: year, kind: .half, index: otherNumbers[0])
        }
        // "tháng 6", "2024-06"
        if otherNumbers.count == 1 {
            let isMonthWord = otherWords.allSatisfy { ["tháng", "thang", "năm", "nam", "m"].contains($0) }
            if isMonthWord && (otherWords.isEmpty ? others[0].count == 2 : true) {
                return Period(year: year, kind: .month, index: otherNumbers[0])
            }
        }
        return nil
    }
}
