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

/// The one formula language of rules, derived indicators and targets.
final class FormulaTests: XCTestCase {
    let catalog = Fixtures.catalog

    func parse(_ text: String, _ context: Formula.Context = .aggregate) throws -> Formula {
        try Formula.parse(text, context: context, indicator: catalog.indicator, isDerived: { $0 == "TL01" })
    }

    func testOneParserReadsEveryKindOfFormula() throws {
        let f = try parse("dem(huyen, CS01 >= 1) / dem(huyen) * 100")
        XCTAssertEqual(f.figures.map(\.text), ["CS01"])
        XCTAssertEqual(try parse("XA01.khong_ma_tuy / XA01 * 100").figures.map(\.text), ["XA01.khong_ma_tuy", "XA01"])
        XCTAssertTrue(try parse("MT07 - quy_truoc(MT07)", .rule).readsPreviousQuarter)
        XCTAssertEqual(try parse("TL01 * 2"), .binary(.times, .derived("TL01"), .number(2)))
    }

    func testWhatAContextDoesNotAllowIsRefusedWithTheReason() {
        XCTAssertThrowsError(try parse("dem(xa)", .rule)) { XCTAssertTrue("\($0)".contains("dem(...)"), "\($0)") }
        XCTAssertThrowsError(try parse("quy_truoc(MT07)", .aggregate)) { XCTAssertTrue("\($0)".contains("quy_truoc"), "\($0)") }
        XCTAssertThrowsError(try parse("TL01 + 1", .rule)) { XCTAssertTrue("\($0)".contains("TL01"), "\($0)") }
        XCTAssertThrowsError(try parse("XA02 <= 1", .rule)) { XCTAssertTrue("\($0)".contains("không phải là số"), "\($0)") }
        XCTAssertThrowsError(try parse("NN01.duoi_15")) { XCTAssertTrue("\($0)".contains("duoi_15"), "\($0)") }
    }

    func testLoadingTheCatalogNamesTheFileAndLineOfAFunctionOutOfPlace() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tonghop-formula-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Fixtures.templates, to: dir)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("ma_quy_tac,ve_trai,phep_so_sanh,ve_phai,muc_do,thong_bao\nA,MT04,<=,MT03,loi,x\nB,dem(xa),<=,MT03,loi,x\n".utf8)
            .write(to: dir.appendingPathComponent("rules.csv"))
        XCTAssertThrowsError(try Catalog.load(from: dir)) { error in
            let text = (error as? ConfigurationError)?.description ?? ""
            XCTAssertTrue(text.hasPrefix("Lỗi cấu hình: rules.csv, dòng 3: quy tắc B: dem(...)"), text)
        }
    }

    func testOneComparisonWithOneToleranceEverywhere() {
        XCTAssertTrue(Comparison.equal.holds(0.1 + 0.2, 0.3), "binary noise of decimals is not a difference")
        XCTAssertTrue(Comparison.lessOrEqual.holds(9.559999999999999 + 0.01, 9.57))
        XCTAssertFalse(Comparison.equal.holds(1_000_000, 1_000_001), "a real difference is one")
        XCTAssertFalse(Comparison.less.holds(0.3, 0.1 + 0.2))
        XCTAssertEqual(Comparison(written: "≥"), .greaterOrEqual)
        XCTAssertEqual(Comparison(written: "<>"), .notEqual)
        XCTAssertEqual(Comparison(written: "="), .equal)
    }

    func testARuleOverDecimalsDoesNotFailOnRoundingNoise() throws {
        let rule = ValidationRule(id: "KG", left: .init(text: "MT05 + MT06", formula: try parse("MT05 + MT06", .rule)), comparison: .equal,
                                  right: .init(text: "MT10", formula: try parse("MT10", .rule)), severity: .error, message: Wording("x"))
        var f = FigureVector(slotCount: catalog.slotCount)
        f[catalog.indicator("MT05")!.slot] = 0.1
        f[catalog.indicator("MT06")!.slot] = 0.2
        f[catalog.indicator("MT10")!.slot] = 0.3
        XCTAssertNil(RuleCheck.violation(of: rule, current: f, previous: nil), "0.1 + 0.2 = 0.3 kg")
        f[catalog.indicator("MT10")!.slot] = 0.31
        XCTAssertEqual(RuleCheck.violation(of: rule, current: f, previous: nil)?.found, "MT05 + MT06 = 0.1 + 0.2 = 0.3")
    }

    func testTheWorkingIsWrittenWithTheParenthesesItNeeds() throws {
        let f = try parse("MT09 / (MT07 + MT08) * 100 - (MT01 - MT02)")
        XCTAssertEqual(f.written { leaf in if case .figure(let r) = leaf { return r.indicator } else { return "100" } },
                       "MT09 / (MT07 + MT08) * 100 - (MT01 - MT02)")
    }
}
