import XCTest
@testable import TonghopCore

/// The 2025 reform: a period is composed on the map in force at its end, earlier reports are
/// translated through the crosswalk, and comparisons map old units onto new ones.
final class ReformTests: XCTestCase {
    let catalog = Fixtures.catalog
    var old: Registry { catalog.registries.registry(for: .half(2025, 1))! }
    var new: Registry { catalog.registries.registry(for: .year(2025))! }

    func testTranslationFollowsTheCrosswalk() throws {
        let t = try XCTUnwrap(RegistryTranslation(from: old, to: new))
        let link = try XCTUnwrap(new.crosswalkFromPrevious?.newCommunes(of: "13285").first)
        XCTAssertEqual(t.target(of: "13285")?.code, link.newCode, "a commune goes to the commune it became")
        XCTAssertEqual(t.target(of: "347")?.code, "37-HUYEN", "a district's own figures go to the former districts of the new province")
        XCTAssertEqual(t.target(of: "35-CA")?.code, "37-CA", "Hà Nam's police is now Ninh Bình's")
        XCTAssertEqual(t.target(of: "35")?.code, "37")
        XCTAssertEqual(t.target(of: "00007")?.approximate, true, "00007 was split between two new communes")
    }

    func testYear2025ComposesTheOldFirstHalfOntoTheNewUnits() throws {
        let newCommune = try XCTUnwrap(new.crosswalkFromPrevious?.newCommunes(of: "13285").first?.newCode)
        let r = Rollup(period: .year(2025), registry: new, catalog: catalog, submissions: [
            Fixtures.submission("13285", .quarter(2025, 1), [StoredValue("TT01", "", 2)]),
            Fixtures.submission("13285", .quarter(2025, 2), [StoredValue("TT01", "", 3)]),
            Fixtures.submission(newCommune, .quarter(2025, 3), [StoredValue("TT01", "", 4)]),
            Fixtures.submission(newCommune, .quarter(2025, 4), [StoredValue("TT01", "", 5)]),
            Fixtures.submission("347", .quarter(2025, 1), form: "HUYEN", [StoredValue("TT01", "", 10)]),
        ])
        let tt01 = catalog.indicator("TT01")!
        XCTAssertEqual(r.own[newCommune]?.coverage, .complete, "the old commune's halves and the new commune's make a whole year")
        XCTAssertEqual(r.total(newCommune).figures.value(tt01), 14)
        XCTAssertEqual(r.total("37").figures.value(tt01), 24, "the old district's figures reach the new province")
    }

    func testPreviousYearOfANewProvinceSumsTheOldOnes() throws {
        let previous = Rollup(period: .year(2024), registry: old, catalog: catalog, submissions: [
            Fixtures.submission("13285", .year(2024), [StoredValue("TT01", "", 2)]),
            Fixtures.submission("36-CA", .year(2024), form: "CA", [StoredValue("TT01", "", 3)]),
            Fixtures.submission("38-CA", .year(2024), form: "CA", [StoredValue("TT01", "", 100)]),
        ])
        let current = Rollup(period: .year(2025), registry: new, catalog: catalog, submissions: [])
        let comparison = PreviousYear(current: current, previous: previous)
        XCTAssertTrue(comparison.acrossReform)
        XCTAssertEqual(comparison.figures(of: "37")?.figures.value(catalog.indicator("TT01")!), 5, "Hà Nam and Nam Định went into Ninh Bình")
        XCTAssertEqual(comparison.figures(of: "38")?.figures.value(catalog.indicator("TT01")!), 100)
    }
}
