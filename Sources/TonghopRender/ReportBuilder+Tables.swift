import Foundation
import TonghopBase
import TonghopCatalog
import TonghopAggregate
import TonghopStore

/// The figure tables: the header block every sheet shares, and one row per unit with totals.
extension ReportBuilder {
    // MARK: Rows

    package struct TableRow {
        package var code: String
        package var name: String
        package var figures: FigureVector
        package var partial: Bool
        /// Slots whose figure lacks what some unit could not give: shown marked partial.
        package var incomplete = SlotSet()
        package var note: String
        /// The last stocks of a unit that ceased before the period's end (its own row only).
        package var endedStocks: Rollup.EndedStocks? = nil
    }

    package func row(for unit: Unit) -> TableRow {
        let t = rollup.total(unit.code)
        // A ceased unit's last stock is shown only where the unit has no figure of its own for
        // the period's end (the former districts; a new commune that has not reported since).
        let ended = rollup.endedStocks[unit.code].flatMap { e in
            e.figures.slots.indices.contains { e.figures[$0] != nil && t.figures.slots[$0].isNaN && !t.figures.isUnknown($0) } ? e : nil
        }
        var note = note(t)
        if let ended {
            let stocks = "tồn cuối kỳ (chỉ tiêu cuối kỳ) tính \(Self.endedWords(ended)), không cộng vào tổng"
            note = note.isEmpty ? "Số \(stocks)" : "\(note); số \(stocks)"
        }
        return TableRow(code: unit.code, name: unit.name, figures: t.figures, partial: !t.partialUnits.isEmpty,
                        incomplete: t.incomplete, note: note, endedStocks: ended)
    }

    package func note(_ t: UnitTotal) -> String {
        var note: String
        if t.fromCompiledReport {
            note = "Theo báo cáo tổng hợp của đơn vị" + (t.partialUnits.isEmpty ? "" : ", chưa đủ kỳ")
        } else if t.reportingUnits == 0 {
            return "Chưa có báo cáo"
        } else if !t.partialUnits.isEmpty {
            note = "Có \(t.partialUnits.count) đơn vị báo cáo chưa đủ kỳ"
        } else {
            note = ""
        }
        let unknown = catalog.indicators.filter { i in (i.slot..<(i.slot + i.slotCount)).contains { t.figures.isUnknown($0) } }
        if !unknown.isEmpty {
            let codes = unknown.map(\.code).joined(separator: ", ")
            note += (note.isEmpty ? "" : "; ") + "\(codes): \(unknownFigureText)"
        }
        return note
    }

    /// Why a compiled unit's figure is not shown: it does not follow from its sub-periods'
    /// compiled figures (see ``TimeComposition/compiledFiguresCompose(_:)``).
    package var unknownFigureText: String {
        switch period.kind {
        case .year: return "cần báo cáo cả năm của đơn vị"
        case .half: return "cần báo cáo \(period.index == 1 ? "6 tháng đầu năm" : "6 tháng cuối năm") của đơn vị"
        default: return "cần báo cáo cả kỳ của đơn vị"
        }
    }

    /// "đến 30/6/2025": the last day of a ceased unit's map.
    package static func endedWords(_ ended: Rollup.EndedStocks) -> String {
        guard let d = ended.endedOn, let y = d.year, let m = d.month, let day = d.day else { return "đến khi đơn vị thôi tồn tại" }
        return "đến \(day)/\(m)/\(y)"
    }

    /// The province's own agencies added up, so that the total row is the province's total.
    package func departmentsRow() -> TableRow {
        var departments = UnitTotal(figures: FigureVector(slotCount: catalog.slotCount), partialUnits: [],
                                    reportingUnits: 0, fromCompiledReport: false)
        for d in registry.departments(of: scope.code) { departments.add(rollup.total(d.code), catalog: catalog) }
        return TableRow(code: "", name: "Các sở, ban, ngành cấp tỉnh", figures: departments.figures,
                        partial: !departments.partialUnits.isEmpty, incomplete: departments.incomplete, note: note(departments))
    }

    /// What a figure cell of a row holds: the number, or why there is none.
    package func figureCell(_ row: TableRow, _ column: ReportColumn) -> (SheetModel.Value, SheetModel.Role) {
        let slot = column.indicator.slot(for: column.category) ?? column.indicator.slot
        let partial = row.partial || row.incomplete.contains(slot)
        if let v = row.figures[slot] {
            return (.number(v), partial ? (column.isDecimal ? .partialDecimal : .partialInteger) : (column.isDecimal ? .decimal : .integer))
        }
        if row.figures.isUnknown(slot) { return (.text(unknownFigureText), .figureNote) }
        if row.incomplete.contains(slot) { return (.text("chưa đủ số liệu"), .figureNote) }
        if let ended = row.endedStocks, let v = ended.figures[slot] {
            // Text, not a number: the total row's SUM must not add it.
            return (.text("\(Messages.vietnameseNumber(v)) (\(Self.endedWords(ended)))"), .figureNote)
        }
        return (.empty, .integer)
    }

    // MARK: Header block

    /// The issuing body on the left, the national motto on the right, then title and window.
    /// Returns the next free row.
    package func headerBlock(_ sheet: inout SheetModel, lastColumn: Int, heading: String) -> Int {
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

    package func table(name: String, heading: String, columns: [ReportColumn], rows: [TableRow], total: Bool, nameWidth: Double = 30) -> SheetModel {
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
                } else {
                    let (value, role) = figureCell(row, column)
                    sheet.set(r, firstFigure + i, value, role)
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
        sheet.set(r, 0, .text("Ô nền vàng, chữ nghiêng: số liệu của đơn vị có báo cáo chưa đủ các kỳ trong \(period.vietnameseNameInSentence). Ô trống: chưa có số liệu (khác với số 0)."), .note)
        sheet.columnWidths = [0: 5, 1: 9, 2: nameWidth, noteColumn: 24]
        for i in columns.indices { sheet.columnWidths[firstFigure + i] = columns[i].answerAsText ? 14 : 12 }
        sheet.freeze = (headerTop + 4, firstFigure)
        sheet.repeatRows = headerTop...(headerTop + 3)
        return sheet
    }

    /// How many lines a text needs in a wrapped column of this width (Times New Roman 12).
    package static func lines(_ text: String, width: Double) -> Int {
        text.isEmpty ? 1 : Int((Double(text.count) / (width * 1.05)).rounded(.up))
    }

    package func lines(column: ReportColumn, _ figures: FigureVector) -> Int {
        Self.lines(column.answer(figures, catalog: catalog) ?? "", width: 14)
    }
}
