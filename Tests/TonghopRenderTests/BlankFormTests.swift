import Spreadsheet
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

/// The blank forms sent out: what rows they carry, and that a filled copy reads back as typed.
final class BlankFormTests: XCTestCase {
    let q2 = Period.quarter(2024, 2)

    func form(_ unit: String) throws -> BlankForm { try BlankForm(unitCode: unit, period: q2, catalog: Fixtures.catalog) }

    func testCommuneFormHasEveryIndicatorOfItsFormAndOneRowPerPart() throws {
        let form = try form("13285")
        XCTAssertEqual(form.form.code, "XA")
        let xa = Fixtures.catalog.forms["XA"]!.indicatorCodes
        var codes: [String] = []
        for row in form.rows where codes.last != row.indicator.code { codes.append(row.indicator.code) }
        XCTAssertEqual(codes, xa, "every indicator of the form, in order")
        XCTAssertEqual(form.rows.filter { $0.indicator.code == "NN01" }.map(\.category), ["", "duoi_18", "18_30", "tren_30"],
                       "a disaggregated indicator: its total row, then one row per part")
        XCTAssertEqual(form.rows.filter { $0.indicator.code == "XA01" }.map(\.category), [""], "an answer: one row")
        XCTAssertEqual(form.heading.map(\.key), ["don_vi", "ten_don_vi", "ky_bao_cao", "bieu_mau", "nguoi_lap", "ngay_lap"])
        XCTAssertEqual(form.heading.map(\.value), ["13285", "Phường Quang Trung", "2024-Q2", "XA", "", ""])
    }

    func testDistrictAndDepartmentForms() throws {
        XCTAssertEqual(try form("347").form.code, "HUYEN")
        let police = try form("35-ca")
        XCTAssertEqual(police.unit.code, "35-CA")
        XCTAssertEqual(police.form.code, "CA")
        XCTAssertEqual(BlankFormWording.agency(police, catalog: Fixtures.catalog).1, "CÔNG AN TỈNH")
    }

    func testUnitsThatFillNoFormAreRefused() {
        XCTAssertThrowsError(try form("35"), "a province compiles; it fills no form of its own")
        XCTAssertThrowsError(try form("99999"))
        XCTAssertThrowsError(try BlankForm(unitCode: "347", period: .quarter(2025, 3), catalog: Fixtures.catalog),
                             "there are no districts in the 2025 registry")
    }

    func testBlankCSVIsReadAsAnEmptyReportOfTheUnit() throws {
        let csv = try form("13285").csv(catalog: Fixtures.catalog)
        XCTAssertTrue(csv.hasPrefix("\u{FEFF}don_vi,13285\nten_don_vi,Phường Quang Trung\nky_bao_cao,2024-Q2\nbieu_mau,XA\nnguoi_lap,\nngay_lap,\n\nma_chi_tieu,ten_chi_tieu,phan_to,don_vi_tinh,gia_tri,ghi_chu\n"))
        XCTAssertTrue(csv.contains("\nNN01,Số người nghiện ma túy có hồ sơ quản lý: Dưới 18 tuổi,duoi_18,người,,\n"), csv)
        XCTAssertTrue(csv.contains("\nXA02,\"Xã có mô hình điểm về phòng, chống ma túy\",,xã,,\"Ghi một trong: co (Có), khong (Không)\"\n"), csv)
        let o = Fixtures.read(csv)
        XCTAssertEqual(o.layout, .form)
        XCTAssertEqual(o.problems.map(\.code), [.noFigures], "blank is read as the unit's form with nothing in it: refused as no report, not as a broken file")
    }

    func testFilledCSVStoresWhatWasTyped() throws {
        let blank = try form("13285")
        var rows = blank.tableRows(catalog: Fixtures.catalog)
        var typed: [StoredValue] = []
        for i in rows.indices {
            switch (rows[i].code, rows[i].category) {
            case ("XA01", _): rows[i].value = "trong_diem"; typed.append(StoredValue("XA01", "trong_diem", 1))
            case ("XA02", _): rows[i].value = "co"; typed.append(StoredValue("XA02", "co", 1))
            case ("MT10", _): rows[i].value = "2,5"; typed.append(StoredValue("MT10", "", 2.5))
            case ("NN01", ""): rows[i].value = "6"; typed.append(StoredValue("NN01", "", 6))
            case ("NN01", "tren_30"): rows[i].value = "4"; typed.append(StoredValue("NN01", "tren_30", 4))
            case ("TT02", _): rows[i].value = "1.234"; typed.append(StoredValue("TT02", "", 1234))
            case ("XA03", _), ("NN01", _): break
            // Decreasing down the form, so that every part stays under its whole (MT09 ≤ MT07 + MT08).
            default: rows[i].value = "\(rows.count - i)"; typed.append(StoredValue(rows[i].code, "", Double(rows.count - i)))
            }
        }
        let o = Fixtures.read(FormLayoutWriter.csv(heading: blank.heading, rows: rows))
        XCTAssertEqual(o.status, .accepted, "\(o.problems)")
        XCTAssertEqual(o.submissions.first?.values, typed, "every typed value is stored, untyped ones are not reported")
    }

    func testXlsxSheetValidatesEveryValueCellAndLocksTheRest() throws {
        let blank = try form("13285")
        let sheet = BlankFormSheet.sheet(blank, catalog: Fixtures.catalog, window: .decree09)
        XCTAssertTrue(sheet.isProtected)
        let headerRow = sheet.cells.first { $0.value[0]?.value == .text("ma_chi_tieu") }!.key
        for (offset, row) in blank.rows.enumerated() {
            let r = headerRow + 1 + offset
            XCTAssertEqual(sheet.cell(r, 0)?.value, .text(row.indicator.code))
            XCTAssertEqual(sheet.cell(r, 4)?.role, .entry, "the value cell is left unlocked")
            XCTAssertNotEqual(sheet.cell(r, 0)?.role, .entry, "the code cell stays locked")
            let rule = sheet.validations.first { $0.row == r && $0.column == 4 }?.rule.rule
            switch row.indicator.valueType {
            case .integer: XCTAssertEqual(rule, .wholeNumber(atLeast: 0), row.indicator.code)
            case .decimal: XCTAssertEqual(rule, .decimal(atLeast: 0), row.indicator.code)
            case .yesNo: XCTAssertEqual(rule, .list(["co", "khong"]), row.indicator.code)
            case .category: XCTAssertEqual(rule, .list(["khong_ma_tuy", "co_ma_tuy", "trong_diem"]), row.indicator.code)
            }
        }
        for v in sheet.validations {
            XCTAssertLessThanOrEqual(v.rule.inputTitle.count, 32, "Excel's limit for titles")
            XCTAssertLessThanOrEqual(v.rule.inputMessage.count, 255, "Excel's limit for messages")
            XCTAssertLessThanOrEqual(v.rule.errorMessage.count, 255, "Excel's limit for messages")
        }
    }

    func testTitleRowsAboveAFormHeadingAreSkipped() {
        let o = Fixtures.read("ỦY BAN NHÂN DÂN,,CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nBIỂU MẪU BÁO CÁO\n\n" + Fixtures.communeForm(rows: ["TT01,,,,3,"]))
        XCTAssertEqual(o.status, .accepted, "\(o.problems)")
        XCTAssertEqual(o.submissions.first?.values, [StoredValue("TT01", "", 3)])
        XCTAssertEqual(o.submissions.first?.line, 4, "lines are still the file's")
    }

    func testScopeOfADistrictIsTheDistrictAndItsCommunes() throws {
        let writer = BlankFormWriter(catalog: Fixtures.catalog, window: .decree09)
        let (scope, reporters) = try writer.reporters(scope: "347", period: q2)
        XCTAssertEqual(scope.code, "347")
        XCTAssertEqual(reporters.first?.form.unit.code, "347")
        XCTAssertEqual(reporters.dropFirst().map(\.form.unit.code), Fixtures.registry2024.children(of: "347").map(\.code))
        XCTAssertTrue(reporters.allSatisfy { $0.folders.isEmpty }, "one flat folder for a district")
    }

    func testScopeOfAProvinceHasAFolderPerDistrictAndItsExpectedDepartments() throws {
        let writer = BlankFormWriter(catalog: Fixtures.catalog, window: .decree09)
        let (_, reporters) = try writer.reporters(scope: "35", period: q2)
        let registry = Fixtures.registry2024
        let districts = registry.children(of: "35")
        let communes = districts.flatMap { registry.children(of: $0.code) }
        let departments = registry.departments(of: "35").filter(registry.isExpected)
        XCTAssertEqual(reporters.count, districts.count + communes.count + departments.count)
        XCTAssertEqual(reporters.first { $0.form.unit.code == "13285" }?.folders, ["347-phu-ly"])
        XCTAssertEqual(reporters.first { $0.form.unit.code == "347" }?.folders, ["347-phu-ly"], "a district's own form goes with its communes'")
        XCTAssertEqual(reporters.first { $0.form.unit.code == "35-CA" }?.folders, ["so-nganh"])
        XCTAssertNil(reporters.first { $0.form.unit.code == "35-BDBP" }, "Hà Nam has no border guard")
        XCTAssertEqual(writer.stem(registry.unit("35-CA")!), "35-CA-cong-an-tinh")
        XCTAssertThrowsError(try writer.reporters(scope: "13285", period: q2), "a commune is no scope")
    }
}
