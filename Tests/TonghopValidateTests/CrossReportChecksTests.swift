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

/// Checks against other reports, made once a batch is read: the quarter before (stock
/// identity), the unit's own history (outliers), a district's communes (reconciliation).
final class CrossReportChecksTests: XCTestCase {
    let catalog = Fixtures.catalog

    func form(_ period: String, unit: String = "13285", form: String = "XA", _ rows: [String]) -> FileOutcome {
        let text = (["don_vi,\(unit)", "ky_bao_cao,\(period)", "bieu_mau,\(form)", "", "ma_chi_tieu,ten_chi_tieu,phan_to,don_vi_tinh,gia_tri,ghi_chu"]
            + rows).joined(separator: "\n") + "\n"
        return Fixtures.read(text, path: "\(unit)-\(period).csv")
    }

    func checked(_ outcomes: [FileOutcome], stored: [Submission] = []) -> [FileOutcome] {
        var o = outcomes
        CrossReportChecks(catalog: catalog).check(&o, modifiedAt: o.map { _ in 0 }, stored: stored)
        return o
    }

    func stored(_ unit: String, _ period: Period, form: String = "XA", _ values: [StoredValue]) -> Submission {
        Fixtures.submission(unit, period, form: form, values)
    }

    // MARK: The stock carried over

    func testTheHotspotStockMustCarryOverFromTheQuarterBeforeInTheBatch() {
        let q1 = form("2024-Q1", ["MT07,,,,2,", "MT08,,,,1,", "MT09,,,,0,"])
        let q2 = form("2024-Q2", ["MT07,,,,2,", "MT08,,,,0,", "MT09,,,,0,"])
        let o = checked([q1, q2])
        XCTAssertEqual(o[0].problems, [], "Q1's quarter before (2023-Q4) is nowhere: nothing to say")
        XCTAssertEqual(o[1].problems.map(\.code), [.ruleViolated])
        let p = o[1].problems[0]
        XCTAssertEqual(p.severity, .warning, "across quarters a rule only warns")
        XCTAssertEqual(p.line, 6, "at Q2's MT07 cell")
        XCTAssertEqual(p.found, "MT07 = 2")
        XCTAssertEqual(p.expected?.vi, "= quy_truoc(MT07) + quy_truoc(MT08) - quy_truoc(MT09) = 2 + 1 - 0 = 3")
        XCTAssertEqual(o[1].status, .accepted)
    }

    func testTheQuarterBeforeMayComeFromTheStoreAndQ1LooksAtTheYearBefore() {
        let before = stored("13285", .quarter(2023, 4), [StoredValue("MT07", "", 3), StoredValue("MT08", "", 0), StoredValue("MT09", "", 1)])
        XCTAssertEqual(checked([form("2024-Q1", ["MT07,,,,2,"])], stored: [before])[0].problems, [])
        XCTAssertEqual(checked([form("2024-Q1", ["MT07,,,,3,"])], stored: [before])[0].problems.map(\.code), [.ruleViolated])
    }

    func testTheNewestReportOfTheBatchIsTheQuarterBefore() {
        let old = form("2024-Q1", ["MT07,,,,2,", "MT08,,,,0,", "MT09,,,,0,"])
        var corrected = form("2024-Q1", ["MT07,,,,2,", "MT08,,,,1,", "MT09,,,,0,"])
        corrected.path = "b.csv"
        var o = [old, corrected, form("2024-Q2", ["MT07,,,,3,"])]
        CrossReportChecks(catalog: catalog).check(&o, modifiedAt: [1, 2, 3], stored: [])
        XCTAssertEqual(o[2].problems, [], "checked against the corrected Q1, which the store will keep")
    }

    /// In a run the checks go on while the batch is stored: their warnings must still be
    /// stored with the file's own problems, after them, and be in the run's outcomes.
    func testARunStoresTheWarningsFoundWhileItStores() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("tonghop-test-\(UUID().uuidString)")
        let ws = Workspace(home: home, templates: Fixtures.templates)
        try FileManager.default.createDirectory(at: ws.inputs, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: home) }
        try Data(Fixtures.communeForm(period: "2024-Q1", rows: ["MT07,,,,2,", "MT08,,,,1,", "MT09,,,,0,"]).utf8)
            .write(to: ws.inputs.appendingPathComponent("q1.csv"))
        try Data(Fixtures.communeForm(period: "2024-Q2", rows: ["MT07,,,,2,", "TT02,,,,12.000,"]).utf8)
            .write(to: ws.inputs.appendingPathComponent("q2.csv"))
        let pipeline = try ReportingPipeline(workspace: ws, today: Fixtures.today)
        let store = try Store(path: ws.store.path)
        let summary = try pipeline.ingest(into: store, runId: try store.beginRun(command: "rollup"))
        let q2 = try XCTUnwrap(summary.filesRead.first { $0.path == "q2.csv" })
        XCTAssertEqual(q2.problems.map(\.code), [.ambiguousNumber, .ruleViolated], "the file's own notice, then the check's warning")
        let stored = try store.problems(periods: [.quarter(2024, 2)]).filter { $0.file == "q2.csv" }
        XCTAssertEqual(Set(stored.map(\.code)), [.ambiguousNumber, .ruleViolated])
        XCTAssertEqual(stored.first { $0.code == .ruleViolated }?.line, 6)
    }

    // MARK: Outliers

    func history(_ code: String, _ values: [Double]) -> [Submission] {
        zip((1...4).map { Period.quarter(2023, $0) }, values).map { stored("13285", $0, [StoredValue(code, "", $1)]) }
    }

    func testAValueFarAboveTheUnitsLastFourQuartersIsSaidWithHowFar() {
        let o = checked([form("2024-Q1", ["TT02,,,,600,"])], stored: history("TT02", [40, 50, 45, 60]))
        XCTAssertEqual(o[0].problems.map(\.code), [.outlier])
        let p = o[0].problems[0]
        XCTAssertEqual(p.severity, .warning)
        XCTAssertEqual(p.found, "600")
        XCTAssertEqual(p.line, 6)
        XCTAssertEqual(p.column, 5)
        XCTAssertEqual(p.detail?.vi, "Chỉ tiêu TT02 là 600, gấp 12,3 lần trung bình 4 quý trước: 48,8 (2023-Q4: 60, 2023-Q3: 45, 2023-Q2: 50, 2023-Q1: 40)")
        XCTAssertTrue(Messages.render(p, .en).contains("12.3 times the average of the 4 quarters before: 48.8"), Messages.render(p, .en))
    }

    func testNoOutlierWithoutAFullYearOfHistoryOrForSmallCounts() {
        XCTAssertEqual(checked([form("2024-Q1", ["TT02,,,,170,"])], stored: history("TT02", [40, 50, 45, 60]))[0].problems, [],
                       "under three times the largest")
        XCTAssertEqual(checked([form("2024-Q1", ["TT02,,,,600,"])], stored: Array(history("TT02", [40, 50, 45, 60]).dropFirst()))[0].problems, [],
                       "three quarters are not a history")
        XCTAssertEqual(checked([form("2024-Q1", ["NN03,,,,4,"])], stored: history("NN03", [1, 0, 1, 1]))[0].problems, [],
                       "1 → 4 is within the margin of 10")
        XCTAssertEqual(checked([form("2024-Q1", ["NN03,,,,12,"])], stored: history("NN03", [0, 0, 0, 0]))[0].problems.first?.detail?.vi,
                       "Chỉ tiêu NN03 là 12, trong khi 4 quý trước đều là 0 (2023-Q4: 0, 2023-Q3: 0, 2023-Q2: 0, 2023-Q1: 0)")
    }

    // MARK: Reconciliation

    var communesOf347: [TonghopBase.Unit] { Fixtures.registry2024.children(of: "347") }

    func communeReports(_ nn01: Double, leavingOut: Int = 0) -> [Submission] {
        communesOf347.dropFirst(leavingOut).map { stored($0.code, .quarter(2024, 1), [StoredValue("NN01", "", nn01), StoredValue("TT01", "", 1)]) }
    }

    func testADistrictsReconciliationFigureIsComparedWithItsCommunesAndNeverStored() {
        let count = communesOf347.count
        let district = form("2024-Q1", unit: "347", form: "HUYEN", ["MT01,,,,3,", "NN01,,,,\(2 * count + 5),"])
        XCTAssertEqual(district.problems, [])
        XCTAssertEqual(district.submissions.first?.values, [StoredValue("MT01", "", 3)], "a reconciliation figure is not stored")
        XCTAssertEqual(district.submissions.first?.reconciliation, [StoredValue("NN01", "", Double(2 * count + 5))])

        let o = checked([district], stored: communeReports(2))
        XCTAssertEqual(o[0].problems.map(\.code), [.reconciliationMismatch])
        XCTAssertEqual(o[0].problems[0].detail?.vi,
                       "Số của huyện cho chỉ tiêu NN01 là \(2 * count + 5), tổng của \(count) xã là \(2 * count): chênh 5")
        XCTAssertEqual(o[0].problems[0].line, 7)

        let rollup = Rollup(period: .quarter(2024, 1), registry: Fixtures.registry2024, catalog: catalog,
                            submissions: communeReports(2) + o[0].submissions)
        XCTAssertEqual(rollup.total("347").figures.value(catalog.indicator("NN01")!), Double(2 * count),
                       "the district's figure is a check, not a second addend")
    }

    func testReconciliationNeedsEveryCommuneAndIsSilentWhenItAgrees() {
        let count = communesOf347.count
        let district = form("2024-Q1", unit: "347", form: "HUYEN", ["MT01,,,,3,", "NN01,,,,\(2 * count),"])
        XCTAssertEqual(checked([district], stored: communeReports(2))[0].problems, [])
        let off = form("2024-Q1", unit: "347", form: "HUYEN", ["MT01,,,,3,", "NN01,,,,999,"])
        XCTAssertEqual(checked([off], stored: communeReports(2, leavingOut: 1))[0].problems, [], "a partial sum proves nothing")
    }

    func testTheStoreHandsOverOnlyTheUnitsAndPeriodsAsked() throws {
        let (store, _) = try Fixtures.temporaryStore()
        let run = try store.beginRun(command: "test")
        let files = [form("2023-Q4", ["MT07,,,,1,"]), form("2023-Q4", unit: "13291", ["MT07,,,,2,"]), form("2023-Q3", ["MT07,,,,1,"])]
        _ = try store.store(files.map { Store.IncomingFile(outcome: $0, size: 1, modifiedAt: 1, sha256: "x") }, runId: run)
        let needs = CrossReportChecks.needs([form("2024-Q1", ["MT07,,,,1,"]).submissions], catalog: catalog)
        XCTAssertEqual(needs.periods, [.quarter(2023, 1), .quarter(2023, 2), .quarter(2023, 3), .quarter(2023, 4)])
        let got = try store.activeSubmissions(periods: needs.periods, units: needs.units)
        XCTAssertEqual(got.map { "\($0.unitCode) \($0.period)" }, ["13285 2023-Q3", "13285 2023-Q4"])
    }
}
