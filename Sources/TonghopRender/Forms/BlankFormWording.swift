import Spreadsheet
import TonghopBase
import TonghopCatalog
import TonghopAggregate
import TonghopStore

/// Every Vietnamese wording of the blank forms, in one place: row names and notes, the
/// header block and instructions of the `.xlsx`, and what Excel says in its data validations.
///
/// Excel caps a validation's titles at 32 characters and its messages at 255.
package enum BlankFormWording {
    // MARK: Rows (CSV and xlsx)

    /// The indicator's name; a part row adds the part's name, a total row says it is the total.
    package static func rowName(_ row: BlankForm.Row, catalog: Catalog) -> String {
        if row.isTotal { return "\(row.indicator.name): tổng số" }
        if !row.category.isEmpty { return "\(row.indicator.name): \(catalog.categoryName(row.category))" }
        return row.indicator.name
    }

    /// What to write in the value cell, where the measure alone does not say it.
    package static func rowNote(_ row: BlankForm.Row, catalog: Catalog) -> String {
        if row.isTotal { return "Tổng số, bằng cộng các phân tổ ở các dòng dưới" }
        if row.indicator.isAnswer { return "Ghi một trong: " + answers(row.indicator, catalog: catalog) }
        return ""
    }

    /// "co (Có), khong (Không)"
    package static func answers(_ indicator: Indicator, catalog: Catalog) -> String {
        indicator.categories.map { "\($0) (\(catalog.categoryName($0)))" }.joined(separator: ", ")
    }

    // MARK: Header block (xlsx)

    package static let motto = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    package static let mottoLine = "Độc lập - Tự do - Hạnh phúc"
    package static let title = "BIỂU MẪU BÁO CÁO KẾT QUẢ CÔNG TÁC PHÒNG, CHỐNG MA TÚY, HIV/AIDS, MẠI DÂM"
    package static let sheetName = "Biểu mẫu"

    /// The issuing body: its superior on the first line, itself on the second.
    package static func agency(_ form: BlankForm, catalog: Catalog) -> (String, String) {
        let superior = form.parent.map { "ỦY BAN NHÂN DÂN \($0.name.uppercased())" } ?? ""
        if form.unit.level == .department {
            let sector = form.unit.sectorCode.flatMap { catalog.sector($0)?.name } ?? form.unit.name
            return (superior, sector.uppercased())
        }
        return (superior, "ỦY BAN NHÂN DÂN \(form.unit.name.uppercased())")
    }

    /// "Biểu XA — Quý II năm 2024 — Phường Quang Trung (mã 13285)"
    package static func subtitle(_ form: BlankForm) -> String {
        "Biểu \(form.form.code) — \(form.period.vietnameseName) — \(form.unit.name) (mã \(form.unit.code))"
    }

    package static func workbookTitle(_ form: BlankForm) -> String {
        "Biểu mẫu báo cáo \(form.period.vietnameseName) - \(form.unit.name)"
    }

    /// How to fill the form in, one short line each (DOMAIN §3: a report counts only the
    /// unit's own work, and the form must say so).
    package static let instructions = [
        "Hướng dẫn: chỉ điền cột gia_tri (số liệu), cột ghi_chu và các dòng nguoi_lap, ngay_lap; các ô khác đã khóa.",
        "Chỉ ghi số liệu do chính đơn vị chủ trì thực hiện hoặc đang quản lý; không cộng số liệu của đơn vị cấp dưới.",
        "Ô để trống là chưa có số liệu (khác với số 0): có số liệu bằng 0 thì ghi 0.",
        "Chỉ tiêu có phân tổ: ghi từng phân tổ, hoặc số tổng, hoặc cả hai (khi đó tổng các phân tổ phải bằng số tổng).",
        "Điền xong, gửi lại nguyên tệp .xlsx này; không đổi tên trang, không thêm bớt dòng, cột.",
    ]

    // MARK: Data validation (xlsx)

    package static func headingEntry(_ key: String) -> DataValidation {
        let message = key == "ngay_lap" ? "Ghi ngày lập báo cáo, ví dụ 2024-06-12 hoặc 12/06/2024."
                                        : "Ghi họ tên, chức vụ người lập báo cáo."
        return DataValidation(rule: .anyValue, inputTitle: key == "ngay_lap" ? "Ngày lập" : "Người lập",
                              inputMessage: message, errorTitle: "", errorMessage: "")
    }

    package static func value(_ row: BlankForm.Row, catalog: Catalog) -> DataValidation {
        let i = row.indicator
        switch i.valueType {
        case .integer:
            return DataValidation(rule: .wholeNumber(atLeast: 0), inputTitle: "Số nguyên, không âm",
                                  inputMessage: "\(i.code) (\(i.measure)): ghi số nguyên từ 0 trở lên, ví dụ 12. Để trống nếu chưa có số liệu.",
                                  errorTitle: "Giá trị không hợp lệ",
                                  errorMessage: "Chỉ tiêu \(i.code) đếm số lượng: chỉ nhận số nguyên không âm (0, 1, 2...), không ghi chữ, không ghi số thập phân.")
        case .decimal:
            return DataValidation(rule: .decimal(atLeast: 0), inputTitle: "Số không âm",
                                  inputMessage: "\(i.code) (\(i.measure)): ghi số từ 0 trở lên, được có phần thập phân, ví dụ 1,5. Để trống nếu chưa có số liệu.",
                                  errorTitle: "Giá trị không hợp lệ",
                                  errorMessage: "Chỉ tiêu \(i.code) chỉ nhận số không âm, ví dụ 12 hoặc 1,5; không ghi chữ.")
        case .yesNo, .category:
            let withNames = answers(i, catalog: catalog)
            let listed = withNames.count <= 180 ? withNames : i.categories.joined(separator: ", ")
            return DataValidation(rule: .list(i.categories), inputTitle: "Chọn trong danh sách",
                                  inputMessage: "\(i.code): chọn một giá trị trong danh sách: \(listed).",
                                  errorTitle: "Giá trị không hợp lệ",
                                  errorMessage: "Chỉ tiêu \(i.code) chỉ nhận một trong: \(i.categories.joined(separator: ", ")). Bấm mũi tên bên phải ô để chọn.")
        }
    }
}
