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

final class PeriodTests: XCTestCase {
    func testCanonicalCodesRoundTrip() {
        for code in ["2024", "2024-H1", "2024-H2", "2024-Q1", "2024-Q4", "2024-06"] {
            XCTAssertEqual(Period.parse(code)?.code, code, "\(code) must read back as itself")
        }
    }

    func testOfficersWritingsAreRead() {
        let cases: [(String, String)] = [
            ("Quý II/2024", "2024-Q2"), ("Quý 2 năm 2024", "2024-Q2"), ("Q2-2024", "2024-Q2"), ("quý iv/2023", "2023-Q4"),
            ("6 tháng đầu năm 2024", "2024-H1"), ("6 tháng cuối năm 2024", "2024-H2"), ("Năm 2024", "2024"),
            ("Tháng 6/2024", "2024-06"), ("2024Q2", "2024-Q2"), ("2024S1", "2024-H1"), ("202406", "2024-06"),
            ("Quy II/2024", "2024-Q2"),
        ]
        for (text, code) in cases { XCTAssertEqual(Period.parse(text)?.code, code, "\"\(text)\" is \(code)") }
    }

    func testNonsenseIsNotAPeriod() {
        for text in ["", "Quý V/2024", "2024-Q5", "H3 2024", "tháng 13/2024", "abc", "2024-13"] {
            XCTAssertNil(Period.parse(text), "\"\(text)\" is no period")
        }
    }

    func testYearIsComposedOfHalvesAndHalvesOfQuarters() {
        XCTAssertEqual(Period.year(2024).subperiods, [.half(2024, 1), .half(2024, 2)])
        XCTAssertEqual(Period.half(2024, 2).subperiods, [.quarter(2024, 3), .quarter(2024, 4)])
        XCTAssertEqual(Period.quarter(2024, 3).subperiods, [])
        XCTAssertEqual(Period.year(2024).family.count, 7, "a year, two halves, four quarters")
    }

    func testOrderPutsFinerPeriodsFirstWhenTheyEndTogether() {
        let sorted: [Period] = [.year(2024), .half(2024, 1), .quarter(2024, 2), .quarter(2024, 1)].sorted()
        XCTAssertEqual(sorted.map(\.code), ["2024-Q1", "2024-Q2", "2024-H1", "2024"])
    }

    func testDecree09WindowCutsOffOnThe14th() {
        XCTAssertEqual(ReportingWindow.decree09.sentence(.half(2024, 1)), "Số liệu từ ngày 15/12/2023 đến ngày 14/6/2024")
        XCTAssertEqual(ReportingWindow.decree09.sentence(.year(2024)), "Số liệu từ ngày 15/12/2023 đến ngày 14/12/2024")
        XCTAssertEqual(ReportingWindow.decree09.sentence(.quarter(2024, 3)), "Số liệu từ ngày 15/6/2024 đến ngày 14/9/2024")
        XCTAssertEqual(ReportingWindow.calendar.sentence(.half(2024, 1)), "Số liệu từ ngày 1/1/2024 đến ngày 30/6/2024")
    }

    func testRegistryIsChosenByThePeriodsLastDay() {
        let registries = Fixtures.catalog.registries
        XCTAssertEqual(registries.registry(for: .half(2025, 1))?.id, "2024", "H1 2025 closes before the reform")
        XCTAssertEqual(registries.registry(for: .quarter(2025, 3))?.id, "2025")
        XCTAssertEqual(registries.registry(for: .year(2025))?.id, "2025")
    }
}
