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

/// `templates/rules.csv`: DHIS2-style rules loaded with the catalog, and what a broken one costs.
final class ValidationRuleTests: XCTestCase {
    func codes(_ o: FileOutcome) -> [ProblemCode] { o.problems.map(\.code) }

    func testTheShippedRulesAreLoaded() {
        let rules = Dictionary(uniqueKeysWithValues: Fixtures.catalog.rules.map { ("\($0.left.text) \($0.comparison.rawValue) \($0.right.text)", $0.severity) })
        XCTAssertEqual(rules["MT04 <= MT03"], .error)
        XCTAssertEqual(rules["HIV04 <= HIV03"], .error)
        XCTAssertEqual(rules["MD02 <= MD01"], .error)
        XCTAssertEqual(rules["MT09 <= MT07 + MT08"], .error)
        XCTAssertEqual(rules["NN10 <= NN01"], .warning)
        XCTAssertEqual(rules["MT07 == quy_truoc(MT07) + quy_truoc(MT08) - quy_truoc(MT09)"], .warning)
    }

    func testAnOfWhichFigureAboveItsWholeRejectsTheFormSayingBothSides() {
        let o = Fixtures.read(Fixtures.communeForm(rows: ["MT07,,,,1,", "MT08,,,,1,", "MT09,,,,3,", "TT01,,,,2,"]))
        XCTAssertEqual(codes(o), [.ruleViolated])
        XCTAssertEqual(o.status, .rejected)
        let p = o.problems[0]
        XCTAssertEqual(p.severity, .error)
        XCTAssertEqual(p.line, 8, "at the left side's cell: MT09")
        XCTAssertEqual(p.found, "MT09 = 3")
        XCTAssertEqual(p.expected?.vi, "≤ MT07 + MT08 = 1 + 1 = 2")
        XCTAssertTrue(Messages.render(p).contains("(MT09) không thể nhiều hơn"), Messages.render(p))
        XCTAssertTrue(Messages.render(p, .en).contains("Hotspots eliminated (MT09) cannot outnumber"), Messages.render(p, .en))
    }

    func testInATableTheRuleCostsOnlyItsRow() {
        let o = Fixtures.read("""
            ma_don_vi,ky_bao_cao,bieu_mau,MT03,MT01,MD01,MD02
            347,2024-Q1,HUYEN,2,5,10,3
            349,2024-Q1,HUYEN,1,2,4,7
            350,2024-Q1,HUYEN,0,1,3,3
            """)
        XCTAssertEqual(codes(o), [.ruleViolated])
        XCTAssertEqual(o.problems[0].line, 3)
        XCTAssertEqual(o.submissions.map(\.unitCode), ["347", "350"])
    }

    func testInTheLongLayoutTheRuleCostsTheRowsOfItsIndicators() {
        let o = Fixtures.read("""
            ma_don_vi,ky_bao_cao,ma_chi_tieu,phan_to,gia_tri
            35-YT,2024-Q1,HIV03,,100
            35-YT,2024-Q1,HIV04,,120
            35-YT,2024-Q1,HIV01,,900
            """)
        XCTAssertEqual(codes(o), [.ruleViolated])
        XCTAssertEqual(o.problems[0].line, 3, "at HIV04's row")
        XCTAssertEqual(o.submissions.map(\.values), [[StoredValue("HIV01", "", 900)]], "HIV03 and HIV04 go, HIV01 stays")
    }

    func testAWarningRuleKeepsTheReport() {
        let o = Fixtures.read(Fixtures.communeForm(rows: ["NN01,,,,2,", "NN10,,,,3,"]))
        XCTAssertEqual(codes(o), [.ruleViolated])
        XCTAssertEqual(o.problems[0].severity, .warning)
        XCTAssertEqual(o.status, .accepted)
        XCTAssertEqual(o.submissions.first?.values, [StoredValue("NN01", "", 2), StoredValue("NN10", "", 3)])
    }

    func testARuleWithAMissingFigureIsNotJudged() {
        let o = Fixtures.read(Fixtures.communeForm(rows: ["MT09,,,,3,", "MT07,,,,1,"]))
        XCTAssertEqual(codes(o), [], "MT08 not reported: nothing can be said")
    }

    func testATotalGivenOnlyByItsPartsCounts() {
        let o = Fixtures.read(Fixtures.communeForm(rows: ["NN01,,duoi_18,,1,", "NN01,,tren_30,,1,", "NN10,,,,3,"]))
        XCTAssertEqual(o.problems.first?.found, "NN10 = 3")
        XCTAssertEqual(o.problems.first?.expected?.vi, "≤ NN01 = 2")
    }

    // MARK: A broken rules file

    /// A folder holding only `rules.csv`: the rules are read against the real catalog.
    func templates(withRules rules: String) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tonghop-rules-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try Data(rules.utf8).write(to: dir.appendingPathComponent("rules.csv"))
        return dir
    }

    func assertConfigurationError(_ rules: String, line: Int?, contains text: String, file: StaticString = #filePath, lineNumber: UInt = #line) throws {
        let dir = try templates(withRules: rules)
        defer { try? FileManager.default.removeItem(at: dir) }
        XCTAssertThrowsError(try ValidationRule.load(from: dir, catalog: Fixtures.catalog), file: file, line: lineNumber) { error in
            guard let e = error as? ConfigurationError else { return XCTFail("\(error)", file: file, line: lineNumber) }
            XCTAssertEqual(e.file, "rules.csv", file: file, line: lineNumber)
            XCTAssertEqual(e.line, line, file: file, line: lineNumber)
            XCTAssertTrue(e.message.contains(text), e.message, file: file, line: lineNumber)
        }
    }

    func testABadRulesFileStopsTheCatalog() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tonghop-rules-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Fixtures.templates, to: dir)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("ma_quy_tac,ve_trai,phep_so_sanh,ve_phai,muc_do,thong_bao\nA,MT04,<=,MT3,loi,x\n".utf8).write(to: dir.appendingPathComponent("rules.csv"))
        XCTAssertThrowsError(try Catalog.load(from: dir)) { error in
            XCTAssertEqual((error as? ConfigurationError)?.description, "Lỗi cấu hình: rules.csv, dòng 2: quy tắc A: chỉ tiêu \"MT3\" không có trong indicators.csv")
        }
    }

    func testABadRulesFileNamesFileAndLine() throws {
        let header = "ma_quy_tac,ve_trai,phep_so_sanh,ve_phai,muc_do,thong_bao\n"
        try assertConfigurationError(header + "A,MT04,<=,MT03,loi,x\nB,MT99,<=,MT03,loi,x\n", line: 3, contains: "MT99")
        try assertConfigurationError(header + "A,MT04,≈,MT03,loi,x\n", line: 2, contains: "phep_so_sanh")
        try assertConfigurationError(header + "A,MT04,<=,MT03 +,loi,x\n", line: 2, contains: "kết thúc")
        try assertConfigurationError(header + "A,MT04,<=,MT03,nang,x\n", line: 2, contains: "muc_do")
        try assertConfigurationError(header + "A,NN01.duoi_15,<=,NN01,loi,x\n", line: 2, contains: "duoi_15")
        try assertConfigurationError(header + "A,XA02,<=,MT03,loi,x\n", line: 2, contains: "không phải là số")
        try assertConfigurationError(header + "A,MT07,==,quy_truoc(MT07),loi,x\n", line: 2, contains: "canh_bao")
        try assertConfigurationError(header + "A,MT04,<=,MT03,loi,x\nA,MT04,<=,MT03,loi,x\n", line: 3, contains: "bị lặp")
        try assertConfigurationError("ma_quy_tac,ve_trai\n", line: 1, contains: "phep_so_sanh")
    }

    func testRulesAcceptWhatPeopleType() throws {
        let dir = try templates(withRules: """
            ma_quy_tac,ve_trai,phep_so_sanh,ve_phai,muc_do,thong_bao
            A, NN01.duoi_18 + 1 ,≤, NN01 − NN01.tren_30 + 10 ,Lỗi,x
            """)
        defer { try? FileManager.default.removeItem(at: dir) }
        let rule = try XCTUnwrap(ValidationRule.load(from: dir, catalog: Fixtures.catalog).first)
        XCTAssertEqual(rule.comparison, .lessOrEqual)
        XCTAssertEqual(rule.severity, .error)
        XCTAssertEqual(rule.right.formula.written { leaf in
            switch leaf {
            case .figure(let r): return r.text
            case .number(let v): return Messages.number(v)
            default: return "?"
            }
        }, "NN01 - NN01.tren_30 + 10", "the minus sign − reads as a minus")
        XCTAssertEqual(rule.message, Wording("x"), "without thong_bao_en the Vietnamese is used in both")
    }
}
