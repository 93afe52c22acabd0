import CXlsxWriter
import Foundation

/// What Excel accepts in a cell, and what it says when the cell is selected or a wrong value
/// is typed (Excel's Data > Data Validation dialog).
///
/// Excel limits titles to 32 characters, messages to 255 and a list, commas included, to 255.
public struct DataValidation: Hashable, Sendable {
    public enum Rule: Hashable, Sendable {
        /// Whole numbers greater than or equal to the bound.
        case wholeNumber(atLeast: Double)
        /// Any number greater than or equal to the bound.
        case decimal(atLeast: Double)
        /// One of these texts, offered in a drop-down.
        case list([String])
        /// Anything: only the input message is wanted.
        case anyValue
    }

    public var rule: Rule
    /// Empty texts are left out (Excel then shows its own).
    public var inputTitle: String
    public var inputMessage: String
    public var errorTitle: String
    public var errorMessage: String

    public init(rule: Rule, inputTitle: String, inputMessage: String, errorTitle: String, errorMessage: String) {
        self.rule = rule
        self.inputTitle = inputTitle
        self.inputMessage = inputMessage
        self.errorTitle = errorTitle
        self.errorMessage = errorMessage
    }
}

extension Worksheet {
    /// Restricts what can be typed into one cell. Blank stays allowed: an empty cell means
    /// "not reported", which the validation must not forbid.
    public func validate(_ row: Int, _ column: Int, _ validation: DataValidation) throws {
        let h = try ws("kiểm tra dữ liệu")
        var v = lxw_data_validation()
        var owned: [UnsafeMutablePointer<CChar>?] = []
        defer { owned.forEach { free($0) } }
        func c(_ text: String) -> UnsafeMutablePointer<CChar>? {
            if text.isEmpty { return nil }
            let p = strdup(text)
            owned.append(p)
            return p
        }
        v.ignore_blank = UInt8(LXW_VALIDATION_ON.rawValue)
        v.show_input = UInt8(LXW_VALIDATION_ON.rawValue)
        v.show_error = UInt8(LXW_VALIDATION_ON.rawValue)
        v.error_type = UInt8(LXW_VALIDATION_ERROR_TYPE_STOP.rawValue)
        v.input_title = c(validation.inputTitle)
        v.input_message = c(validation.inputMessage)
        v.error_title = c(validation.errorTitle)
        v.error_message = c(validation.errorMessage)
        var list: [UnsafeMutablePointer<CChar>?] = []
        switch validation.rule {
        case .wholeNumber(let bound):
            v.validate = UInt8(LXW_VALIDATION_TYPE_INTEGER.rawValue)
            v.criteria = UInt8(LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO.rawValue)
            v.value_number = bound
        case .decimal(let bound):
            v.validate = UInt8(LXW_VALIDATION_TYPE_DECIMAL.rawValue)
            v.criteria = UInt8(LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO.rawValue)
            v.value_number = bound
        case .list(let items):
            v.validate = UInt8(LXW_VALIDATION_TYPE_LIST.rawValue)
            v.dropdown = UInt8(LXW_VALIDATION_ON.rawValue)
            list = items.map { item in
                let p = strdup(item)
                owned.append(p)
                return p
            } + [nil]
        case .anyValue:
            v.validate = UInt8(LXW_VALIDATION_TYPE_ANY.rawValue)
        }
        let action = "đặt kiểm tra dữ liệu \(name)!R\(row + 1)C\(column + 1)"
        try list.withUnsafeMutableBufferPointer { buffer in
            if !buffer.isEmpty { v.value_list = buffer.baseAddress }
            try check(worksheet_data_validation_cell(h, lxw_row_t(row), lxw_col_t(column), &v), action)
        }
    }
}
