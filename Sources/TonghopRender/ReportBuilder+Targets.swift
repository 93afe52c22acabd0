import TonghopBase
import TonghopCatalog
import TonghopAggregate
import TonghopStore

/// The plans' targets that apply to the report, with the actual figure and the status.
extension ReportBuilder {
    package func targetSheet() -> SheetModel {
        var sheet = SheetModel(name: "Chỉ tiêu kế hoạch")
        let headers = ["STT", "Mã", "Chỉ tiêu kế hoạch", "Đơn vị", "Cách tính", "Kết quả thực hiện", "Đánh giá",
                       "Đơn vị chưa đạt, chưa có số liệu", "Chủ trì", "Phối hợp", "Hạn báo cáo"]
        let last = headers.count - 1
        var r = headerBlock(&sheet, lastColumn: last, heading: "Kết quả thực hiện các chỉ tiêu kế hoạch")
        let headerRow = r
        for (c, h) in headers.enumerated() { sheet.set(r, c, .text(h), .columnHeader) }
        sheet.rowHeights[r] = 32
        r += 1
        let evaluation = TargetEvaluation(rollup: rollup, previousYear: previousYear)
        let results = evaluation.evaluate(scope: scope.code)
        var plan = ""
        for (i, result) in results.enumerated() {
            let t = result.target
            if t.plan != plan {
                plan = t.plan
                sheet.merge(r, 0, r, last, plan, .groupHeader)
                r += 1
            }
            sheet.set(r, 0, .number(Double(i + 1)), .code)
            sheet.set(r, 1, .text(t.id), .code)
            sheet.set(r, 2, .text(t.text), .text)
            let unitName = registry.unit(t.unitCode).map { ReportNaming.shortName($0.name) } ?? t.unitCode
            let applies = t.application == .unit ? unitName : (t.application == .eachDistrict ? "Mỗi huyện của " : "Mỗi xã của ") + unitName
            sheet.set(r, 3, .text(applies), .text)
            let how = t.measure == .value ? "\(t.formulaText) \(t.comparator.symbol) \(Self.format(t.value))"
                : "\(t.formulaText): tăng so với cùng kỳ \(t.comparator.symbol) \(Self.format(t.value))%"
            sheet.set(r, 4, .text(how), .text)
            sheet.set(r, 5, .text(result.actualText + (result.partial ? " (số liệu chưa đủ kỳ)" : "")), .text)
            let role: SheetModel.Role = result.status == .met ? .met : (result.status == .notMet ? .notMet : .unknown)
            sheet.set(r, 6, .text(result.status.rawValue), role)
            var names = result.failing.prefix(12).map { ReportNaming.shortName($0.name) }.joined(separator: "; ")
            if result.failing.count > 12 { names += "; và \(result.failing.count - 12) đơn vị khác" }
            if !result.withoutData.isEmpty {
                names += (names.isEmpty ? "" : ". ") + "Chưa có số liệu: " + result.withoutData.prefix(8).map { ReportNaming.shortName($0.name) }.joined(separator: "; ")
                    + (result.withoutData.count > 8 ? "; và \(result.withoutData.count - 8) đơn vị khác" : "")
            }
            sheet.set(r, 7, names.isEmpty ? .empty : .text(names), .text)
            sheet.set(r, 8, .text(t.lead), .text)
            sheet.set(r, 9, .text(t.coordinating), .text)
            sheet.set(r, 10, t.deadline.map { .text(DueDate(date: $0, source: "").vietnamese) } ?? .empty, .code)
            sheet.rowHeights[r] = Double(max(2, (max(t.text.count, names.count / 2) + 39) / 40)) * 15.5
            r += 1
        }
        if results.isEmpty {
            sheet.merge(r, 0, r, last, "Không có chỉ tiêu kế hoạch nào áp dụng cho \(period.vietnameseNameInSentence) của đơn vị này.", .note)
        }
        sheet.columnWidths = [0: 5, 1: 9, 2: 40, 3: 16, 4: 20, 5: 18, 6: 11, 7: 30, 8: 16, 9: 18, 10: 11]
        sheet.freeze = (headerRow + 1, 3)
        sheet.repeatRows = headerRow...headerRow
        return sheet
    }
}
