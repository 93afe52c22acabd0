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

/// `templates/dhis2.csv`: tonghop's codes as a DHIS2 instance names them, both ways.
final class DHIS2MappingTests: XCTestCase {
    /// UIDs as a DHIS2 instance has them (those of DHIS2's demo database, for the look of it).
    static let uids = DHIS2Fixtures.uids
    static func catalog(mapping text: String) throws -> Catalog { try DHIS2Fixtures.catalog(mapping: text) }

    func testWithoutTheFileEveryCodeIsTonghopsOwn() {
        let m = DHIS2Mapping()
        XCTAssertEqual(m.dataElement("NN01"), "NN01")
        XCTAssertEqual(m.categoryOption("duoi_18", of: "NN01"), "duoi_18")
        XCTAssertEqual(m.categoryOption("", of: "NN01"), "", "the total: DHIS2's default combo, left out")
        XCTAssertEqual(m.category(option: "default", of: "NN01"), "")
        XCTAssertEqual(m.categoryAttribute(of: "NN01"), "PHAN_TO")
        XCTAssertEqual(Fixtures.catalog.dhis2.orgUnit("35"), "35", "the shipped dhis2.csv maps nothing")
    }

    func testEveryKindBothWays() throws {
        let m = try Self.catalog(mapping: Self.uids).dhis2
        XCTAssertEqual(m.dataElement("NN01"), "fbfJHSPpUQD")
        XCTAssertEqual(m.indicator(dataElement: "fbfJHSPpUQD"), "NN01")
        XCTAssertEqual(m.dataElement("TT01"), "TT01", "what the file does not name stays tonghop's code")
        XCTAssertEqual(m.categoryOption("duoi_18", of: "NN01"), "Gmbgme7z9BF")
        XCTAssertEqual(m.categoryOption("tren_30", of: "NN01"), "rQLFnNXXIL0")
        XCTAssertEqual(m.categoryOption("", of: "NN01"), "HllvX50cXC0")
        XCTAssertEqual(m.category(option: "Gmbgme7z9BF", of: "NN02"), "duoi_18", "a plain part, for every indicator")
        XCTAssertEqual(m.category(option: "rQLFnNXXIL0", of: "NN01"), "tren_30")
        XCTAssertEqual(m.category(option: "rQLFnNXXIL0", of: "NN02"), "rQLFnNXXIL0", "a part of NN01 only")
        XCTAssertEqual(m.category(option: "HllvX50cXC0", of: "NN01"), "")
        XCTAssertEqual(m.orgUnit("35"), "ImspTQPwCqd")
        XCTAssertEqual(m.unit(orgUnit: "ImspTQPwCqd"), "35")
        XCTAssertEqual(m.dataSet("TONGHOP"), "BfMAe6Itzgt")
        XCTAssertEqual(m.form(dataSet: "BfMAe6Itzgt"), "TONGHOP")
        XCTAssertEqual(m.categoryAttribute(of: "NN01"), "NHOM_TUOI")
        XCTAssertEqual(m.categoryAttribute(of: "XA01"), "PHAN_TO")
    }

    func testABadRowStopsTheRunNamingFileAndLine() {
        let header = "loai,ma_tonghop,ma_dhis2\n"
        let cases: [(String, Int, String)] = [
            ("chi_tieux,NN01,a\n", 2, "loai \"chi_tieux\" không hợp lệ"),
            ("chi_tieu,NN99,a\n", 2, "chỉ tiêu NN99 không có trong indicators.csv"),
            ("phan_to,NN01.nam,a\n", 2, "chỉ tiêu NN01 không có phân tổ nam"),
            ("don_vi,99999,a\n", 2, "không có đơn vị mã 99999"),
            ("chi_tieu,NN01,a\nchi_tieu,NN02,a\n", 3, "ma_dhis2 a đã dùng cho một mã khác ở dòng 2"),
            ("chi_tieu,NN01,a\nchi_tieu,NN01,b\n", 3, "chi_tieu NN01 đã được ánh xạ ở dòng 2"),
            ("ten_phan_to,NN01,value\n", 2, "không dùng được làm tên thuộc tính ADX"),
            ("ten_phan_to,NN01,1ABC\n", 2, "không dùng được làm tên thuộc tính ADX"),
            ("ten_phan_to,TT01,NHOM\n", 2, "chỉ tiêu TT01 không có phân tổ"),
            ("bo_du_lieu,ABC,x\n", 2, "bieu_mau ABC không có trong forms.csv"),
            ("chi_tieu,NN01,\n", 2, "thiếu ma_dhis2"),
        ]
        for (rows, line, message) in cases {
            XCTAssertThrowsError(try Self.catalog(mapping: header + rows), rows) { error in
                let e = error as? ConfigurationError
                XCTAssertEqual(e?.file, "dhis2.csv", rows)
                XCTAssertEqual(e?.line, line, rows)
                XCTAssertTrue(e?.message.contains(message) ?? false, "\(rows): \(String(describing: e))")
            }
        }
        XCTAssertThrowsError(try Self.catalog(mapping: "loai,ma_dhis2\n")) { error in
            XCTAssertTrue((error as? ConfigurationError)?.message.contains("thiếu cột \"ma_tonghop\"") ?? false, "\(error)")
        }
    }
}
