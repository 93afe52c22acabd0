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

/// Random corruption of valid files never crashes tonghop and never stores a wrong number:
/// every value stored from a corrupted file is the original file's value for the same unit,
/// period, indicator and category. A corrupted cell may be refused, never changed.
///
/// The corruptions are the ones files suffer on their way: a byte replaced by noise (a
/// control character, a symbol, a byte of another encoding), a separator or a quote inserted,
/// the end cut off. Noise excludes digits, letters, `.`, `,`, `-`, `%` and spaces, which turn
/// one valid number into another that nothing could tell from the original (`12` into `13`).
/// For the same reason a cut may shorten the last cell it lands in (`12` into `1`): values of
/// the line cut are exempt, every other line must read exactly as before.
final class CorruptionPropertyTests: XCTestCase {
    static let table = """
        ma_don_vi,ten_don_vi,ky_bao_cao,MT07,MT08,MT10,TT01,TT02,NN01.duoi_18,NN01.18_30,XA01,XA02
        13285,Phường Quang Trung,2024-Q1,2,1,"12,5",3,120,1,7,co_ma_tuy,co
        13291,Phường Lê Hồng Phong,2024-Q1,0,0,,4,95,,2,khong_ma_tuy,khong
        13294,Phường Châu Cầu,2024-Q1,1,0,"0,75",2,60,0,3,co_ma_tuy,khong
        13303,Phường Lam Hạ,2024-Q1,3,2,40,5,210,2,0,trong_diem,co

        """

    static let form = """
        don_vi,13285
        ten_don_vi,Phường Quang Trung
        ky_bao_cao,2024-Q2
        bieu_mau,XA
        ngay_lap,2024-06-12

        ma_chi_tieu,ten_chi_tieu,phan_to,don_vi_tinh,gia_tri,ghi_chu
        NN01,Số người nghiện ma túy có hồ sơ quản lý,duoi_18,người,1,
        NN01,Số người nghiện ma túy có hồ sơ quản lý,18_30,người,7,
        XA01,Phân loại xã về ma túy,,xã,co_ma_tuy,
        XA02,"Xã có mô hình điểm về phòng, chống ma túy",,xã,khong,
        TT01,"Số buổi tuyên truyền, tập huấn",,buổi,3,Tổ dân phố số 5
        TT02,Số lượt người tham dự,,lượt,140,
        MT10,Diện tích,,m²,"37,25",

        """

    static let long = """
        ma_don_vi,ky_bao_cao,ma_chi_tieu,phan_to,gia_tri
        35-YT,2024-Q1,HIV01,,1250
        35-YT,2024-Q1,HIV03,,310
        35-YT,2024-Q1,HIV04,,288
        35-YT,2024-Q1,TT01,,6
        35-CA,2024-Q1,MT01,,12
        35-CA,2024-Q1,MT05,,"1,75"
        35-CA,2024-Q1,MT03,,2

        """

    /// Bytes that can replace another without making a different valid number or code.
    static let noise: [UInt8] = Array(0x01...0x08) + [0x0B, 0x0E, 0x1B] + Array("!#$&*=?@^`|~\"'<>[]{}".utf8)
        + Array(0x80...0x9F) + [0xC3, 0xCC, 0xD0, 0xEC, 0xF2, 0xFE, 0xFF]

    func key(_ s: Submission, _ v: StoredValue) -> String { "\(s.unitCode)|\(s.period.code)|\(v.indicator)|\(v.category)" }

    func values(_ o: FileOutcome) -> [String: Double] {
        var d: [String: Double] = [:]
        for s in o.submissions { for v in s.values { d[key(s, v)] = v.value } }
        return d
    }

    func read(_ bytes: [UInt8]) -> FileOutcome {
        FileIntake.read(bytes, path: "corrupt.csv", catalog: Fixtures.catalog, today: Fixtures.today)
    }

    func checkCorruptions(of text: String, trials: Int, seed: String) {
        let original = Array(text.utf8)
        let expected = values(read(original))
        XCTAssertFalse(expected.isEmpty, "the original must be accepted")
        XCTAssertEqual(read(original).problems.filter { $0.severity == .error }, [])
        var rng = SampleRandom(seed)
        var refused = 0
        for trial in 0..<trials {
            var bytes = original
            var cutLine: Int? = nil
            let corruptions = rng.int(1...3)
            var description: [String] = []
            for _ in 0..<corruptions where !bytes.isEmpty {
                let at = rng.int(0...(bytes.count - 1))
                switch rng.int(0...9) {
                case 0...3:
                    let b = Self.noise[rng.int(0...(Self.noise.count - 1))]
                    description.append("byte \(at) → 0x\(String(b, radix: 16))")
                    bytes[at] = b
                case 4...6:
                    let s: UInt8 = [UInt8(ascii: ","), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t")][rng.int(0...3)]
                    description.append("insert 0x\(String(s, radix: 16)) at \(at)")
                    bytes.insert(s, at: at)
                case 7...8:
                    description.append("insert \" at \(at)")
                    bytes.insert(UInt8(ascii: "\""), at: at)
                default:
                    // One cut per trial, last: the lines before it keep their numbers.
                    guard cutLine == nil else { continue }
                    description.append("cut at \(at)")
                    bytes = Array(bytes[..<at])
                    cutLine = bytes.filter { $0 == UInt8(ascii: "\n") }.count + 1
                }
            }
            let outcome = read(bytes)
            var storedAny = false
            for s in outcome.submissions {
                for v in s.values {
                    storedAny = true
                    if let cut = cutLine, Int(v.position?.line ?? 0) >= cut { continue }
                    XCTAssertEqual(expected[key(s, v)], v.value,
                                   "trial \(trial) (\(description.joined(separator: "; "))) stored \(key(s, v)) = \(v.value):\n\(String(decoding: bytes, as: UTF8.self))")
                }
            }
            if !storedAny { refused += 1 }
        }
        XCTAssertGreaterThan(refused, 0)
        XCTAssertLessThan(refused, trials, "some corruptions leave good rows to store")
    }

    func testCorruptedTablesNeverStoreAWrongNumber() { checkCorruptions(of: Self.table, trials: 400, seed: "table") }

    func testCorruptedFormsNeverStoreAWrongNumber() { checkCorruptions(of: Self.form, trials: 400, seed: "form") }

    func testCorruptedLongFilesNeverStoreAWrongNumber() { checkCorruptions(of: Self.long, trials: 400, seed: "long") }
}
