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
        var sentences = [severityWord(p.severity, lang) + " — " + what(p, lang)]
        if let f = p.found { sentences.append(lang == .vi ? "Tìm thấy: \"\(f)\"" : "Found: \"\(f)\"") }
        if let e = p.expected?[lang] { sentences.append(lang == .vi ? "Cần: \(e)" : "Expected: \(e)") }
        let h = hint(p, lang)
        if !h.isEmpty { sentences.append(lang == .vi ? "Cách sửa: \(h)" : "How to fix: \(h)") }
        // A question ("có phải là 13285 ...?") ends its sentence itself.
        for sentence in sentences { s += sentence + (sentence.hasSuffix("?") ? " " : ". ") }
        return String(s.dropLast())
    }

    public static func location(_ p: Problem, _ lang: Language) -> String {
        var parts: [String] = []
        if let s = p.sheet { parts.append(lang == .vi ? "trang tính \"\(s)\"" : "sheet \"\(s)\"") }
        if let l = p.line { parts.append(lang == .vi ? "dòng \(l)" : "line \(l)") }
        if let c = p.column { parts.append(lang == .vi ? "cột \(c) (\(columnLetters(c)))" : "column \(c) (\(columnLetters(c)))") }
        if let e = p.element { parts.append(lang == .vi ? "mục \(e)" : "entry \(e)") }
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
        let d = p.detail?[lang] ?? ""
        switch (p.code, lang) {
        case (.notText, .vi): return "Tệp không phải là tệp CSV (văn bản) mà là \(d)"
        case (.notText, .en): return "The file is not a CSV (text) file but \(d)"
        case (.notUTF8, .vi): return "Tệp không được lưu ở bảng mã UTF-8 (\(d))"
        case (.notUTF8, .en): return "The file is not saved as UTF-8 (\(d))"
        case (.encodingAssumed, .vi): return "Tệp không được lưu ở bảng mã UTF-8: đã đọc theo bảng mã \(d); hãy kiểm tra chữ có dấu"
        case (.encodingAssumed, .en): return "The file is not saved as UTF-8: it was read as \(d); check the Vietnamese letters"
        case (.notARegularFile, .vi): return "Không phải một tệp thông thường (\(d)); bỏ qua"
        case (.notARegularFile, .en): return "Not a regular file (\(d)); skipped"
        case (.strayQuote, .vi): return "Dấu ngoặc kép đặt sai chỗ (sau dấu \" đóng còn chữ): các ô có thể đã bị gộp hoặc lệch cột nên cả dòng bị bỏ"
        case (.strayQuote, .en): return "A misplaced quote (text follows a closing \"): cells may have merged or shifted, so the whole line is refused"
        case (.blankHeader, .vi): return "Cột không có tiêu đề nằm giữa các cột có tiêu đề: có thể thừa dấu phân cách làm lệch cột nên cả tệp bị từ chối"
        case (.blankHeader, .en): return "An untitled column lies between titled ones: a stray separator may have shifted the columns, so the whole file is refused"
        case (.extraCells, .vi): return "Dòng này có nhiều ô hơn dòng tiêu đề: có thể thừa dấu phân cách làm lệch cột, nên cả dòng bị bỏ (\(d))"
        case (.extraCells, .en): return "This line has more cells than the header: a stray separator may have shifted the columns, so the whole line is refused (\(d))"
        case (.unitGivenByName, .vi): return "Ô mã đơn vị ghi tên thay vì mã thống kê; có phải là \(d)?"
        case (.unitGivenByName, .en): return "The unit code cell holds a name instead of the statistics code; did you mean \(d)?"
        case (.outsideScope, .vi): return "Đơn vị không thuộc phạm vi đang tổng hợp (\(d))"
        case (.outsideScope, .en): return "The unit is outside the scope being compiled (\(d))"
        case (.indicatorGivenByName, .vi): return "Ô mã chỉ tiêu ghi tên thay vì mã; có phải là \(d)?"
        case (.indicatorGivenByName, .en): return "The indicator cell holds a name instead of a code; did you mean \(d)?"
        case (.ambiguousNumber, .vi): return "Số này có thể hiểu hai cách; \(d)"
        case (.ambiguousNumber, .en): return "This number can be read two ways; \(d)"
        case (.percentSign, .vi): return "Đã bỏ dấu % và đọc số \(d)"
        case (.percentSign, .en): return "The % sign was dropped and the number read as \(d)"
        case (.ruleViolated, _): return d
        case (.outlier, _): return d
        case (.reconciliationMismatch, _): return d
        case (.tooLarge, .vi): return "Tệp quá lớn để là một báo cáo (\(d))"
        case (.tooLarge, .en): return "The file is too large to be a report (\(d))"
        case (.noFigures, .vi): return "Tệp không có số liệu nào (chỉ có dòng tiêu đề, hoặc mọi ô số liệu đều trống): đơn vị chưa được tính là đã báo cáo"
        case (.noFigures, .en): return "The file holds no figures (a header alone, or every value cell empty): the unit is not counted as having reported"
        case (.fileTypeNotRead, .vi): return "tonghop không đọc loại tệp này (\(d)): tệp chưa được đọc, số liệu trong đó chưa được tính"
        case (.fileTypeNotRead, .en): return "tonghop does not read this kind of file (\(d)): it was not read, its figures are not counted"
        case (.linkOutsideInbox, .vi): return "Đây là liên kết (symbolic link) trỏ ra ngoài thư mục inputs/: tonghop không theo liên kết này, không đọc gì từ nó"
        case (.linkOutsideInbox, .en): return "This is a symbolic link leading outside inputs/: tonghop does not follow it and reads nothing through it"
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
        case (.unknownColumn, .vi): return "Tiêu đề cột không phải mã chỉ tiêu hay tên cột đã biết; các cột có thể đã bị lệch nên cả tệp bị từ chối"
        case (.unknownColumn, .en): return "The column header is neither an indicator code nor a known column; the columns may have shifted, so the whole file is refused"
        case (.unreadableWorkbook, .vi): return "Tệp bảng tính (Excel hoặc LibreOffice) bị hỏng, không đọc được (\(d))"
        case (.unreadableWorkbook, .en): return "The spreadsheet file (Excel or LibreOffice) is damaged and cannot be read (\(d))"
        case (.workbookNotAReport, .vi): return "Không trang tính nào của tệp là biểu mẫu báo cáo (các trang: \(d)): không trang nào có dòng don_vi, ky_bao_cao của biểu mẫu, dòng tiêu đề của bảng (ma_don_vi,ky_bao_cao,...) hay của dạng dài"
        case (.workbookNotAReport, .en): return "No sheet of the workbook is a report form (sheets: \(d)): none has the form's don_vi, ky_bao_cao lines, a table header (ma_don_vi,ky_bao_cao,...) or the long layout's"
        case (.workbookNamedAsText, .vi): return "Tệp có đuôi .\(d) nhưng thực ra là tệp Excel .xlsx; đã đọc như tệp Excel"
        case (.workbookNamedAsText, .en): return "The file is named .\(d) but is an Excel .xlsx workbook; it was read as a workbook"
        case (.workbookNamedOtherwise, .vi): return "Tệp có đuôi \(d); đã đọc như bảng tính đó"
        case (.workbookNamedOtherwise, .en): return "The file is named \(d); it was read as such"
        case (.sheetEmpty, .vi): return "Trang tính trống: bỏ qua"
        case (.sheetEmpty, .en): return "The sheet is empty: skipped"
        case (.sheetNotAReport, .vi): return "Trang tính này không phải là báo cáo (không có dòng don_vi của biểu mẫu, dòng tiêu đề của bảng hay của dạng dài), có thể là trang bìa hoặc hướng dẫn: bỏ qua, không đọc số liệu nào ở trang này"
        case (.sheetNotAReport, .en): return "This sheet is not a report (no form's don_vi line, no table or long-layout header), perhaps a cover page or instructions: skipped, no figure on it was read"
        case (.reportOnSeveralSheets, .vi): return "Báo cáo của cùng đơn vị, cùng kỳ, cùng biểu mẫu có ở nhiều trang tính (\(d)); không biết trang nào đúng nên không trang nào được nhận"
        case (.reportOnSeveralSheets, .en): return "The same unit's report for the same period and form is on several sheets (\(d)); which is right cannot be told, so none is taken"
        case (.unreadableXML, .vi): return "Tệp XML bị hỏng, không đọc được (\(d))"
        case (.unreadableXML, .en): return "The XML file is damaged and cannot be read (\(d))"
        case (.xmlDocumentType, .vi): return "Tệp XML có khai báo DOCTYPE (có thể chứa thực thể hoặc tham chiếu ra ngoài tệp): để an toàn, tonghop không đọc tệp như vậy"
        case (.xmlDocumentType, .en): return "The XML file declares a DOCTYPE (which may hold entities or references outside the file): for safety, tonghop does not read such files"
        case (.notADX, .vi): return "Tệp XML không phải thông điệp ADX: phần tử gốc là \(d), cần <adx> trong không gian tên \(ADXFormat.namespace)"
        case (.notADX, .en): return "The XML file is not an ADX message: its root element is \(d), not <adx> in the namespace \(ADXFormat.namespace)"
        case (.unreadableJSON, .vi): return "Tệp JSON bị hỏng, không đọc được (\(d))"
        case (.unreadableJSON, .en): return "The JSON file is damaged and cannot be read (\(d))"
        case (.notADataValueSet, .vi): return "Tệp JSON không phải dataValueSets của DHIS2 (\(d))"
        case (.notADataValueSet, .en): return "The JSON file is not a DHIS2 dataValueSet (\(d))"
        case (.attributeOptionComboNotRead, .vi): return "Giá trị có attributeOptionCombo khác mặc định: tonghop không phân tổ theo thuộc tính nên không nhận giá trị này của chỉ tiêu \(d)"
        case (.attributeOptionComboNotRead, .en): return "The value has an attributeOptionCombo other than the default: tonghop has no attribute disaggregation, so this value of \(d) is not taken"
        case (.unknownCategoryAttribute, .vi): return "Thuộc tính phân tổ này không dùng cho chỉ tiêu \(d): giá trị không được nhận"
        case (.unknownCategoryAttribute, .en): return "This disaggregation attribute is not one of \(d)'s: the value is not taken"
        case (.unitGivenTwice, .vi): return "Cùng một đơn vị có nhiều dòng trong tệp (các dòng \(d)); không biết dòng nào đúng nên không dòng nào được nhận"
        case (.unitGivenTwice, .en): return "The same unit has several rows in the file (lines \(d)); which is right cannot be told, so none is taken"
        case (.unitNameMismatch, .vi): return "Tên đơn vị không khớp với mã đơn vị (\(d))"
        case (.unitNameMismatch, .en): return "The unit's name does not match its code (\(d))"
        case (.unitNameOfOtherMap, .vi): return "Mã đơn vị và tên đơn vị thuộc hai danh mục khác nhau (\(d))"
        case (.unitNameOfOtherMap, .en): return "The unit's code and name belong to different registries (\(d))"
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
        case (.wrongMeasure, .vi): return "Đơn vị tính ghi trong báo cáo khác với đơn vị tính của chỉ tiêu \(d); số liệu có thể sai nhiều lần"
        case (.wrongMeasure, .en): return "The unit of measure written in the report is not that of \(d); the figure may be off by a factor"
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
        case (.noFigures, .vi): return "điền số liệu vào biểu mẫu (hoặc thêm các dòng số liệu dưới dòng tiêu đề) rồi gửi lại"
        case (.noFigures, .en): return "fill in the figures (or add the rows under the header) and send the file again"
        case (.fileTypeNotRead, .vi): return "mở tệp bằng Excel hoặc LibreOffice và chọn Lưu thành \"Sổ làm việc Excel (.xlsx)\" hoặc \"CSV UTF-8\" rồi gửi lại; báo cáo dạng PDF, Word hay ảnh chụp cần được nhập vào biểu mẫu trống (lệnh tonghop template)"
        case (.fileTypeNotRead, .en): return "open the file in Excel or LibreOffice and save it as \"Excel Workbook (.xlsx)\" or \"CSV UTF-8\", then send it again; a report as a PDF, a Word file or a photo must be typed into a blank form (tonghop template)"
        case (.linkOutsideInbox, .vi): return "chép chính tệp báo cáo vào thư mục inputs/ thay vì tạo liên kết"
        case (.linkOutsideInbox, .en): return "copy the report file itself into inputs/ instead of linking to it"
        case (.emptyFile, .vi), (.noValues, .vi): return "điền số liệu vào biểu mẫu rồi gửi lại"
        case (.emptyFile, .en), (.noValues, .en): return "fill in the form and send it again"
        case (.encodingAssumed, .vi): return "lần sau trong Excel chọn Tệp > Lưu thành > \"CSV UTF-8 (phân cách bằng dấu phẩy)\""
        case (.encodingAssumed, .en): return "next time, in Excel use File > Save As > \"CSV UTF-8 (Comma delimited)\""
        case (.notARegularFile, .vi): return "chỉ để các tệp báo cáo (.csv, .txt, .tsv, .xlsx) trong thư mục inputs/"
        case (.notARegularFile, .en): return "keep only report files (.csv, .txt, .tsv) in inputs/"
        case (.strayQuote, .vi): return "xóa dấu \" thừa, hoặc đặt cả ô trong ngoặc kép và viết dấu \" bên trong thành \"\""
        case (.strayQuote, .en): return "remove the stray \", or quote the whole cell and double the \" inside it"
        case (.blankHeader, .vi): return "xóa cột trống hoặc dấu phân cách thừa trong dòng tiêu đề"
        case (.blankHeader, .en): return "delete the empty column or the stray separator in the header"
        case (.extraCells, .vi): return "xóa dấu phân cách thừa (thường là dấu phẩy trong một số hoặc tên) để dòng có đúng các cột của dòng tiêu đề"
        case (.extraCells, .en): return "remove the stray separator (often a comma inside a number or a name) so that the line has the header's columns"
        case (.unitGivenByName, .vi): return "ghi mã thống kê của đơn vị (ví dụ 13285), không ghi tên"
        case (.unitGivenByName, .en): return "write the unit's statistics code (e.g. 13285), not its name"
        case (.outsideScope, .vi): return "gửi tệp này cho nơi tổng hợp của đơn vị đó, hoặc chạy lại không có --scope"
        case (.outsideScope, .en): return "send this file to the office compiling that unit, or run again without --scope"
        case (.indicatorGivenByName, .vi): return "ghi mã chỉ tiêu (ví dụ NN01) như trong biểu mẫu trống"
        case (.indicatorGivenByName, .en): return "write the indicator code (e.g. NN01) as in the blank form"
        case (.ambiguousNumber, .vi): return "nếu cách đọc trên không đúng, ghi số không có dấu phân cách hàng nghìn (ví dụ 12000) và dùng dấu phẩy cho phần thập phân (1,5)"
        case (.ambiguousNumber, .en): return "if that reading is wrong, write the number without thousands separators (e.g. 12000) and a decimal comma (1,5)"
        case (.percentSign, .vi): return "ghi số không kèm dấu %"
        case (.percentSign, .en): return "write the number without the % sign"
        case (.ruleViolated, .vi):
            return p.severity == .error ? "sửa các số liệu nêu trên cho đúng; phần \"trong đó\" không thể lớn hơn tổng"
                                        : "kiểm tra lại các số liệu nêu trên; nếu đúng, ghi lý do ở cột ghi_chu"
        case (.ruleViolated, .en):
            return p.severity == .error ? "correct the figures above; a part (\"of which\") cannot exceed its whole"
                                        : "check the figures above; if they are right, say why in ghi_chu"
        case (.outlier, .vi): return "kiểm tra lại số này (gõ thừa chữ số?); nếu đúng, ghi lý do ở cột ghi_chu"
        case (.outlier, .en): return "check this figure (an extra digit?); if it is right, say why in ghi_chu"
        case (.reconciliationMismatch, .vi): return "đối chiếu số của huyện với báo cáo của từng xã và sửa bên sai"
        case (.reconciliationMismatch, .en): return "compare the district's figure with each commune's report and correct the wrong one"
        case (.unterminatedQuote, .vi): return "thêm dấu \" đóng hoặc xóa dấu \" thừa"
        case (.unterminatedQuote, .en): return "add the closing \" or remove the stray one"
        case (.unknownLayout, .vi), (.missingColumn, .vi), (.missingKey, .vi):
            return "dùng biểu mẫu trống do tonghop tạo (lệnh tonghop template) và giữ nguyên các dòng tiêu đề"
        case (.unknownLayout, .en), (.missingColumn, .en), (.missingKey, .en):
            return "use the blank form tonghop makes (tonghop template) and keep its header lines unchanged"
        case (.unreadableWorkbook, .vi): return "mở tệp bằng Excel, lưu lại thành .xlsx rồi gửi lại; hoặc lưu thành \"CSV UTF-8\""
        case (.unreadableWorkbook, .en): return "open the file in Excel, save it again as .xlsx and send it again, or save it as \"CSV UTF-8\""
        case (.workbookNotAReport, .vi):
            return "dùng biểu mẫu trống do tonghop tạo (lệnh tonghop template), điền số liệu vào đó và giữ nguyên các dòng tiêu đề"
        case (.workbookNotAReport, .en):
            return "use the blank form tonghop makes (tonghop template), fill it in and keep its header lines unchanged"
        case (.workbookNamedAsText, .vi): return "lần sau giữ đuôi .xlsx khi gửi tệp Excel"
        case (.workbookNamedAsText, .en): return "keep the .xlsx extension when sending an Excel file"
        case (.workbookNamedOtherwise, .vi): return "lần sau giữ đúng đuôi tên tệp khi gửi (.xlsx, .xls hoặc .ods)"
        case (.workbookNamedOtherwise, .en): return "keep the file's own extension when sending it (.xlsx, .xls or .ods)"
        case (.sheetEmpty, _): return ""
        case (.sheetNotAReport, .vi): return "nếu trang này là báo cáo, ghi dòng don_vi của biểu mẫu, hoặc dòng tiêu đề ma_don_vi,ky_bao_cao,... của bảng, ở đầu trang"
        case (.sheetNotAReport, .en): return "if this sheet is a report, give it a form's don_vi line, or a table's ma_don_vi,ky_bao_cao,... header, at its top"
        case (.reportOnSeveralSheets, .vi): return "giữ báo cáo của mỗi đơn vị ở một trang tính và xóa bản thừa"
        case (.reportOnSeveralSheets, .en): return "keep each unit's report on one sheet and delete the other copy"
        case (.unreadableXML, .vi), (.notADX, .vi):
            return "xuất lại tệp ADX từ hệ thống đã tạo ra nó (DHIS2, hoặc tonghop export --format adx) rồi gửi lại; hoặc gửi báo cáo theo biểu mẫu CSV"
        case (.unreadableXML, .en), (.notADX, .en):
            return "export the ADX file again from the system that made it (DHIS2, or tonghop export --format adx) and send it again, or send the report on the CSV form"
        case (.xmlDocumentType, .vi): return "xuất lại tệp ADX không có phần <!DOCTYPE ...> (DHIS2 và tonghop không ghi phần này)"
        case (.xmlDocumentType, .en): return "export the ADX file again without its <!DOCTYPE ...> (neither DHIS2 nor tonghop writes one)"
        case (.unreadableJSON, .vi), (.notADataValueSet, .vi):
            return "xuất lại tệp dataValueSets từ DHIS2 (hoặc tonghop export --format dhis2-json) rồi gửi lại"
        case (.unreadableJSON, .en), (.notADataValueSet, .en):
            return "export the dataValueSet again from DHIS2 (or tonghop export --format dhis2-json) and send it again"
        case (.attributeOptionComboNotRead, .vi):
            return "chỉ gửi giá trị có attributeOptionCombo mặc định; nếu mã này là mặc định của hệ thống DHIS2, khai báo nó là tổng (dòng phan_to,,mã) trong templates/dhis2.csv"
        case (.attributeOptionComboNotRead, .en):
            return "send only values of the default attributeOptionCombo; if this is the DHIS2 instance's default, map it as the total (a row phan_to,,code) in templates/dhis2.csv"
        case (.unknownCategoryAttribute, .vi):
            return "đặt tên thuộc tính phân tổ như ở mục \"Cần\", hoặc khai báo tên này (dòng ten_phan_to) trong templates/dhis2.csv"
        case (.unknownCategoryAttribute, .en):
            return "name the disaggregation attribute as under \"Expected\", or declare this name (a ten_phan_to row) in templates/dhis2.csv"
        case (.unknownColumn, .vi): return "sửa tiêu đề cột thành mã chỉ tiêu (ví dụ MT01, hoặc NN01.duoi_18 cho phân tổ) hoặc xóa cột không cần"
        case (.unknownColumn, .en): return "make the header an indicator code (e.g. MT01, or NN01.duoi_18 for a part) or delete the column"
        case (.unitGivenTwice, .vi): return "giữ một dòng cho mỗi đơn vị, kiểm tra lại mã đơn vị của các dòng còn lại"
        case (.unitGivenTwice, .en): return "keep one row per unit and check the unit codes of the others"
        case (.unitNameMismatch, .vi): return "kiểm tra lại mã đơn vị (mã thống kê 5 chữ số của xã) và tên, sửa cho khớp"
        case (.unitNameMismatch, .en): return "check the unit's code (the commune's 5-digit statistics code) and name and make them match"
        case (.unitNameOfOtherMap, .vi): return "từ 01/7/2025 dùng mã xã mới theo danh mục sau sắp xếp; báo cáo kỳ trước 01/7/2025 dùng mã cũ"
        case (.unitNameOfOtherMap, .en): return "from 1 July 2025 use the new commune code; reports for periods before then keep the old code"
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
        case (.wrongMeasure, .vi): return "đổi số liệu sang đơn vị tính ghi ở mục \"Cần\" (ví dụ gam sang kg: chia cho 1.000) và ghi lại đúng đơn vị tính"
        case (.wrongMeasure, .en): return "convert the figure to the unit under \"Expected\" (e.g. grams to kg: divide by 1,000) and write that unit"
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

// MARK: Expectations and details, in both languages

/// What a cell should have held (``Problem/expected``) and the facts a message quotes
/// (``Problem/detail``), worded once for both languages.
extension Messages {
    public static let wholeNumber = Wording(vi: "số nguyên không âm", en: "a whole number, 0 or more")
    public static let nonNegativeNumber = Wording(vi: "số không âm", en: "a number, 0 or more")
    public static let integer = Wording(vi: "số nguyên", en: "a whole number")
    public static let yesOrNo = Wording(vi: "co hoặc khong", en: "co (yes) or khong (no)")
    public static let zeroOrOne = Wording(vi: "0 hoặc 1", en: "0 or 1")
    public static let periodFormat = Wording(vi: "kỳ báo cáo như 2024-Q2, 2024-H1, 2024, Quý II/2024",
                                             en: "a period such as 2024-Q2, 2024-H1, 2024, Quý II/2024")

    public static func oneOf(_ items: [String]) -> Wording {
        Wording(vi: "một trong " + items.joined(separator: ", "), en: "one of " + items.joined(separator: ", "))
    }

    /// "dd/mm/yyyy" of a yyyymmdd key.
    static func date(_ yyyymmdd: Int) -> String {
        let d = yyyymmdd % 100, m = (yyyymmdd / 100) % 100, y = yyyymmdd / 10000
        return (d < 10 ? "0" : "") + "\(d)/" + (m < 10 ? "0" : "") + "\(m)/\(y)"
    }

    public static func periodStarted(today: Int) -> Wording {
        Wording(vi: "kỳ đã bắt đầu (hôm nay là \(date(today)))", en: "a period that has begun (today is \(date(today)))")
    }

    public static func unitOfRegistry(_ registry: String) -> Wording {
        Wording(vi: "mã đơn vị trong danh mục \(registry)", en: "a unit code of registry \(registry)")
    }

    public static func unitOfRegistry(_ registry: String, for period: Period) -> Wording {
        Wording(vi: "mã đơn vị của danh mục \(registry) (áp dụng cho kỳ \(period.code))",
                en: "a unit code of registry \(registry) (in force for \(period.code))")
    }

    public static func noRegistry(for period: Period) -> Wording {
        Wording(vi: "không có danh mục đơn vị nào có hiệu lực cho kỳ \(period.code)", en: "no registry of units is in force for \(period.code)")
    }

    public static func unitOfOtherRegistry(_ unit: Unit, registry: String, period: Period) -> Wording {
        Wording(vi: "mã \(unit.code) là \(unit.name) trong danh mục \(registry), không dùng cho kỳ \(period.code)",
                en: "\(unit.code) is \(unit.name) in registry \(registry), not in use for \(period.code)")
    }

    public static func nameOfOtherMap(_ old: Unit, registry: String, now: Unit, period: Period, successors: [Unit]) -> Wording {
        let next = successors.map { "\($0.code) \($0.name)" }.joined(separator: " hoặc ")
        let nextEn = successors.map { "\($0.code) \($0.name)" }.joined(separator: " or ")
        return Wording(vi: "tên ghi là tên cũ của mã \(old.code) (\(old.name), danh mục \(registry)); trong kỳ \(period.code) mã này là \(now.name)"
                           + (next.isEmpty ? "" : ". Đơn vị cũ nay là: \(next)"),
                       en: "the name is the old one of code \(old.code) (\(old.name), registry \(registry)); for \(period.code) the code is \(now.name)"
                           + (nextEn.isEmpty ? "" : ". The old unit is now \(nextEn)"))
    }

    public static func nameOfAnotherUnit(_ namesake: Unit?, code unit: Unit) -> Wording {
        guard let namesake else {
            return Wording(vi: "mã \(unit.code) là \(unit.name)", en: "code \(unit.code) is \(unit.name)")
        }
        return Wording(vi: "mã \(unit.code) là \(unit.name); tên ghi là của đơn vị \(namesake.code) \(namesake.name)",
                       en: "code \(unit.code) is \(unit.name); the name written is that of \(namesake.code) \(namesake.name)")
    }

    public static func levelName(_ level: UnitLevel) -> Wording {
        switch level {
        case .nation: return Wording(vi: "quốc gia", en: "the nation")
        case .province: return Wording(vi: "tỉnh", en: "province")
        case .district: return Wording(vi: "huyện", en: "district")
        case .commune: return Wording(vi: "xã", en: "commune")
        case .department: return Wording(vi: "sở, ngành", en: "provincial department")
        }
    }

    public static func formOfLevel(_ unit: Unit, form: String) -> Wording {
        let level = levelName(unit.level)
        return Wording(vi: "\(unit.code) \(unit.name) là cấp \(level.vi), dùng biểu \(form)",
                       en: "\(unit.code) \(unit.name) is a \(level.en), its form is \(form)")
    }

    public static func indicatorOfForm(_ form: String) -> Wording {
        Wording(vi: "một chỉ tiêu của biểu \(form)", en: "an indicator of form \(form)")
    }

    public static func partsSum(_ parts: [(String, Double)], sum: Double) -> Wording {
        let terms = parts.map { "\($0.0)=\(number($0.1))" }.joined(separator: " + ") + " = \(number(sum))"
        return Wording(vi: "bằng tổng các phân tổ \(terms)", en: "the sum of its parts \(terms)")
    }

    public static func sizeLimit(megabytes: Int, limit: Int) -> Wording {
        Wording(vi: "\(megabytes) MB trở lên, tối đa \(limit) MB", en: "\(megabytes) MB or more, at most \(limit) MB")
    }

    public static func cellsInHeader(_ count: Int, found: Int) -> Wording {
        Wording(vi: "dòng có \(found) ô, dòng tiêu đề có \(count)", en: "the line has \(found) cells, the header \(count)")
    }

    public static func withinScope(_ scope: Unit, unit: Unit) -> Wording {
        Wording(vi: "\(unit.code) \(unit.name) không thuộc \(scope.code) \(scope.name)",
                en: "\(unit.code) \(unit.name) is not within \(scope.code) \(scope.name)")
    }

    public static func unknownScope(_ scope: String, registry: String) -> Wording {
        Wording(vi: "phạm vi --scope \(scope) không có trong danh mục \(registry)", en: "the --scope \(scope) is not in registry \(registry)")
    }

    /// Candidates for a name given instead of a code, the first three of `total`:
    /// "13285 Phường Quang Trung (Thành phố Phủ Lý, Tỉnh Hà Nam)".
    public static func candidates(_ items: [String], total: Int) -> Wording {
        let shown = items.prefix(3)
        let more = total - shown.count
        return Wording(vi: shown.joined(separator: " hay ") + (more > 0 ? " (còn \(more) đơn vị khác cùng tên)" : ""),
                       en: shown.joined(separator: " or ") + (more > 0 ? " (\(more) more of that name)" : ""))
    }

    public static func newerFile(_ path: String, preparedOn: String?) -> Wording {
        Wording(vi: path + (preparedOn.map { " (ngày lập \($0))" } ?? ""), en: path + (preparedOn.map { " (dated \($0))" } ?? ""))
    }

    public static let cannotOpen = Wording(vi: "không mở được tệp", en: "cannot open the file")

    public static func ambiguousReading(_ text: String, as value: Double, indicator: String, integer: Bool) -> Wording {
        integer
            ? Wording(vi: "đã đọc \"\(text)\" là \(number(value)) vì chỉ tiêu \(indicator) là số nguyên (dấu phân cách hàng nghìn)",
                      en: "\"\(text)\" was read as \(number(value)) because \(indicator) is a whole number (a thousands separator)")
            : Wording(vi: "đã đọc \"\(text)\" là \(number(value)) vì chỉ tiêu \(indicator) có phần thập phân (dấu thập phân)",
                      en: "\"\(text)\" was read as \(number(value)) because \(indicator) takes decimals (a decimal mark)")
    }

    public static func percentReading(_ value: Double, indicator: String) -> Wording {
        Wording(vi: "\(number(value)) cho chỉ tiêu \(indicator)", en: "\(number(value)) for \(indicator)")
    }

    /// One side of a violated rule with its numbers: "MT03 = 2", "MT07 + MT08 = 3 + 2 = 5".
    static func ruleSide(_ text: String, terms: String, total: Double, single: Bool) -> String {
        single ? "\(text) = \(number(total))" : "\(text) = \(terms) = \(number(total))"
    }

    public static func outlier(indicator: String, value: Double, history: [(Period, Double)]) -> Wording {
        let mean = history.map(\.1).reduce(0, +) / Double(history.count)
        // Vietnamese text writes decimals with a comma throughout (166,28, not 166.28).
        let listVi = history.map { "\($0.0.code): \(number($0.1).replacingOccurrences(of: ".", with: ","))" }.joined(separator: ", ")
        let listEn = history.map { "\($0.0.code): \(number($0.1))" }.joined(separator: ", ")
        if mean == 0 {
            return Wording(vi: "Chỉ tiêu \(indicator) là \(number(value).replacingOccurrences(of: ".", with: ",")), trong khi \(history.count) quý trước đều là 0 (\(listVi))",
                           en: "\(indicator) is \(number(value)), while the \(history.count) quarters before were all 0 (\(listEn))")
        }
        let times = number((value / mean * 10).rounded() / 10).replacingOccurrences(of: ".", with: ",")
        let timesEn = number((value / mean * 10).rounded() / 10)
        let meanText = number((mean * 10).rounded() / 10)
        return Wording(vi: "Chỉ tiêu \(indicator) là \(number(value).replacingOccurrences(of: ".", with: ",")), gấp \(times) lần trung bình \(history.count) quý trước: \(meanText.replacingOccurrences(of: ".", with: ",")) (\(listVi))",
                       en: "\(indicator) is \(number(value)), \(timesEn) times the average of the \(history.count) quarters before: \(meanText) (\(listEn))")
    }

    public static func reconciliation(indicator: String, district: Double, communes: Double, count: Int) -> Wording {
        let gap = number(abs(district - communes))
        return Wording(vi: "Số của huyện cho chỉ tiêu \(indicator) là \(number(district)), tổng của \(count) xã là \(number(communes)): chênh \(gap)",
                       en: "The district's \(indicator) is \(number(district)), the sum of its \(count) communes is \(number(communes)): \(gap) apart")
    }

    /// A number as people read it in a message: no ".0" on whole numbers.
    public static func number(_ v: Double) -> String {
        v.rounded() == v && abs(v) < 1e15 ? String(Int64(v)) : String(v)
    }

    /// A figure as printed for Vietnamese readers: thousands with dots, a decimal comma, at
    /// most two decimals (4575 → "4.575", 1234.5 → "1.234,5").
    public static func vietnameseNumber(_ v: Double) -> String {
        let hundredths = Int64((abs(v) * 100).rounded())
        var whole = String(hundredths / 100)
        var grouped = ""
        while whole.count > 3 {
            grouped = "." + whole.suffix(3) + grouped
            whole.removeLast(3)
        }
        var text = (v < 0 && hundredths > 0 ? "-" : "") + whole + grouped
        let fraction = hundredths % 100
        if fraction != 0 { text += "," + (fraction % 10 == 0 ? String(fraction / 10) : String(format: "%02d", Int(fraction))) }
        return text
    }
}

// MARK: What a file that is not a report looks like

extension Messages {
    public static let zipFile = Wording(vi: "một tệp nén ZIP, có thể là tệp Excel .xlsx đổi tên thành .csv",
                                        en: "a ZIP archive, perhaps an Excel .xlsx renamed .csv")
    public static let pdfFile = Wording(vi: "một tệp PDF", en: "a PDF file")

    /// ".csv nhưng thực ra là bảng tính LibreOffice .ods": a workbook saved under another extension.
    public static func workbookNamed(_ fileExtension: String, kind: InputWorkbook.Kind) -> Wording {
        let name: Wording
        switch kind {
        case .xlsx: name = Wording(vi: "bảng tính Excel .xlsx", en: "an Excel .xlsx workbook")
        case .xls: name = Wording(vi: "bảng tính Excel 97-2003 .xls", en: "an Excel 97-2003 .xls workbook")
        case .ods: name = Wording(vi: "bảng tính LibreOffice .ods", en: "a LibreOffice .ods spreadsheet")
        }
        let named = fileExtension.isEmpty ? Wording(vi: "(không có đuôi)", en: "(no extension)") : Wording("." + fileExtension)
        return Wording(vi: "\(named.vi) nhưng thực ra là \(name.vi)", en: "\(named.en) but is \(name.en)")
    }

    /// What a JSON file lacks to be a dataValueSet.
    public static func jsonShape(path: String) -> Wording {
        if path.isEmpty {
            return Wording(vi: "tệp không phải một đối tượng JSON có mảng dataValues", en: "the file is not a JSON object with a dataValues array")
        }
        return Wording(vi: "mục \(path) không có hoặc không đúng kiểu", en: "\(path) is missing or of the wrong type")
    }

    /// What kind of file an extension names, for a file that is not read.
    public static func fileType(_ fileExtension: String) -> Wording {
        switch fileExtension {
        case "xlsm", "xlsb", "xltx", "xlt": return Wording(vi: "bảng tính Excel dạng .\(fileExtension)", en: "an Excel .\(fileExtension) workbook")
        case "ods", "ots": return Wording(vi: "bảng tính LibreOffice/OpenOffice .\(fileExtension)", en: "a LibreOffice/OpenOffice .\(fileExtension) spreadsheet")
        case "pdf": return Wording(vi: "tệp PDF", en: "a PDF file")
        case "doc", "docx", "odt", "rtf": return Wording(vi: "văn bản Word .\(fileExtension)", en: "a word-processor .\(fileExtension) document")
        case "jpg", "jpeg", "png", "gif", "bmp", "tif", "tiff", "heic", "webp": return Wording(vi: "ảnh .\(fileExtension)", en: "a .\(fileExtension) picture")
        case "zip", "rar", "7z", "gz", "tar": return Wording(vi: "tệp nén .\(fileExtension)", en: "a .\(fileExtension) archive")
        case "": return Wording(vi: "tệp không có phần đuôi tên", en: "a file without an extension")
        default: return Wording(vi: "tệp .\(fileExtension)", en: "a .\(fileExtension) file")
        }
    }
    public static let oldOfficeFile = Wording(vi: "một tệp Excel 97-2003 (.xls) hoặc Word (.doc)", en: "an Excel 97-2003 (.xls) or Word (.doc) file")
    public static let imageFile = Wording(vi: "một tệp ảnh", en: "an image")
    public static let binaryFile = Wording(vi: "một tệp nhị phân", en: "a binary file")
    public static let brokenUTF8 = Wording(vi: "có dấu BOM UTF-8 nhưng nội dung hỏng", en: "it has a UTF-8 byte-order mark but broken content")
    public static let truncatedUTF16 = Wording(vi: "UTF-16 bị cắt cụt", en: "truncated UTF-16")
    public static let brokenUTF16 = Wording(vi: "UTF-16 hỏng", en: "broken UTF-16")
    public static let unknownEncoding = Wording(vi: "cũng không phải UTF-16 hay Windows-1258", en: "nor UTF-16 or Windows-1258 either")

    /// What a path in `inputs/` is when it is not a regular file.
    public static func fileKind(_ kind: NonRegularFile) -> Wording {
        switch kind {
        case .directory: return Wording(vi: "một thư mục", en: "a folder")
        case .fifo: return Wording(vi: "một đường ống (FIFO)", en: "a pipe (FIFO)")
        case .device: return Wording(vi: "một thiết bị", en: "a device")
        case .socket: return Wording(vi: "một socket", en: "a socket")
        case .other: return Wording(vi: "một loại tệp đặc biệt", en: "a special file")
        }
    }
}

// MARK: Error slips (phiếu báo lỗi)

extension Messages {
    static let slipTitle = Wording(vi: "PHIẾU BÁO LỖI SỐ LIỆU BÁO CÁO (phòng, chống ma túy, HIV/AIDS, mại dâm)",
                                   en: "DATA ERROR SLIP (drug, HIV/AIDS and prostitution prevention reports)")
    static let slipFile = Wording(vi: "Tệp: ", en: "File: ")
    static let slipUnits = Wording(vi: "Đơn vị: ", en: "Unit: ")
    static let slipPeriods = Wording(vi: "Kỳ báo cáo: ", en: "Period: ")
    static let slipUnknown = Wording(vi: "chưa xác định được (xem các lỗi dưới đây)", en: "not known (see the problems below)")

    static func slipMore(_ n: Int) -> Wording { Wording(vi: " và \(n) đơn vị khác", en: " and \(n) more") }

    static func slipOutcome(_ status: FileStatus) -> Wording {
        switch status {
        case .rejected: return Wording(vi: "Kết quả: TỪ CHỐI — chưa nhận số liệu nào của tệp này.",
                                       en: "Outcome: REJECTED — nothing in this file was accepted.")
        case .partial: return Wording(vi: "Kết quả: NHẬN MỘT PHẦN — các dòng có lỗi dưới đây bị bỏ; các số liệu khác đã được nhận.",
                                      en: "Outcome: PARTLY ACCEPTED — the lines with errors below were left out; the other figures were accepted.")
        case .accepted: return Wording(vi: "Kết quả: ĐÃ NHẬN.", en: "Outcome: ACCEPTED.")
        }
    }

    static func slipSection(_ severity: Severity, count: Int) -> Wording {
        switch severity {
        case .error: return Wording(vi: "Lỗi phải sửa (\(count)):", en: "Errors to correct (\(count)):")
        case .warning: return Wording(vi: "Cần kiểm tra lại (\(count)):", en: "To check (\(count)):")
        case .notice: return Wording(vi: "Ghi chú (\(count)):", en: "Notes (\(count)):")
        }
    }

    /// What to do with a file that was not read at all: send the report in a form tonghop reads.
    static let slipWhatToDoNotRead = Wording(
        vi: "Việc cần làm: gửi lại báo cáo dưới dạng tệp Excel (.xlsx) hoặc \"CSV UTF-8\" (.csv), theo biểu mẫu trống của tonghop. Tệp này chưa được đọc: đơn vị chưa được tính là đã báo cáo.",
        en: "What to do: send the report again as an Excel (.xlsx) or \"CSV UTF-8\" (.csv) file, on tonghop's blank form. This file was not read: the unit is not counted as having reported.")

    static let slipWhatToDo = Wording(
        vi: "Việc cần làm: sửa các ô nêu trên ngay trong tệp (giữ nguyên các dòng tiêu đề), lưu lại dạng \"CSV UTF-8\" và gửi lại tệp cho nơi tổng hợp. Tệp gửi lại thay thế số liệu đã gửi trước của cùng đơn vị, cùng kỳ.",
        en: "What to do: correct the cells above in the file itself (keep the header lines), save it as \"CSV UTF-8\" and send it again to the compiling office. The file sent again replaces the figures sent before for the same unit and period.")
}
