import TonghopBase
import TonghopCatalog
import TonghopAggregate
import TonghopStore

/// Who was expected to report, who did, on time or late, and who did not.
extension ReportBuilder {
    // MARK: Completeness

    package func completenessSheet(_ completeness: Completeness) -> SheetModel {
        var sheet = SheetModel(name: "Tình hình báo cáo")
        let headers = ["STT", "Mã", "Đơn vị", "Số đơn vị phải báo cáo", "Đã báo cáo đủ kỳ", "Báo cáo chưa đủ kỳ",
                       "Chưa báo cáo", "Gửi đúng hạn", "Gửi muộn", "Tỷ lệ đã báo cáo đủ kỳ", "Tỷ lệ gửi đúng hạn",
                       "Đơn vị chưa báo cáo"]
        let last = headers.count - 1
        var r = headerBlock(&sheet, lastColumn: last, heading: "Tình hình gửi báo cáo (xã, huyện và sở, ngành phải báo cáo)")
        sheet.merge(r, 0, r, last, "Hạn gửi theo danh mục hạn gửi báo cáo của tỉnh. Ngày nhận của báo cáo gửi qua cổng web là ngày cổng nhận được; của báo cáo khác là ngày lập ghi trong báo cáo; báo cáo không ghi ngày lập, hoặc ghi một ngày không có thật, lấy ngày nhận được tệp.", .note)
        r += 2
        let headerRow = r
        for (c, h) in headers.enumerated() { sheet.set(r, c, .text(h), .columnHeader) }
        sheet.rowHeights[r] = 48
        r += 1
        let first = r
        for (i, g) in completeness.groups.enumerated() {
            sheet.set(r, 0, .number(Double(i + 1)), .code)
            sheet.set(r, 1, .text(g.unit.code), .code)
            sheet.set(r, 2, .text(g.unit.level == .province && scope.level == .province ? "Các sở, ban, ngành cấp tỉnh" : g.unit.name), .text)
            for (c, v) in [g.expected, g.complete, g.partial, g.missing.count, g.onTime, g.lateCount].enumerated() {
                sheet.set(r, 3 + c, .number(Double(v)), .integer)
            }
            sheet.set(r, 9, .formula("=IF(D\(r + 1)=0,0,E\(r + 1)/D\(r + 1))", g.rate), .percent)
            sheet.set(r, 10, .formula("=IF(D\(r + 1)=0,0,H\(r + 1)/D\(r + 1))", g.onTimeRate), .percent)
            var names: String
            if let by = g.compiledBy {
                names = "Theo báo cáo tổng hợp của đơn vị \(by)"
            } else {
                let missing = g.missing
                names = missing.prefix(8).map(\.unit.name).joined(separator: "; ")
                if missing.count > 8 { names += "; và \(missing.count - 8) đơn vị khác (xem trang Đơn vị chưa báo cáo)" }
                let partial = g.reporters.filter { $0.coverage == .partial && $0.coveredBy == nil }
                if !partial.isEmpty {
                    names += (names.isEmpty ? "" : ". ") + "Chưa đủ kỳ: " + partial.prefix(5).map(\.unit.name).joined(separator: "; ")
                        + (partial.count > 5 ? "; và \(partial.count - 5) đơn vị khác" : "")
                }
            }
            sheet.set(r, 11, names.isEmpty ? .empty : .text(names), .text)
            sheet.rowHeights[r] = Double(max(1, (names.count + 59) / 60)) * 15.5
            r += 1
        }
        let lastBody = r - 1
        sheet.merge(r, 0, r, 2, "TỔNG CỘNG", .totalLabel)
        let sums = [completeness.expected, completeness.complete, completeness.partial, completeness.missingCount,
                    completeness.onTime, completeness.late]
        for (i, column) in ["D", "E", "F", "G", "H", "I"].enumerated() {
            sheet.set(r, 3 + i, .formula("=SUM(\(column)\(first + 1):\(column)\(lastBody + 1))", Double(sums[i])), .totalInteger)
        }
        let expected = Double(completeness.expected)
        sheet.set(r, 9, .formula("=IF(D\(r + 1)=0,0,E\(r + 1)/D\(r + 1))", expected == 0 ? 0 : Double(completeness.complete) / expected), .totalPercent)
        sheet.set(r, 10, .formula("=IF(D\(r + 1)=0,0,H\(r + 1)/D\(r + 1))", expected == 0 ? 0 : Double(completeness.onTime) / expected), .totalPercent)
        sheet.set(r, 11, .empty, .totalLabel)
        sheet.columnWidths = [0: 5, 1: 8, 2: 26, 3: 10, 4: 10, 5: 10, 6: 10, 7: 10, 8: 10, 9: 10, 10: 10, 11: 50]
        sheet.freeze = (headerRow + 1, 3)
        sheet.repeatRows = headerRow...headerRow
        return sheet
    }

    package func missingSheet(_ completeness: Completeness) -> SheetModel {
        var sheet = SheetModel(name: "Đơn vị chưa báo cáo")
        let headers = ["STT", "Mã", "Đơn vị", "Cấp", "Trực thuộc", "Tình trạng"]
        var r = headerBlock(&sheet, lastColumn: headers.count - 1, heading: "Đơn vị chưa báo cáo, báo cáo chưa đủ kỳ hoặc gửi muộn")
        let headerRow = r
        for (c, h) in headers.enumerated() { sheet.set(r, c, .text(h), .columnHeader) }
        r += 1
        var n = 0
        for g in completeness.groups where g.compiledBy == nil {
            if scope.level == .nation && g.complete + g.partial == 0 && g.expected > 0 {
                // A province that sent nothing is one line, not its thousand communes.
                n += 1
                sheet.set(r, 0, .number(Double(n)), .code)
                sheet.set(r, 1, .text(g.unit.code), .code)
                sheet.set(r, 2, .text(g.unit.name), .text)
                sheet.set(r, 3, .text(g.unit.level.vietnameseName), .text)
                sheet.set(r, 4, .text(registry.nation?.name ?? ""), .text)
                sheet.set(r, 5, .text("Chưa có báo cáo nào (\(g.expected) đơn vị phải báo cáo)"), .text)
                r += 1
                continue
            }
            for reporter in g.reporters where reporter.coverage != .complete || !reporter.late.isEmpty {
                n += 1
                let u = reporter.unit
                sheet.set(r, 0, .number(Double(n)), .code)
                sheet.set(r, 1, .text(u.code), .code)
                sheet.set(r, 2, .text(u.name), .text)
                sheet.set(r, 3, .text(u.level.vietnameseName), .text)
                sheet.set(r, 4, .text(registry.unit(u.parentCode)?.name ?? ""), .text)
                sheet.set(r, 5, .text(status(of: reporter)), .text)
                sheet.rowHeights[r] = reporter.late.count > 1 ? 31 : 17
                r += 1
            }
        }
        if n == 0 { sheet.set(r, 0, .text("Tất cả đơn vị phải báo cáo đã báo cáo đủ kỳ."), .note) }
        sheet.columnWidths = [0: 6, 1: 10, 2: 36, 3: 10, 4: 32, 5: 60]
        sheet.freeze = (headerRow + 1, 0)
        sheet.repeatRows = headerRow...headerRow
        return sheet
    }

    /// "Chưa báo cáo", "Báo cáo chưa đủ kỳ: có Quý I/2024", "Gửi muộn: Quý II năm 2024 ngày 20/6/2024, hạn 16/6/2024".
    package func status(of reporter: Completeness.Reporter) -> String {
        var parts: [String] = []
        switch reporter.coverage {
        case .missing: parts.append("Chưa báo cáo")
        case .partial:
            let sources = rollup.own[reporter.unit.code]?.sources.map(\.vietnameseName).joined(separator: ", ") ?? ""
            parts.append("Báo cáo chưa đủ kỳ (mới có: \(sources))")
        case .complete: break
        }
        if !reporter.late.isEmpty {
            parts.append("Gửi muộn: " + reporter.late.map { l in
                "\(l.period.vietnameseName) ngày \(DueDate(date: l.received, source: "").vietnamese), hạn \(l.due.vietnamese)"
            }.joined(separator: "; "))
        }
        return parts.joined(separator: ". ")
    }
}
