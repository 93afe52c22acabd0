import XCTest
@testable import TonghopBase
@testable import TonghopIngest
@testable import TonghopPipeline
import TonghopTestSupport

/// What a run says of the files it read.
final class IngestSummaryTests: XCTestCase {
    func summary(encodings: [String]) -> ReportingPipeline.IngestSummary {
        var s = ReportingPipeline.IngestSummary()
        s.filesSeen = encodings.count
        s.filesRead = encodings.enumerated().map { i, encoding in
            var o = FileOutcome(path: "\(i).\(encoding.lowercased())")
            o.encoding = encoding
            return ReadFile(o)
        }
        return s
    }

    /// A workbook has no character set to choose: the line counts text files read in an
    /// encoding other than UTF-8, and no workbook.
    func testTheEncodingLineCountsTextEncodingsOnly() {
        let mixed = summary(encodings: ["UTF-8", "ODS", "Windows-1258", "XLS", "XLSX", "UTF-8 (BOM)", "ODS", "UTF-16 LE", "XLSX"])
        let vi = ConsoleText.ingest(mixed, lang: .vi)
        XCTAssertTrue(vi.contains("  Không phải UTF-8, đã đọc theo bảng mã khác: 1 tệp UTF-16 LE, 1 tệp Windows-1258."), "\(vi)")
        let en = ConsoleText.ingest(mixed, lang: .en)
        XCTAssertTrue(en.contains("  Not UTF-8, read in another encoding: 1 as UTF-16 LE, 1 as Windows-1258."), "\(en)")

        let workbooks = ConsoleText.ingest(summary(encodings: ["XLSX", "XLS", "ODS", "UTF-8"]), lang: .vi).joined(separator: "\n")
        XCTAssertFalse(workbooks.contains("bảng mã khác"), "workbooks and UTF-8: nothing to say\n\(workbooks)")
    }
}
