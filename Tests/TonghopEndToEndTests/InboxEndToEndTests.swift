import Foundation
import XCTest

/// Nothing in the inbox is silent: a file with no figures is refused, a file tonghop does not
/// read is named, a link out of the inbox is not followed; and commands that only read the
/// store never create one.
final class InboxEndToEndTests: XCTestCase {
    static let form = "ma_chi_tieu,ten_chi_tieu,phan_to,don_vi_tinh,gia_tri,ghi_chu"

    func testFilesWithoutFiguresAreRefusedNotAccepted() throws {
        let home = try TonghopProcess.home(inputs: [
            "dai-chi-tieu-de.csv": "ma_don_vi,ky_bao_cao,ma_chi_tieu,phan_to,gia_tri\n",
            "bieu-trong.csv": "don_vi,13285\nky_bao_cao,2024-Q1\nbieu_mau,XA\n\n\(Self.form)\n",
            "bieu-chua-dien.csv": "don_vi,13291\nky_bao_cao,2024-Q1\nbieu_mau,XA\n\n\(Self.form)\nTT01,x,,buổi,,\nMT07,x,,điểm,,\n",
            "bang-khong-dong.csv": "ma_don_vi,ten_don_vi,ky_bao_cao,MT07,TT01\n",
            "tot.csv": "don_vi,13294\nky_bao_cao,2024-Q1\n\nma_chi_tieu,gia_tri\nTT01,3\n",
        ])
        let result = try TonghopProcess.run(["rollup", "--home", home.path])
        XCTAssertEqual(result.status, 2, result.output + result.error)
        XCTAssertTrue(result.output.contains("Nhận: 1 tệp; nhận một phần: 0; từ chối: 4. Đã lưu 1 báo cáo, 1 giá trị."), result.output)
        for name in ["dai-chi-tieu-de.csv", "bieu-trong.csv", "bieu-chua-dien.csv", "bang-khong-dong.csv"] {
            XCTAssertTrue(result.output.contains("\(name) — TỪ CHỐI:\n    dòng 1: LỖI — Tệp không có số liệu nào"), "\(name): \(result.output)")
            let slip = try String(contentsOf: home.appendingPathComponent("outputs/phieu-bao-loi/\(name).txt"), encoding: .utf8)
            XCTAssertTrue(slip.contains("Tệp không có số liệu nào"), slip)
        }
        let status = try TonghopProcess.run(["status", "--home", home.path, "--period", "2024-Q1", "--scope", "35"])
        XCTAssertTrue(status.output.contains("Phường Quang Trung (13285)"), "13285 sent an empty form: still missing\n\(status.output)")
    }

    func testFilesNotReadAreNamedEverywhere() throws {
        let home = try TonghopProcess.home(inputs: [
            "xa/13285.csv": "don_vi,13285\nky_bao_cao,2024-Q1\n\nma_chi_tieu,gia_tri\nTT01,3\n",
            "xa/13291.xlsb": "not really excel",
            "xa/13294.odt": "PK",
            "cong-van.pdf": "%PDF-1.4",
            "ke-hoach.docx": "PK",
            "anh-chup.jpg": "\u{FF}\u{D8}",
            "nen.zip": "PK",
        ])
        let result = try TonghopProcess.run(["run", "--home", home.path])
        XCTAssertEqual(result.status, 2, result.output + result.error)
        XCTAssertTrue(result.output.contains("Đã xem 7 tệp trong inputs/"), result.output)
        let named: [(String, String)] = [("xa/13291.xlsb", "bảng tính Excel dạng .xlsb"), ("xa/13294.odt", "văn bản Word .odt"),
                                         ("cong-van.pdf", "tệp PDF"), ("ke-hoach.docx", "văn bản Word .docx"), ("anh-chup.jpg", "ảnh .jpg"),
                                         ("nen.zip", "tệp nén .zip")]
        let log = try String(contentsOf: home.appendingPathComponent("outputs/nhat-ky/tonghop.log"), encoding: .utf8)
        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: home.appendingPathComponent("outputs/lan-chay-cuoi.json"))) as! [String: Any]
        let withProblems = (summary["filesWithProblems"] as! [[String: Any]]).map { $0["path"] as! String }
        XCTAssertEqual((summary["files"] as! [String: Any])["seen"] as? Int, 7)
        for (path, kind) in named {
            XCTAssertTrue(result.output.contains("\(path) — TỪ CHỐI:\n    LỖI — tonghop không đọc loại tệp này (\(kind))"), "\(path): \(result.output)")
            XCTAssertTrue(result.output.contains("\"CSV UTF-8\""), "says what to do")
            XCTAssertTrue(log.contains("file=\"\(path)\" status=rejected"), log)
            XCTAssertTrue(withProblems.contains(path), "\(path) in the JSON summary")
            let slip = try String(contentsOf: home.appendingPathComponent("outputs/phieu-bao-loi/\(path).txt"), encoding: .utf8)
            XCTAssertTrue(slip.contains("gửi lại báo cáo dưới dạng tệp Excel (.xlsx) hoặc \"CSV UTF-8\""), slip)
        }
        // Named again by the next run while they are still there.
        let again = try TonghopProcess.run(["run", "--home", home.path])
        XCTAssertTrue(again.output.contains("Còn 6 tệp đã bị từ chối ở lần chạy trước và chưa được sửa"), again.output)
    }

    func testALinkOutOfTheInboxIsNeverFollowed() throws {
        let secretFolder = FileManager.default.temporaryDirectory.appendingPathComponent("tonghop-secret-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: secretFolder, withIntermediateDirectories: true)
        let secret = "mat-khau-bi-mat-7f3a9c"
        try Data("\(secret):x:0:0:root:/root:/bin/bash\n".utf8).write(to: secretFolder.appendingPathComponent("passwd"))
        let home = try TonghopProcess.home(inputs: ["xa/13285.csv": "don_vi,13285\nky_bao_cao,2024-Q1\n\nma_chi_tieu,gia_tri\nTT01,3\n"])
        let inputs = home.appendingPathComponent("inputs")
        try FileManager.default.createSymbolicLink(atPath: inputs.appendingPathComponent("passwd.csv").path,
                                                   withDestinationPath: secretFolder.appendingPathComponent("passwd").path)
        try FileManager.default.createSymbolicLink(atPath: inputs.appendingPathComponent("ra-ngoai.csv").path, withDestinationPath: "../../")
        try FileManager.default.createSymbolicLink(atPath: inputs.appendingPathComponent("ban-sao.csv").path, withDestinationPath: "xa/13285.csv")
        let result = try TonghopProcess.run(["rollup", "--home", home.path])
        XCTAssertEqual(result.status, 2, result.output + result.error)
        XCTAssertTrue(result.output.contains("passwd.csv — TỪ CHỐI:\n    LỖI — Đây là liên kết (symbolic link) trỏ ra ngoài thư mục inputs/"), result.output)
        XCTAssertTrue(result.output.contains("ra-ngoai.csv — TỪ CHỐI"), result.output)
        XCTAssertFalse(result.output.contains("ban-sao.csv — TỪ CHỐI"), "a link to a report inside the inbox is read: \(result.output)")
        // Not a byte of the file behind the link anywhere tonghop writes.
        for url in [home.appendingPathComponent("tonghop.sqlite")] + (FileManager.default.enumerator(at: home.appendingPathComponent("outputs"), includingPropertiesForKeys: nil)!
            .compactMap { $0 as? URL }.filter { !$0.hasDirectoryPath }) {
            let bytes = try Data(contentsOf: url)
            XCTAssertNil(bytes.range(of: Data(secret.utf8)), "\(url.lastPathComponent) holds the secret")
            if url.pathExtension == "xlsx" { XCTAssertNil(try XlsxReader(url: url).sheets.values.first { $0.values.contains { $0.text?.contains(secret) ?? false } }) }
        }
    }

    func testReadingCommandsNeverCreateAStore() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tonghop-nowhere-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let templates = TonghopProcess.templates.path
        for arguments in [["export", "--period", "2024", "--scope", "35", "-o", "35.csv"], ["report", "--period", "2024"],
                          ["status", "--period", "2024"], ["history", "--unit", "13285"]] {
            let result = try TonghopProcess.run(arguments + ["--templates", templates], in: folder)
            XCTAssertEqual(result.status, 4, "\(arguments[0]): \(result.output)\(result.error)")
            XCTAssertTrue(result.error.contains("\(folder.path)/tonghop.sqlite: chưa có kho dữ liệu ở đây"), result.error)
            XCTAssertTrue(result.error.contains("--home/--store"), "says how to point elsewhere")
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), [], "\(arguments[0]) created nothing")
        }
    }
}
