/// What a problem is and how to fix it, in both languages: one entry per ``ProblemCode``,
/// so that a new code is worded in one place (the compiler asks for it).
///
/// `{}` in a wording stands for the problem's ``Problem/detail`` in the same language (an
/// indicator code, a file's kind, another file's name).
public struct ProblemWording: Sendable {
    /// What is wrong, in one sentence.
    public let what: Wording
    /// What is wrong when the problem has no detail to give (nil: ``what`` with nothing in place of `{}`).
    public let whatWithoutDetail: Wording?
    /// How to fix it: one instruction a commune officer can follow; empty when there is nothing to do.
    public let hint: Wording
    /// How to fix it when the problem is only a warning, where that differs (a rule that warns).
    public let warningHint: Wording?

    package init(what: Wording, hint: Wording, whatWithoutDetail: Wording? = nil, warningHint: Wording? = nil) {
        self.what = what
        self.hint = hint
        self.whatWithoutDetail = whatWithoutDetail
        self.warningHint = warningHint
    }
}

extension ProblemCode {
    /// This code's wording.
    public var wording: ProblemWording {
        switch self {
        case .notText: return ProblemWording(
            what: Wording(vi: "Tệp không phải là tệp CSV (văn bản) mà là {}",
                          en: "The file is not a CSV (text) file but {}"),
            hint: Wording(vi: "trong Excel chọn Tệp > Lưu thành > \"CSV UTF-8 (phân cách bằng dấu phẩy)\" rồi gửi lại tệp .csv",
                          en: "in Excel use File > Save As > \"CSV UTF-8 (Comma delimited)\" and send the .csv again"))
        case .notUTF8: return ProblemWording(
            what: Wording(vi: "Tệp không được lưu ở bảng mã UTF-8 ({})",
                          en: "The file is not saved as UTF-8 ({})"),
            hint: Wording(vi: "trong Excel chọn Tệp > Lưu thành > \"CSV UTF-8 (phân cách bằng dấu phẩy)\" rồi gửi lại tệp .csv",
                          en: "in Excel use File > Save As > \"CSV UTF-8 (Comma delimited)\" and send the .csv again"))
        case .encodingAssumed: return ProblemWording(
            what: Wording(vi: "Tệp không được lưu ở bảng mã UTF-8: đã đọc theo bảng mã {}; hãy kiểm tra chữ có dấu",
                          en: "The file is not saved as UTF-8: it was read as {}; check the Vietnamese letters"),
            hint: Wording(vi: "lần sau trong Excel chọn Tệp > Lưu thành > \"CSV UTF-8 (phân cách bằng dấu phẩy)\"",
                          en: "next time, in Excel use File > Save As > \"CSV UTF-8 (Comma delimited)\""))
        case .garbledTextRepaired: return ProblemWording(
            what: Wording(vi: "Chữ có dấu trong tệp đã bị hỏng do tệp CSV được mở bằng sai bảng mã rồi lưu lại (ví dụ \"QuÃ½\" hoặc \"QuĂ½\" thay cho \"Quý\"); tonghop đã đọc lại đúng chữ ở {} ô, hãy kiểm tra lại tên đơn vị và tên chỉ tiêu",
                          en: "The accented letters of the file were garbled: the CSV file was opened with the wrong character set and saved again (\"QuÃ½\" or \"QuĂ½\" for \"Quý\"); tonghop read them back in {} cells: check the names of units and indicators"),
            hint: Wording(vi: "lần sau, mở tệp CSV trong Excel bằng Dữ liệu > Từ Văn bản/CSV rồi chọn mã 65001: Unicode (UTF-8); trong LibreOffice chọn bộ ký tự \"Unicode (UTF-8)\" trong hộp thoại nhập",
                          en: "next time, open the CSV file in Excel with Data > From Text/CSV and choose 65001: Unicode (UTF-8); in LibreOffice choose the character set \"Unicode (UTF-8)\" in the import dialog"),
            whatWithoutDetail: Wording(vi: "Chữ có dấu trong tệp đã bị hỏng do tệp được mở bằng sai bảng mã rồi lưu lại (ví dụ \"QuÃ½\" hoặc \"QuĂ½\" thay cho \"Quý\"); tonghop đã đọc lại đúng chữ, hãy kiểm tra lại tên đơn vị và tên chỉ tiêu",
                                       en: "The accented letters of the file were garbled: the file was opened with the wrong character set and saved again (\"QuÃ½\" or \"QuĂ½\" for \"Quý\"); tonghop read them back: check the names of units and indicators"))
        case .tooLarge: return ProblemWording(
            what: Wording(vi: "Tệp quá lớn để là một báo cáo ({})",
                          en: "The file is too large to be a report ({})"),
            hint: Wording(vi: "kiểm tra lại tệp; mỗi báo cáo chỉ vài trăm dòng",
                          en: "check the file; a report has a few hundred lines at most"))
        case .notARegularFile: return ProblemWording(
            what: Wording(vi: "Không phải một tệp thông thường ({}); bỏ qua",
                          en: "Not a regular file ({}); skipped"),
            hint: Wording(vi: "chỉ để các tệp báo cáo (.csv, .txt, .tsv, .xlsx) trong thư mục inputs/",
                          en: "keep only report files (.csv, .txt, .tsv, .xlsx) in inputs/"))
        case .emptyFile: return ProblemWording(
            what: Wording(vi: "Tệp rỗng, không có số liệu",
                          en: "The file is empty"),
            hint: Wording(vi: "điền số liệu vào biểu mẫu rồi gửi lại",
                          en: "fill in the form and send it again"))
        case .unterminatedQuote: return ProblemWording(
            what: Wording(vi: "Dấu ngoặc kép mở ở đây nhưng không đóng đến hết tệp (tệp bị cắt cụt hoặc gõ thiếu dấu \")",
                          en: "A quote opened here is never closed (the file is truncated or a \" is missing)"),
            hint: Wording(vi: "thêm dấu \" đóng hoặc xóa dấu \" thừa",
                          en: "add the closing \" or remove the stray one"))
        case .strayQuote: return ProblemWording(
            what: Wording(vi: "Dấu ngoặc kép đặt sai chỗ (sau dấu \" đóng còn chữ): các ô có thể đã bị gộp hoặc lệch cột nên cả dòng bị bỏ",
                          en: "A misplaced quote (text follows a closing \"): cells may have merged or shifted, so the whole line is refused"),
            hint: Wording(vi: "xóa dấu \" thừa, hoặc đặt cả ô trong ngoặc kép và viết dấu \" bên trong thành \"\"",
                          en: "remove the stray \", or quote the whole cell and double the \" inside it"))
        case .unknownLayout: return ProblemWording(
            what: Wording(vi: "Không nhận ra dạng báo cáo: dòng tiêu đề không phải biểu mẫu (don_vi,...), bảng (ma_don_vi,ky_bao_cao,...) hay dạng dài (ma_don_vi,ky_bao_cao,ma_chi_tieu,phan_to,gia_tri)",
                          en: "Unknown report layout: the header is not a form (don_vi,...), a table (ma_don_vi,ky_bao_cao,...) or the long layout (ma_don_vi,ky_bao_cao,ma_chi_tieu,phan_to,gia_tri)"),
            hint: Wording(vi: "dùng biểu mẫu trống do tonghop tạo (lệnh tonghop template) và giữ nguyên các dòng tiêu đề",
                          en: "use the blank form tonghop makes (tonghop template) and keep its header lines unchanged"))
        case .missingColumn: return ProblemWording(
            what: Wording(vi: "Thiếu cột \"{}\" trong dòng tiêu đề",
                          en: "The header lacks the column \"{}\""),
            hint: Wording(vi: "dùng biểu mẫu trống do tonghop tạo (lệnh tonghop template) và giữ nguyên các dòng tiêu đề",
                          en: "use the blank form tonghop makes (tonghop template) and keep its header lines unchanged"))
        case .missingKey: return ProblemWording(
            what: Wording(vi: "Phần đầu biểu mẫu thiếu dòng \"{}\"",
                          en: "The form's heading lacks the line \"{}\""),
            hint: Wording(vi: "dùng biểu mẫu trống do tonghop tạo (lệnh tonghop template) và giữ nguyên các dòng tiêu đề",
                          en: "use the blank form tonghop makes (tonghop template) and keep its header lines unchanged"))
        case .unknownColumn: return ProblemWording(
            what: Wording(vi: "Tiêu đề cột không phải mã chỉ tiêu hay tên cột đã biết; các cột có thể đã bị lệch nên cả tệp bị từ chối",
                          en: "The column header is neither an indicator code nor a known column; the columns may have shifted, so the whole file is refused"),
            hint: Wording(vi: "sửa tiêu đề cột thành mã chỉ tiêu (ví dụ MT01, hoặc NN01.duoi_18 cho phân tổ) hoặc xóa cột không cần",
                          en: "make the header an indicator code (e.g. MT01, or NN01.duoi_18 for a part) or delete the column"))
        case .blankHeader: return ProblemWording(
            what: Wording(vi: "Cột không có tiêu đề nằm giữa các cột có tiêu đề: có thể thừa dấu phân cách làm lệch cột nên cả tệp bị từ chối",
                          en: "An untitled column lies between titled ones: a stray separator may have shifted the columns, so the whole file is refused"),
            hint: Wording(vi: "xóa cột trống hoặc dấu phân cách thừa trong dòng tiêu đề",
                          en: "delete the empty column or the stray separator in the header"))
        case .extraCells: return ProblemWording(
            what: Wording(vi: "Dòng này có nhiều ô hơn dòng tiêu đề: có thể thừa dấu phân cách làm lệch cột, nên cả dòng bị bỏ ({})",
                          en: "This line has more cells than the header: a stray separator may have shifted the columns, so the whole line is refused ({})"),
            hint: Wording(vi: "xóa dấu phân cách thừa (thường là dấu phẩy trong một số hoặc tên) để dòng có đúng các cột của dòng tiêu đề",
                          en: "remove the stray separator (often a comma inside a number or a name) so that the line has the header's columns"))
        case .noFigures: return ProblemWording(
            what: Wording(vi: "Tệp không có số liệu nào (chỉ có dòng tiêu đề, hoặc mọi ô số liệu đều trống): đơn vị chưa được tính là đã báo cáo",
                          en: "The file holds no figures (a header alone, or every value cell empty): the unit is not counted as having reported"),
            hint: Wording(vi: "điền số liệu vào biểu mẫu (hoặc thêm các dòng số liệu dưới dòng tiêu đề) rồi gửi lại",
                          en: "fill in the figures (or add the rows under the header) and send the file again"))
        case .fileTypeNotRead: return ProblemWording(
            what: Wording(vi: "tonghop không đọc loại tệp này ({}): tệp chưa được đọc, số liệu trong đó chưa được tính",
                          en: "tonghop does not read this kind of file ({}): it was not read, its figures are not counted"),
            hint: Wording(vi: "mở tệp bằng Excel hoặc LibreOffice và chọn Lưu thành \"Sổ làm việc Excel (.xlsx)\" hoặc \"CSV UTF-8\" rồi gửi lại; báo cáo dạng PDF, Word hay ảnh chụp cần được nhập vào biểu mẫu trống (lệnh tonghop template)",
                          en: "open the file in Excel or LibreOffice and save it as \"Excel Workbook (.xlsx)\" or \"CSV UTF-8\", then send it again; a report as a PDF, a Word file or a photo must be typed into a blank form (tonghop template)"))
        case .linkOutsideInbox: return ProblemWording(
            what: Wording(vi: "Đây là liên kết (symbolic link) trỏ ra ngoài thư mục inputs/: tonghop không theo liên kết này, không đọc gì từ nó",
                          en: "This is a symbolic link leading outside inputs/: tonghop does not follow it and reads nothing through it"),
            hint: Wording(vi: "chép chính tệp báo cáo vào thư mục inputs/ thay vì tạo liên kết",
                          en: "copy the report file itself into inputs/ instead of linking to it"))
        case .unreadableWorkbook: return ProblemWording(
            what: Wording(vi: "Tệp bảng tính (Excel hoặc LibreOffice) bị hỏng, không đọc được ({})",
                          en: "The spreadsheet file (Excel or LibreOffice) is damaged and cannot be read ({})"),
            hint: Wording(vi: "mở tệp bằng Excel, lưu lại thành .xlsx rồi gửi lại; hoặc lưu thành \"CSV UTF-8\"",
                          en: "open the file in Excel, save it again as .xlsx and send it again, or save it as \"CSV UTF-8\""))
        case .workbookNotAReport: return ProblemWording(
            what: Wording(vi: "Không trang tính nào của tệp là biểu mẫu báo cáo (các trang: {}): không trang nào có dòng don_vi, ky_bao_cao của biểu mẫu, dòng tiêu đề của bảng (ma_don_vi,ky_bao_cao,...) hay của dạng dài",
                          en: "No sheet of the workbook is a report form (sheets: {}): none has the form's don_vi, ky_bao_cao lines, a table header (ma_don_vi,ky_bao_cao,...) or the long layout's"),
            hint: Wording(vi: "dùng biểu mẫu trống do tonghop tạo (lệnh tonghop template), điền số liệu vào đó và giữ nguyên các dòng tiêu đề",
                          en: "use the blank form tonghop makes (tonghop template), fill it in and keep its header lines unchanged"))
        case .workbookNamedAsText: return ProblemWording(
            what: Wording(vi: "Tệp có đuôi .{} nhưng thực ra là tệp Excel .xlsx; đã đọc như tệp Excel",
                          en: "The file is named .{} but is an Excel .xlsx workbook; it was read as a workbook"),
            hint: Wording(vi: "lần sau giữ đuôi .xlsx khi gửi tệp Excel",
                          en: "keep the .xlsx extension when sending an Excel file"))
        case .workbookNamedOtherwise: return ProblemWording(
            what: Wording(vi: "Tệp có đuôi {}; đã đọc như bảng tính đó",
                          en: "The file is named {}; it was read as such"),
            hint: Wording(vi: "lần sau giữ đúng đuôi tên tệp khi gửi (.xlsx, .xls hoặc .ods)",
                          en: "keep the file's own extension when sending it (.xlsx, .xls or .ods)"))
        case .sheetEmpty: return ProblemWording(
            what: Wording(vi: "Trang tính trống: bỏ qua",
                          en: "The sheet is empty: skipped"),
            hint: Wording(vi: "",
                          en: ""))
        case .sheetNotAReport: return ProblemWording(
            what: Wording(vi: "Trang tính này không phải là báo cáo (không có dòng don_vi của biểu mẫu, dòng tiêu đề của bảng hay của dạng dài), có thể là trang bìa hoặc hướng dẫn: bỏ qua, không đọc số liệu nào ở trang này",
                          en: "This sheet is not a report (no form's don_vi line, no table or long-layout header), perhaps a cover page or instructions: skipped, no figure on it was read"),
            hint: Wording(vi: "nếu trang này là báo cáo, ghi dòng don_vi của biểu mẫu, hoặc dòng tiêu đề ma_don_vi,ky_bao_cao,... của bảng, ở đầu trang",
                          en: "if this sheet is a report, give it a form's don_vi line, or a table's ma_don_vi,ky_bao_cao,... header, at its top"))
        case .reportOnSeveralSheets: return ProblemWording(
            what: Wording(vi: "Báo cáo của cùng đơn vị, cùng kỳ, cùng biểu mẫu có ở nhiều trang tính ({}); không biết trang nào đúng nên không trang nào được nhận",
                          en: "The same unit's report for the same period and form is on several sheets ({}); which is right cannot be told, so none is taken"),
            hint: Wording(vi: "giữ báo cáo của mỗi đơn vị ở một trang tính và xóa bản thừa",
                          en: "keep each unit's report on one sheet and delete the other copy"))
        case .unreadableXML: return ProblemWording(
            what: Wording(vi: "Tệp XML bị hỏng, không đọc được ({})",
                          en: "The XML file is damaged and cannot be read ({})"),
            hint: Wording(vi: "xuất lại tệp ADX từ hệ thống đã tạo ra nó (DHIS2, hoặc tonghop export --format adx) rồi gửi lại; hoặc gửi báo cáo theo biểu mẫu CSV",
                          en: "export the ADX file again from the system that made it (DHIS2, or tonghop export --format adx) and send it again, or send the report on the CSV form"))
        case .xmlDocumentType: return ProblemWording(
            what: Wording(vi: "Tệp XML có khai báo DOCTYPE (có thể chứa thực thể hoặc tham chiếu ra ngoài tệp): để an toàn, tonghop không đọc tệp như vậy",
                          en: "The XML file declares a DOCTYPE (which may hold entities or references outside the file): for safety, tonghop does not read such files"),
            hint: Wording(vi: "xuất lại tệp ADX không có phần <!DOCTYPE ...> (DHIS2 và tonghop không ghi phần này)",
                          en: "export the ADX file again without its <!DOCTYPE ...> (neither DHIS2 nor tonghop writes one)"))
        case .notADX: return ProblemWording(
            what: Wording(vi: "Tệp XML không phải thông điệp ADX: phần tử gốc là {}, cần <adx> trong không gian tên \(ADXFormat.namespace)",
                          en: "The XML file is not an ADX message: its root element is {}, not <adx> in the namespace \(ADXFormat.namespace)"),
            hint: Wording(vi: "xuất lại tệp ADX từ hệ thống đã tạo ra nó (DHIS2, hoặc tonghop export --format adx) rồi gửi lại; hoặc gửi báo cáo theo biểu mẫu CSV",
                          en: "export the ADX file again from the system that made it (DHIS2, or tonghop export --format adx) and send it again, or send the report on the CSV form"))
        case .unreadableJSON: return ProblemWording(
            what: Wording(vi: "Tệp JSON bị hỏng, không đọc được ({})",
                          en: "The JSON file is damaged and cannot be read ({})"),
            hint: Wording(vi: "xuất lại tệp dataValueSets từ DHIS2 (hoặc tonghop export --format dhis2-json) rồi gửi lại",
                          en: "export the dataValueSet again from DHIS2 (or tonghop export --format dhis2-json) and send it again"))
        case .notADataValueSet: return ProblemWording(
            what: Wording(vi: "Tệp JSON không phải dataValueSets của DHIS2 ({})",
                          en: "The JSON file is not a DHIS2 dataValueSet ({})"),
            hint: Wording(vi: "xuất lại tệp dataValueSets từ DHIS2 (hoặc tonghop export --format dhis2-json) rồi gửi lại",
                          en: "export the dataValueSet again from DHIS2 (or tonghop export --format dhis2-json) and send it again"))
        case .attributeOptionComboNotRead: return ProblemWording(
            what: Wording(vi: "Giá trị có attributeOptionCombo khác mặc định: tonghop không phân tổ theo thuộc tính nên không nhận giá trị này của chỉ tiêu {}",
                          en: "The value has an attributeOptionCombo other than the default: tonghop has no attribute disaggregation, so this value of {} is not taken"),
            hint: Wording(vi: "chỉ gửi giá trị có attributeOptionCombo mặc định; nếu mã này là mặc định của hệ thống DHIS2, khai báo nó là tổng (dòng phan_to,,mã) trong templates/dhis2.csv",
                          en: "send only values of the default attributeOptionCombo; if this is the DHIS2 instance's default, map it as the total (a row phan_to,,code) in templates/dhis2.csv"))
        case .unknownCategoryAttribute: return ProblemWording(
            what: Wording(vi: "Thuộc tính phân tổ này không dùng cho chỉ tiêu {}: giá trị không được nhận",
                          en: "This disaggregation attribute is not one of {}'s: the value is not taken"),
            hint: Wording(vi: "đặt tên thuộc tính phân tổ như ở mục \"Cần\", hoặc khai báo tên này (dòng ten_phan_to) trong templates/dhis2.csv",
                          en: "name the disaggregation attribute as under \"Expected\", or declare this name (a ten_phan_to row) in templates/dhis2.csv"))
        case .unknownUnit: return ProblemWording(
            what: Wording(vi: "Mã đơn vị không có trong danh mục đơn vị hành chính ({})",
                          en: "The unit code is not in the administrative registry ({})"),
            hint: Wording(vi: "ghi đúng mã thống kê của đơn vị (xã 5 chữ số, huyện 3 chữ số, sở ngành dạng 35-CA)",
                          en: "write the unit's official statistics code (commune 5 digits, district 3, department like 35-CA)"),
            whatWithoutDetail: Wording(vi: "Mã đơn vị không có trong danh mục đơn vị hành chính", en: "The unit code is not in the administrative registry"))
        case .unitCodeLostZeros: return ProblemWording(
            what: Wording(vi: "Mã đơn vị thiếu các chữ số 0 ở đầu: Excel bỏ chúng khi ô được lưu dưới dạng số ({})",
                          en: "The unit code lacks its leading zeros: Excel drops them when the cell is saved as a number ({})"),
            hint: Wording(vi: "định dạng ô mã đơn vị là Văn bản (Text) rồi gõ lại mã đủ chữ số, hoặc gõ dấu nháy trước mã ('00004)",
                          en: "format the unit code cell as Text and type the full code again, or type an apostrophe before it ('00004)"),
            whatWithoutDetail: Wording(vi: "Mã đơn vị thiếu các chữ số 0 ở đầu (Excel bỏ chúng khi ô được lưu dưới dạng số)",
                                       en: "The unit code lacks its leading zeros (Excel drops them when the cell is saved as a number)"))
        case .unitNameMismatch: return ProblemWording(
            what: Wording(vi: "Tên đơn vị không khớp với mã đơn vị ({})",
                          en: "The unit's name does not match its code ({})"),
            hint: Wording(vi: "kiểm tra lại mã đơn vị (mã thống kê 5 chữ số của xã) và tên, sửa cho khớp",
                          en: "check the unit's code (the commune's 5-digit statistics code) and name and make them match"))
        case .unitNameOfOtherMap: return ProblemWording(
            what: Wording(vi: "Mã đơn vị và tên đơn vị thuộc hai danh mục khác nhau ({})",
                          en: "The unit's code and name belong to different registries ({})"),
            hint: Wording(vi: "từ 01/7/2025 dùng mã xã mới theo danh mục sau sắp xếp; báo cáo kỳ trước 01/7/2025 dùng mã cũ",
                          en: "from 1 July 2025 use the new commune code; reports for periods before then keep the old code"))
        case .unitGivenTwice: return ProblemWording(
            what: Wording(vi: "Cùng một đơn vị có nhiều dòng trong tệp (các dòng {}); không biết dòng nào đúng nên không dòng nào được nhận",
                          en: "The same unit has several rows in the file (lines {}); which is right cannot be told, so none is taken"),
            hint: Wording(vi: "giữ một dòng cho mỗi đơn vị, kiểm tra lại mã đơn vị của các dòng còn lại",
                          en: "keep one row per unit and check the unit codes of the others"))
        case .unitGivenByName: return ProblemWording(
            what: Wording(vi: "Ô mã đơn vị ghi tên thay vì mã thống kê; có phải là {}?",
                          en: "The unit code cell holds a name instead of the statistics code; did you mean {}?"),
            hint: Wording(vi: "ghi mã thống kê của đơn vị (ví dụ 13285), không ghi tên",
                          en: "write the unit's statistics code (e.g. 13285), not its name"))
        case .unitNotInForce: return ProblemWording(
            what: Wording(vi: "Đơn vị không tồn tại trong kỳ báo cáo này ({})",
                          en: "The unit did not exist in this period ({})"),
            hint: Wording(vi: "dùng mã đơn vị theo danh mục đang có hiệu lực trong kỳ báo cáo",
                          en: "use the unit code of the registry in force for the period"))
        case .outsideScope: return ProblemWording(
            what: Wording(vi: "Đơn vị không thuộc phạm vi đang tổng hợp ({})",
                          en: "The unit is outside the scope being compiled ({})"),
            // Said to a clerk on the portal (whose account is the scope) as to an officer who
            // ran with --scope: no command-line words in it.
            hint: Wording(vi: "gửi tệp này cho nơi tổng hợp của đơn vị đó; nếu đơn vị đó thuộc phạm vi của bạn, kiểm tra lại mã đơn vị trong tệp",
                          en: "send this file to the office compiling that unit; if that unit is yours, check the unit code in the file"))
        case .unknownPeriod: return ProblemWording(
            what: Wording(vi: "Không đọc được kỳ báo cáo",
                          en: "The reporting period cannot be read"),
            hint: Wording(vi: "ghi kỳ dạng 2024-Q2, 2024-H1, 2024 hoặc \"Quý II/2024\", \"6 tháng đầu năm 2024\"",
                          en: "write the period as 2024-Q2, 2024-H1, 2024 or \"Quý II/2024\""))
        case .preparedOnUnreadable: return ProblemWording(
            what: Wording(vi: "Ngày lập báo cáo không đọc được hoặc không có trên lịch: báo cáo vẫn được nhận, nhưng hạn gửi được tính theo ngày nhận tệp",
                          en: "The report's date cannot be read or is no day of the calendar: the report is accepted, but its timeliness counts from the day the file was received"),
            hint: Wording(vi: "ghi ngày lập là một ngày có thật theo ngày/tháng/năm (15/09/2024) hoặc năm-tháng-ngày (2024-09-15)",
                          en: "write the date as a real day, day/month/year (15/09/2024) or year-month-day (2024-09-15)"))
        case .preparedOnOutOfRange: return ProblemWording(
            what: Wording(vi: "Ngày lập báo cáo nằm ngoài khoảng có thể ({}): không dùng ngày này, hạn gửi được tính theo ngày nhận tệp",
                          en: "The report's date is outside what is possible ({}): it is not used, and timeliness counts from the day the file was received"),
            hint: Wording(vi: "kiểm tra lại ngày, tháng và năm của dòng ngay_lap",
                          en: "check the day, month and year of the ngay_lap line"))
        case .preparedOnMonthFirst: return ProblemWording(
            what: Wording(vi: "Ngày lập viết tháng trước ngày (kiểu Excel tiếng Anh); đã hiểu là ngày {}",
                          en: "The date is written month first (as English Excel writes it); read as {}"),
            hint: Wording(vi: "viết ngày trước tháng (15/09/2024) hoặc năm-tháng-ngày (2024-09-15)",
                          en: "write the day before the month (15/09/2024) or year-month-day (2024-09-15)"))
        case .periodInFuture: return ProblemWording(
            what: Wording(vi: "Kỳ báo cáo chưa bắt đầu",
                          en: "The reporting period has not begun yet"),
            hint: Wording(vi: "kiểm tra lại năm và kỳ báo cáo",
                          en: "check the year and period"))
        case .unknownForm: return ProblemWording(
            what: Wording(vi: "Mã biểu mẫu không có trong danh mục biểu mẫu",
                          en: "The form code is not in the catalog of forms"),
            hint: Wording(vi: "ghi bieu_mau là XA (xã), HUYEN (huyện) hoặc mã ngành của sở (CA, YT...), hoặc bỏ trống dòng này",
                          en: "write bieu_mau as XA (commune), HUYEN (district) or the department's sector (CA, YT...), or leave it out"))
        case .formMismatch: return ProblemWording(
            what: Wording(vi: "Biểu mẫu không đúng với cấp của đơn vị ({})",
                          en: "The form does not match the unit's level ({})"),
            hint: Wording(vi: "ghi bieu_mau là XA (xã), HUYEN (huyện) hoặc mã ngành của sở (CA, YT...), hoặc bỏ trống dòng này",
                          en: "write bieu_mau as XA (commune), HUYEN (district) or the department's sector (CA, YT...), or leave it out"))
        case .unitCannotReport: return ProblemWording(
            what: Wording(vi: "Đơn vị cấp này không tự lập biểu báo cáo ({})",
                          en: "Units of this level do not fill in a form ({})"),
            hint: Wording(vi: "gửi báo cáo của các xã, huyện, sở ngành, hoặc tệp tổng hợp do tonghop export tạo",
                          en: "send the communes', districts' and departments' reports, or a file made by tonghop export"))
        case .unknownIndicator: return ProblemWording(
            what: Wording(vi: "Mã chỉ tiêu không có trong danh mục chỉ tiêu",
                          en: "The indicator code is not in the catalog"),
            hint: Wording(vi: "xóa dòng/cột này hoặc sửa mã chỉ tiêu theo biểu mẫu trống của đơn vị",
                          en: "delete this row/column or correct the code as in the unit's blank form"))
        case .indicatorGivenByName: return ProblemWording(
            what: Wording(vi: "Ô mã chỉ tiêu ghi tên thay vì mã; có phải là {}?",
                          en: "The indicator cell holds a name instead of a code; did you mean {}?"),
            hint: Wording(vi: "ghi mã chỉ tiêu (ví dụ NN01) như trong biểu mẫu trống",
                          en: "write the indicator code (e.g. NN01) as in the blank form"))
        case .indicatorNotInForm: return ProblemWording(
            what: Wording(vi: "Chỉ tiêu {} không thuộc biểu mẫu của đơn vị này",
                          en: "Indicator {} is not part of this unit's form"),
            hint: Wording(vi: "xóa dòng/cột này hoặc sửa mã chỉ tiêu theo biểu mẫu trống của đơn vị",
                          en: "delete this row/column or correct the code as in the unit's blank form"))
        case .wrongMeasure: return ProblemWording(
            what: Wording(vi: "Đơn vị tính ghi trong báo cáo khác với đơn vị tính của chỉ tiêu {}; số liệu có thể sai nhiều lần",
                          en: "The unit of measure written in the report is not that of {}; the figure may be off by a factor"),
            hint: Wording(vi: "đổi số liệu sang đơn vị tính ghi ở mục \"Cần\" (ví dụ gam sang kg: chia cho 1.000) và ghi lại đúng đơn vị tính",
                          en: "convert the figure to the unit under \"Expected\" (e.g. grams to kg: divide by 1,000) and write that unit"))
        case .notANumber: return ProblemWording(
            what: Wording(vi: "Giá trị của chỉ tiêu {} không phải là số",
                          en: "The value of {} is not a number"),
            hint: Wording(vi: "ghi số bằng chữ số, đúng loại số ở mục Cần, không ghi chữ; để trống nếu không có số liệu",
                          en: "write the figure in digits, of the kind \"Expected\" says; leave it empty when there is no figure"))
        case .negativeValue: return ProblemWording(
            what: Wording(vi: "Giá trị của chỉ tiêu {} là số âm",
                          en: "The value of {} is negative"),
            hint: Wording(vi: "số lượng không thể âm; ghi 0 nếu không có",
                          en: "a count cannot be negative; write 0 if there were none"))
        case .decimalInInteger: return ProblemWording(
            what: Wording(vi: "Chỉ tiêu {} đếm số lượng nên phải là số nguyên",
                          en: "{} is a count and must be a whole number"),
            hint: Wording(vi: "ghi số nguyên, ví dụ 12",
                          en: "write a whole number, e.g. 12"))
        case .ambiguousNumber: return ProblemWording(
            what: Wording(vi: "Số này có thể hiểu hai cách; {}",
                          en: "This number can be read two ways; {}"),
            hint: Wording(vi: "nếu cách đọc trên không đúng, ghi số không có dấu phân cách hàng nghìn (ví dụ 12000) và dùng dấu phẩy cho phần thập phân (1,5)",
                          en: "if that reading is wrong, write the number without thousands separators (e.g. 12000) and a decimal comma (1,5)"))
        case .percentSign: return ProblemWording(
            what: Wording(vi: "Đã bỏ dấu % và đọc số {}",
                          en: "The % sign was dropped and the number read as {}"),
            hint: Wording(vi: "ghi số không kèm dấu %",
                          en: "write the number without the % sign"))
        case .unknownCategory: return ProblemWording(
            what: Wording(vi: "Giá trị phân tổ của chỉ tiêu {} không có trong danh mục",
                          en: "The category of {} is not one of its categories"),
            hint: Wording(vi: "chọn một trong các giá trị được liệt kê ở mục \"Cần\"",
                          en: "use one of the values listed under \"Expected\""))
        case .notYesNo: return ProblemWording(
            what: Wording(vi: "Chỉ tiêu {} chỉ nhận giá trị có hoặc không",
                          en: "{} takes only yes or no"),
            hint: Wording(vi: "chọn một trong các giá trị được liệt kê ở mục \"Cần\"",
                          en: "use one of the values listed under \"Expected\""))
        case .partsMismatch: return ProblemWording(
            what: Wording(vi: "Tổng các phân tổ của chỉ tiêu {} không khớp với số tổng",
                          en: "The parts of {} do not add up to its total"),
            hint: Wording(vi: "sửa các phân tổ hoặc số tổng để tổng các phân tổ bằng số tổng",
                          en: "correct the parts or the total so that they agree"))
        case .duplicateValue: return ProblemWording(
            what: Wording(vi: "Chỉ tiêu {} được ghi hai lần trong cùng một báo cáo; giữ lần ghi đầu",
                          en: "{} is given twice in one report; the first is kept"),
            hint: Wording(vi: "xóa dòng bị lặp",
                          en: "delete the repeated row"))
        case .answerCountNotSingle: return ProblemWording(
            what: Wording(vi: "Một xã chỉ trả lời một lần cho chỉ tiêu {}: giá trị phải là 0 hoặc 1",
                          en: "A single commune answers {} once: the value must be 0 or 1"),
            hint: Wording(vi: "ghi giá trị trả lời vào cột gia_tri và để trống phan_to",
                          en: "write the answer in gia_tri and leave phan_to empty"))
        case .noValues: return ProblemWording(
            what: Wording(vi: "Báo cáo không có giá trị nào (mọi ô số liệu đều trống)",
                          en: "The report has no values (every value cell is empty)"),
            hint: Wording(vi: "điền số liệu vào biểu mẫu rồi gửi lại",
                          en: "fill in the form and send it again"))
        case .ruleViolated: return ProblemWording(
            what: Wording(vi: "{}",
                          en: "{}"),
            hint: Wording(vi: "sửa các số liệu nêu trên cho đúng; phần \"trong đó\" không thể lớn hơn tổng",
                          en: "correct the figures above; a part (\"of which\") cannot exceed its whole"),
            warningHint: Wording(vi: "kiểm tra lại các số liệu nêu trên; nếu đúng, ghi lý do ở cột ghi_chu", en: "check the figures above; if they are right, say why in ghi_chu"))
        case .outlier: return ProblemWording(
            what: Wording(vi: "{}",
                          en: "{}"),
            hint: Wording(vi: "kiểm tra lại số này (gõ thừa chữ số?); nếu đúng, ghi lý do ở cột ghi_chu",
                          en: "check this figure (an extra digit?); if it is right, say why in ghi_chu"))
        case .reconciliationMismatch: return ProblemWording(
            what: Wording(vi: "{}",
                          en: "{}"),
            hint: Wording(vi: "đối chiếu số của huyện với báo cáo của từng xã và sửa bên sai",
                          en: "compare the district's figure with each commune's report and correct the wrong one"))
        case .lostToNewerFile: return ProblemWording(
            what: Wording(vi: "Báo cáo cùng đơn vị, cùng kỳ, cùng biểu mẫu đã được gửi lại trong tệp {}; dùng bản mới hơn đó",
                          en: "The same unit, period and form was sent again in {}; that newer one is used"),
            hint: Wording(vi: "",
                          en: ""))
        case .sameDateOtherFigures: return ProblemWording(
            what: Wording(vi: "Báo cáo cùng đơn vị, cùng kỳ, cùng biểu mẫu, cùng ngày lập nhưng khác số liệu cũng có trong tệp {}; dùng bản đó vì tệp được lưu sau",
                          en: "A report for the same unit, period and form, with the same date but other figures, is also in {}; that one is used, its file being saved later"),
            hint: Wording(vi: "nếu bản được dùng không phải bản đúng, gửi lại bản đúng với ngày lập mới hơn",
                          en: "if the copy used is not the right one, send the right one again with a later date"))
        case .supersedesEarlier: return ProblemWording(
            what: Wording(vi: "Báo cáo này thay thế báo cáo cùng đơn vị, cùng kỳ, cùng biểu mẫu đã nhận trước đó từ tệp {}; bản cũ vẫn được lưu",
                          en: "This report replaces the one for the same unit, period and form received earlier in {}; the old version is kept"),
            hint: Wording(vi: "",
                          en: ""))
        case .earlierVersionKept: return ProblemWording(
            what: Wording(vi: "Tệp gửi lại có lỗi nên chưa thay được các báo cáo của bản trước; vẫn dùng số liệu đã nhận của: {}",
                          en: "The file sent again has errors, so it cannot replace its earlier version's reports yet; the figures received before are still used for: {}"),
            hint: Wording(vi: "sửa các lỗi của tệp rồi gửi lại; khi tệp được nhận toàn bộ, bản trước mới được thay hẳn",
                          en: "fix the file's errors and send it again; once the file is accepted whole, it replaces the earlier version entirely"))
        case .readFailed: return ProblemWording(
            what: Wording(vi: "Không đọc được tệp ({})",
                          en: "The file cannot be read ({})"),
            hint: Wording(vi: "",
                          en: ""))
        }
    }
}
