import Spreadsheet
import TonghopBase
import TonghopCatalog
import TonghopAggregate
import TonghopStore

/// A sheet as data: what each cell holds and how it should look, before any file is written.
/// Builders produce it (pure, testable); ``WorkbookWriter`` writes it.
public struct SheetModel: Sendable {
    public enum Value: Sendable, Equatable {
        case text(String)
        case number(Double)
        /// A formula and the value it computes.
        case formula(String, Double)
        case empty
    }

    /// The look of a cell, by what it is; ``WorkbookWriter`` maps each to a format.
    public enum Role: Int, Sendable, Hashable, CaseIterable {
        case agency, agencyUnderline, motto, mottoUnderline, title, subtitle, window, note
        /// A note over the width of a sheet, wrapped onto as many lines as it needs.
        case noteBlock
        case columnHeader, groupHeader
        case text, code, integer, decimal, percent
        case totalLabel, totalInteger, totalDecimal, totalPercent
        /// A figure from a unit whose reports do not cover the whole period.
        case partialInteger, partialDecimal
        /// A status word in a targets table.
        case met, notMet, unknown
        /// Text standing where a figure would: why there is none, or a ceased unit's last stock.
        case figureNote
        /// A cell the reporter fills in (blank forms): left unlocked when the sheet is protected.
        case entry
        /// The same, kept as text as typed (a date must not become a serial number).
        case entryText
    }

    public struct Cell: Sendable, Equatable {
        public var value: Value
        public var role: Role
    }

    /// What Excel accepts in one cell.
    public struct Validation: Sendable {
        public var row: Int, column: Int
        public var rule: DataValidation
    }

    public struct Merge: Sendable {
        public var firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int
        public var text: String
        public var role: Role
    }

    /// A column chart over cells of this sheet.
    public struct Chart: Sendable {
        public var title: String
        public var valueAxisTitle: String
        /// Rows of the data, and the column of the category labels.
        public var rows: ClosedRange<Int>
        public var categoryColumn: Int
        public var series: [(name: String, column: Int, color: UInt32)]
        /// Where the chart's top-left corner goes, and its size against Excel's default.
        public var anchor: (row: Int, column: Int)
        public var scale: (x: Double, y: Double)
    }

    public var name: String
    public var charts: [Chart] = []
    /// The cells by row, then by column (nil where nothing was set): a national workbook has
    /// hundreds of thousands of cells, set and then written in order.
    public private(set) var rows: [[Cell?]] = []
    /// The cells by row and column number.
    public var cells: [Int: [Int: Cell]] {
        var result: [Int: [Int: Cell]] = [:]
        for (r, row) in rows.enumerated() {
            for (c, cell) in row.enumerated() { if let cell { result[r, default: [:]][c] = cell } }
        }
        return result
    }
    public private(set) var merges: [Merge] = []
    public var columnWidths: [Int: Double] = [:]
    public var rowHeights: [Int: Double] = [:]
    /// Rows above and columns left of this cell stay in view.
    public var freeze: (row: Int, column: Int)?
    /// Header rows printed on every page.
    public var repeatRows: ClosedRange<Int>?
    /// Rows that start a new printed page (a chart must not straddle two).
    public var pageBreaks: [Int] = []
    public var validations: [Validation] = []
    /// Whether the sheet is protected: only ``Role/entry`` and ``Role/entryText`` cells can be changed.
    public var isProtected = false
    public private(set) var lastRow = 0
    public private(set) var lastColumn = 0
    /// A print area wider or longer than the cells (a chart beside them).
    public var printLastRow: Int?
    public var printLastColumn: Int?

    public init(name: String) { self.name = name }

    public mutating func set(_ row: Int, _ column: Int, _ value: Value, _ role: Role) {
        // Cells come column by column: grown in place, without a temporary array per cell.
        if rows.count <= row { rows.append(contentsOf: repeatElement([], count: row + 1 - rows.count)) }
        if rows[row].count <= column { rows[row].append(contentsOf: repeatElement(nil, count: column + 1 - rows[row].count)) }
        rows[row][column] = Cell(value: value, role: role)
        lastRow = max(lastRow, row)
        lastColumn = max(lastColumn, column)
    }

    public mutating func merge(_ r1: Int, _ c1: Int, _ r2: Int, _ c2: Int, _ text: String, _ role: Role) {
        if r1 == r2 && c1 == c2 {
            set(r1, c1, .text(text), role)
            return
        }
        merges.append(Merge(firstRow: r1, firstColumn: c1, lastRow: r2, lastColumn: c2, text: text, role: role))
        lastRow = max(lastRow, r2)
        lastColumn = max(lastColumn, c2)
    }

    public mutating func validate(_ row: Int, _ column: Int, _ rule: DataValidation) {
        validations.append(Validation(row: row, column: column, rule: rule))
    }

    public func cell(_ row: Int, _ column: Int) -> Cell? {
        row < rows.count && column < rows[row].count ? rows[row][column] : nil
    }
}
