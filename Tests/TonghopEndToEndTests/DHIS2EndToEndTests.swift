import Foundation
import XCTest

/// Provinces send upward in DHIS2's formats: each of the four sample provinces exports its
/// six-month and annual figures as ADX, dataValueSets JSON and dataValueSets CSV; a fresh
/// national instance per format takes them in, and its national figures equal those of the
/// rollup of all the raw files.
final class DHIS2EndToEndTests: XCTestCase {
    static let provinces = ["35", "38", "24", "67"]
    static let periods = ["2024-H1", "2024"]

    /// A copy of the project's templates with a dhis2.csv mapping some codes to UIDs, for an
    /// instance that names things its own way.
    static func templates(mapping: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tonghop-templates-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: TonghopProcess.templates, to: folder)
        try Data(mapping.utf8).write(to: folder.appendingPathComponent("dhis2.csv"))
        return folder
    }

    static let uids = """
        loai,ma_tonghop,ma_dhis2
        chi_tieu,NN01,fbfJHSPpUQD
        phan_to,duoi_18,Gmbgme7z9BF
        phan_to,,HllvX50cXC0
        don_vi,35,ImspTQPwCqd
        don_vi,VN,H1KlN4QIauv
        bo_du_lieu,TONGHOP,BfMAe6Itzgt
        ten_phan_to,NN01,NHOM_TUOI

        """

    func testProvincesSendingUpwardInEachDHIS2FormatGiveTheNationalFiguresOfTheRawFiles() throws {
        let raw = try TonghopProcess.home(inputs: [:])
        XCTAssertEqual(try TonghopProcess.run(["sample", "--home", raw.path, "--year", "2024", "--out", raw.appendingPathComponent("inputs").path]).status, 0)
        XCTAssertEqual(try TonghopProcess.run(["rollup", "--home", raw.path, "--period", "2024"]).status, 0)
        var expected: [String: String] = [:]
        for period in Self.periods {
            expected[period] = try TonghopProcess.run(["export", "--home", raw.path, "--period", period, "--scope", "VN"]).output
            XCTAssertGreaterThan(expected[period]!.split(separator: "\n").count, 100)
        }
        let mapped = try Self.templates(mapping: Self.uids)

        // dataValueSets JSON through a dhis2.csv of UIDs on both sides: the names change, the figures do not.
        for (format, fileExtension, templates) in [("adx", "xml", nil), ("dhis2-json", "json", mapped), ("dhis2-csv", "csv", nil)] as [(String, String, URL?)] {
            let national = try TonghopProcess.home(inputs: [:])
            let templateOptions = templates.map { ["--templates", $0.path] } ?? []
            for province in Self.provinces {
                for period in Self.periods {
                    let file = national.appendingPathComponent("inputs/\(province)-\(period).\(fileExtension)")
                    let r = try TonghopProcess.run(["export", "--home", raw.path, "--period", period, "--scope", province,
                                                    "--format", format, "-o", file.path] + templateOptions)
                    XCTAssertEqual(r.status, 0, r.error)
                }
            }
            let rollup = try TonghopProcess.run(["rollup", "--home", national.path, "--period", "2024"] + templateOptions)
            XCTAssertEqual(rollup.status, 0, "\(format): \(rollup.output)")
            XCTAssertTrue(rollup.output.contains("Nhận: 8 tệp; nhận một phần: 0; từ chối: 0."), "\(format): \(rollup.output)")
            for period in Self.periods {
                let actual = try TonghopProcess.run(["export", "--home", national.path, "--period", period, "--scope", "VN"] + templateOptions).output
                XCTAssertEqual(actual, expected[period], "\(format), \(period): the national figures from four provinces' exports equal those of the raw files")
            }
        }
    }

    /// The writer checked without tonghop's reader: a province's dataValueSet, parsed as JSON
    /// here, holds exactly the figures of its long-layout export, with DHIS2's period and the
    /// UIDs dhis2.csv gives.
    func testADataValueSetHoldsTheLongLayoutsFiguresUnderTheInstancesNames() throws {
        let raw = try TonghopProcess.home(inputs: [:])
        try FileManager.default.copyItem(at: TonghopProcess.root.appendingPathComponent("inputs/2024/35-ha-nam"),
                                         to: raw.appendingPathComponent("inputs/35-ha-nam"))
        XCTAssertEqual(try TonghopProcess.run(["rollup", "--home", raw.path, "--period", "2024-H1"]).status, 0)
        let long = try TonghopProcess.run(["export", "--home", raw.path, "--period", "2024-H1", "--scope", "35"]).output
        let templates = try Self.templates(mapping: Self.uids)
        let json = try TonghopProcess.run(["export", "--home", raw.path, "--period", "2024-H1", "--scope", "35", "--format", "dhis2-json",
                                           "--templates", templates.path]).output
        let set = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        XCTAssertEqual(set["dataSet"] as? String, "BfMAe6Itzgt")
        let values = try XCTUnwrap(set["dataValues"] as? [[String: String]])
        let names = ["35": "ImspTQPwCqd", "NN01": "fbfJHSPpUQD", "duoi_18": "Gmbgme7z9BF"]
        let fromLong = long.split(separator: "\n").dropFirst().map { line -> String in
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            // Every total carries the instance's default option combo, which dhis2.csv names.
            let option = f[3].isEmpty ? "HllvX50cXC0" : names[f[3]] ?? f[3]
            return [names[f[0]] ?? f[0], "2024S1", names[f[2]] ?? f[2], option, f[4]].joined(separator: "|")
        }
        XCTAssertEqual(values.map { [$0["orgUnit"]!, $0["period"]!, $0["dataElement"]!, $0["categoryOptionCombo"]!, $0["value"]!].joined(separator: "|") },
                       fromLong)
        XCTAssertTrue(values.allSatisfy { $0["lastUpdated"] == "2024-06-14T12:00:00Z" }, "the period's document date, not the clock")

        // A bad dhis2.csv stops the run, naming the file and the line.
        let bad = try Self.templates(mapping: "loai,ma_tonghop,ma_dhis2\nchi_tieu,NN99,abc\n")
        let refused = try TonghopProcess.run(["export", "--home", raw.path, "--period", "2024-H1", "--scope", "35", "--format", "adx",
                                              "--templates", bad.path])
        XCTAssertEqual(refused.status, 4)
        XCTAssertTrue(refused.error.contains("dhis2.csv, dòng 2: chỉ tiêu NN99 không có trong indicators.csv"), refused.error)
    }
}
