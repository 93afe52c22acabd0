import Foundation

/// The figure tables: the header block every sheet shares, and one row per unit with totals.
extension ReportBuilder {
    // MARK: Rows

    struct TableRow {
        var code: String
        var name: String
        var figures: FigureVector
        var partial: Bool
        var note: String
    }

    func row(for unit: Unit) -> TableRow {
        let t = rollup.total(unit.code)
        return TableRow(code: unit.code, name: unit.name, figures: t.figures, partial: !t.partialUnits.isEmpty, note: note(t))
    }

    func note(_ t: UnitTotal) -> String {
        if t.fromCompiledReport { return "Theo báo cáo tổng hợp của đơn vị" + (t.partialUnits.isEmpty ? "" : ", chưa đủ kỳ") }
        if t.reportingUnits == 0 { return "Chưa có báo cáo" }
        if !t.partialUnits.isEmpty { return "Có \(t.partialUnits.count) đơn vị báo cáo chưa đủ kỳ" }
        return ""
    }

    /// The province's own agencies added up, so that the total row is the province's total.
    func departmentsRow() -> TableRow {
        var departments = UnitTotal(figures: FigureVector(slotCount: catalog.slotCount), partialUnits: [],
                                    reportingUnits: 0, fromCompiledReport: false)
        for d in registry.departments(of: scope.code) {
            let t = rollup.total(d.code)
            departments.figures.add(t.figures, catalog: catalog)
            departments.partialUnits += t.partialUnits
            departments.reportingUnits += t.reportingUnits
        }
        return TableRow(code: "", name: "Các sở, ban, ngành cấp tỉnh", figures: departments.figures,
                        partial: !departments.partialUnits.isEmpty, note: note(departments))
    }

    // MARK: Header block

    /// The issuing body on the left, the national motto on the right, then title and window.
    /// Returns the next free row.
    func headerBlock(_ sheet: inout SheetModel, lastColumn: Int, heading: String) -> Int {
        let (agency1, agency2): (String, String)
        if scope.level == .nation {
            agency1 = "ỦY BAN QUỐC GIA PHÒNG, CHỐNG"
            agency2 = "AIDS, MA TÚY, MẠI DÂM"
        } else {
            agency1 = "ỦY BAN NHÂN DÂN \(scope.name.uppercased())"
            agency2 = "BAN CHỈ ĐẠO PHÒNG, CHỐNG AIDS, MA TÚY, MẠI DÂM"
        }
        let leftEnd = min(3, lastColumn)
        let rightStart = max(leftEnd + 1, lastColumn - 5)
        sheet.merge(0, 0, 0, leftEnd, agency1, .agency)
        sheet.merge(1, 0, 1, leftEnd, agency2, .agencyUnderline)
        sheet.rowHeights[1] = 30
        sheet.merge(0, rightStart, 0, max(rightStart, lastColumn), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", .motto)
        sheet.merge(1, rightStart, 1, max(rightStart, lastColumn), "Độc lập - Tự do - Hạnh phúc", .mottoUnderline)
        let place = scope.level == .nation ? "toàn quốc" : scope.name
        sheet.merge(3, 0, 3, lastColumn, "BÁO CÁO TỔNG HỢP KẾT QUẢ CÔNG TÁC PHÒNG, CHỐNG MA TÚY, HIV/AIDS, MẠI DÂM", .title)
        sheet.merge(4, 0, 4, lastColumn, "\(period.vietnameseName) — \(place)", .subtitle)
        sheet.merge(5, 0, 5, lastColumn, "(\(window.sentence(period)))", .window)
        sheet.merge(6, 0, 6, lastColumn, heading, .subtitle)
        sheet.rowHeights[0] = 18
        sheet.rowHeights[3] = 22
        return 8
    }

    // MARK: Figure tables

    func table(name: String, heading: String, columns: [ReportColumn], rows: [TableRow], total: Bool, nameWidth: Double = 30) -> SheetModel {
        var sheet = SheetModel(name: name)
        let firstFigure = 3
        let noteColumn = firstFigure + columns.count
        var r = headerBlock(&sheet, lastColumn: noteColumn, heading: heading)
        let headerTop = r
        // Four header rows: group, name, measure, code.
        for (c, label) in ["STT", "Mã", "Đơn vị"].enumerated() {
            sheet.merge(headerTop, c, headerTop + 2, c, label, .columnHeader)
            sheet.set(headerTop + 3, c, .text(["(1)", "(2)", "(3)"][c]), .columnHeader)
        }
        sheet.merge(headerTop, noteColumn, headerTop + 2, noteColumn, "Ghi chú", .columnHeader)
        sheet.set(headerTop + 3, noteColumn, .empty, .columnHeader)
        var start = 0
        while start < columns.count {
            let group = columns[start].indicator.group
            var end = start
            while end + 1 < columns.count && columns[end + 1].indicator.group == group { end += 1 }
            sheet.merge(headerTop, firstFigure + start, headerTop, firstFigure + end, group, .groupHeader)
            start = end + 1
        }
        for (i, column) in columns.enumerated() {
            sheet.set(headerTop + 1, firstFigure + i, .text(column.title), .columnHeader)
            sheet.set(headerTop + 2, firstFigure + i, .text(column.measure), .columnHeader)
            sheet.set(headerTop + 3, firstFigure + i, .text(column.code), .columnHeader)
        }
        sheet.rowHeights[headerTop] = 32
        sheet.rowHeights[headerTop + 1] = 120
        sheet.rowHeights[headerTop + 3] = columns.contains { $0.code.count > 10 } ? 30 : 16
        r = headerTop + 4
        let firstBody = r
        for (index, row) in rows.enumerated() {
            sheet.set(r, 0, .number(Double(index + 1)), .code)
            sheet.set(r, 1, .text(row.code), .code)
            sheet.set(r, 2, .text(row.name), .text)
            for (i, column) in columns.enumerated() {
                if column.answerAsText {
                    sheet.set(r, firstFigure + i, column.answer(row.figures, catalog: catalog).map { .text($0) } ?? .empty, .text)
                } else if let v = column.value(row.figures) {
                    let role: SheetModel.Role = row.partial ? (column.isDecimal ? .partialDecimal : .partialInteger)
                        : (column.isDecimal ? .decimal : .integer)
                    sheet.set(r, firstFigure + i, .number(v), role)
                } else {
                    sheet.set(r, firstFigure + i, .empty, .integer)
                }
            }
            sheet.set(r, noteColumn, row.note.isEmpty ? .empty : .text(row.note), .text)
            // libxlsxwriter cannot autofit: give wrapped names and notes the lines they need.
            let lineCount = max(Self.lines(row.name, width: nameWidth), Self.lines(row.note, width: 24),
                                columns.filter(\.answerAsText).map { lines(column: $0, row.figures) }.max() ?? 1)
            if lineCount > 1 { sheet.rowHeights[r] = Double(lineCount) * 15.5 }
            r += 1
        }
        let lastBody = r - 1
        if total {
            sheet.merge(r, 0, r, 2, "TỔNG CỘNG", .totalLabel)
            for (i, column) in columns.enumerated() {
                let c = firstFigure + i
                let values = rows.compactMap { column.value($0.figures) }
                if column.isSummable && !values.isEmpty && lastBody >= firstBody {
                    let letters = Messages.columnLetters(c + 1)
                    sheet.set(r, c, .formula("=SUM(\(letters)\(firstBody + 1):\(letters)\(lastBody + 1))", values.reduce(0, +)),
                              column.isDecimal ? .totalDecimal : .totalInteger)
                } else {
                    sheet.set(r, c, .empty, .totalInteger)
                }
            }
            sheet.set(r, noteColumn, .empty, .totalLabel)
            r += 1
        }
        r += 1
        sheet.set(r, 0, .text("Ô nền vàng, chữ nghiêng: số liệu của đơn vị có báo cáo chưa đủ các kỳ trong \(period.vietnameseName.lowercased()). Ô trống: chưa có số liệu (khác với số 0)."), .note)
        sheet.columnWidths = [0: 5, 1: 9, 2: nameWidth, noteColumn: 24]
        for i in columns.indices { sheet.columnWidths[firstFigure + i] = columns[i].answerAsText ? 14 : 12 }
        sheet.freeze = (headerTop + 4, firstFigure)
        sheet.repeatRows = headerTop...(headerTop + 3)
        return sheet
    }

    /// How many lines a text needs in a wrapped column of this width (Times New Roman 12).
    static func lines(_ text: String, width: Double) -> Int {
        text.isEmpty ? 1 : Int((Double(text.count) / (width * 1.05)).rounded(.up))
    }

    func lines(column: ReportColumn, _ figures: FigureVector) -> Int {
        Self.lines(column.answer(figures, catalog: catalog) ?? "", width: 14)
    }
}
