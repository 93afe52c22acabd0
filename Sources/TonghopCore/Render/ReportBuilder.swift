import Foundation

/// Builds the sheets of one report — national (scope `VN`) or provincial — from a rollup.
///
/// Each table has the administrative header block, the title and the reporting window, four
/// header rows (domain group, indicator name, measure, code), one row per unit and a total row
/// of live `SUM` formulas carrying their computed values.
public struct ReportBuilder {
    public let scope: Unit
    public let rollup: Rollup
    public let problems: [Problem]
    public let window: ReportingWindow

    var catalog: Catalog { rollup.catalog }
    var registry: Registry { rollup.registry }
    var period: Period { rollup.period }

    public init(scope: Unit, rollup: Rollup, problems: [Problem], window: ReportingWindow) {
        self.scope = scope
        self.rollup = rollup
        self.problems = problems
        self.window = window
    }

    /// The workbook's sheets, in order.
    public func sheets() -> [SheetModel] {
        var sheets: [SheetModel] = []
        let children = registry.children(of: scope.code)
        let summableIndicators = catalog.indicators.filter { $0.unitRule != .none }
        let summary = ReportColumn.columns(for: summableIndicators, catalog: catalog, singleUnits: false)
        var rows = children.map { child in row(for: child) }
        if scope.level == .province {
            // The province's own agencies, added up, so the total row is the province's total.
            var departments = UnitTotal(figures: FigureVector(slotCount: catalog.slotCount), partialUnits: [],
                                        reportingUnits: 0, fromCompiledReport: false)
            for d in registry.departments(of: scope.code) {
                let t = rollup.total(d.code)
                departments.figures.add(t.figures, catalog: catalog)
                departments.partialUnits += t.partialUnits
                departments.reportingUnits += t.reportingUnits
            }
            rows.append(TableRow(code: "", name: "Các sở, ban, ngành cấp tỉnh", figures: departments.figures,
                                 partial: !departments.partialUnits.isEmpty,
                                 note: note(departments)))
        }
        let childWord = children.first?.level == .district ? "huyện" : (children.first?.level == .commune ? "xã" : "tỉnh")
        let byWhat = scope.level == .nation ? "theo tỉnh, thành phố" : "theo đơn vị cấp \(childWord)"
        for (n, chunk) in ReportColumn.printableChunks(summary).enumerated() {
            sheets.append(table(name: "Biểu \(n + 1)", heading: "Biểu \(n + 1): \(Self.groupNames(chunk)) — tổng hợp \(byWhat)",
                                columns: chunk, rows: rows, total: true))
        }

        if scope.level == .province {
            if children.first?.level == .district, let xaForm = catalog.forms["XA"] {
                let communeColumns = ReportColumn.columns(for: xaForm.indicatorCodes.compactMap(catalog.indicator),
                                                          catalog: catalog, singleUnits: true)
                var communeRows: [TableRow] = []
                for district in children {
                    for commune in registry.children(of: district.code) {
                        var r = row(for: commune)
                        r.name = "\(commune.name) (\(district.name))"
                        communeRows.append(r)
                    }
                }
                for (n, chunk) in ReportColumn.printableChunks(communeColumns).enumerated() {
                    sheets.append(table(name: "Chi tiết xã \(n + 1)",
                                        heading: "Số liệu chi tiết của từng xã, phường, thị trấn: \(Self.groupNames(chunk))",
                                        columns: chunk, rows: communeRows, total: true))
                }
            }
            let departmentIndicators = catalog.indicators.filter { i in
                catalog.sectors.contains { catalog.forms[$0.code]?.indicatorSet.contains(i.code) ?? false }
            }
            let departmentColumns = ReportColumn.columns(for: departmentIndicators, catalog: catalog, singleUnits: false)
            let departmentRows = registry.departments(of: scope.code)
                .filter { registry.isExpected(department: $0) || rollup.total($0.code).reportingUnits > 0 }
                .map { d -> TableRow in
                    var r = row(for: d)
                    r.name = catalog.sector(d.sectorCode ?? "")?.name ?? d.name
                    return r
                }
            for (n, chunk) in ReportColumn.printableChunks(departmentColumns).enumerated() {
                sheets.append(table(name: "Sở, ngành \(n + 1)",
                                    heading: "Số liệu của các sở, ban, ngành cấp tỉnh: \(Self.groupNames(chunk))",
                                    columns: chunk, rows: departmentRows, total: true))
            }
        }
        let completeness = Completeness(scope: scope.code, rollup: rollup)
        sheets.append(completenessSheet(completeness))
        sheets.append(missingSheet(completeness))
        sheets.append(problemSheet())
        return sheets
    }

    /// "Tội phạm, tụ điểm ma túy; Người nghiện, cai nghiện"
    static func groupNames(_ columns: [ReportColumn]) -> String {
        var names: [String] = []
        for c in columns where names.last != c.indicator.groupShortName { names.append(c.indicator.groupShortName) }
        return names.joined(separator: "; ")
    }

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
        let leftEnd = min(2, lastColumn)
        let rightStart = max(leftEnd + 1, lastColumn - 5)
        sheet.merge(0, 0, 0, leftEnd, agency1, .agency)
        sheet.merge(1, 0, 1, leftEnd, agency2, .agencyUnderline)
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

    func table(name: String, heading: String, columns: [ReportColumn], rows: [TableRow], total: Bool) -> SheetModel {
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
        sheet.columnWidths = [0: 5, 1: 9, 2: 30, noteColumn: 24]
        for i in columns.indices { sheet.columnWidths[firstFigure + i] = columns[i].answerAsText ? 14 : 12 }
        sheet.freeze = (headerTop + 4, firstFigure)
        sheet.repeatRows = headerTop...(headerTop + 3)
        return sheet
    }

    // MARK: Completeness

    func completenessSheet(_ completeness: Completeness) -> SheetModel {
        var sheet = SheetModel(name: "Tình hình báo cáo")
        let headers = ["STT", "Mã", "Đơn vị", "Số đơn vị phải báo cáo", "Đã báo cáo đủ kỳ", "Báo cáo chưa đủ kỳ",
                       "Chưa báo cáo", "Tỷ lệ đã báo cáo đủ", "Đơn vị chưa báo cáo"]
        let last = headers.count - 1
        var r = headerBlock(&sheet, lastColumn: last, heading: "Tình hình gửi báo cáo (xã, huyện và sở, ngành phải báo cáo)")
        let headerRow = r
        for (c, h) in headers.enumerated() { sheet.set(r, c, .text(h), .columnHeader) }
        sheet.rowHeights[r] = 48
        r += 1
        let first = r
        for (i, g) in completeness.groups.enumerated() {
            sheet.set(r, 0, .number(Double(i + 1)), .code)
            sheet.set(r, 1, .text(g.unit.code), .code)
            sheet.set(r, 2, .text(g.unit.level == .province && scope.level == .province ? "Các sở, ban, ngành cấp tỉnh" : g.unit.name), .text)
            sheet.set(r, 3, .number(Double(g.expected)), .integer)
            sheet.set(r, 4, .number(Double(g.complete)), .integer)
            sheet.set(r, 5, .number(Double(g.partial)), .integer)
            sheet.set(r, 6, .number(Double(g.missing.count)), .integer)
            sheet.set(r, 7, .formula("=IF(D\(r + 1)=0,0,E\(r + 1)/D\(r + 1))", g.rate), .percent)
            var names: String
            if let by = g.compiledBy {
                names = "Theo báo cáo tổng hợp của đơn vị \(by)"
            } else {
                let missing = g.missing
                names = missing.prefix(8).map(\.unit.name).joined(separator: "; ")
                if missing.count > 8 { names += "; và \(missing.count - 8) đơn vị khác (xem trang Đơn vị chưa báo cáo)" }
            }
            sheet.set(r, 8, names.isEmpty ? .empty : .text(names), .text)
            r += 1
        }
        let lastBody = r - 1
        sheet.merge(r, 0, r, 2, "TỔNG CỘNG", .totalLabel)
        let sums = [completeness.expected, completeness.complete, completeness.partial, completeness.missingCount]
        for (i, column) in ["D", "E", "F", "G"].enumerated() {
            sheet.set(r, 3 + i, .formula("=SUM(\(column)\(first + 1):\(column)\(lastBody + 1))", Double(sums[i])), .totalInteger)
        }
        let rate = completeness.expected == 0 ? 0 : Double(completeness.complete) / Double(completeness.expected)
        sheet.set(r, 7, .formula("=IF(D\(r + 1)=0,0,E\(r + 1)/D\(r + 1))", rate), .totalPercent)
        sheet.set(r, 8, .empty, .totalLabel)
        sheet.columnWidths = [0: 5, 1: 9, 2: 30, 3: 12, 4: 12, 5: 12, 6: 12, 7: 12, 8: 60]
        sheet.freeze = (headerRow + 1, 3)
        sheet.repeatRows = headerRow...headerRow
        return sheet
    }

    func missingSheet(_ completeness: Completeness) -> SheetModel {
        var sheet = SheetModel(name: "Đơn vị chưa báo cáo")
        let headers = ["STT", "Mã", "Đơn vị", "Cấp", "Trực thuộc", "Tình trạng"]
        var r = headerBlock(&sheet, lastColumn: headers.count - 1, heading: "Danh sách đơn vị chưa báo cáo hoặc báo cáo chưa đủ kỳ")
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
            for reporter in g.reporters where reporter.coverage != .complete {
                n += 1
                let u = reporter.unit
                sheet.set(r, 0, .number(Double(n)), .code)
                sheet.set(r, 1, .text(u.code), .code)
                sheet.set(r, 2, .text(u.name), .text)
                sheet.set(r, 3, .text(u.level.vietnameseName), .text)
                sheet.set(r, 4, .text(registry.unit(u.parentCode)?.name ?? ""), .text)
                sheet.set(r, 5, .text(reporter.coverage == .missing ? "Chưa báo cáo" : "Báo cáo chưa đủ kỳ"), .text)
                r += 1
            }
        }
        if n == 0 { sheet.set(r, 0, .text("Tất cả đơn vị phải báo cáo đã báo cáo đủ kỳ."), .note) }
        sheet.columnWidths = [0: 6, 1: 10, 2: 40, 3: 10, 4: 40, 5: 40]
        sheet.freeze = (headerRow + 1, 0)
        sheet.repeatRows = headerRow...headerRow
        return sheet
    }

    // MARK: Problems

    func problemSheet() -> SheetModel {
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
            sheet.set(r, 1, .text(p.file), .text)
            sheet.set(r, 2, p.line.map { .number(Double($0)) } ?? .empty, .code)
            sheet.set(r, 3, p.column.map { .text(Messages.columnLetters($0)) } ?? .empty, .code)
            sheet.set(r, 4, .text(Messages.severityWord(p.severity, .vi)), .code)
            sheet.set(r, 5, .text(p.unitCode ?? ""), .code)
            let message = Messages.render(p, .vi, withFile: false)
            sheet.set(r, 6, .text(message), .text)
            // libxlsxwriter cannot autofit: give wrapped messages the lines they need.
            sheet.rowHeights[r] = Double(max(1, (message.count + 84) / 85)) * 15.5
            r += 1
        }
        if mine.isEmpty { sheet.set(r, 0, .text("Không có lỗi nào trong các tệp của kỳ này."), .note) }
        sheet.columnWidths = [0: 5, 1: 36, 2: 7, 3: 6, 4: 12, 5: 9, 6: 90]
        sheet.freeze = (headerRow + 1, 0)
        sheet.repeatRows = headerRow...headerRow
        return sheet
    }
}
