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

    /// Numbers are written digit by digit; they must read exactly as `%.6f` without its
    /// trailing zeros (whole numbers without a point), as the store and exports always wrote them.
    func testNumbersAreWrittenAsSixDecimalsWithoutTrailingZeros() {
        func reference(_ v: Double) -> String {
            let rounded = (v * 1_000_000).rounded() / 1_000_000
            if rounded.rounded() == rounded && abs(rounded) < 1e15 { return String(Int64(rounded)) }
            var s = String(format: "%.6f", rounded)
            while s.hasSuffix("0") { s.removeLast() }
            return s
        }
        var generator = SystemRandomNumberGenerator()
        var values: [Double] = [0, -0.0, 1, 12.25, 9.559999999999999, 0.000001, 0.0000004, 0.0000006, 1e-7, 123456.789012,
                                999_999_999.999999, 1e9 + 0.5, 4.5e12 + 0.25, -3.5, -0.125, 2_500_000, 1e15, 1.5e15 + 0.5]
        for _ in 0..<20_000 {
            let magnitude = Double.random(in: 0...12, using: &generator)
            values.append(Double.random(in: 0...1, using: &generator) * pow(10, magnitude))
            values.append(Double(Int.random(in: 0...100_000_000, using: &generator)) / [1, 10, 100, 1000, 1_000_000][Int.random(in: 0...4, using: &generator)])
        }
        for v in values { XCTAssertEqual(DecimalText.text(v), reference(v), "\(v)") }
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
