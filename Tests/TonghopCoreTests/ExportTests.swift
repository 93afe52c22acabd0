import XCTest
@testable import TonghopCore

final class ExportTests: XCTestCase {
    let q1 = Period.quarter(2024, 1)

    func testExportListsTheScopeAndItsChildrenWithPartsTotalsAndAnswerCounts() {
        let r = Rollup(period: q1, registry: Fixtures.registry2024, catalog: Fixtures.catalog, submissions: [
            Fixtures.submission("13285", q1, [StoredValue("NN01", "duoi_18", 1), StoredValue("NN01", "18_30", 2), StoredValue("XA02", "co", 1)]),
            Fixtures.submission("35-HQ", q1, form: "HQ", [StoredValue("MT01P", "", 3)]),
        ])
        let lines = LongExport.csv(scope: "35", rollup: r).split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, "ma_don_vi,ky_bao_cao,ma_chi_tieu,phan_to,gia_tri")
        XCTAssertTrue(lines.contains("35,2024-Q1,NN01,,3"), "the total of a disaggregated indicator has an empty phan_to")
        XCTAssertTrue(lines.contains("35,2024-Q1,NN01,duoi_18,1"))
        XCTAssertTrue(lines.contains("35,2024-Q1,XA02,co,1"))
        XCTAssertTrue(lines.contains("35,2024-Q1,XA02,khong,0"), "every answer is counted, zero included")
        XCTAssertTrue(lines.contains("347,2024-Q1,NN01,,3"), "children of the scope are listed")
        XCTAssertTrue(lines.contains("35-HQ,2024-Q1,MT01P,,3"))
        XCTAssertFalse(lines.contains { $0.hasPrefix("35,2024-Q1,MT01P") }, "coordinated cases are not summed into the province")
        XCTAssertFalse(lines.contains { $0.hasPrefix("13285,") }, "grandchildren are not listed")
    }

    func testExportedProvinceReingestsAsItsCompiledReport() throws {
        let source = Rollup(period: q1, registry: Fixtures.registry2024, catalog: Fixtures.catalog, submissions: [
            Fixtures.submission("13285", q1, [StoredValue("NN01", "duoi_18", 1), StoredValue("XA01", "co_ma_tuy", 1), StoredValue("MT10", "", 1.25)]),
            Fixtures.submission("13291", q1, [StoredValue("NN01", "18_30", 4), StoredValue("XA01", "khong_ma_tuy", 1)]),
            Fixtures.submission("347", q1, form: "HUYEN", [StoredValue("TT01", "", 7)]),
            Fixtures.submission("35-CA", q1, form: "CA", [StoredValue("TT01", "", 2)]),
        ])
        let csv = LongExport.csv(scope: "35", rollup: source)
        let read = Fixtures.read(csv, path: "35.csv")
        XCTAssertEqual(read.status, .accepted, "\(read.problems)")
        XCTAssertTrue(read.submissions.allSatisfy(\.isCompiled))
        let national = Rollup(period: q1, registry: Fixtures.registry2024, catalog: Fixtures.catalog, submissions: read.submissions)
        XCTAssertEqual(national.total("VN").figures, source.total("VN").figures, "the national figures are the same either way")
    }
}

final class CSVFieldTests: XCTestCase {
    func testFormulaLikeTextIsNeutralisedAndQuotedWhenNeeded() {
        XCTAssertEqual(CSVField.text("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"")
        XCTAssertEqual(CSVField.text("+1"), "'+1")
        XCTAssertEqual(CSVField.text("-2"), "'-2")
        XCTAssertEqual(CSVField.text("@SUM(A1)"), "'@SUM(A1)")
        XCTAssertEqual(CSVField.text("\tx"), "'\tx")
        XCTAssertEqual(CSVField.text("35-CA"), "35-CA", "a hyphen inside is harmless")
        XCTAssertEqual(CSVField.text("Tỉnh, Hà Nam"), "\"Tỉnh, Hà Nam\"")
        XCTAssertEqual(CSVField.text(""), "")
    }
}
