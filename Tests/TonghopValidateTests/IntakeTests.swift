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

/// Reading the three layouts, and what each kind of bad input costs.
final class IntakeTests: XCTestCase {
    func codes(_ o: FileOutcome) -> [ProblemCode] { o.problems.map(\.code) }

    func testFormLayoutIsRead() {
        let o = Fixtures.read(Fixtures.communeForm(period: "Quý I/2024", rows: [
            "NN01,Số người nghiện,duoi_18,người,1,", "NN01,Số người nghiện,18_30,người,7,",
            "XA01,Phân loại xã về ma túy,,xã,co_ma_tuy,", "\"XA02\",\"Xã có mô hình điểm về phòng, chống ma túy\",,xã,không,",
            "MT10,Diện tích,,m²,\"1,5\",",
        ]))
        XCTAssertEqual(o.layout, .form)
        XCTAssertEqual(o.status, .accepted, "\(o.problems)")
        XCTAssertEqual(o.submissions.count, 1)
        let s = o.submissions[0]
        XCTAssertEqual(s.unitCode, "13285")
        XCTAssertEqual(s.period, .quarter(2024, 1))
        XCTAssertEqual(s.form, "XA")
        XCTAssertEqual(Set(s.values), [StoredValue("NN01", "duoi_18", 1), StoredValue("NN01", "18_30", 7),
                                       StoredValue("XA01", "co_ma_tuy", 1), StoredValue("XA02", "khong", 1), StoredValue("MT10", "", 1.5)])
    }

    func testTableLayoutIsReadOneReportPerRow() {
        let o = Fixtures.read("""
            ma_don_vi,ten_don_vi,ky_bao_cao,TT01,NN01.duoi_18,NN01.18_30,XA01
            13285,Phường Quang Trung,2024-Q1,3,0,2,khong_ma_tuy
            13291,Phường Lê Hồng Phong,2024-Q1,4,,1,co_ma_tuy
            """)
        XCTAssertEqual(o.layout, .table)
        XCTAssertEqual(o.submissions.map(\.unitCode), ["13285", "13291"])
        XCTAssertEqual(o.submissions[1].values, [StoredValue("TT01", "", 4), StoredValue("NN01", "18_30", 1), StoredValue("XA01", "co_ma_tuy", 1)],
                       "an empty cell is not reported, not zero")
    }

    func testTitleRowsAboveATableHeaderAreSkipped() {
        let o = Fixtures.read("""
            CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM,,,
            "BẢNG TỔNG HỢP SỐ LIỆU QUÝ I/2024, THÀNH PHỐ PHỦ LÝ",,,
            ,,,
            ma_don_vi,ten_don_vi,ky_bao_cao,TT01
            13285,Phường Quang Trung,2024-Q1,3
            """)
        XCTAssertEqual(o.layout, .table)
        XCTAssertEqual(o.status, .accepted, "\(o.problems)")
        XCTAssertEqual(o.submissions.first?.values, [StoredValue("TT01", "", 3)])
        XCTAssertEqual(o.submissions.first?.line, 5, "lines are still the file's")
    }

    func testAMisspeltTableHeaderIsStillRefusedNotTakenForATitle() {
        let o = Fixtures.read("""
            ma_don_vi,ky_bao_cao,TT01,NN0l
            13285,2024-Q1,3,1
            """)
        XCTAssertEqual(o.submissions.count, 0)
        XCTAssertEqual(o.problems.map(\.code), [.unknownColumn])
    }

    func testLongLayoutGroupsRowsByUnitAndPeriod() {
        let o = Fixtures.read("""
            unit_code,period,indicator,category,value
            35-YT,2024-Q1,HIV03,,120
            35-YT,2024-Q1,HIV04,,100
            35-CA,2024-Q1,MT01,,4
            """)
        XCTAssertEqual(o.layout, .long)
        XCTAssertEqual(o.submissions.map(\.unitCode), ["35-YT", "35-CA"])
        XCTAssertEqual(o.submissions.map(\.form), ["YT", "CA"], "the form is implied by the department's sector")
    }

    func testBadValueInAFormRejectsTheWholeFile() {
        let o = Fixtures.read(Fixtures.communeForm(rows: ["TT01,,,buổi,3,", "TT02,,,lượt,nhiều,"]))
        XCTAssertEqual(o.status, .rejected)
        XCTAssertEqual(codes(o), [.notANumber])
        let p = o.problems[0]
        XCTAssertEqual(p.line, 7)
        XCTAssertEqual(p.column, 5)
        XCTAssertEqual(p.found, "nhiều")
        XCTAssertEqual(Messages.render(p), "test.csv, dòng 7, cột 5 (E): LỖI — Giá trị của chỉ tiêu TT02 không phải là số. Tìm thấy: \"nhiều\". Cần: số nguyên không âm. Cách sửa: ghi số bằng chữ số, đúng loại số ở mục Cần, không ghi chữ; để trống nếu không có số liệu.")
    }

    func testBadRowInATableRejectsOnlyThatRow() {
        let o = Fixtures.read("""
            ma_don_vi,ky_bao_cao,TT01,TT02
            13285,2024-Q1,3,90
            13291,2024-Q1,-2,50
            13294,2024-Q1,1.5,10
            13303,2024-Q1,2,40
            """)
        XCTAssertEqual(o.status, .partial)
        XCTAssertEqual(o.submissions.map(\.unitCode), ["13285", "13303"])
        XCTAssertEqual(codes(o), [.negativeValue, .decimalInInteger])
        XCTAssertEqual(o.problems.map(\.line), [3, 4])
    }

    func testBadRowInALongFileRejectsOnlyThatValue() {
        let o = Fixtures.read("""
            ma_don_vi,ky_bao_cao,ma_chi_tieu,phan_to,gia_tri
            13285,2024-Q1,TT01,,3
            13285,2024-Q1,TT99,,3
            13285,2024-Q1,XA01,,rất tốt
            99999,2024-Q1,TT01,,3
            """)
        XCTAssertEqual(o.status, .partial)
        XCTAssertEqual(o.submissions.map(\.values), [[StoredValue("TT01", "", 3)]])
        XCTAssertEqual(codes(o), [.unknownIndicator, .unknownCategory, .unknownUnit])
    }

    func testIdentityProblems() {
        XCTAssertEqual(codes(Fixtures.read(Fixtures.communeForm(unit: "99998", rows: ["TT01,,,,1,"]))), [.unknownUnit])
        XCTAssertEqual(codes(Fixtures.read(Fixtures.communeForm(period: "quý 5", rows: ["TT01,,,,1,"]))), [.unknownPeriod])
        XCTAssertEqual(codes(Fixtures.read(Fixtures.communeForm(period: "2031-Q1", rows: ["TT01,,,,1,"]))), [.periodInFuture])
        let gone = Fixtures.read(Fixtures.communeForm(unit: "347", period: "2025-Q4", rows: ["TT01,,,,1,"]))
        XCTAssertEqual(codes(gone), [.unitNotInForce], "district 347 was abolished on 1 July 2025")
        let form = Fixtures.read("don_vi,347\nky_bao_cao,2024-Q1\nbieu_mau,XA\n\nma_chi_tieu,gia_tri\nTT01,1\n")
        XCTAssertEqual(codes(form), [.formMismatch])
        let unknownForm = Fixtures.read("don_vi,347\nky_bao_cao,2024-Q1\nbieu_mau,ABC\n\nma_chi_tieu,gia_tri\nTT01,1\n")
        XCTAssertEqual(codes(unknownForm), [.unknownForm])
    }

    func testIndicatorOutsideTheUnitsForm() {
        let o = Fixtures.read(Fixtures.communeForm(rows: ["TT01,,,,1,", "HIV01,,,,5,"]))
        XCTAssertEqual(codes(o), [.indicatorNotInForm], "communes do not report HIV tests")
        XCTAssertEqual(o.status, .rejected)
    }

    func testPartsMustAddUpToTheirTotal() {
        let o = Fixtures.read(Fixtures.communeForm(rows: [
            "NN01,,,,10,", "NN01,,duoi_18,,1,", "NN01,,18_30,,2,", "NN01,,tren_30,,3,",
        ]))
        XCTAssertEqual(codes(o), [.partsMismatch])
        XCTAssertEqual(o.problems[0].found, "10")
        XCTAssertTrue(o.problems[0].expected!.vi.contains("= 6"), o.problems[0].expected!.vi)
    }

    func testUnknownCategoryAndYesNo() {
        XCTAssertEqual(codes(Fixtures.read(Fixtures.communeForm(rows: ["NN01,,duoi_15,,1,"]))), [.unknownCategory])
        XCTAssertEqual(codes(Fixtures.read(Fixtures.communeForm(rows: ["XA02,,,,chưa rõ,"]))), [.notYesNo])
    }

    func testStructuralProblems() {
        XCTAssertEqual(codes(Fixtures.read("")), [.emptyFile])
        XCTAssertEqual(codes(Fixtures.read("hello,world\n1,2\n")), [.unknownLayout])
        XCTAssertEqual(codes(Fixtures.read("don_vi,13285\nky_bao_cao,2024-Q1\n")), [.missingKey])
        XCTAssertEqual(codes(Fixtures.read("ma_don_vi,ky_bao_cao,TT01\n13285,\"2024-Q1,3\n")), [.unterminatedQuote])
    }

    func testNonUTF8FilesAreRefusedSayingWhatTheyLookLike() {
        let xlsx = FileIntake.read([0x50, 0x4B, 0x03, 0x04, 0, 0], path: "a.csv", catalog: Fixtures.catalog, today: Fixtures.today)
        XCTAssertEqual(codes(xlsx), [.notText])
        XCTAssertTrue(Messages.render(xlsx.problems[0]).contains(".xlsx"))
        let pdf = FileIntake.read(Array("%PDF-1.4 ...".utf8), path: "a.csv", catalog: Fixtures.catalog, today: Fixtures.today)
        XCTAssertTrue(Messages.render(pdf.problems[0]).contains("PDF"))
        // 0x81 and 0x8D are undefined in Windows-1258: neither UTF-8 nor that code page.
        let unknown = FileIntake.read([0x64, 0x6F, 0x6E, 0x5F, 0x76, 0x69, 0x2C, 0x81, 0x8D, 0x0A], path: "a.csv",
                                      catalog: Fixtures.catalog, today: Fixtures.today)
        XCTAssertEqual(codes(unknown), [.notUTF8])
    }

    func testUTF16WithByteOrderMarkIsRead() {
        let text = "ma_don_vi\tky_bao_cao\tTT01\n13285\t2024-Q1\t3\n"
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in text.utf16 { bytes += [UInt8(unit & 0xff), UInt8(unit >> 8)] }
        let o = FileIntake.read(bytes, path: "a.txt", catalog: Fixtures.catalog, today: Fixtures.today)
        XCTAssertEqual(o.submissions.first?.values, [StoredValue("TT01", "", 3)])
        XCTAssertEqual(o.encoding, "UTF-16 LE")
    }

    func testEnglishMessages() {
        let o = Fixtures.read(Fixtures.communeForm(rows: ["TT01,,,,-1,"]))
        let message = Messages.render(o.problems[0], .en)
        XCTAssertTrue(message.hasPrefix("test.csv, line 6, column 5 (E): ERROR — The value of TT01 is negative. Found: \"-1\""), message)
        XCTAssertTrue(message.hasSuffix("How to fix: a count cannot be negative; write 0 if there were none."), message)
    }

    func testEveryProblemCodeHasWordsInBothLanguages() {
        for code in ProblemCode.allCases {
            let p = Problem(.error, code, file: "f.csv", detail: Wording("X"))
            for lang in Language.allCases { XCTAssertFalse(Messages.what(p, lang).isEmpty, "\(code) in \(lang)") }
        }
    }
}

extension IntakeTests {
    func testAFigureInAnotherUnitOfMeasureIsRefused() {
        let o = Fixtures.read(Fixtures.communeForm(rows: ["TT01,Số buổi,,buổi,3,", "MT10,Diện tích,,ha,\"1,5\",", "TT05,Tờ rơi,,Bản,200,",
                                                          "MT07,Điểm,,diem,1,"]))
        XCTAssertEqual(codes(o), [.wrongMeasure], "hectares are not square metres; Bản and diem are bản and điểm")
        XCTAssertEqual(o.problems.first?.found, "ha")
        XCTAssertEqual(o.problems.first?.expected?.vi, "m²")
        XCTAssertTrue(ReportValidator.sameMeasure("m2", "m²"))
        XCTAssertTrue(ReportValidator.sameMeasure("tin,bài", "tin, bài"))
    }
}

extension IntakeTests {
    func testANameThatIsAnotherUnitsIsRefused() {
        // 13456 is Xã Liêm Cần; the form says Phường Quang Trung (13285, same province).
        let wrong = Fixtures.read("don_vi,13456\nten_don_vi,Phường Quang Trung\nky_bao_cao,2024-Q1\n\nma_chi_tieu,gia_tri\nTT01,1\n")
        XCTAssertEqual(codes(wrong), [.unitNameMismatch])
        XCTAssertEqual(wrong.status, .rejected)
        XCTAssertTrue(wrong.problems[0].detail?.vi.contains("13285 Phường Quang Trung") ?? false, "\(wrong.problems)")
        // After the reform 13285 is Phường Phủ Lý; Phường Quang Trung is its old name.
        let old = Fixtures.read("don_vi,13285\nten_don_vi,Phường Quang Trung\nky_bao_cao,2025-Q3\n\nma_chi_tieu,gia_tri\nTT01,1\n")
        XCTAssertEqual(codes(old), [.unitNameOfOtherMap])
        // The right name, with or without its type word and diacritics, is fine.
        for name in ["Phường Quang Trung", "Quang Trung", "phuong quang trung"] {
            XCTAssertEqual(codes(Fixtures.read("don_vi,13285\nten_don_vi,\(name)\nky_bao_cao,2024-Q1\n\nma_chi_tieu,gia_tri\nTT01,1\n")), [], name)
        }
    }

    func testTheSameUnitTwiceInATableTakesNeitherRow() {
        let o = Fixtures.read("ma_don_vi,ky_bao_cao,TT01\n13285,2024-Q1,3\n13291,2024-Q1,4\n13285,2024-Q1,5\n")
        XCTAssertEqual(o.submissions.map(\.unitCode), ["13291"])
        XCTAssertEqual(codes(o), [.unitGivenTwice, .unitGivenTwice])
        XCTAssertEqual(o.status, .partial)
    }
}
