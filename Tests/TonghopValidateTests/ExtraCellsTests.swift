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

/// A row with more cells than its header cannot be trusted: a stray separator shifts every
/// cell after it into the wrong column.
final class ExtraCellsTests: XCTestCase {
    func testAShiftedTableRowIsRefusedAndTheOthersKept() {
        let o = Fixtures.read("""
            ma_don_vi,ky_bao_cao,TT01,TT02
            13285,2024-Q1,3,90
            13291,2024-Q1,,4,50
            13294,2024-Q1,1,10
            """)
        XCTAssertEqual(o.problems.map(\.code), [.extraCells])
        XCTAssertEqual(o.problems[0].line, 3)
        XCTAssertEqual(o.problems[0].column, 5)
        XCTAssertEqual(o.problems[0].found, "50")
        XCTAssertEqual(o.problems[0].unitCode, "13291")
        XCTAssertEqual(o.submissions.map(\.unitCode), ["13285", "13294"])
        XCTAssertEqual(o.status, .partial)
    }

    func testTrailingEmptyCellsOnEveryLineAreWhatExcelWrites() {
        let o = Fixtures.read("ma_don_vi,ky_bao_cao,TT01,,\r\n13285,2024-Q1,3,,\r\n,,,,\r\n")
        XCTAssertEqual(o.problems, [])
        XCTAssertEqual(o.submissions.first?.values, [StoredValue("TT01", "", 3)])
    }

    func testALongRowWithAnExtraCellIsRefused() {
        let o = Fixtures.read("""
            ma_don_vi,ky_bao_cao,ma_chi_tieu,phan_to,gia_tri
            13285,2024-Q1,TT01,,1,2
            13285,2024-Q1,TT02,,20
            """)
        XCTAssertEqual(o.problems.map(\.code), [.extraCells])
        XCTAssertEqual(o.submissions.map(\.values), [[StoredValue("TT02", "", 20)]])
    }

    func testAnUnquotedNameWithACommaRejectsTheForm() {
        let o = Fixtures.read(Fixtures.communeForm(rows: ["TT01,Số buổi tuyên truyền, tập huấn,,buổi,3,", "TT02,,,,40,"]))
        XCTAssertEqual(o.problems.map(\.code), [.extraCells])
        XCTAssertEqual(o.status, .rejected, "a form is one report: all of it or nothing")
    }

    /// `12,5` typed with a decimal comma in a form whose note is empty: the cell past the header
    /// is empty, so the message names the line, not an empty cell.
    func testADecimalCommaBeforeAnEmptyNoteNamesTheLine() {
        let o = Fixtures.read(Fixtures.communeForm(rows: ["TT01,,,,3,", "MT10,Diện tích trồng cây có chứa chất ma túy,,m2,12,5,"]))
        XCTAssertEqual(o.problems.map(\.code), [.extraCells])
        XCTAssertEqual(o.problems[0].line, 7)
        XCTAssertNil(o.problems[0].column)
        XCTAssertNil(o.problems[0].found)
        XCTAssertTrue(Messages.render(o.problems[0], .vi).contains("dòng có 7 ô, dòng tiêu đề có 6"), Messages.render(o.problems[0], .vi))
        XCTAssertEqual(o.status, .rejected)
    }

    func testAStraySeparatorInTheFormHeadingIsRefused() {
        let o = Fixtures.read(Fixtures.communeForm(period: "2024,-Q1", rows: ["TT01,,,,3,"]))
        XCTAssertEqual(o.problems.map(\.code), [.extraCells], "\"2024\" alone would be the annual report")
        XCTAssertEqual(o.status, .rejected)
        let named = Fixtures.read(Fixtures.communeForm(rows: ["TT01,,,,3,"]).replacingOccurrences(of: "bieu_mau,XA", with: "bieu_mau,XA\nnguoi_lap,Nguyễn Văn A, Trưởng Công an"))
        XCTAssertEqual(named.problems, [], "commas in the preparer's name are harmless")
    }
}

/// A table whose header has a column that is no indicator: its columns may have shifted.
final class UnknownColumnTests: XCTestCase {
    func testASplitHeaderCellRefusesTheTable() {
        // "TT01" split in two: under the old columns, TT02 would read NN01.duoi_18's 5.
        let o = Fixtures.read("""
            ma_don_vi,ky_bao_cao,TT,01,TT02,NN01.duoi_18
            13285,2024-Q1,,,5
            """)
        XCTAssertEqual(o.problems.map(\.code), [.unknownColumn, .unknownColumn])
        XCTAssertEqual(o.problems.map(\.found), ["TT", "01"])
        XCTAssertEqual(o.status, .rejected)
    }

    func testARowNumberColumnIsForPeople() {
        let o = Fixtures.read("STT,ma_don_vi,ten_don_vi,ky_bao_cao,TT01\n1,13285,Phường Quang Trung,2024-Q1,3\n")
        XCTAssertEqual(o.problems, [])
        XCTAssertEqual(o.submissions.first?.values, [StoredValue("TT01", "", 3)])
    }
}

/// A quote that swallowed separators and line breaks leaves text after its closing quote.
final class StrayQuoteTests: XCTestCase {
    func testARowMergedByAStrayQuoteIsRefused() {
        // The quote before "Phường Lê" runs to the quote inside "Châu "Cầu": without the check,
        // 13291 would take 13294's figures, with the right number of cells.
        let o = Fixtures.read("""
            ma_don_vi,ten_don_vi,ky_bao_cao,TT01
            13285,Phường Quang Trung,2024-Q1,3
            13291,"Phường Lê Hồng Phong,2024-Q1,4
            13294,Phường Châu "Cầu,2024-Q1,2
            13303,Phường Lam Hạ,2024-Q1,5
            """)
        XCTAssertEqual(o.problems.map(\.code), [.strayQuote])
        XCTAssertEqual(o.problems[0].line, 3)
        XCTAssertEqual(o.submissions.map(\.unitCode), ["13285", "13303"])
    }

    func testWellFormedQuotesAreFine() {
        let o = Fixtures.read("ma_don_vi,ten_don_vi,ky_bao_cao,TT01\n13285,\"Phường \"\"Quang\"\" Trung\" ,2024-Q1,3\n")
        XCTAssertEqual(o.problems, [])
        XCTAssertEqual(o.submissions.count, 1)
    }
}

/// Untitled columns between titled ones: a header shifted by a stray separator.
final class BlankHeaderTests: XCTestCase {
    func testAnUntitledColumnInTheMiddleRefusesTheFile() {
        let o = Fixtures.read("""
            ma_don_vi,ky_bao_cao,,ma_chi_tieu,phan_to,gia_tri
            35-CA,2024,-Q1,MT01,,12
            """)
        XCTAssertEqual(o.problems.map(\.code), [.blankHeader], "otherwise MT01 = 12 would be the annual report")
        XCTAssertEqual(o.problems[0].column, 3)
        XCTAssertEqual(o.status, .rejected)
    }

    func testAMisspeltColumnOfAFormRefusesIt() {
        let o = Fixtures.read(Fixtures.communeForm(rows: ["NN01,,duoi_18,,1,", "NN01,,18_30,,7,"]).replacingOccurrences(of: "phan_to", with: "ph~n_to"))
        XCTAssertEqual(o.problems.map(\.code), [.unknownColumn], "the parts would be read as a total of 1")
        XCTAssertEqual(o.status, .rejected)
    }
}
