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

final class SubmissionHistoryTests: XCTestCase {
    func incoming(_ path: String, _ text: String, modified: Double) -> Store.IncomingFile {
        Store.IncomingFile(outcome: Fixtures.read(text, path: path), size: Int64(text.utf8.count), modifiedAt: modified,
                           sha256: SHA256.hex(Array(text.utf8)))
    }

    func testVersionsAreChainedPerReportWithTheirState() throws {
        let (store, _) = try Fixtures.temporaryStore()
        _ = try store.store([incoming("a.csv", Fixtures.communeForm(rows: ["TT01,,,,1,"]), modified: 1),
                             incoming("q2.csv", Fixtures.communeForm(period: "2024-Q2", rows: ["TT01,,,,7,"]), modified: 1)],
                            runId: try store.beginRun(command: "1"))
        _ = try store.store([incoming("b.csv", Fixtures.communeForm(rows: ["TT01,,,,2,", "MT09,,,,4,"]), modified: 2)],
                            runId: try store.beginRun(command: "2"))
        // q2.csv sent again, now holding Q3: its Q2 report is withdrawn, nothing replaces it.
        _ = try store.store([incoming("q2.csv", Fixtures.communeForm(period: "2024-Q3", rows: ["TT01,,,,8,"]), modified: 3)],
                            runId: try store.beginRun(command: "3"))

        let history = SubmissionHistory(unitCode: "13285", versions: try store.submissionVersions(unit: "13285"))
        XCTAssertEqual(history.reports.map(\.period.code), ["2024-Q1", "2024-Q2", "2024-Q3"], "in period order")
        let q1 = history.reports[0].versions
        XCTAssertEqual(q1.map(\.number), [1, 2])
        XCTAssertEqual(q1[0].state, .superseded(byVersion: 2, file: "b.csv"))
        XCTAssertEqual(q1[1].state, .active)
        XCTAssertEqual(q1[1].changes, [.changed(indicator: "TT01", category: "", from: 1, to: 2), .added(indicator: "MT09", category: "", value: 4)])
        XCTAssertEqual(history.reports[1].versions.map(\.state), [.withdrawn])
        XCTAssertEqual(q1[0].stored.file, "a.csv")
        XCTAssertEqual(q1[0].stored.values, [StoredValue("TT01", "", 1)], "the old version's values are kept")

        let onlyQ1 = try store.submissionVersions(unit: "13285", periods: [.quarter(2024, 1)])
        XCTAssertEqual(onlyQ1.count, 2)
        XCTAssertEqual(LongExport.csv(version: onlyQ1[0]), "ma_don_vi,ky_bao_cao,ma_chi_tieu,phan_to,gia_tri\n13285,2024-Q1,TT01,,1\n")
    }
}
