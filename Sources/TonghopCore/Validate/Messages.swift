/// The language of messages and summaries (`--lang vi|en`).
public enum Language: String, Sendable, CaseIterable {
    case vi, en
}

/// Every user-facing wording of a ``Problem``, in one place.
///
/// A message says what is wrong, then what was found, what was expected and how to fix it,
/// so that the commune officer who made the file can act on it without phoning anyone.
public enum Messages {
    /// "tệp.csv, dòng 12, cột 5: LỖI — Giá trị không phải là số. Tìm thấy: "abc". Cần: số nguyên không âm. Cách sửa: ..."
    public static func render(_ p: Problem, _ lang: Language = .vi, withFile: Bool = true, withLocation: Bool = true) -> String {
        var s = ""
        if withFile { s += p.file }
        let place = withLocation ? location(p, lang) : ""
        if !place.isEmpty { s += (s.isEmpty ? "" : ", ") + place }
        if !s.isEmpty { s += ": " }
        s += severityWord(p.severity, lang) + " — " + what(p, lang)
        if let f = p.found { s += lang == .vi ? ". Tìm thấy: \"\(f)\"" : ". Found: \"\(f)\"" }
        if let e = p.expected { s += lang == .vi ? ". Cần: \(e)" : ". Expected: \(e)" }
        let h = hint(p, lang)
        if !h.isEmpty { s += lang == .vi ? ". Cách sửa: \(h)" : ". How to fix: \(h)" }
        return s + "."
    }

    public static func location(_ p: Problem, _ lang: Language) -> String {
        var parts: [String] = []
        if let l = p.line { parts.append(lang == .vi ? "dòng \(l)" : "line \(l)") }
        if let c = p.column { parts.append(lang == .vi ? "cột \(c) (\(columnLetters(c)))" : "column \(c) (\(columnLetters(c)))") }
        return parts.joined(separator: ", ")
    }

    /// Excel's name of a 1-based column: 1 → A, 27 → AA.
    public static func columnLetters(_ column: Int) -> String {
        var n = column
        var s = ""
        while n > 0 {
            let r = (n - 1) % 26
            s = String(UnicodeScalar(UInt8(65 + r))) + s
            n = (n - 1) / 26
        }
        return s
    }

    public static func severityWord(_ s: Severity, _ lang: Language) -> String {
        switch (s, lang) {
        case (.error, .vi): return "LỖI"
        case (.warning, .vi): return "CẢNH BÁO"
        case (.notice, .vi): return "GHI CHÚ"
        case (.error, .en): return "ERROR"
        case (.warning, .en): return "WARNING"
        case (.notice, .en): return "NOTE"
        }
    }

    /// What is wrong, in one sentence.
    public static func what(_ p: Problem, _ lang: Language) -> String {
        let d = p.detail ?? ""
        switch (p.code, lang) {
        case (.notText, .vi): return "Tệp không phải là tệp CSV (văn bản) mà là \(d)"
        case (.notText, .en): return "The file is not a CSV (text) file but \(d)"
        case (.notUTF8, .vi): return "Tệp không được lưu ở bảng mã UTF-8 (\(d))"
        case (.notUTF8, .en): return "The file is not saved as UTF-8 (\(d))"
        case (.tooLarge, .vi): return "Tệp quá lớn để là một báo cáo (\(d))"
        case (.tooLarge, .en): return "The file is too large to be a report (\(d))"
        case (.emptyFile, .vi): return "Tệp rỗng, không có số liệu"
        case (.emptyFile, .en): return "The file is empty"
        case (.unterminatedQuote, .vi): return "Dấu ngoặc kép mở ở đây nhưng không đóng đến hết tệp (tệp bị cắt cụt hoặc gõ thiếu dấu \")"
        case (.unterminatedQuote, .en): return "A quote opened here is never closed (the file is truncated or a \" is missing)"
        case (.unknownLayout, .vi): return "Không nhận ra dạng báo cáo: dòng tiêu đề không phải biểu mẫu (don_vi,...), bảng (ma_don_vi,ky_bao_cao,...) hay dạng dài (ma_don_vi,ky_bao_cao,ma_chi_tieu,phan_to,gia_tri)"
        case (.unknownLayout, .en): return "Unknown report layout: the header is not a form (don_vi,...), a table (ma_don_vi,ky_bao_cao,...) or the long layout (ma_don_vi,ky_bao_cao,ma_chi_tieu,phan_to,gia_tri)"
        case (.missingColumn, .vi): return "Thiếu cột \"\(d)\" trong dòng tiêu đề"
        case (.missingColumn, .en): return "The header lacks the column \"\(d)\""
        case (.missingKey, .vi): return "Phần đầu biểu mẫu thiếu dòng \"\(d)\""
        case (.missingKey, .en): return "The form's heading lacks the line \"\(d)\""
        case (.unknownColumn, .vi): return "Cột tiêu đề không phải mã chỉ tiêu đã biết; cả cột bị bỏ qua"
        case (.unknownColumn, .en): return "The column header is not a known indicator code; the whole column is ignored"
        case (.unreadableWorkbook, .vi): return "Tệp Excel (.xlsx) bị hỏng, không đọc được (\(d))"
        case (.unreadableWorkbook, .en): return "The Excel (.xlsx) file is damaged and cannot be read (\(d))"
        case (.workbookNotAReport, .vi): return "Trang tính đầu tiên (\"\(d)\") của tệp Excel không phải là biểu mẫu báo cáo: không có dòng don_vi, ky_bao_cao của biểu mẫu, cũng không có dòng tiêu đề của bảng (ma_don_vi,ky_bao_cao,...)"
        case (.workbookNotAReport, .en): return "The first sheet (\"\(d)\") of the Excel file is not a report form: it has neither the form's don_vi, ky_bao_cao lines nor a table header (ma_don_vi,ky_bao_cao,...)"
        case (.workbookNamedAsText, .vi): return "Tệp có đuôi .\(d) nhưng thực ra là tệp Excel .xlsx; đã đọc như tệp Excel"
        case (.workbookNamedAsText, .en): return "The file is named .\(d) but is an Excel .xlsx workbook; it was read as a workbook"
        case (.unknownUnit, .vi): return "Mã đơn vị không có trong danh mục đơn vị hành chính" + (d.isEmpty ? "" : " (\(d))")
        case (.unknownUnit, .en): return "The unit code is not in the administrative registry" + (d.isEmpty ? "" : " (\(d))")
        case (.unitNotInForce, .vi): return "Đơn vị không tồn tại trong kỳ báo cáo này (\(d))"
        case (.unitNotInForce, .en): return "The unit did not exist in this period (\(d))"
        case (.unknownPeriod, .vi): return "Không đọc được kỳ báo cáo"
        case (.unknownPeriod, .en): return "The reporting period cannot be read"
        case (.periodInFuture, .vi): return "Kỳ báo cáo chưa bắt đầu"
        case (.periodInFuture, .en): return "The reporting period has not begun yet"
        case (.unknownForm, .vi): return "Mã biểu mẫu không có trong danh mục biểu mẫu"
        case (.unknownForm, .en): return "The form code is not in the catalog of forms"
        case (.formMismatch, .vi): return "Biểu mẫu không đúng với cấp của đơn vị (\(d))"
        case (.formMismatch, .en): return "The form does not match the unit's level (\(d))"
        case (.unitCannotReport, .vi): return "Đơn vị cấp này không tự lập biểu báo cáo (\(d))"
        case (.unitCannotReport, .en): return "Units of this level do not fill in a form (\(d))"
        case (.unknownIndicator, .vi): return "Mã chỉ tiêu không có trong danh mục chỉ tiêu"
        case (.unknownIndicator, .en): return "The indicator code is not in the catalog"
        case (.indicatorNotInForm, .vi): return "Chỉ tiêu \(d) không thuộc biểu mẫu của đơn vị này"
        case (.indicatorNotInForm, .en): return "Indicator \(d) is not part of this unit's form"
        case (.notANumber, .vi): return "Giá trị của chỉ tiêu \(d) không phải là số"
        case (.notANumber, .en): return "The value of \(d) is not a number"
        case (.negativeValue, .vi): return "Giá trị của chỉ tiêu \(d) là số âm"
        case (.negativeValue, .en): return "The value of \(d) is negative"
        case (.decimalInInteger, .vi): return "Chỉ tiêu \(d) đếm số lượng nên phải là số nguyên"
        case (.decimalInInteger, .en): return "\(d) is a count and must be a whole number"
        case (.unknownCategory, .vi): return "Giá trị phân tổ của chỉ tiêu \(d) không có trong danh mục"
        case (.unknownCategory, .en): return "The category of \(d) is not one of its categories"
        case (.notYesNo, .vi): return "Chỉ tiêu \(d) chỉ nhận giá trị có hoặc không"
        case (.notYesNo, .en): return "\(d) takes only yes or no"
        case (.partsMismatch, .vi): return "Tổng các phân tổ của chỉ tiêu \(d) không khớp với số tổng"
        case (.partsMismatch, .en): return "The parts of \(d) do not add up to its total"
        case (.duplicateValue, .vi): return "Chỉ tiêu \(d) được ghi hai lần trong cùng một báo cáo; giữ lần ghi đầu"
        case (.duplicateValue, .en): return "\(d) is given twice in one report; the first is kept"
        case (.answerCountNotSingle, .vi): return "Một xã chỉ trả lời một lần cho chỉ tiêu \(d): giá trị phải là 0 hoặc 1"
        case (.answerCountNotSingle, .en): return "A single commune answers \(d) once: the value must be 0 or 1"
        case (.noValues, .vi): return "Báo cáo không có giá trị nào (mọi ô số liệu đều trống)"
        case (.noValues, .en): return "The report has no values (every value cell is empty)"
        case (.lostToNewerFile, .vi): return "Báo cáo cùng đơn vị, cùng kỳ, cùng biểu mẫu đã được gửi lại trong tệp \(d); dùng bản mới hơn đó"
        case (.lostToNewerFile, .en): return "The same unit, period and form was sent again in \(d); that newer one is used"
        case (.supersedesEarlier, .vi): return "Báo cáo này thay thế báo cáo cùng đơn vị, cùng kỳ, cùng biểu mẫu đã nhận trước đó từ tệp \(d); bản cũ vẫn được lưu"
        case (.supersedesEarlier, .en): return "This report replaces the one for the same unit, period and form received earlier in \(d); the old version is kept"
        case (.readFailed, .vi): return "Không đọc được tệp (\(d))"
        case (.readFailed, .en): return "The file cannot be read (\(d))"
        }
    }

    /// How to fix it: one instruction a commune officer can follow.
    public static func hint(_ p: Problem, _ lang: Language) -> String {
        switch (p.code, lang) {
        case (.notText, .vi), (.notUTF8, .vi):
            return "trong Excel chọn Tệp > Lưu thành > \"CSV UTF-8 (phân cách bằng dấu phẩy)\" rồi gửi lại tệp .csv"
        case (.notText, .en), (.notUTF8, .en):
            return "in Excel use File > Save As > \"CSV UTF-8 (Comma delimited)\" and send the .csv again"
        case (.tooLarge, .vi): return "kiểm tra lại tệp; mỗi báo cáo chỉ vài trăm dòng"
        case (.tooLarge, .en): return "check the file; a report has a few hundred lines at most"
        case (.emptyFile, .vi), (.noValues, .vi): return "điền số liệu vào biểu mẫu rồi gửi lại"
        case (.emptyFile, .en), (.noValues, .en): return "fill in the form and send it again"
        case (.unterminatedQuote, .vi): return "thêm dấu \" đóng hoặc xóa dấu \" thừa"
        case (.unterminatedQuote, .en): return "add the closing \" or remove the stray one"
        case (.unknownLayout, .vi), (.missingColumn, .vi), (.missingKey, .vi):
            return "dùng biểu mẫu trống do tonghop tạo (lệnh tonghop template) và giữ nguyên các dòng tiêu đề"
        case (.unknownLayout, .en), (.missingColumn, .en), (.missingKey, .en):
            return "use the blank form tonghop makes (tonghop template) and keep its header lines unchanged"
        case (.unreadableWorkbook, .vi): return "mở tệp bằng Excel, lưu lại thành .xlsx rồi gửi lại; hoặc lưu thành \"CSV UTF-8\""
        case (.unreadableWorkbook, .en): return "open the file in Excel, save it again as .xlsx and send it again, or save it as \"CSV UTF-8\""
        case (.workbookNotAReport, .vi):
            return "dùng biểu mẫu trống do tonghop tạo (lệnh tonghop template), điền số liệu vào trang đầu tiên và giữ nguyên các dòng tiêu đề"
        case (.workbookNotAReport, .en):
            return "use the blank form tonghop makes (tonghop template), fill in its first sheet and keep its header lines unchanged"
        case (.workbookNamedAsText, .vi): return "lần sau giữ đuôi .xlsx khi gửi tệp Excel"
        case (.workbookNamedAsText, .en): return "keep the .xlsx extension when sending an Excel file"
        case (.unknownColumn, .vi): return "sửa tiêu đề cột thành mã chỉ tiêu (ví dụ MT01, hoặc NN01.duoi_18 cho phân tổ)"
        case (.unknownColumn, .en): return "make the header an indicator code (e.g. MT01, or NN01.duoi_18 for a part)"
        case (.unknownUnit, .vi): return "ghi đúng mã thống kê của đơn vị (xã 5 chữ số, huyện 3 chữ số, sở ngành dạng 35-CA)"
        case (.unknownUnit, .en): return "write the unit's official statistics code (commune 5 digits, district 3, department like 35-CA)"
        case (.unitNotInForce, .vi): return "dùng mã đơn vị theo danh mục đang có hiệu lực trong kỳ báo cáo"
        case (.unitNotInForce, .en): return "use the unit code of the registry in force for the period"
        case (.unknownPeriod, .vi): return "ghi kỳ dạng 2024-Q2, 2024-H1, 2024 hoặc \"Quý II/2024\", \"6 tháng đầu năm 2024\""
        case (.unknownPeriod, .en): return "write the period as 2024-Q2, 2024-H1, 2024 or \"Quý II/2024\""
        case (.periodInFuture, .vi): return "kiểm tra lại năm và kỳ báo cáo"
        case (.periodInFuture, .en): return "check the year and period"
        case (.unknownForm, .vi), (.formMismatch, .vi):
            return "ghi bieu_mau là XA (xã), HUYEN (huyện) hoặc mã ngành của sở (CA, YT...), hoặc bỏ trống dòng này"
        case (.unknownForm, .en), (.formMismatch, .en):
            return "write bieu_mau as XA (commune), HUYEN (district) or the department's sector (CA, YT...), or leave it out"
        case (.unitCannotReport, .vi): return "gửi báo cáo của các xã, huyện, sở ngành, hoặc tệp tổng hợp do tonghop export tạo"
        case (.unitCannotReport, .en): return "send the communes', districts' and departments' reports, or a file made by tonghop export"
        case (.unknownIndicator, .vi), (.indicatorNotInForm, .vi):
            return "xóa dòng/cột này hoặc sửa mã chỉ tiêu theo biểu mẫu trống của đơn vị"
        case (.unknownIndicator, .en), (.indicatorNotInForm, .en):
            return "delete this row/column or correct the code as in the unit's blank form"
        case (.notANumber, .vi): return "chỉ ghi chữ số (ví dụ 12 hoặc 1,5), không ghi chữ; để trống nếu không có số liệu"
        case (.notANumber, .en): return "write digits only (e.g. 12 or 1.5); leave it empty when there is no figure"
        case (.negativeValue, .vi): return "số lượng không thể âm; ghi 0 nếu không có"
        case (.negativeValue, .en): return "a count cannot be negative; write 0 if there were none"
        case (.decimalInInteger, .vi): return "ghi số nguyên, ví dụ 12"
        case (.decimalInInteger, .en): return "write a whole number, e.g. 12"
        case (.unknownCategory, .vi), (.notYesNo, .vi): return "chọn một trong các giá trị được liệt kê ở mục \"Cần\""
        case (.unknownCategory, .en), (.notYesNo, .en): return "use one of the values listed under \"Expected\""
        case (.partsMismatch, .vi): return "sửa các phân tổ hoặc số tổng để tổng các phân tổ bằng số tổng"
        case (.partsMismatch, .en): return "correct the parts or the total so that they agree"
        case (.duplicateValue, .vi): return "xóa dòng bị lặp"
        case (.duplicateValue, .en): return "delete the repeated row"
        case (.answerCountNotSingle, .vi): return "ghi giá trị trả lời vào cột gia_tri và để trống phan_to"
        case (.answerCountNotSingle, .en): return "write the answer in gia_tri and leave phan_to empty"
        case (.lostToNewerFile, _), (.supersedesEarlier, _), (.readFailed, _): return ""
        }
    }
}
