import XCTest
import HummingbirdTesting
import TonghopBase
import TonghopPipeline
@testable import TonghopPortal
import TonghopTestSupport

/// The reports page's charts draw the units below that have a figure of the indicator, say how
/// many have none, and give the unit's own total; every name stays readable.
final class ChartTests: XCTestCase {
    /// The charts of a page, by title: the card's text and its SVG.
    private static func charts(_ page: String) -> [String: (card: String, svg: String?)] {
        var found: [String: (String, String?)] = [:]
        for card in page.components(separatedBy: "<section class=\"card\"><h2>").dropFirst() {
            let body = card.components(separatedBy: "</section>")[0]
            let title = body.components(separatedBy: "</h2>")[0]
            let svg = body.range(of: "<svg").map { String(body[$0.lowerBound...]).components(separatedBy: "</svg>")[0] }
            found[title] = (body, svg)
        }
        return found
    }

    func testAPostReformProvincesDrugCasesAreChartedByItsDepartments() async throws {
        try await PortalFixture.test { app in
            try app.rollUp(["2025/37-ninh-binh/2025-Q4"], periods: [.quarter(2025, 4)])
            let nation = try await app.signedIn("qt-vn")
            let page = try await nation.get("/bao-cao?ky=2025-Q4&don-vi=37")
            XCTAssertEqual(page.status, .ok)
            let all = Self.charts(page.text)
            let cases = try XCTUnwrap(all["Số vụ phạm tội về ma túy phát hiện, bắt giữ (vụ)"], "the drug cases' chart: \(all.keys)")
            let svg = try XCTUnwrap(cases.svg, "drawn: the departments have figures")
            XCTAssertTrue(svg.contains(">Công an tỉnh</text>"), "the police, who report the cases, have a bar")
            XCTAssertFalse(svg.contains("Phường") || svg.contains(">Xã "), "no commune reports drug cases: none is drawn")
            XCTAssertLessThan(svg.count, 10_000, "a few bars, not 139 rows of dashes")

            let rollup = try ReportingPipeline(workspace: app.workspace, today: Fixtures.today).rollup(.quarter(2025, 4), store: app.store())
            let total = try XCTUnwrap(rollup.total("37").figures.value(XCTUnwrap(Fixtures.catalog.indicator("MT01"))))
            XCTAssertTrue(cases.card.contains("Tổng của Tỉnh Ninh Bình: \(Display.number(total)) vụ"), "the province's figure is given: \(cases.card)")
            XCTAssertTrue(cases.card.contains("Chỉ tiêu này do các sở, ngành báo cáo"), "and who reports it")
            XCTAssertFalse(cases.card.contains("đơn vị không có số liệu của chỉ tiêu này"),
                           "a commune's form has no drug cases, and every department owing them sent them: nobody is missing")

            let addicts = try XCTUnwrap(all["Số người nghiện ma túy có hồ sơ quản lý (người)"]?.svg, "the addicts' chart: \(all.keys)")
            XCTAssertTrue(addicts.contains("Phường") || addicts.contains(">Xã "), "the communes that report addicts are drawn")
        }
    }

    /// Each drawn unit's two values as the chart writes them (this period, last year's).
    private static func valuePairs(_ svg: String) -> [(String, String)] {
        let values = svg.components(separatedBy: "fill=\"#5b6b76\">").dropFirst().map { $0.components(separatedBy: "</text>")[0] }
        return stride(from: 0, to: values.count - 1, by: 2).map { (values[$0], values[$0 + 1]) }
    }

    func testABarOfNoFigureInEitherPeriodIsNotDrawn() async throws {
        try await PortalFixture.test { app in
            try app.rollUp(["2025/37-ninh-binh/2025-Q4"], periods: [.quarter(2025, 4)])
            let nation = try await app.signedIn("qt-vn")
            let district = try await app.signedIn("huyen-347")
            for (browser, uri) in [(nation, "/bao-cao?ky=2025-Q4&don-vi=37"), (district, "/bao-cao?ky=2024-Q1&don-vi=347")] {
                let page = try await browser.get(uri)
                for (title, chart) in Self.charts(page.text) {
                    guard let svg = chart.svg else { continue }
                    let pairs = Self.valuePairs(svg)
                    XCTAssertFalse(pairs.isEmpty, "\(uri) \(title): some bars")
                    XCTAssertFalse(pairs.contains { $0 == ("—", "—") }, "\(uri) \(title): no unit without a figure in both periods")
                }
            }
        }
    }

    func testALongNameIsCutAtItsEndWithTheWholeInATooltip() {
        let long = "Phường Nguyễn Uý Nguyễn Văn Trỗi Hoàng Hoa Thám Lê Hồng Phong"
        let chart = BarChart(title: "T", currentName: "Quý I năm 2024", previousName: "Quý I năm 2023",
                             bars: [.init(label: "Phường Nguyễn Uý", current: 3, previous: 2), .init(label: long, current: 1, previous: nil)])
        let svg = chart.svg
        XCTAssertTrue(svg.contains(">Phường Nguyễn Uý</text>"), "a name that fits is whole")
        let cut = BarChart.fitted(long)
        XCTAssertTrue(cut.hasPrefix("Phường Nguyễn Uý") && cut.hasSuffix("…"), "cut at its end, never its start: \(cut)")
        XCTAssertLessThanOrEqual(BarChart.labelPixels(cut), BarChart.longestLabel)
        XCTAssertTrue(svg.contains("<g><title>\(long)</title>"), "the whole name in a tooltip")
        // The bars start right of the longest label: nothing of a name is drawn left of 0.
        let barX = try? XCTUnwrap(svg.components(separatedBy: "<rect x=\"").dropFirst(2).first?.components(separatedBy: "\"").first.flatMap(Double.init))
        XCTAssertGreaterThanOrEqual(barX ?? 0, BarChart.labelPixels(cut) + 8, "the label column holds the longest label")
    }
}
