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

/// Rows are made tall enough for their wrapped text before a sheet is written.
final class TextFitTests: XCTestCase {
    func testWidthsAreTimesNewRomansAndVietnameseLettersTakeTheirBaseLettersWidth() {
        // "m" is 1593/2048 em, "i" 569/2048: at 12 pt (16 px) 12.4 and 4.4 pixels.
        XCTAssertEqual(TextFit.width("m", fontSize: 12, bold: false), 1593.0 / 2048 * 16, accuracy: 1e-9)
        XCTAssertEqual(TextFit.width("ế", fontSize: 12, bold: false), TextFit.width("e", fontSize: 12, bold: false), accuracy: 1e-9)
        XCTAssertGreaterThan(TextFit.width("ư", fontSize: 12, bold: false), TextFit.width("u", fontSize: 12, bold: false), "the horn")
        XCTAssertGreaterThan(TextFit.width("Tổng", fontSize: 12, bold: true), TextFit.width("Tổng", fontSize: 12, bold: false))
    }

    func testWordsWrapWholeAndLongWordsBreak() {
        let word = TextFit.width("xxxx", fontSize: 12, bold: false), space = TextFit.width(" ", fontSize: 12, bold: false)
        XCTAssertEqual(TextFit.lines("xxxx xxxx", pixels: word * 2 + space, fontSize: 12, bold: false), 1, "both fit with the space")
        XCTAssertEqual(TextFit.lines("xxxx xxxx", pixels: word * 2, fontSize: 12, bold: false), 2, "not without it")
        XCTAssertEqual(TextFit.lines("xxxx xxxx xxxx", pixels: word * 2 + space, fontSize: 12, bold: false), 2)
        XCTAssertEqual(TextFit.lines("xxxxxxxxxxxx", pixels: word, fontSize: 12, bold: false), 3, "a word longer than the line breaks")
        XCTAssertEqual(TextFit.lines("a\nb", pixels: 500, fontSize: 12, bold: false), 2, "a line break is a line")
    }

    func testARowIsRaisedForItsWrappedTextAndOnlyThen() {
        var sheet = SheetModel(name: "x")
        sheet.columnWidths = [0: 20]
        let long = "Tỷ lệ điểm, tụ điểm ma túy bị triệt xóa (= MT09 / (MT07 + MT08) * 100)"
        sheet.set(0, 0, .text(long), .text)
        sheet.set(1, 0, .text("Ngắn"), .text)
        sheet.set(2, 0, .text(long), .title)
        sheet.rowHeights[1] = 17
        let heights = TextFit.rowHeights(sheet, style: WorkbookWriter.style)
        let lines = TextFit.lines(long, pixels: TextFit.textPixels(columnWidth: 20), fontSize: 12, bold: false)
        XCTAssertGreaterThanOrEqual(lines, 3, "about 70 letters in a column of 20")
        XCTAssertEqual(heights[0], TextFit.height(lines: lines, fontSize: 12))
        XCTAssertEqual(heights[1], 17, "a height that is enough is kept")
        XCTAssertNil(heights[2], "a title does not wrap: its row is left alone")
    }

    func testAMergeOverSeveralColumnsWrapsInTheirWidth() {
        var sheet = SheetModel(name: "x")
        sheet.columnWidths = [0: 10, 1: 10, 2: 10]
        let note = String(repeating: "chữ ", count: 30)
        sheet.merge(0, 0, 0, 2, note, .noteBlock)
        let heights = TextFit.rowHeights(sheet, style: WorkbookWriter.style)
        let across = TextFit.lines(note, pixels: 3 * TextFit.textPixels(columnWidth: 10) + 16, fontSize: 11, bold: false)
        XCTAssertEqual(heights[0], TextFit.height(lines: across, fontSize: 11))
    }
}
