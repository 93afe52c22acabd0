import XCTest
@testable import TonghopBase
@testable import TonghopValidate
import TonghopTestSupport

/// Codes whose leading zeros Excel dropped (a cell saved as a number): `00004` arrives as `4`.
/// The units below are read by hand from templates/units-2024.csv: 04 Tỉnh Cao Bằng,
/// 004 Quận Long Biên, 00004 Phường Trúc Bạch (of 001 Quận Ba Đình, Hà Nội).
final class UnitCodeZerosTests: XCTestCase {
    func testACommuneFormTakesTheCommuneWithTheZerosPutBackAndSaysSo() {
        let o = Fixtures.read(Fixtures.communeForm(unit: "4", rows: ["MT09,,,điểm,1,"]))
        XCTAssertEqual(o.submissions.map(\.unitCode), ["00004"], "the XA form names a commune: 5 digits")
        XCTAssertEqual(o.problems.map(\.code), [.unitCodeLostZeros])
        XCTAssertEqual(o.problems[0].severity, .warning, "the code is read without doubt, so the figures are kept")
        XCTAssertEqual(o.problems[0].line, 1)
        let text = Messages.render(o.problems[0])
        XCTAssertTrue(text.contains("00004 Phường Trúc Bạch"), text)
        XCTAssertTrue(text.contains("Văn bản"), "the hint says how to keep the zeros: \(text)")
    }

    func testWithoutAFormTheNameBesideTheCodeChoosesTheUnit() {
        let o = Fixtures.read("""
            don_vi,4
            ten_don_vi,Quận Long Biên
            ky_bao_cao,2024-Q1

            ma_chi_tieu,ten_chi_tieu,phan_to,don_vi_tinh,gia_tri,ghi_chu
            MT09,,,điểm,1,
            """)
        XCTAssertEqual(o.submissions.map(\.unitCode), ["004"])
        XCTAssertEqual(o.problems.first?.code, .unitCodeLostZeros)
    }

    func testACodeThatCouldBeSeveralUnitsIsRefusedWithEachOfThemNamed() {
        let o = Fixtures.read("""
            don_vi,4
            ky_bao_cao,2024-Q1

            ma_chi_tieu,ten_chi_tieu,phan_to,don_vi_tinh,gia_tri,ghi_chu
            MT09,,,điểm,1,
            """)
        XCTAssertEqual(o.submissions.count, 0, "04, 004 and 00004 all exist: no guess")
        XCTAssertEqual(o.problems.map(\.code), [.unitCodeLostZeros])
        XCTAssertEqual(o.problems[0].severity, .error)
        let text = Messages.render(o.problems[0])
        for unit in ["04 Tỉnh Cao Bằng", "004 Quận Long Biên", "00004 Phường Trúc Bạch"] {
            XCTAssertTrue(text.contains(unit), "\(unit) in: \(text)")
        }
    }

    func testACodeWithAllItsDigitsIsReadAsWritten() {
        let o = Fixtures.read(Fixtures.communeForm(unit: "00004", rows: ["MT09,,,điểm,1,"]))
        XCTAssertEqual(o.submissions.map(\.unitCode), ["00004"])
        XCTAssertEqual(o.problems, [])
    }

    func testACodeNoZerosCanCompleteIsStillUnknown() {
        let o = Fixtures.read(Fixtures.communeForm(unit: "99999", rows: ["MT09,,,điểm,1,"]))
        XCTAssertEqual(o.problems.map(\.code), [.unknownUnit])
    }
}
