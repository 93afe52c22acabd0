import Foundation
import TonghopBase
import TonghopCatalog
import TonghopRender
import TonghopPipeline
import XCTest
import ZIPFoundation

/// `tonghop template` and the round trip it exists for: blank form → filled by the office →
/// `rollup` stores exactly what was typed, from the CSV form and from the .xlsx form alike.
final class TemplateEndToEndTests: XCTestCase {
    static let period = "2024-Q2"
    /// A commune, a district and a department: the three kinds of form. The commune is not in
    /// the district, whose figures would otherwise include it.
    static let units = ["13285", "352", "35-CA"]
    let catalog = try! Catalog.load(from: TonghopProcess.templates)

    func blankForms(_ unit: String, home: URL, out: URL? = nil) throws -> (csv: URL, xlsx: URL) {
        var arguments = ["template", "--home", home.path, "--unit", unit, "--period", Self.period]
        if let out { arguments += ["--out", out.path] }
        let r = try TonghopProcess.run(arguments)
        XCTAssertEqual(r.status, 0, r.error)
        let paths = r.output.split(separator: "\n").map { URL(fileURLWithPath: String($0), relativeTo: home) }
        XCTAssertEqual(paths.map(\.pathExtension), ["csv", "xlsx"], r.output)
        return (paths[0], paths[1])
    }

    // MARK: What is typed

    /// The value an office types on a row, by row index: decreasing down the form, so that every
    /// "of which" figure stays below the figure it is part of (MT04 ≤ MT03, HIV04 ≤ HIV03...).
    func typed(_ code: String, _ category: String, row: Int) -> Typed? {
        guard let indicator = catalog.indicator(code) else { return nil }
        switch indicator.valueType {
        case .yesNo: return .answer("co")
        case .category: return .answer(indicator.categories.last!)
        case .decimal: return .number(code == "MT05" ? 0.125 : Double(200 - 3 * row) + 0.5)
        case .integer:
            if indicator.isDisaggregated && category.isEmpty {
                return nil   // the total: the sum of the parts, filled in by `fill`
            }
            return .number(Double(200 - 3 * row))
        }
    }

    enum Typed: Equatable {
        case number(Double)
        case answer(String)
    }

    /// What an office types into each table row (code, category) of a blank form: every row,
    /// totals included, agreeing with their parts.
    func fill(_ rows: [(code: String, category: String)]) -> [Typed?] {
        var values = rows.enumerated().map { typed($0.element.code, $0.element.category, row: $0.offset) }
        for (i, row) in rows.enumerated() where values[i] == nil {
            let parts = rows.indices.filter { rows[$0].code == row.code && !rows[$0].category.isEmpty }
            values[i] = .number(parts.reduce(0) { sum, p in
                guard case .number(let v)? = values[p] else { return sum }
                return sum + v
            })
        }
        return values
    }

    /// The lines `tonghop export --scope UNIT` gives for what was typed.
    func exported(_ unit: String, _ rows: [(code: String, category: String)], _ values: [Typed?]) -> Set<String> {
        var lines: Set<String> = []
        for (row, value) in zip(rows, values) {
            switch value {
            case .number(let v)?: lines.insert("\(unit),\(Self.period),\(row.code),\(row.category),\(DecimalText.text(v))")
            case .answer(let a)?:
                for c in catalog.indicator(row.code)!.categories {
                    lines.insert("\(unit),\(Self.period),\(row.code),\(c),\(c == a ? 1 : 0)")
                }
            case nil: break
            }
        }
        return lines
    }

    func exportLines(_ unit: String, home: URL) throws -> Set<String> {
        let r = try TonghopProcess.run(["export", "--home", home.path, "--period", Self.period, "--scope", unit])
        XCTAssertEqual(r.status, 0, r.error)
        return Set(r.output.split(separator: "\n").dropFirst().map(String.init))
    }

    // MARK: Round trips

    func testFilledCSVFormsStoreWhatWasTyped() throws {
        let home = try TonghopProcess.home(inputs: [:])
        var expected: [String: Set<String>] = [:]
        for unit in Self.units {
            // Opened in Excel, filled in, saved as "CSV UTF-8": the same lines, the values typed.
            let blank = [UInt8](try Data(contentsOf: try blankForms(unit, home: home).csv))
            XCTAssertEqual(Array(blank.prefix(3)), [0xEF, 0xBB, 0xBF], "a UTF-8 BOM, for Excel")
            var records = try CSVReader.parse(Array(blank.dropFirst(3)), separator: CSVReader.comma)
            let header = records.firstIndex { $0[0] == "ma_chi_tieu" }!
            let table = (header + 1)..<records.count
            let rows = table.map { (code: records[$0][0], category: records[$0][2]) }
            let values = fill(rows)
            for (i, value) in zip(table, values) {
                switch value {
                case .number(let v)?: records[i].fields[4] = DecimalText.text(v).replacingOccurrences(of: ".", with: ",")   // a decimal comma
                case .answer(let a)?: records[i].fields[4] = a
                case nil: break
                }
            }
            records[records.firstIndex { $0[0] == "nguoi_lap" }!].fields[1] = "Cán bộ Công an xã"
            let filled = records.map { $0.fields.map(FormLayoutWriter.field).joined(separator: ",") }.joined(separator: "\n")
            try TonghopProcess.write("\u{FEFF}" + filled + "\n", to: home.appendingPathComponent("inputs/\(unit).csv"))
            expected[unit] = exported(unit, rows, values)
        }
        let rollup = try TonghopProcess.run(["rollup", "--home", home.path, "--period", Self.period])
        XCTAssertEqual(rollup.status, 0, rollup.output)
        XCTAssertTrue(rollup.output.contains("Nhận: 3 tệp"), rollup.output)
        for unit in Self.units {
            XCTAssertEqual(try exportLines(unit, home: home), expected[unit], "\(unit): the store holds exactly what was typed in the CSV form")
        }
    }

    func testFilledXlsxFormsStoreWhatWasTyped() throws {
        let home = try TonghopProcess.home(inputs: [:])
        var expected: [String: Set<String>] = [:]
        for unit in Self.units {
            let blank = try blankForms(unit, home: home).xlsx
            let form = try XlsxReader(url: blank)
            let cells = form.sheets[form.sheetNames[0]]!
            let header = form.row(form.sheetNames[0], column: "A", text: "ma_chi_tieu")!
            var rows: [(code: String, category: String)] = []
            var sheetRows: [Int] = []
            var r = header + 1
            while let code = cells["A\(r)"]?.text {
                rows.append((code, cells["C\(r)"]?.text ?? ""))
                sheetRows.append(r)
                r += 1
            }
            let values = fill(rows)
            var filled = XlsxFilling(parts: form.parts)
            for (r, value) in zip(sheetRows, values) {
                switch value {
                case .number(let v)?: filled.setNumber("E\(r)", v)
                case .answer(let a)?: filled.setSharedString("E\(r)", a)
                case nil: break
                }
            }
            filled.setInlineString("B\(form.row(form.sheetNames[0], column: "A", text: "nguoi_lap")!)", "Văn thư đơn vị")
            filled.setInlineString("B\(form.row(form.sheetNames[0], column: "A", text: "ngay_lap")!)", "12/06/2024")
            try filled.write(to: home.appendingPathComponent("inputs/\(unit).xlsx"))
            expected[unit] = exported(unit, rows, values)
        }
        let rollup = try TonghopProcess.run(["rollup", "--home", home.path, "--period", Self.period])
        XCTAssertEqual(rollup.status, 0, rollup.output)
        XCTAssertTrue(rollup.output.contains("Nhận: 3 tệp"), rollup.output)
        for unit in Self.units {
            XCTAssertEqual(try exportLines(unit, home: home), expected[unit], "\(unit): the store holds exactly what was typed in the .xlsx form")
        }
    }

    // MARK: The blank forms

    func testBlankXlsxValidatesEveryValueCellAndLocksTheRest() throws {
        let home = try TonghopProcess.home(inputs: [:])
        let form = try XlsxReader(url: try blankForms("13285", home: home).xlsx)
        let sheet = String(decoding: form.parts["xl/worksheets/sheet1.xml"]!, as: UTF8.self)
        XCTAssertTrue(sheet.contains("<sheetProtection sheet=\"1\""), "the sheet is protected")
        XCTAssertFalse(sheet.contains("password="), "without a password")
        let xa = catalog.forms["XA"]!.indicatorCodes.compactMap(catalog.indicator)
        let wholeCells = xa.filter { $0.valueType == .integer }.reduce(0) { $0 + 1 + $1.categories.count }
        XCTAssertEqual(sheet.components(separatedBy: "<dataValidation type=\"whole\" operator=\"greaterThanOrEqual\"").count - 1, wholeCells)
        XCTAssertEqual(sheet.components(separatedBy: "<dataValidation type=\"decimal\" operator=\"greaterThanOrEqual\"").count - 1,
                       xa.filter { $0.valueType == .decimal }.count)
        XCTAssertEqual(sheet.components(separatedBy: "<formula1>\"co,khong\"</formula1>").count - 1, xa.filter { $0.valueType == .yesNo }.count)
        XCTAssertTrue(sheet.contains("<formula1>\"khong_ma_tuy,co_ma_tuy,trong_diem\"</formula1>"), "XA01's drop-down")
        XCTAssertTrue(sheet.contains("promptTitle=\"Số nguyên, không âm\""), "input messages in Vietnamese")

        // Value cells unlocked, code cells locked.
        let styles = String(decoding: form.parts["xl/styles.xml"]!, as: UTF8.self)
        let cellXfs = styles.components(separatedBy: "<cellXfs")[1].components(separatedBy: "<xf ").dropFirst().map { "<xf " + $0 }
        func style(_ ref: String) -> String {
            let cell = sheet.components(separatedBy: "<c r=\"\(ref)\" s=\"")[1]
            return cellXfs[Int(cell.prefix { $0.isNumber })!]
        }
        let first = form.row(form.sheetNames[0], column: "A", text: "MT07")!
        XCTAssertTrue(style("E\(first)").contains("<protection locked=\"0\"/>"), "the value cell can be typed in")
        XCTAssertFalse(style("A\(first)").contains("locked=\"0\""), "the code cell is locked")
    }

    func testBlankFormsAreByteIdenticalAcrossRuns() throws {
        let home = try TonghopProcess.home(inputs: [:])
        let first = try blankForms("35-CA", home: home, out: home.appendingPathComponent("a"))
        Thread.sleep(forTimeInterval: 1.1)
        let second = try blankForms("35-CA", home: home, out: home.appendingPathComponent("b"))
        XCTAssertEqual(first.csv.lastPathComponent, "35-CA-cong-an-tinh.csv")
        XCTAssertEqual(try Data(contentsOf: first.csv), try Data(contentsOf: second.csv))
        XCTAssertEqual(try Data(contentsOf: first.xlsx), try Data(contentsOf: second.xlsx), "the workbook's date comes from the period")
    }

    func testScopeWritesAFolderReadyToSendOut() throws {
        let home = try TonghopProcess.home(inputs: [:])
        let r = try TonghopProcess.run(["template", "--home", home.path, "--scope", "35", "--period", Self.period])
        XCTAssertEqual(r.status, 0, r.error)
        let root = home.appendingPathComponent("outputs/bieu-mau-trong/\(Self.period)/35-ha-nam")
        let files = FileManager.default.enumerator(atPath: root.path)!.compactMap { $0 as? String }.filter { $0.contains(".") }.sorted()
        for expected in ["347-phu-ly/347-phu-ly.csv", "347-phu-ly/13285-phuong-quang-trung.xlsx", "so-nganh/35-CA-cong-an-tinh.xlsx",
                         "so-nganh/35-YT-so-y-te.csv"] {
            XCTAssertTrue(files.contains(expected), "\(expected) in \(files.prefix(8))...")
        }
        XCTAssertFalse(files.contains { $0.contains("35-BDBP") }, "only the departments expected to report")
        XCTAssertEqual(files.filter { $0.hasSuffix(".csv") }.count, files.filter { $0.hasSuffix(".xlsx") }.count)
        XCTAssertTrue(r.output.hasPrefix("Đã ghi \(files.count / 2) biểu mẫu trống"), r.output)

        let check = try TonghopProcess.run(["check", "--home", home.path] + files.map { root.appendingPathComponent($0).path })
        XCTAssertEqual(check.status, 2, "a blank form holds no figures: it is no report yet")
        let problems = check.output.split(separator: "\n").filter { $0.contains("LỖI") || $0.contains("CẢNH BÁO") }
        XCTAssertEqual(problems.count, files.count, "every blank form, CSV and xlsx, reads as its unit's form with one problem: \(check.output)")
        XCTAssertTrue(problems.allSatisfy { $0.contains("Tệp không có số liệu nào") }, check.output)
    }

    func testTemplateNeedsExactlyOneOfUnitOrScope() throws {
        let home = try TonghopProcess.home(inputs: [:])
        XCTAssertEqual(try TonghopProcess.run(["template", "--home", home.path, "--period", Self.period]).status, 64)
        XCTAssertEqual(try TonghopProcess.run(["template", "--home", home.path, "--unit", "35", "--period", Self.period]).status, 4,
                       "a province fills no form of its own")
    }
}

/// Fills cells of an .xlsx the way a spreadsheet program saves them: numbers as numbers, text
/// in the shared strings table (or inline), every other part untouched.
struct XlsxFilling {
    var parts: [String: Data]
    private var sheet: String
    private var sharedStrings: String

    init(parts: [String: Data]) {
        self.parts = parts
        sheet = String(decoding: parts["xl/worksheets/sheet1.xml"]!, as: UTF8.self)
        sharedStrings = String(decoding: parts["xl/sharedStrings.xml"]!, as: UTF8.self)
    }

    /// Replaces the empty cell `<c r="E21" s="12"/>` by one holding `content`.
    private mutating func set(_ ref: String, type: String?, _ content: String) {
        let opening = "<c r=\"\(ref)\" s=\""
        let start = sheet.range(of: opening)!
        let end = sheet[start.upperBound...].range(of: "\"/>")!
        let style = sheet[start.upperBound..<end.lowerBound]
        let typeAttribute = type.map { " t=\"\($0)\"" } ?? ""
        sheet.replaceSubrange(start.lowerBound..<end.upperBound, with: "<c r=\"\(ref)\" s=\"\(style)\"\(typeAttribute)>\(content)</c>")
    }

    mutating func setNumber(_ ref: String, _ value: Double) {
        set(ref, type: nil, "<v>\(value.rounded() == value ? String(Int(value)) : String(value))</v>")
    }

    mutating func setSharedString(_ ref: String, _ text: String) {
        let index = sharedStrings.components(separatedBy: "<si>").count - 1
        sharedStrings = sharedStrings.replacingOccurrences(of: "</sst>", with: "<si><t>\(text)</t></si></sst>")
        set(ref, type: "s", "<v>\(index)</v>")
    }

    mutating func setInlineString(_ ref: String, _ text: String) {
        set(ref, type: "inlineStr", "<is><t>\(text)</t></is>")
    }

    func write(to url: URL) throws {
        var parts = self.parts
        parts["xl/worksheets/sheet1.xml"] = Data(sheet.utf8)
        parts["xl/sharedStrings.xml"] = Data(sharedStrings.utf8)
        let archive = try Archive(url: url, accessMode: .create)
        for (path, data) in parts.sorted(by: { $0.key < $1.key }) {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
    }
}
