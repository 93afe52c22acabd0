import TonghopBase
import TonghopCatalog
import TonghopAggregate
import TonghopStore

/// The problems found in the period's files, for the compiler to follow up.
extension ReportBuilder {
    // MARK: Problems

    package func problemSheet() -> SheetModel {
        var sheet = SheetModel(name: "Lỗi dữ liệu")
        let headers = ["STT", "Tệp", "Dòng", "Cột", "Mức độ", "Đơn vị", "Nội dung"]
        var r = headerBlock(&sheet, lastColumn: headers.count - 1, heading: "Các lỗi và cảnh báo trong tệp báo cáo nhận được")
        let headerRow = r
        for (c, h) in headers.enumerated() { sheet.set(r, c, .text(h), .columnHeader) }
        r += 1
        let mine = problems.filter { p in
            guard let unit = p.unitCode else { return scope.level == .nation }
            return scope.level == .nation || registry.isWithin(unit, scope.code) || registry.province(of: unit)?.code == scope.code
        }
        for (i, p) in mine.enumerated() {
            sheet.set(r, 0, .number(Double(i + 1)), .code)
            // The sheet of a workbook, or the record of an ADX or JSON file, beside the file's name.
            let file = p.file + (p.sheet.map { " — trang tính \"\($0)\"" } ?? p.element.map { " — mục \($0)" } ?? "")
            sheet.set(r, 1, .text(file), .text)
            sheet.set(r, 2, p.line.map { .number(Double($0)) } ?? .empty, .code)
            sheet.set(r, 3, p.column.map { .text(Messages.columnLetters($0)) } ?? .empty, .code)
            sheet.set(r, 4, .text(Messages.severityWord(p.severity, .vi)), .code)
            sheet.set(r, 5, .text(p.unitCode.map { code in registry.unit(code).map { "\(code) \($0.name)" } ?? code } ?? ""), .text)
            let message = Messages.render(p, .vi, withFile: false, withLocation: false)
            sheet.set(r, 6, .text(message), .text)
            // libxlsxwriter cannot autofit: give wrapped messages the lines they need.
            sheet.rowHeights[r] = Double(max(1, (message.count + 74) / 75, (file.count + 33) / 34)) * 15.5
            r += 1
        }
        if mine.isEmpty { sheet.set(r, 0, .text("Không có lỗi nào trong các tệp của kỳ này."), .note) }
        sheet.columnWidths = [0: 5, 1: 36, 2: 7, 3: 6, 4: 12, 5: 22, 6: 80]
        sheet.freeze = (headerRow + 1, 0)
        sheet.repeatRows = headerRow...headerRow
        return sheet
    }
}
