import TonghopBase
import TonghopCatalog
import TonghopAggregate
import TonghopStore

/// The first sheet: the key figures of the period beside the same period of last year.
extension ReportBuilder {
    /// One line of the summary: an indicator column or a derived indicator.
    package struct SummaryLine {
        package var code: String
        package var title: String
        package var measure: String
        package var current: Double?
        package var previous: Double?
        /// This period's figure cannot be known from what was sent (see ``TimeComposition``).
        package var currentUnknown = false
        /// Figures short of what some unit could not give: shown, marked partial.
        package var currentIncomplete = false
        package var previousIncomplete = false
        package var isDecimal: Bool
        /// A ratio: its change is in percentage points, with no percent of a percent.
        package var isRatio: Bool
    }

    package func summaryLines() -> [(group: String, lines: [SummaryLine])] {
        let total = rollup.total(scope.code)
        let current = total.figures
        let previous = previousYear?.figures(of: scope.code)
        let derived = catalog.derivedByCode
        var groups: [(group: String, lines: [SummaryLine])] = []
        for column in summaryColumns {
            let slot = column.indicator.slot(for: column.category) ?? column.indicator.slot
            var line = SummaryLine(code: column.code, title: column.title, measure: column.measure, current: column.value(current),
                                   previous: previous.flatMap { column.value($0.figures) }, isDecimal: column.isDecimal, isRatio: false)
            line.currentUnknown = current.isUnknown(slot)
            line.currentIncomplete = total.incomplete.contains(slot)
            line.previousIncomplete = previous?.incomplete.contains(slot) ?? false
            if groups.last?.group == column.indicator.groupShortName { groups[groups.count - 1].lines.append(line) } else {
                groups.append((column.indicator.groupShortName, [line]))
            }
        }
        for d in catalog.derived {
            let now = d.formula.evaluate(EvaluationContext(rollup: rollup, unitCode: scope.code, derived: derived))
            let before = previous.flatMap { p in
                d.formula.evaluate(EvaluationContext(rollup: rollup, unitCode: scope.code, figures: p.figures, derived: derived))
            }
            // A count worked out from counts (TL05: communes with drugs) shows as a count; a
            // ratio, or anything with a fraction, with its decimals.
            let whole = [now, before].allSatisfy { $0.map { $0 == $0.rounded() } ?? true }
            let line = SummaryLine(code: d.code, title: "\(d.name) (= \(d.formulaText))", measure: d.measure, current: now,
                                   previous: before, isDecimal: d.measure == "%" || !whole, isRatio: d.measure == "%")
            if let i = groups.firstIndex(where: { $0.group == d.group }) { groups[i].lines.append(line) } else {
                groups.append((d.group.isEmpty ? "Chỉ tiêu tính toán" : d.group, [line]))
            }
        }
        return groups
    }

    package func summarySheet() -> SheetModel {
        var sheet = SheetModel(name: "Tóm tắt")
        let headers = ["STT", "Mã", "Chỉ tiêu", "Đơn vị tính", period.vietnameseName,
                       PreviousYear.period(before: period).map { "Cùng kỳ: \($0.vietnameseName)" } ?? "Cùng kỳ năm trước",
                       "Tăng (+), giảm (−)", "Tỷ lệ tăng, giảm"]
        let last = headers.count - 1
        var r = headerBlock(&sheet, lastColumn: last, heading: "Các số liệu chủ yếu so với cùng kỳ năm trước")
        for note in summaryNotes() {
            sheet.merge(r, 0, r, last, note, .noteBlock)
            sheet.rowHeights[r] = Double(max(1, (note.count + 139) / 140)) * 15
            r += 1
        }
        r += 1
        let headerRow = r
        for (c, h) in headers.enumerated() { sheet.set(r, c, .text(h), .columnHeader) }
        sheet.rowHeights[r] = 36
        r += 1
        var n = 0
        for (group, lines) in summaryLines() {
            sheet.merge(r, 0, r, last, group, .groupHeader)
            r += 1
            for line in lines {
                n += 1
                sheet.set(r, 0, .number(Double(n)), .code)
                sheet.set(r, 1, .text(line.code), .code)
                sheet.set(r, 2, .text(line.title), .text)
                sheet.set(r, 3, .text(line.measure), .code)
                let role: SheetModel.Role = line.isDecimal ? .decimal : .integer
                let partialRole: SheetModel.Role = line.isDecimal ? .partialDecimal : .partialInteger
                // The cells hold numbers as written (rounded); the change formulas' values are
                // computed from the same numbers, so a recalculation gives them back exactly.
                let current = line.current.map(WorkbookWriter.rounded), previous = line.previous.map(WorkbookWriter.rounded)
                if let current {
                    sheet.set(r, 4, .number(current), line.currentIncomplete ? partialRole : role)
                } else if line.currentUnknown || line.currentIncomplete {
                    sheet.set(r, 4, .text(line.currentUnknown ? unknownFigureText : "chưa đủ số liệu"), .figureNote)
                } else {
                    sheet.set(r, 4, .empty, role)
                }
                sheet.set(r, 5, previous.map { .number($0) } ?? .empty, line.previousIncomplete ? partialRole : role)
                if let now = current, let before = previous {
                    sheet.set(r, 6, .formula("=E\(r + 1)-F\(r + 1)", now - before), role)
                    if !line.isRatio && before != 0 {
                        sheet.set(r, 7, .formula("=(E\(r + 1)-F\(r + 1))/F\(r + 1)", (now - before) / before), .percent)
                    } else {
                        sheet.set(r, 7, .empty, .percent)
                    }
                } else {
                    sheet.set(r, 6, .empty, role)
                    sheet.set(r, 7, .empty, .percent)
                }
                sheet.rowHeights[r] = line.title.count > 70 ? 32 : 17
                r += 1
            }
        }
        sheet.columnWidths = [0: 5, 1: 16, 2: 62, 3: 10, 4: 14, 5: 14, 6: 13, 7: 11]
        sheet.freeze = (headerRow + 1, 3)
        sheet.repeatRows = headerRow...headerRow
        return sheet
    }

    /// What a reader must know before trusting the comparison.
    package func summaryNotes() -> [String] {
        var notes: [String] = []
        let total = rollup.total(scope.code)
        if total.reportingUnits == 0 { notes.append("Chưa có báo cáo nào cho kỳ này.") }
        if scope.level == .nation {
            let provinces = registry.children(of: scope.code)
            let reporting = provinces.filter { rollup.total($0.code).reportingUnits > 0 }.count
            if reporting < provinces.count {
                notes.append("Mới có \(reporting)/\(provinces.count) tỉnh, thành phố có số liệu kỳ này: các số tổng cộng toàn quốc chỉ gồm các tỉnh đó (xem trang Tình hình báo cáo).")
            }
        }
        if !total.partialUnits.isEmpty {
            notes.append("Số liệu kỳ này có \(total.partialUnits.count) đơn vị báo cáo chưa đủ các kỳ con (xem trang Tình hình báo cáo): các tổng cộng chưa đầy đủ.")
        }
        let short = catalog.indicators.filter { total.incomplete.containsAny(of: $0) || (total.figures.mentions($0) && !total.figures.reports($0)) }
        if !short.isEmpty {
            notes.append("Số liệu chưa đủ (ô nền vàng, chữ nghiêng) của \(short.map(\.code).joined(separator: ", ")): có đơn vị chỉ báo cáo tổng số mà không chia phân tổ, hoặc có báo cáo tổng hợp mà số liệu cả kỳ không suy ra được từ các báo cáo quý (\(unknownFigureText)).")
        }
        let ended = registry.descendants(of: scope.code).compactMap { u in rollup.endedStocks[u.code].map { (u, $0) } }
            + (rollup.endedStocks[scope.code].map { [(scope, $0)] } ?? [])
        if let first = ended.first {
            let stocks = catalog.indicators.filter { $0.time == .last }.map(\.code).joined(separator: ", ")
            notes.append("Số tồn cuối kỳ (\(stocks)) của các đơn vị đã thôi tồn tại trong kỳ (như các huyện cũ) chỉ tính \(Self.endedWords(first.1)) và không cộng vào tổng: số cuối kỳ chỉ gồm các đơn vị còn tồn tại cuối kỳ; số đầu kỳ (\(catalog.indicators.filter { $0.time == .first }.map(\.code).joined(separator: ", "))) gồm các đơn vị có từ đầu kỳ.")
        }
        guard let previousYear, previousYear.figures(of: scope.code) != nil else {
            notes.append("Chưa có số liệu cùng kỳ năm trước để so sánh.")
            return notes
        }
        if previousYear.acrossReform {
            var note = "So sánh trên đơn vị hành chính hiện hành: số liệu cùng kỳ năm trước (danh mục \(previousYear.previous.registry.id)) được quy đổi sang danh mục \(registry.id) theo bảng chuyển đổi đơn vị hành chính, cộng các đơn vị cũ vào đơn vị mới."
            if registry.children(of: scope.code).contains(where: { $0.level == .commune }),
               registry.descendants(of: scope.code).contains(where: { c in
                   c.level == .commune && (registry.crosswalkFromPrevious?.oldCommunes(of: c.code).contains(where: \.partial) ?? false)
               }) {
                note += " Xã cũ bị chia cho nhiều xã mới được tính trọn vào mỗi xã mới: so sánh của các xã đó là gần đúng."
            }
            notes.append(note)
            if scope.level == .province, let crosswalk = registry.crosswalkFromPrevious {
                let silent = crosswalk.oldProvinces(of: scope.code).filter { previousYear.previous.total($0).reportingUnits == 0 }
                    .compactMap { previousYear.previous.registry.unit($0).map { "\($0.name) (cũ)" } }
                if !silent.isEmpty {
                    notes.append("Cùng kỳ năm trước chưa có số liệu của \(silent.joined(separator: ", ")) (đã hợp nhất vào \(scope.name)): số liệu năm trước chỉ gồm các tỉnh cũ đã báo cáo.")
                }
            }
            if !rollup.approximateUnits.isEmpty {
                notes.append("Số liệu trước ngày 01/7/2025 của \(rollup.approximateUnits.count) xã mới có xã cũ bị chia tách được cộng trọn vào một xã mới: gần đúng ở cấp xã, đúng ở cấp tỉnh.")
            }
        }
        return notes
    }

    /// The indicators charted by unit against the same period of last year, with their titles:
    /// the workbook's *Biểu đồ* sheet and the portal's report page show the same two.
    package static let chartedIndicators: [(code: String, title: String)] = [
        ("MT01", "Số vụ phạm tội về ma túy phát hiện, bắt giữ"),
        ("NN01", "Số người nghiện ma túy có hồ sơ quản lý"),
    ]

    /// A unit below the scope with its figure of a charted indicator, this period and the same
    /// period last year.
    package struct ChartRow {
        package let unit: Unit
        package let current: Double?
        package let previous: Double?
    }

    /// The units a charted indicator is drawn by, on the workbook's *Biểu đồ* sheet and on the
    /// portal's report page: the scope's children, and for a province also its departments,
    /// whose figures its total adds as well. Units without a figure in either period are left
    /// out, and counted (`silent`) where a figure was due. After the 2025
    /// reform a province's drug cases are reported by its police and no commune has one:
    /// charting every commune drew a page of blanks and never the province's figure.
    package func chartRows(_ indicator: Indicator) -> (rows: [ChartRow], silent: Int) {
        let children = registry.children(of: scope.code)
        let departments = scope.level == .province ? registry.departments(of: scope.code) : []
        let all = (children + departments).map { below in
            ChartRow(unit: below, current: rollup.total(below.code).figures.value(indicator),
                     previous: previousYear?.figures(of: below.code)?.figures.value(indicator))
        }
        // Counted as silent only where a figure was due: a province (its compiled report), a
        // unit whose form asks for the indicator or, for a district, whose communes' form does
        // (a commune's form has no drug cases; a department of a sector the province need not
        // have sends nothing).
        func asks(_ unit: Unit?) -> Bool {
            unit.flatMap { catalog.defaultForm(for: $0) }?.indicatorSet.contains(indicator.code) ?? false
        }
        func owes(_ unit: Unit) -> Bool {
            switch unit.level {
            case .nation, .province: return true
            case .department: return registry.isExpected(department: unit) && asks(unit)
            case .district: return asks(unit) || asks(registry.children(of: unit.code).first)
            case .commune: return asks(unit)
            }
        }
        let silent = all.filter { $0.current == nil && $0.previous == nil && owes($0.unit) }
        return (all.filter { $0.current != nil || $0.previous != nil }, silent.count)
    }

    /// A unit's name on a chart: without "Tỉnh", "Huyện"...; a department by its sector alone
    /// ("Công an tỉnh"), the province being the report's.
    package static func chartLabel(_ unit: Unit) -> String {
        unit.level == .department ? unit.type : ReportNaming.shortName(unit.name)
    }

    /// A chart of a key indicator by province (national) or by district (provincial), this
    /// year against last year, over a small table of its data: the units of ``chartRows(_:)``.
    package func chartSheet() -> SheetModel {
        var sheet = SheetModel(name: "Biểu đồ")
        let last = 5
        var r = headerBlock(&sheet, lastColumn: 12, heading: "Biểu đồ so sánh với cùng kỳ năm trước")
        let keys = Self.chartedIndicators
        let previousName = PreviousYear.period(before: period)?.vietnameseName ?? "Cùng kỳ năm trước"
        var chartRow = r
        for key in keys {
            guard let indicator = catalog.indicator(key.code) else { continue }
            // Each chart and its table on a page of its own: two do not fit on one A4 page.
            if !sheet.charts.isEmpty { sheet.pageBreaks.append(r) }
            sheet.merge(r, 0, r, last, "\(key.title) (\(indicator.measure))", .subtitle)
            r += 1
            let headers = ["STT", "Mã", "Đơn vị", period.vietnameseName, previousName]
            for (c, h) in headers.enumerated() { sheet.set(r, c, .text(h), .columnHeader) }
            r += 1
            let first = r
            let (rows, silent) = chartRows(indicator)
            for (i, row) in rows.enumerated() {
                sheet.set(r, 0, .number(Double(i + 1)), .code)
                sheet.set(r, 1, .text(row.unit.code), .code)
                sheet.set(r, 2, .text(Self.chartLabel(row.unit)), .text)
                sheet.set(r, 3, row.current.map { .number($0) } ?? .empty, .integer)
                sheet.set(r, 4, row.previous.map { .number($0) } ?? .empty, .integer)
                r += 1
            }
            if silent > 0 {
                sheet.merge(r, 0, r, last, "\(silent) đơn vị không có số liệu của chỉ tiêu này ở cả hai kỳ nên không có trên biểu đồ.", .noteBlock)
                r += 1
            }
            if !rows.isEmpty {
                sheet.charts.append(SheetModel.Chart(
                    title: "\(key.title): \(period.vietnameseName) so với cùng kỳ", valueAxisTitle: indicator.measure,
                    rows: first...(first + rows.count - 1), categoryColumn: 2,
                    series: [(period.vietnameseName, 3, 0x2E75B6), (previousName, 4, 0xBFBFBF)],
                    anchor: (chartRow, 6), scale: (x: 1.6, y: 1.5)))
            }
            r = max(r, chartRow + 24) + 1
            chartRow = r
        }
        sheet.columnWidths = [0: 5, 1: 8, 2: 22, 3: 13, 4: 13, 5: 3]
        // The charts stand right of the data: about twelve default columns wide.
        sheet.printLastColumn = 18
        sheet.printLastRow = max(sheet.lastRow, r)
        return sheet
    }
}
