import Foundation
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

/// `tonghop export --format adx|dhis2-json|dhis2-csv`: the long layout's figures in DHIS2's
/// formats, checked against the long CSV read another way, and against text written by hand.
final class DHIS2ExportTests: XCTestCase {
    let h1 = Period.half(2024, 1)

    /// Hà Nam's first half from two communes and the police; 13291 gives NN01's total alone
    /// unless `totalOnly` is false (it then gives no NN01).
    func rollup(catalog: Catalog = Fixtures.catalog, totalOnly: Bool = true) -> Rollup {
        let q1 = Period.quarter(2024, 1), q2 = Period.quarter(2024, 2)
        return Rollup(period: h1, registry: Fixtures.registry2024, catalog: catalog, submissions: [
            Fixtures.submission("13285", q1, [StoredValue("NN01", "duoi_18", 1), StoredValue("NN01", "18_30", 2), StoredValue("XA02", "co", 1)]),
            Fixtures.submission("13285", q2, [StoredValue("NN01", "duoi_18", 2), StoredValue("NN01", "18_30", 2), StoredValue("XA02", "co", 1)]),
            Fixtures.submission("13291", q1, [StoredValue("TT01", "", 3)]),
            Fixtures.submission("13291", q2, [StoredValue("TT01", "", 4)] + (totalOnly ? [StoredValue("NN01", "", 5)] : [])),
            Fixtures.submission("35-CA", q1, form: "CA", [StoredValue("MT05", "", 1.25)]),
            Fixtures.submission("35-CA", q2, form: "CA", [StoredValue("MT05", "", 0.5)]),
        ])
    }

    func testPeriodsAsDHIS2AndADXNameThem() {
        let table: [(Period, String, String)] = [
            (.quarter(2024, 1), "2024Q1", "2024-01-01/P3M"), (.quarter(2024, 4), "2024Q4", "2024-10-01/P3M"),
            (.half(2024, 1), "2024S1", "2024-01-01/P6M"), (.half(2024, 2), "2024S2", "2024-07-01/P6M"),
            (.year(2024), "2024", "2024-01-01/P1Y"), (.month(2024, 6), "202406", "2024-06-01/P1M"),
        ]
        for (period, dhis2, adx) in table {
            XCTAssertEqual(period.dhis2Code, dhis2)
            XCTAssertEqual(period.adxCode, adx)
            XCTAssertEqual(Period.parse(dhis2), period, "\(dhis2) reads back")
            XCTAssertEqual(Period.adx(adx), period, "\(adx) reads back")
        }
        XCTAssertEqual(Period.adx("2024-01-01/P12M"), .year(2024))
        for text in ["2024-02-01/P3M", "2024-04-01/P6M", "2024-01-15/P1M", "2024-01-01/P1W", "2024-01-01", "2024Q1"] {
            XCTAssertNil(Period.adx(text), text)
        }
    }

    func testADXWrittenByHand() {
        let r = rollup()
        let adx = DHIS2Export.adx(scope: "347", rollup: r)
        XCTAssertEqual(adx, """
            <?xml version="1.0" encoding="UTF-8"?>
            <adx xmlns="urn:ihe:qrph:adx:2015" exported="2024-06-14T12:00:00Z">
              <group orgUnit="347" period="2024-01-01/P6M" dataSet="TONGHOP">
                <dataValue dataElement="NN01" value="9"/>
                <dataValue dataElement="XA02" PHAN_TO="co" value="1"/>
                <dataValue dataElement="XA02" PHAN_TO="khong" value="0"/>
                <dataValue dataElement="TT01" value="7"/>
              </group>
              <group orgUnit="13285" period="2024-01-01/P6M" dataSet="TONGHOP">
                <dataValue dataElement="NN01" value="4"/>
                <dataValue dataElement="NN01" PHAN_TO="duoi_18" value="2"/>
                <dataValue dataElement="NN01" PHAN_TO="18_30" value="2"/>
                <dataValue dataElement="XA02" PHAN_TO="co" value="1"/>
                <dataValue dataElement="XA02" PHAN_TO="khong" value="0"/>
              </group>
              <group orgUnit="13291" period="2024-01-01/P6M" dataSet="TONGHOP">
                <dataValue dataElement="NN01" value="5"/>
                <dataValue dataElement="TT01" value="7"/>
              </group>
            </adx>

            """, "NN01 is a stock: Q2's; its parts at 347 are left out, 13291 gave only the total; the exported stamp is H1's document date")
        XCTAssertEqual(DHIS2Export.adx(scope: "347", rollup: rollup()), adx, "the same store, the same bytes")
    }

    /// The JSON and the CSV hold the long layout's figures, row for row: each parsed here (with
    /// JSONSerialization, a CSV split) and compared with the long CSV's lines.
    func testDataValueSetsHoldTheLongLayoutsFigures() throws {
        let r = rollup()
        let long = LongExport.csv(scope: "35", rollup: r).split(separator: "\n").dropFirst().map { line -> String in
            let f = line.split(separator: ",", omittingEmptySubsequences: false)
            return [f[0], "2024S1", f[2], f[3], f[4]].joined(separator: "|")
        }
        XCTAssertGreaterThan(long.count, 5)

        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(DHIS2Export.json(scope: "35", rollup: r).utf8)) as? [String: Any])
        XCTAssertEqual(json["dataSet"] as? String, "TONGHOP")
        XCTAssertEqual(json["period"] as? String, "2024S1")
        let values = try XCTUnwrap(json["dataValues"] as? [[String: String]])
        XCTAssertEqual(values.map { v in
            [v["orgUnit"]!, v["period"]!, v["dataElement"]!, v["categoryOptionCombo"] ?? "", v["value"]!].joined(separator: "|")
        }, long)
        XCTAssertTrue(values.allSatisfy { $0["storedBy"] == "tonghop" && $0["lastUpdated"] == "2024-06-14T12:00:00Z" })

        let csv = DHIS2Export.csv(scope: "35", rollup: r).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        XCTAssertEqual(csv[0].joined(separator: ","), "dataelement,period,orgunit,catoptcombo,attroptcombo,value,storedby,lastupdated,comment,followup")
        XCTAssertEqual(csv.dropFirst().map { [$0[2], $0[1], $0[0], $0[3], $0[5]].joined(separator: "|") }, long)
        XCTAssertTrue(csv.dropFirst().allSatisfy { $0.count == 10 && $0[4].isEmpty && $0[9] == "false" })
        XCTAssertTrue(long.contains("35-CA|2024S1|MT05||1.75"), "decimals as the long layout writes them")
    }

    /// Identifiers through dhis2.csv, text escaped for XML, JSON and CSV.
    func testMappedIdentifiersAndEscaping() throws {
        let catalog = try DHIS2Fixtures.catalog(mapping: DHIS2Fixtures.uids + "\ndon_vi,347,\"a&b<\"\"c'\\,=1\"\n")
        let r = rollup(catalog: catalog, totalOnly: false)
        let adx = DHIS2Export.adx(scope: "35", rollup: r)
        XCTAssertTrue(adx.contains("<group orgUnit=\"a&amp;b&lt;&quot;c&apos;\\,=1\" period=\"2024-01-01/P6M\" dataSet=\"BfMAe6Itzgt\">"), adx)
        XCTAssertTrue(adx.contains("<dataValue dataElement=\"fbfJHSPpUQD\" NHOM_TUOI=\"Gmbgme7z9BF\" value=\"2\"/>"), adx)
        XCTAssertTrue(adx.contains("<dataValue dataElement=\"fbfJHSPpUQD\" value=\"4\"/>"), "the total: no attribute in ADX")
        let json = DHIS2Export.json(scope: "35", rollup: r)
        XCTAssertTrue(json.contains("{\"dataElement\": \"fbfJHSPpUQD\", \"period\": \"2024S1\", \"orgUnit\": \"a&b<\\\"c'\\\\,=1\", \"categoryOptionCombo\": \"HllvX50cXC0\", \"value\": \"4\""),
                      "the total carries the instance's default combo when dhis2.csv names it: \(json)")
        XCTAssertNotNil(try JSONSerialization.jsonObject(with: Data(json.utf8)))
        let csv = DHIS2Export.csv(scope: "35", rollup: r)
        XCTAssertTrue(csv.contains("fbfJHSPpUQD,2024S1,\"a&b<\"\"c'\\,=1\",Gmbgme7z9BF,,2,"), csv)
        // Each read back through the same dhis2.csv gives the long layout's figures, read by
        // the default catalog from tonghop's own codes.
        func figures(_ s: [Submission]) -> Set<String> {
            Set(s.flatMap { s in s.values.map { "\(s.unitCode)|\($0.indicator)|\($0.category)|\($0.value)" } })
        }
        let expected = figures(Fixtures.read(LongExport.csv(scope: "35", rollup: r), path: "35.csv").submissions)
        XCTAssertEqual(expected.count, 14, "\(expected.sorted())")
        for (text, path) in [(adx, "a.xml"), (json, "a.json"), (csv, "a.csv")] {
            let read = FileIntake.read(Array(text.utf8), path: path, catalog: catalog, today: Fixtures.today)
            XCTAssertEqual(read.status, .accepted, "\(path): \(read.problems.map { Messages.render($0) })")
            XCTAssertEqual(figures(read.submissions), expected, path)
        }
    }
}
