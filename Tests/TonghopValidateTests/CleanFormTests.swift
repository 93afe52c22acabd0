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

/// ``CleanForm`` reads the common form on its bytes and must say exactly what the general path
/// (``LayoutReader`` and ``ReportValidator``) says of it, or step aside: for every file, either
/// it returns nil or its outcome equals the general path's, down to each value's cell.
final class CleanFormTests: XCTestCase {
    let catalog = Fixtures.catalog

    /// The records of a CSV text and its outcome before any reading, as ``FileIntake`` has them.
    func parsed(_ text: String, path: String = "test.csv") -> ([CSVRecord], FileOutcome) {
        let bytes = Array(text.utf8)
        guard case .text(let decoded, let encoding) = TextDecoding.decode(bytes),
              let records = try? CSVReader.parse(decoded, separator: CSVReader.detectSeparator(decoded)) else {
            return ([], FileOutcome(path: path))
        }
        var outcome = FileOutcome(path: path)
        outcome.encoding = encoding
        return (records, outcome)
    }

    func fast(_ text: String) -> FileOutcome? {
        let (records, outcome) = parsed(text)
        return CleanForm.read(records, outcome: outcome, catalog: catalog, today: Fixtures.today, scope: nil)
    }

    func general(_ text: String) -> FileOutcome {
        let (records, outcome) = parsed(text)
        return FileIntake.interpret(records, outcome: outcome, catalog: catalog, today: Fixtures.today, scope: nil)
    }

    /// Everything an outcome says, each value with its cell and slot (``StoredValue``'s `==`
    /// compares neither).
    func described(_ o: FileOutcome) -> String {
        let submissions = o.submissions.map { s in
            let values = (s.values + [StoredValue("|", "", 0)] + s.reconciliation).map { v in
                "\(v.indicator).\(v.category)=\(v.value)@\(v.position.map { "\($0.line):\($0.column)" } ?? "-")#\(v.slot)"
            }
            return "\(s.unitCode) \(s.period.code) \(s.form) line \(s.line) on \(s.preparedOn ?? "-") [\(values.joined(separator: " "))]"
        }
        return "\(o.layout?.rawValue ?? "-") \(o.encoding ?? "-") \(o.status)\n" + submissions.joined(separator: "\n") + "\n"
            + o.problems.map { "\($0)" }.joined(separator: "\n")
    }

    /// Asserts that the clean reader steps aside or agrees; returns whether it read the file.
    @discardableResult
    func assertAgrees(_ text: String, _ what: String, file: StaticString = #filePath, line: UInt = #line) -> Bool {
        guard let clean = fast(text) else { return false }
        XCTAssertEqual(described(clean), described(general(text)), what, file: file, line: line)
        return true
    }

    static let form = """
        don_vi,13285
        ten_don_vi,Phường Quang Trung
        ky_bao_cao,2024-Q2
        bieu_mau,XA
        nguoi_lap,"Nguyễn Văn A, công an phường"
        ngay_lap,2024-06-12

        ma_chi_tieu,ten_chi_tieu,phan_to,don_vi_tinh,gia_tri,ghi_chu
        NN01,Số người nghiện ma túy có hồ sơ quản lý,duoi_18,người,1,
        NN01,Số người nghiện ma túy có hồ sơ quản lý,18_30,người,7,
        NN02,Số người sử dụng trái phép chất ma túy có hồ sơ quản lý,,người,,
        XA01,Phân loại xã về ma túy,,xã,co_ma_tuy,
        XA02,"Xã có mô hình điểm về phòng, chống ma túy",,xã,không,
        TT01,"Số buổi tuyên truyền, tập huấn",,buổi,3,Tổ dân phố số 5
        TT02,Số lượt người tham dự,,lượt,140,

        """

    func testTheSampleFormsAreReadOnTheirBytesAndAgree() throws {
        XCTAssertTrue(assertAgrees(Self.form, "the clean form"), "a clean form takes the clean path")
        // Every file one province sends in a year: forms of communes, districts and
        // departments (the clean path's), tables and the long layout (the general path's).
        let generator = try SampleGenerator(catalog: catalog, year: 2024, provinces: ["35"], formProvinces: ["35"])
        let files = generator.files(for: generator.registry.unit("35")!)
        var read = 0
        for file in files where assertAgrees(file.text, file.path) { read += 1 }
        XCTAssertGreaterThan(files.count, 200)
        XCTAssertGreaterThan(read, files.count * 3 / 4, "the forms of a province take the clean path")
    }

    /// Each way a form's values can need a word to the officer: the general path says it, and
    /// the clean path steps aside.
    func testAnythingWorthAWordIsLeftToTheGeneralPath() {
        let cases: [(String, String, String)] = [
            ("code in lower case", "TT01,", "tt01,"),
            ("blank before a code", "TT02,", " TT02,"),
            ("unknown code with a value", "TT02,", "TT99,"),
            ("indicator of another form", "TT02,Số lượt người tham dự,,lượt,140", "HIV01,Số người nhiễm HIV,,người,140"),
            ("value with a blank", ",140,", ", 140,"),
            ("separator read by the indicator's type", ",140,", ",\"12,000\","),
            ("decimal in a count", ",140,", ",14.5,"),
            ("negative", ",140,", ",-140,"),
            ("not a number", ",140,", ",140 người,"),
            ("measure of another unit", ",lượt,", ",người,"),
            ("measure in capitals", ",lượt,", ",Lượt,"),
            ("category in capitals", ",duoi_18,", ",DUOI_18,"),
            ("unknown category", ",duoi_18,", ",tre_em,"),
            ("parts above the total", "NN02,Số người sử dụng trái phép chất ma túy có hồ sơ quản lý,,người,,",
             "NN01,Số người nghiện ma túy có hồ sơ quản lý,,người,5,"),
            ("value given twice", "TT02,Số lượt người tham dự,,lượt,140,", "TT01,Số buổi,,buổi,4,"),
            ("answer not an answer", ",không,", ",có lẽ,"),
            ("count of answers in a commune", ",,xã,co_ma_tuy,", ",co_ma_tuy,xã,2,"),
            ("a cell too many", ",140,", ",140,,x,"),
            ("stray quote", ",140,", ",\"140\"x,"),
            ("percent sign", ",140,", ",140%,"),
            ("unknown unit", "don_vi,13285", "don_vi,99999"),
            ("unit by its name", "don_vi,13285", "don_vi,Phường Quang Trung"),
            ("name of another unit", "ten_don_vi,Phường Quang Trung", "ten_don_vi,Phường Lam Hạ"),
            ("period in the future", "2024-Q2", "2030-Q2"),
            ("form of another level", "bieu_mau,XA", "bieu_mau,HUYEN"),
            ("unknown header", "ghi_chu", "ghi chu them"),
            ("no values", "ma_chi_tieu,", "ma_chi_tieu_x,"),
            ("compiled report of a province", "don_vi,13285", "don_vi,35"),
        ]
        // Some of these the general path accepts without a word (a code in lower case, a blank
        // around a number): stepping aside is always right, and rare enough to cost nothing.
        for (what, from, to) in cases {
            XCTAssertTrue(Self.form.contains(from), what)
            XCTAssertNil(fast(Self.form.replacingOccurrences(of: from, with: to)), what)
        }
        // Exactly as the general path reads them: a decimal in a measure, a number with a
        // thousands separator, an answer spelt another way, a row without its value, an unknown
        // code left empty, quoted cells, CRLF line ends.
        for (what, text) in [
            ("thousands separator", Self.form.replacingOccurrences(of: ",140,", with: ",\"1,400\",")),
            ("answer in another spelling", Self.form.replacingOccurrences(of: ",co_ma_tuy,", with: ",Có ma túy,")),
            ("decimal measure", Self.form.replacingOccurrences(of: "TT02,Số lượt người tham dự,,lượt,140,", with: "MT10,Diện tích,,m²,37.25,")),
            ("empty unknown code", Self.form.replacingOccurrences(of: "TT02,", with: "TT99,").replacingOccurrences(of: ",140,", with: ",,")),
            ("quoted cells", Self.form.replacingOccurrences(of: "TT02,Số lượt người tham dự,,lượt,140,", with: "\"TT02\",x,\"\",\"lượt\",\"140\",")),
            ("CRLF", Self.form.replacingOccurrences(of: "\n", with: "\r\n")),
        ] {
            XCTAssertTrue(assertAgrees(text, what), "\(what): the clean path reads it")
        }
    }

    /// Random damage anywhere in the form (a byte replaced, a separator, quote or line break
    /// inserted, a cell's text doubled): the clean path agrees or steps aside, every time.
    func testRandomDamageNeverMakesTheTwoPathsDisagree() {
        var rng = SampleRandom("clean-form")
        let original = Array(Self.form.utf8)
        let inserts: [[UInt8]] = [[0x2C], [0x22], [0x0A], [0x20], [0x09], Array("0".utf8), Array("1.".utf8), Array("_".utf8),
                                  Array("A".utf8), Array("a".utf8), [0xC2, 0xA0]]
        var agreed = 0
        for _ in 0..<3000 {
            var bytes = original
            let at = rng.int(0...(bytes.count - 1))
            if rng.int(0...2) == 0 {
                bytes.remove(at: at)
            } else {
                bytes.insert(contentsOf: inserts[rng.int(0...(inserts.count - 1))], at: at)
            }
            let text = String(decoding: bytes, as: UTF8.self)
            if assertAgrees(text, "damaged at byte \(at): \(text)") { agreed += 1 }
        }
        XCTAssertGreaterThan(agreed, 100, "some damage (a name, a note) leaves a clean form")
    }
}
