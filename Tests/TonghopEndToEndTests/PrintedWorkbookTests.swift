import Foundation
import XCTest

/// The workbooks as the committee meets them: every formula evaluated again from the cells it
/// references and compared with the value stored beside it (what Excel shows before any
/// recalculation), and every row tall enough for its wrapped text in LibreOffice.
final class PrintedWorkbookTests: XCTestCase {
    /// Hà Nam's sample reports of 2023 and 2024: an H1 with last year to compare with.
    static let workbooks: [URL] = {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("tonghop-printed-\(UUID().uuidString)")
        let inputs = home.appendingPathComponent("inputs")
        try! FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
        try! FileManager.default.createSymbolicLink(at: home.appendingPathComponent("templates"), withDestinationURL: TonghopProcess.templates)
        for year in ["2023", "2024"] {
            try! FileManager.default.copyItem(at: TonghopProcess.root.appendingPathComponent("inputs/\(year)/35-ha-nam"),
                                              to: inputs.appendingPathComponent("\(year)-35-ha-nam"))
        }
        let result = try! TonghopProcess.run(["rollup", "--home", home.path, "--period", "2024-H1"])
        precondition(result.status == 0, result.output + result.error)
        return [home.appendingPathComponent("outputs/2024-H1/bao-cao-toan-quoc-2024-H1.xlsx"),
                home.appendingPathComponent("outputs/2024-H1/bao-cao-35-ha-nam-2024-H1.xlsx"),
                ReferenceWorkbookTests.references.appendingPathComponent("bao-cao-35-ha-nam-2024-Q1.xlsx")]
    }()

    func testEveryFormulaEqualsTheValueStoredWithIt() throws {
        for url in Self.workbooks {
            let book = try XlsxReader(url: url)
            var checked = 0
            for sheet in book.sheetNames {
                for (ref, cell) in book.sheets[sheet]! {
                    guard let formula = cell.formula else { continue }
                    checked += 1
                    let computed = try FormulaEvaluator(cells: book.sheets[sheet]!).evaluate(formula)
                    let stored = try XCTUnwrap(cell.number, "\(url.lastPathComponent) \(sheet)!\(ref) =\(formula) has no stored value")
                    XCTAssertEqual(computed, stored, accuracy: 1e-9 * max(1, abs(stored)),
                                   "\(url.lastPathComponent) \(sheet)!\(ref) =\(formula): the cells give \(computed), the workbook shows \(stored)")
                }
            }
            XCTAssertGreaterThan(checked, 50, "\(url.lastPathComponent) has its totals as formulas")
        }
    }

    func testEveryRowIsTallEnoughForItsTextInLibreOffice() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [TonghopProcess.root.appendingPathComponent("scripts/row-height-check.py").path] + Self.workbooks.map(\.path)
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "rows that cut their text (LibreOffice's optimal height is more):\n\(output)")
        XCTAssertTrue(output.contains("3 bảng tính, 0 dòng thiếu chiều cao."), output)
    }

    func testTheEvaluatorItselfFollowsExcel() throws {
        let cells: [String: XlsxReader.Cell] = ["A1": .init(number: 2), "A2": .init(text: "x"), "A3": .init(number: 5),
                                                 "B1": .init(number: 0)]
        let e = FormulaEvaluator(cells: cells)
        XCTAssertEqual(try e.evaluate("SUM(A1:A4)"), 7, "text and empty cells are skipped by SUM")
        XCTAssertEqual(try e.evaluate("(A3-A1)/A1"), 1.5)
        XCTAssertEqual(try e.evaluate("IF(B1=0,0,A3/B1)"), 0)
        XCTAssertEqual(try e.evaluate("A3-A1*2"), 1, "multiplication binds tighter")
        XCTAssertThrowsError(try e.evaluate("A2+1"), "text in arithmetic is an error")
    }
}

extension XlsxReader.Cell {
    init(number: Double) { self.init(text: nil, number: number, formula: nil) }
    init(text: String) { self.init(text: text, number: nil, formula: nil) }
}

/// Evaluates the formulas tonghop writes — `SUM` of a range, `IF` with a comparison, the four
/// operations over cell references and numbers — from a sheet's cells, as Excel would.
struct FormulaEvaluator {
    let cells: [String: XlsxReader.Cell]

    struct Failure: Error, CustomStringConvertible { let description: String }

    func evaluate(_ formula: String) throws -> Double {
        var p = Parser(text: Array(formula.hasPrefix("=") ? String(formula.dropFirst()) : formula), cells: cells)
        let v = try p.comparison()
        guard p.at >= p.text.count else { throw Failure(description: "unread text in \(formula)") }
        return v
    }

    struct Parser {
        let text: [Character]
        let cells: [String: XlsxReader.Cell]
        var at = 0

        init(text: [Character], cells: [String: XlsxReader.Cell]) {
            self.text = text.filter { $0 != " " }
            self.cells = cells
        }

        mutating func eat(_ c: Character) -> Bool {
            if at < text.count && text[at] == c { at += 1; return true }
            return false
        }

        mutating func comparison() throws -> Double {
            let left = try sum()
            if eat("=") { return try left == sum() ? 1 : 0 }
            return left
        }

        mutating func sum() throws -> Double {
            var v = try product()
            while true {
                if eat("+") { v += try product() } else if eat("-") { v -= try product() } else { return v }
            }
        }

        mutating func product() throws -> Double {
            var v = try factor()
            while true {
                if eat("*") { v *= try factor() } else if eat("/") { v /= try factor() } else { return v }
            }
        }

        mutating func factor() throws -> Double {
            if eat("-") { return -(try factor()) }
            if eat("(") {
                let v = try comparison()
                guard eat(")") else { throw Failure(description: "missing )") }
                return v
            }
            let start = at
            while at < text.count && (text[at].isLetter || text[at].isNumber || text[at] == ".") { at += 1 }
            let word = String(text[start..<at])
            if word == "SUM" || word == "IF" {
                guard eat("(") else { throw Failure(description: "\(word) without (") }
                if word == "SUM" {
                    let from = try reference(), _ = eat(":"), to = try reference()
                    guard eat(")") else { throw Failure(description: "SUM without )") }
                    return try range(from, to).reduce(0) { $0 + (cells[$1]?.number ?? 0) }
                }
                let condition = try comparison()
                guard eat(",") else { throw Failure(description: "IF without ,") }
                let a = try comparison()
                guard eat(",") else { throw Failure(description: "IF without second ,") }
                let b = try comparison()
                guard eat(")") else { throw Failure(description: "IF without )") }
                return condition != 0 ? a : b
            }
            if let n = Double(word) { return n }
            guard let cell = split(word) else { throw Failure(description: "cannot read \(word)") }
            if let n = cells[word]?.number { return n }
            if let t = cells[word]?.text, !t.isEmpty { throw Failure(description: "text \"\(t)\" in \(cell.column)\(cell.row) used as a number") }
            return 0
        }

        mutating func reference() throws -> String {
            let start = at
            while at < text.count && (text[at].isLetter || text[at].isNumber) { at += 1 }
            return String(text[start..<at])
        }

        func split(_ ref: String) -> (column: String, row: Int)? {
            let letters = ref.prefix { $0.isLetter }
            guard !letters.isEmpty, let row = Int(ref.dropFirst(letters.count)) else { return nil }
            return (String(letters), row)
        }

        func range(_ from: String, _ to: String) throws -> [String] {
            guard let a = split(from), let b = split(to), a.column == b.column else { throw Failure(description: "range \(from):\(to)") }
            return (a.row...b.row).map { "\(a.column)\($0)" }
        }
    }
}
