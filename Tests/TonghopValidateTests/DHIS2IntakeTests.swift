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

/// DHIS2's exchange formats in `inputs/`: told from their content, translated through
/// `dhis2.csv`, validated as the long layout is, every message pointing at its record.
final class DHIS2IntakeTests: XCTestCase {
    func read(_ text: String, path: String, catalog: Catalog = Fixtures.catalog) -> FileOutcome {
        FileIntake.read(Array(text.utf8), path: path, catalog: catalog, today: Fixtures.today)
    }

    func values(_ s: Submission?) -> [String] {
        (s?.values ?? []).map { "\($0.indicator).\($0.category)=\(DecimalText.text($0.value))" }
    }

    static let adx = """
        <?xml version="1.0" encoding="UTF-8"?>
        <adx xmlns="urn:ihe:qrph:adx:2015" exported="2024-03-14T12:00:00Z">
          <group orgUnit="35" period="2024-01-01/P3M" dataSet="TONGHOP">
            <dataValue dataElement="TT01" value="7"/>
            <dataValue dataElement="NN01" PHAN_TO="duoi_18" value="3"/>
            <dataValue dataElement="XA02" PHAN_TO="co" value="2"/>
          </group>
          <group orgUnit="347" period="2024-01-01/P3M" dataSet="TONGHOP">
            <dataValue dataElement="TT01" value="abc"/>
            <dataValue dataElement="TT02" value="5"><annotation>ghi chú</annotation></dataValue>
          </group>
        </adx>
        """

    func testADXSavedAsUTF16ReadsAsItsUTF8Twin() {
        let text = Self.adx.replacingOccurrences(of: "encoding=\"UTF-8\"", with: "encoding=\"UTF-16\"")
        let le: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let be: [UInt8] = [0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        let twin = read(Self.adx, path: "35.xml")
        for bytes in [le, be] {
            let o = FileIntake.read(bytes, path: "35.xml", catalog: Fixtures.catalog, today: Fixtures.today)
            XCTAssertEqual(o.layout, .adx)
            XCTAssertEqual(o.submissions.map { values($0) }, twin.submissions.map { values($0) })
            XCTAssertEqual(o.problems.map(\.code), twin.problems.map(\.code),
                           "UTF-16 with its byte-order mark is what XML allows: no note about the encoding")
        }
    }

    func testADXIsReadAsTheLongLayoutWithEachValuesElementAndLine() {
        let o = read(Self.adx, path: "35.xml")
        XCTAssertEqual(o.layout, .adx)
        XCTAssertEqual(o.status, .partial, "\(o.problems)")
        XCTAssertEqual(o.submissions.map(\.unitCode), ["35", "347"])
        XCTAssertTrue(o.submissions.allSatisfy(\.isCompiled), "a file naming a province is a compiled report")
        XCTAssertEqual(o.submissions.map(\.period), [.quarter(2024, 1), .quarter(2024, 1)])
        XCTAssertEqual(values(o.submissions.first), ["TT01.=7", "NN01.duoi_18=3", "XA02.co=2"])
        XCTAssertEqual(values(o.submissions.last), ["TT02.=5"])
        XCTAssertEqual(o.submissions.map(\.line), [4, 9], "a report starts at its first value's line")
        let p = o.problems[0]
        XCTAssertEqual([p.code], [.notANumber])
        XCTAssertEqual(p.line, 9)
        XCTAssertNil(p.column, "XML has no columns")
        XCTAssertEqual(p.element, "group[2]/dataValue[1]/@value")
        XCTAssertEqual(Messages.location(p, .vi), "dòng 9, mục group[2]/dataValue[1]/@value")
        XCTAssertEqual(Messages.location(p, .en), "line 9, entry group[2]/dataValue[1]/@value")
    }

    func testADXThatIsNotOneOrCannotBeTrustedIsRefused() {
        let doctype = read("<?xml version=\"1.0\"?><!DOCTYPE adx [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><adx xmlns=\"urn:ihe:qrph:adx:2015\">&x;</adx>", path: "a.xml")
        XCTAssertEqual(doctype.problems.map(\.code), [.xmlDocumentType])
        let html = read("<html><body>báo cáo</body></html>", path: "a.xml")
        XCTAssertEqual(html.problems.map(\.code), [.notADX])
        XCTAssertTrue(Messages.render(html.problems[0]).contains("phần tử gốc là <html>"), Messages.render(html.problems[0]))
        let otherNamespace = read("<adx xmlns=\"urn:example\"/>", path: "a.xml")
        XCTAssertEqual(otherNamespace.problems.map(\.code), [.notADX])
        let broken = read("<adx xmlns=\"urn:ihe:qrph:adx:2015\">\n<group orgUnit=\"35\" period=\"2024\" dataSet=\"X\">\n<dataValue", path: "a.xml")
        XCTAssertEqual(broken.problems.map(\.code), [.unreadableXML])
        XCTAssertNotNil(broken.problems[0].line)
    }

    func testADXValuesTonghopCannotTakeCostThemselvesOnly() {
        let o = read("""
            <adx xmlns="urn:ihe:qrph:adx:2015" exported="x">
              <group orgUnit="13285" period="2024-02-01/P3M" dataSet="XA"><dataValue dataElement="TT01" value="1"/></group>
              <group orgUnit="13291" period="2024-04-01/P3M" dataSet="XA">
                <dataValue dataElement="NN01" SEX="F" PHAN_TO="duoi_18" value="1"/>
                <dataValue dataElement="TT01" value="2"/>
              </group>
            </adx>
            """, path: "x.xml")
        XCTAssertEqual(o.submissions.map(\.unitCode), ["13291"])
        XCTAssertEqual(values(o.submissions.first), ["TT01.=2"])
        XCTAssertEqual(o.submissions.first?.form, "XA", "a data set that is a form says which")
        let period = o.problems.first { $0.code == .unknownPeriod }
        XCTAssertEqual(period?.element, "group[1]/@period", "a quarter starting in February is no quarter")
        XCTAssertEqual(period?.found, "2024-02-01/P3M")
        let attribute = o.problems.first { $0.code == .unknownCategoryAttribute }
        XCTAssertEqual(attribute?.element, "group[2]/dataValue[1]/@SEX")
        XCTAssertEqual(attribute?.line, 4)
        XCTAssertEqual(attribute?.expected?.vi, "PHAN_TO")
    }

    static let json = """
        {"dataSet": "TONGHOP", "period": "2024Q1", "orgUnit": "35", "completeDate": "2024-03-20",
         "dataValues": [
          {"dataElement": "TT01", "value": "7", "storedBy": "x", "followup": false},
          {"dataElement": "NN01", "categoryOptionCombo": "duoi_18", "value": 3},
          {"dataElement": "XA02", "categoryOptionCombo": "co", "value": 2.0},
          {"dataElement": "TT02", "orgUnit": "347", "value": "x"},
          {"dataElement": "TT05", "attributeOptionCombo": "abc", "value": "1"},
          {"dataElement": "MT10", "categoryOptionCombo": "default", "value": 1.25, "orgUnit": "347"}
         ]}
        """

    func testDataValueSetsInJSONTakeTheSetsFieldsAndNameTheirEntries() {
        let o = read(Self.json, path: "35.json")
        XCTAssertEqual(o.layout, .dataValueSetJSON)
        XCTAssertEqual(o.submissions.map(\.unitCode), ["35", "347"])
        XCTAssertEqual(values(o.submissions[0]), ["TT01.=7", "NN01.duoi_18=3", "XA02.co=2"], "numbers, strings and the default option combo")
        XCTAssertEqual(values(o.submissions[1]), ["MT10.=1.25"])
        XCTAssertEqual(o.submissions[0].preparedOn, "2024-03-20", "the set's completeDate is the report's date")
        let codes = o.problems.map { "\($0.code.rawValue) \($0.element ?? "-") \($0.line.map(String.init) ?? "-")" }
        XCTAssertEqual(Set(codes), ["notANumber dataValues[3].value -", "attributeOptionComboNotRead dataValues[4].attributeOptionCombo -"])
        XCTAssertEqual(Messages.location(o.problems.first { $0.code == .notANumber }!, .vi), "mục dataValues[3].value")
    }

    func testJSONThatIsNoDataValueSetIsRefused() {
        XCTAssertEqual(read("{\"dataValues\": [", path: "a.json").problems.map(\.code), [.unreadableJSON])
        XCTAssertEqual(read("{\"rows\": []}", path: "a.json").problems.map(\.code), [.notADataValueSet])
        let wrongType = read("{\"dataValues\": [{\"dataElement\": [1]}]}", path: "a.json")
        XCTAssertEqual(wrongType.problems.map(\.code), [.notADataValueSet])
        XCTAssertTrue(Messages.render(wrongType.problems[0]).contains("dataValues[0].dataElement"), Messages.render(wrongType.problems[0]))
        XCTAssertEqual(read("{\"dataValues\": []}", path: "a.json").problems.map(\.code), [.noFigures])
        let array = read("[{\"dataElement\": \"TT01\"}]", path: "a.json")
        XCTAssertEqual(array.problems.map(\.code), [.notADataValueSet])
        XCTAssertTrue(Messages.render(array.problems[0]).contains("tệp không phải một đối tượng JSON có mảng dataValues"), Messages.render(array.problems[0]))
    }

    func testDHIS2YesAndNoAreTonghopsAnswers() {
        let o = read("""
            {"dataValues": [{"dataElement": "XA02", "period": "2024Q1", "orgUnit": "13285", "value": "true"},
                            {"dataElement": "XA03", "period": "2024Q1", "orgUnit": "13285", "value": "false"}]}
            """, path: "x.json")
        XCTAssertEqual(o.status, .accepted, "\(o.problems)")
        XCTAssertEqual(values(o.submissions.first), ["XA02.co=1", "XA03.khong=1"])
        XCTAssertFalse(o.submissions[0].isCompiled)
    }

    func testDHIS2CSVIsToldFromItsHeaderAndKeepsItsLinesAndColumns() {
        let o = read("""
            DataElement,Period,OrgUnit,CatOptCombo,AttrOptCombo,Value,StoredBy,LastUpdated,Comment,FollowUp
            TT01,2024S1,35,,,7,tonghop,2024-06-14T12:00:00Z,,false
            NN01,2024S1,35,duoi_18,,3,tonghop,2024-06-14T12:00:00Z,,false
            TT02,2024S1,35,,,hai,tonghop,2024-06-14T12:00:00Z,,false
            """, path: "35.csv")
        XCTAssertEqual(o.layout, .dataValueSetCSV)
        XCTAssertEqual(o.submissions.first?.period, .half(2024, 1))
        XCTAssertEqual(values(o.submissions.first), ["TT01.=7", "NN01.duoi_18=3"])
        XCTAssertEqual(o.problems.map { "\($0.code.rawValue) \($0.line!) \($0.column!)" }, ["notANumber 4 6"])
        XCTAssertNil(o.problems[0].element)

        let unknown = read("dataelement,period,orgunit,value,nguoi_nhap\nTT01,2024Q1,35,1,x\n", path: "a.csv")
        XCTAssertEqual(unknown.problems.map(\.code), [.unknownColumn])
        XCTAssertEqual(unknown.problems[0].found, "nguoi_nhap")
    }

    /// With `dhis2.csv`, the identifiers of the instance are read back to tonghop's codes.
    func testIdentifiersAreTranslatedThroughTheMapping() throws {
        let catalog = try DHIS2Fixtures.catalog(mapping: DHIS2Fixtures.uids)
        let o = read("""
            {"dataSet": "BfMAe6Itzgt", "period": "2024Q1", "dataValues": [
              {"dataElement": "fbfJHSPpUQD", "orgUnit": "ImspTQPwCqd", "categoryOptionCombo": "Gmbgme7z9BF", "value": "4"},
              {"dataElement": "fbfJHSPpUQD", "orgUnit": "ImspTQPwCqd", "categoryOptionCombo": "HllvX50cXC0", "value": "4"},
              {"dataElement": "fbfJHSPpUQD", "orgUnit": "ImspTQPwCqd", "categoryOptionCombo": "HllvX50cXC0", "attributeOptionCombo": "HllvX50cXC0", "value": "4"}]}
            """, path: "uid.json", catalog: catalog)
        XCTAssertEqual(o.submissions.map(\.unitCode), ["35"])
        XCTAssertEqual(values(o.submissions.first), ["NN01.duoi_18=4", "NN01.=4"])
        XCTAssertEqual(o.problems.map(\.code), [.duplicateValue], "the instance's default attribute combo is the default")
        let adx = read("""
            <adx xmlns="urn:ihe:qrph:adx:2015"><group orgUnit="ImspTQPwCqd" period="2024-01-01/P3M" dataSet="BfMAe6Itzgt">
            <dataValue dataElement="fbfJHSPpUQD" NHOM_TUOI="Gmbgme7z9BF" value="4"/></group></adx>
            """, path: "uid.xml", catalog: catalog)
        XCTAssertEqual(values(adx.submissions.first), ["NN01.duoi_18=4"], "the attribute dhis2.csv names for NN01's parts")
    }
}
