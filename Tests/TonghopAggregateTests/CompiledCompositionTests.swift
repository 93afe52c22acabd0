import XCTest
@testable import TonghopBase
@testable import TonghopCatalog
@testable import TonghopIngest
@testable import TonghopValidate
@testable import TonghopStore
@testable import TonghopAggregate
@testable import TonghopRender
@testable import TonghopPipeline
import TonghopTestSupport

/// Which figures of a compiled report (a province's quarterly exports) compose into a longer
/// period, for every combination of time rule, unit rule and value type the catalog allows.
///
/// Each expected figure comes from a reference written here, unit by unit and quarter by
/// quarter, not from the rollup: the figure of the province (or, for a `none` indicator, of the
/// one department that reports it) for the year.
final class CompiledCompositionTests: XCTestCase {
    static let times: [TimeAggregation] = [.sum, .last, .first, .max, .average, .any]
    static let unitRules: [UnitAggregation] = [.sum, .none, .countOf]
    static let types: [ValueType] = [.integer, .decimal, .yesNo, .category]

    static func code(_ type: ValueType, _ time: TimeAggregation, _ unit: UnitAggregation) -> String {
        "Z\(type.rawValue.prefix(3).uppercased())\(time.rawValue.prefix(3).uppercased())\(unit.rawValue.prefix(3).uppercased())"
    }

    /// The project's templates plus one indicator per combination the catalog accepts.
    static let catalog: Catalog = {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tonghop-combos-\(UUID().uuidString)")
        try! FileManager.default.copyItem(at: Fixtures.templates, to: dir)
        var rows = try! String(contentsOf: dir.appendingPathComponent("indicators.csv"), encoding: .utf8)
        for type in types {
            for time in times {
                for unit in unitRules where Indicator.refusal(valueType: type, time: time, unitRule: unit) == nil {
                    let parts = type == .yesNo ? "co khong" : (type == .category ? "khong_ma_tuy co_ma_tuy trong_diem" : "")
                    rows += "\(code(type, time, unit)),Thử,đơn vị,\(type.rawValue),\(time.rawValue),\(unit.rawValue),\(parts),Thử,Thử\n"
                }
            }
        }
        try! rows.write(to: dir.appendingPathComponent("indicators.csv"), atomically: true, encoding: .utf8)
        return try! Catalog.load(from: dir)
    }()

    var registry: Registry { Self.catalog.registries.registry(for: .year(2024))! }
    let communes = ["13285", "13291", "13294", "13303", "13306"]
    let department = "35-HQ"

    func testTheCatalogRefusesMeaninglessCombinations() {
        XCTAssertNotNil(Indicator.refusal(valueType: .integer, time: .any, unitRule: .sum), "'any' is for yes/no")
        XCTAssertNotNil(Indicator.refusal(valueType: .integer, time: .sum, unitRule: .countOf), "counting units by a number is dem()")
        XCTAssertNotNil(Indicator.refusal(valueType: .yesNo, time: .sum, unitRule: .countOf), "answers are not added over time")
        XCTAssertNotNil(Indicator.refusal(valueType: .category, time: .any, unitRule: .countOf))
        XCTAssertNotNil(Indicator.refusal(valueType: .category, time: .last, unitRule: .sum), "answers are counted, not summed")
        let allowed = Self.types.flatMap { t in Self.times.flatMap { time in Self.unitRules.map { (t, time, $0) } } }
            .filter { Indicator.refusal(valueType: $0.0, time: $0.1, unitRule: $0.2) == nil }
        XCTAssertEqual(allowed.count, 2 * 5 * 2 + 3 * 2 + 2 * 2, "numbers: 5 time rules × sum, none; yes/no: last, first, any × count, none; categories: last, first × count, none")
    }

    /// Every allowed combination, on random complete data: where the table says a compiled
    /// figure composes, the year composed from quarterly compiled figures equals the reference;
    /// where it says not, the figure is unknown, never a number.
    func testEveryCombinationComposesOrIsUnknown() {
        var generator = SeededGenerator(seed: 20261206)
        for indicator in Self.catalog.indicators where indicator.code.hasPrefix("Z") {
            for _ in 0..<20 {
                let data = randomData(indicator, using: &generator)
                let reference = self.reference(indicator, data)
                let owner = indicator.unitRule == .none ? department : "35"
                let raw = Rollup(period: .year(2024), registry: registry, catalog: Self.catalog, submissions: submissions(indicator, data))
                let compiled = Rollup(period: .year(2024), registry: registry, catalog: Self.catalog,
                                      reports: quarterlyCompiled(indicator, data, owner: owner))
                for (category, expected) in reference {
                    let slot = indicator.slot(for: category)!
                    XCTAssertEqual(raw.total(owner).figures[slot] ?? .nan, expected, accuracy: 1e-9,
                                   "\(indicator.code) \(category): the raw reports give the reference")
                    if TimeComposition.compiledFiguresCompose(indicator) {
                        XCTAssertEqual(compiled.total(owner).figures[slot] ?? .nan, expected, accuracy: 1e-9,
                                       "\(indicator.code) \(category): composes from the quarterly compiled figures")
                    } else {
                        XCTAssertTrue(compiled.total(owner).figures.isUnknown(slot),
                                      "\(indicator.code) \(category): cannot be composed, so no number")
                    }
                }
            }
        }
    }

    /// The two combinations that do not compose, shown not to: two sets of reports with the same
    /// quarterly compiled figures and different true figures for the year.
    func testMaxAndAnyOverUnitsAreNotFunctionsOfTheQuarterlyTotals() {
        // max × sum: (5, 0) and (0, 5) give quarterly sums 5, 5 and a year of 5 + 5 = 10;
        // (5, 5) and (0, 0) give the same quarterly sums and a year of 5 + 0 = 5.
        let maxSum = Self.catalog.indicator(Self.code(.integer, .max, .sum))!
        let a = yearOf(maxSum, [[5, 0, 0, 0], [0, 5, 0, 0]]), b = yearOf(maxSum, [[5, 5, 0, 0], [0, 0, 0, 0]])
        XCTAssertEqual(a.quarterly, b.quarterly)
        XCTAssertEqual(a.year, 10)
        XCTAssertEqual(b.year, 5)
        // any × count: yes in Q1 and yes in Q2 by two communes, or both by one commune.
        let anyCount = Self.catalog.indicator(Self.code(.yesNo, .any, .countOf))!
        let c = yearOf(anyCount, [[1, 0, 0, 0], [0, 1, 0, 0]]), d = yearOf(anyCount, [[1, 1, 0, 0], [0, 0, 0, 0]])
        XCTAssertEqual(c.quarterly, d.quarterly)
        XCTAssertEqual(c.year, 2)
        XCTAssertEqual(d.year, 1)
    }

    /// XA03 through the real path: a province's four quarterly exports dropped into a national
    /// instance, with and without its year export.
    func testAnyComposedFromCompiledQuarterlyExportsNeedsTheYearExport() throws {
        let catalog = Fixtures.catalog
        let registry = Fixtures.registry2024
        // Quang Trung says yes in Q1 and Q2, Lê Hồng Phong in Q3, Châu Cầu in Q1: 3 communes
        // turned drug-free in the year; the quarterly counts are 2, 1, 1, 0.
        let yes: [String: Set<Int>] = ["13285": [1, 2], "13291": [3], "13294": [1]]
        var raw: [Submission] = []
        for commune in ["13285", "13291", "13294", "13297"] {
            for q in 1...4 {
                raw.append(Fixtures.submission(commune, .quarter(2024, q), [StoredValue("XA03", yes[commune, default: []].contains(q) ? "co" : "khong", 1)]))
            }
        }
        func export(_ period: Period) -> [Submission] {
            let rollup = Rollup(period: period, registry: registry, catalog: catalog, submissions: raw)
            let read = Fixtures.read(LongExport.csv(scope: "35", rollup: rollup), path: "35-\(period.code).csv")
            XCTAssertEqual(read.status, .accepted, "\(read.problems)")
            return read.submissions
        }
        let quarterly = (1...4).flatMap { export(.quarter(2024, $0)) }
        let xa03 = catalog.indicator("XA03")!
        let onlyQuarters = Rollup(period: .year(2024), registry: registry, catalog: catalog, submissions: quarterly)
        XCTAssertNil(onlyQuarters.total("35").figures.value(xa03, category: "co"), "no number from four quarterly counts")
        XCTAssertTrue(onlyQuarters.total("35").figures.isUnknown(xa03.slot(for: "co")!))
        XCTAssertTrue(onlyQuarters.total("VN").incomplete.contains(xa03.slot(for: "co")!), "the nation is partial for XA03")
        let withYear = Rollup(period: .year(2024), registry: registry, catalog: catalog, submissions: quarterly + export(.year(2024)))
        XCTAssertEqual(withYear.total("35").figures.value(xa03, category: "co"), 3, "the province's own year report says 3")
        XCTAssertEqual(withYear.total("VN").figures.value(xa03, category: "co"), 3)
        XCTAssertFalse(withYear.total("VN").incomplete.contains(xa03.slot(for: "co")!))
        let export = LongExport.csv(scope: "VN", rollup: onlyQuarters)
        XCTAssertFalse(export.contains("35,2024,XA03"), "a figure that cannot be known is not sent upward")
    }

    // MARK: Data and reference

    /// Each reporter's values per quarter: numbers, or for answers the index of the answer.
    typealias Data = [String: [Double]]

    func randomData(_ indicator: Indicator, using g: inout SeededGenerator) -> Data {
        let reporters = indicator.unitRule == .none ? [department] : communes
        var data: Data = [:]
        for r in reporters {
            data[r] = (0..<4).map { _ in
                switch indicator.valueType {
                case .integer: return Double(Int.random(in: 0...20, using: &g))
                case .decimal: return Double(Int.random(in: 0...2000, using: &g)) / 100
                case .yesNo, .category: return Double(Int.random(in: 0..<indicator.categories.count, using: &g))
                }
            }
        }
        return data
    }

    func submissions(_ indicator: Indicator, _ data: Data) -> [Submission] {
        data.sorted { $0.key < $1.key }.flatMap { unit, values in
            values.enumerated().map { q, v in
                let value = indicator.isAnswer ? StoredValue(indicator.code, indicator.categories[Int(v)], 1) : StoredValue(indicator.code, "", v)
                return Submission(unitCode: unit, period: .quarter(2024, q + 1), form: unit.contains("-") ? "HQ" : "XA", line: 1,
                                  preparedOn: nil, values: [value])
            }
        }
    }

    /// Each quarter's total of the owner, as a compiled report of it.
    func quarterlyCompiled(_ indicator: Indicator, _ data: Data, owner: String) -> [ReportFigures] {
        (1...4).map { q in
            let rollup = Rollup(period: .quarter(2024, q), registry: registry, catalog: Self.catalog, submissions: submissions(indicator, data))
            return ReportFigures(unitCode: owner, period: .quarter(2024, q), isCompiled: true, receivedOn: nil, figures: rollup.total(owner).figures)
        }
    }

    /// The owner's figure for the year, per slot (the empty category is the total), worked out
    /// reporter by reporter and quarter by quarter.
    func reference(_ indicator: Indicator, _ data: Data) -> [String: Double] {
        func overTime(_ v: [Double]) -> Double {
            switch indicator.time {
            case .sum: return v.reduce(0, +)
            case .last: return v[3]
            case .first: return v[0]
            case .max: return v.max()!
            case .average: return v.reduce(0, +) / 4
            case .any: return v.contains(0) ? 0 : 1 // answer 0 is "co"
            }
        }
        if indicator.isNumeric { return ["": data.values.map(overTime).reduce(0, +)] }
        // Answers: each reporter's answer for the year, counted per answer.
        var counts: [String: Double] = ["": Double(data.count)]
        for c in indicator.categories { counts[c] = 0 }
        for values in data.values { counts[indicator.categories[Int(overTime(values))], default: 0] += 1 }
        return counts
    }

    /// The year's true figure (total, or count of yes) and the quarterly compiled figures, for
    /// two reporters given by their quarterly values (for yes/no, 1 is yes).
    func yearOf(_ indicator: Indicator, _ values: [[Double]]) -> (year: Double, quarterly: [Double]) {
        var data: Data = [:]
        for (i, v) in values.enumerated() { data[communes[i]] = indicator.isAnswer ? v.map { $0 == 1 ? 0 : 1 } : v }
        let reference = self.reference(indicator, data)
        let quarterly = quarterlyCompiled(indicator, data, owner: "35").map { r in
            indicator.isAnswer ? r.figures.value(indicator, category: "co")! : r.figures.value(indicator)!
        }
        return (indicator.isAnswer ? reference["co"]! : reference[""]!, quarterly)
    }
}

/// A small deterministic random number generator (SplitMix64), so a failure can be replayed.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
