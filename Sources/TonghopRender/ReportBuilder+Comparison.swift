import TonghopBase
import TonghopCatalog
import TonghopAggregate
import TonghopStore

/// The main indicators of each *Biểu*, unit by unit, beside the same period of last year.
extension ReportBuilder {
    /// Indicators compared on one sheet: four columns each (this period, last year, the change,
    /// the change in percent) stay readable on A4 landscape for three.
    package static let comparedPerSheet = 3

    /// One *Cùng kỳ* sheet (or more, three indicators each) per *Biểu* that has main indicators
    /// (`chu_yeu` in `indicators.csv`), with the same rows as the *Biểu*.
    package func comparisonSheets(_ chunks: [[ReportColumn]], rows: [(unit: Unit?, row: TableRow)]) -> [SheetModel] {
        var sheets: [SheetModel] = []
        for (n, chunk) in chunks.enumerated() {
            let main = chunk.filter { $0.indicator.isMain && $0.category == nil && !$0.answerAsText }
            let parts = stride(from: 0, to: main.count, by: Self.comparedPerSheet).map { Array(main[$0..<min($0 + Self.comparedPerSheet, main.count)]) }
            for (k, columns) in parts.enumerated() {
                let name = parts.count == 1 ? "Cùng kỳ \(n + 1)" : "Cùng kỳ \(n + 1).\(k + 1)"
                sheets.append(comparisonSheet(name: name, biểu: n + 1, columns: columns, rows: rows))
            }
        }
        return sheets
    }

    /// What the same period of last year holds for a row of the tables.
    package struct PreviousCell {
        package var figures: PreviousYear.Figures?
        /// Whether the unit has a counterpart on last year's map at all.
        package var comparable: Bool
    }

    package func previous(for unit: Unit?) -> PreviousCell {
        guard let previousYear else { return PreviousCell(figures: nil, comparable: true) }
        if let unit { return PreviousCell(figures: previousYear.figures(of: unit.code), comparable: previousYear.hasCounterpart(unit.code)) }
        // The row of the province's departments: theirs added up.
        var total = UnitTotal(figures: FigureVector(slotCount: catalog.slotCount), partialUnits: [], reportingUnits: 0, fromCompiledReport: false)
        var approximate = false
        for d in registry.departments(of: scope.code) {
            guard let f = previousYear.figures(of: d.code) else { continue }
            total.add(UnitTotal(figures: f.figures, partialUnits: [], reportingUnits: 1, fromCompiledReport: false, incomplete: f.incomplete),
                      catalog: catalog)
            approximate = approximate || f.approximate
        }
        let figures = total.reportingUnits > 0 ? PreviousYear.Figures(figures: total.figures, approximate: approximate, incomplete: total.incomplete) : nil
        return PreviousCell(figures: figures, comparable: true)
    }

    package func comparisonSheet(name: String, biểu: Int, columns: [ReportColumn], rows: [(unit: Unit?, row: TableRow)]) -> SheetModel {
        var sheet = SheetModel(name: name)
        let firstFigure = 3
        let noteColumn = firstFigure + 4 * columns.count
        let previousName = PreviousYear.period(before: period)?.vietnameseName ?? "cùng kỳ năm trước"
        let byWhat = scope.level == .nation ? "từng tỉnh, thành phố" : "từng đơn vị"
        var r = headerBlock(&sheet, lastColumn: noteColumn,
                            heading: "So sánh với cùng kỳ năm trước của \(byWhat): các chỉ tiêu chủ yếu của Biểu \(biểu)")
        for note in comparisonNotes(rows) {
            sheet.merge(r, 0, r, noteColumn, note, .noteBlock)
            r += 1
        }
        let headerTop = r + 1
        for (c, label) in ["STT", "Mã", "Đơn vị"].enumerated() {
            sheet.merge(headerTop, c, headerTop + 2, c, label, .columnHeader)
            sheet.set(headerTop + 3, c, .text(["(1)", "(2)", "(3)"][c]), .columnHeader)
        }
        sheet.merge(headerTop, noteColumn, headerTop + 2, noteColumn, "Ghi chú", .columnHeader)
        sheet.set(headerTop + 3, noteColumn, .empty, .columnHeader)
        for (i, column) in columns.enumerated() {
            let c = firstFigure + 4 * i
            sheet.merge(headerTop, c, headerTop, c + 3, "\(column.title) (\(column.measure))", .groupHeader)
            for (k, label) in [period.vietnameseName, "Cùng kỳ: \(previousName)", "Tăng (+), giảm (−)", "Tỷ lệ tăng, giảm"].enumerated() {
                sheet.set(headerTop + 1, c + k, .text(label), .columnHeader)
                sheet.set(headerTop + 2, c + k, .text(k == 3 ? "%" : column.measure), .columnHeader)
                sheet.set(headerTop + 3, c + k, .text(k == 0 ? column.code : ""), .columnHeader)
            }
        }
        sheet.rowHeights[headerTop] = 46
        sheet.rowHeights[headerTop + 1] = 46
        let firstBody = headerTop + 4
        r = firstBody
        for (index, entry) in rows.enumerated() {
            let row = entry.row
            let before = previous(for: entry.unit)
            sheet.set(r, 0, .number(Double(index + 1)), .code)
            sheet.set(r, 1, .text(row.code), .code)
            sheet.set(r, 2, .text(row.name), .text)
            for (i, column) in columns.enumerated() {
                let c = firstFigure + 4 * i
                let (value, role) = figureCell(row, column)
                sheet.set(r, c, value, role)
                let slot = column.indicator.slot(for: column.category) ?? column.indicator.slot
                let earlier = before.figures?.figures[slot]
                if let earlier {
                    let short = before.figures?.incomplete.contains(slot) ?? false
                    sheet.set(r, c + 1, .number(earlier), short ? (column.isDecimal ? .partialDecimal : .partialInteger)
                                                                : (column.isDecimal ? .decimal : .integer))
                } else {
                    sheet.set(r, c + 1, before.comparable ? .empty : .text("không so sánh được"), before.comparable ? .integer : .figureNote)
                }
                changeCells(&sheet, r, c, now: row.figures[slot], before: earlier, decimal: column.isDecimal, total: false)
            }
            var notes: [String] = []
            if !before.comparable { notes.append("Đơn vị không có trong danh mục năm trước (sắp xếp đơn vị hành chính 2025): không so sánh được") }
            if before.figures?.approximate ?? false { notes.append("Cùng kỳ gần đúng: có xã cũ bị chia cho nhiều xã mới") }
            if row.partial { notes.append("Kỳ này chưa đủ các kỳ con") }
            sheet.set(r, noteColumn, notes.isEmpty ? .empty : .text(notes.joined(separator: "; ")), .text)
            r += 1
        }
        let lastBody = r - 1
        sheet.merge(r, 0, r, 2, "TỔNG CỘNG", .totalLabel)
        for (i, column) in columns.enumerated() {
            let c = firstFigure + 4 * i
            var sums: [Double?] = []
            for k in 0..<2 {
                let values = (firstBody...max(firstBody, lastBody)).compactMap { row -> Double? in
                    guard lastBody >= firstBody, case .number(let v) = sheet.cell(row, c + k)?.value else { return nil }
                    return v
                }
                if values.isEmpty {
                    sheet.set(r, c + k, .empty, .totalInteger)
                    sums.append(nil)
                } else {
                    let letters = Messages.columnLetters(c + k + 1)
                    let sum = values.map(WorkbookWriter.rounded).reduce(0, +)
                    sheet.set(r, c + k, .formula("=SUM(\(letters)\(firstBody + 1):\(letters)\(lastBody + 1))", sum),
                              column.isDecimal ? .totalDecimal : .totalInteger)
                    sums.append(sum)
                }
            }
            changeCells(&sheet, r, c, now: sums[0], before: sums[1], decimal: column.isDecimal, total: true)
        }
        sheet.set(r, noteColumn, .empty, .totalLabel)
        r += 2
        sheet.set(r, 0, .text("Ô nền vàng, chữ nghiêng: số liệu chưa đủ các kỳ con hoặc chưa đủ các đơn vị. Ô trống: chưa có số liệu (khác với số 0). Tỷ lệ tăng, giảm: so với cùng kỳ."), .note)
        sheet.columnWidths = [0: 5, 1: 9, 2: 28, noteColumn: 26]
        for i in columns.indices {
            let c = firstFigure + 4 * i
            sheet.columnWidths[c] = 11
            sheet.columnWidths[c + 1] = 11
            sheet.columnWidths[c + 2] = 10
            sheet.columnWidths[c + 3] = 8
        }
        sheet.freeze = (firstBody, firstFigure)
        sheet.repeatRows = headerTop...(headerTop + 3)
        return sheet
    }

    /// The change and its percent, as formulas over the two cells to their left, carrying the
    /// values worked out from the same rounded numbers (a recalculation gives them back).
    private func changeCells(_ sheet: inout SheetModel, _ r: Int, _ c: Int, now: Double?, before: Double?, decimal: Bool, total: Bool) {
        let role: SheetModel.Role = total ? (decimal ? .totalDecimal : .totalInteger) : (decimal ? .decimal : .integer)
        let percentRole: SheetModel.Role = total ? .totalPercent : .percent
        guard let now = now.map(WorkbookWriter.rounded), let before = before.map(WorkbookWriter.rounded) else {
            sheet.set(r, c + 2, .empty, role)
            sheet.set(r, c + 3, .empty, percentRole)
            return
        }
        let current = "\(Messages.columnLetters(c + 1))\(r + 1)", earlier = "\(Messages.columnLetters(c + 2))\(r + 1)"
        sheet.set(r, c + 2, .formula("=\(current)-\(earlier)", now - before), role)
        if before != 0 {
            sheet.set(r, c + 3, .formula("=(\(current)-\(earlier))/\(earlier)", (now - before) / before), percentRole)
        } else {
            sheet.set(r, c + 3, .empty, percentRole)
        }
    }

    /// What a reader must know before trusting the comparison, above the table.
    package func comparisonNotes(_ rows: [(unit: Unit?, row: TableRow)]) -> [String] {
        guard let previousYear else { return ["Không có kỳ cùng kỳ năm trước để so sánh."] }
        var notes: [String] = []
        if previousYear.acrossReform {
            notes.append("Cùng kỳ năm trước (danh mục \(previousYear.previous.registry.id)) được quy đổi sang đơn vị hành chính hiện hành (danh mục \(registry.id)) theo bảng chuyển đổi: mỗi đơn vị mới là tổng các đơn vị cũ sáp nhập vào nó.")
        }
        let impossible = rows.compactMap { $0.unit }.filter { !previousYear.hasCounterpart($0.code) }
        if !impossible.isEmpty {
            notes.append("Không so sánh được \(impossible.count) đơn vị không có trong danh mục đơn vị năm trước (sắp xếp đơn vị hành chính 2025).")
        }
        return notes
    }
}
