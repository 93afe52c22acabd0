import CFreeXL
import Foundation
import TonghopBase
import TonghopCatalog

/// The one Swift owner of a FreeXL handle: an Excel 97-2003 workbook (`.xls`) opened for
/// reading. Nothing else calls `freexl_*`.
///
/// FreeXL reads the whole file when it opens it and keeps the cells in memory; the handle is
/// closed exactly once, by ``close()`` or when the owner goes away, and is nil after.
package final class FreeXLWorkbook {
    /// A FreeXL call that failed: its code, its name in `freexl.h`, and what was being done.
    package struct Failure: Error, CustomStringConvertible {
        package let code: Int32
        /// What tonghop was doing, in Vietnamese ("mở tệp", "đọc ô dòng 3, cột 2 của trang 1").
        package let action: String

        package var name: String { Self.names[code] ?? "FREEXL_ERROR" }
        /// A Compound File without an Excel workbook in it: a Word `.doc`, not a damaged `.xls`.
        package var holdsNoWorkbook: Bool { code == FREEXL_BIFF_WORKBOOK_NOT_FOUND }
        package var description: String {
            // A failure FreeXL reports without a code (it drops some codes on its way out).
            code == FREEXL_OK ? "FreeXL không mở được tệp khi \(action)" : "FreeXL \(code) (\(name)) khi \(action)"
        }

        package static let names: [Int32: String] = [
            FREEXL_FILE_NOT_FOUND: "FREEXL_FILE_NOT_FOUND", FREEXL_NULL_HANDLE: "FREEXL_NULL_HANDLE",
            FREEXL_INVALID_HANDLE: "FREEXL_INVALID_HANDLE", FREEXL_INSUFFICIENT_MEMORY: "FREEXL_INSUFFICIENT_MEMORY",
            FREEXL_NULL_ARGUMENT: "FREEXL_NULL_ARGUMENT", FREEXL_INVALID_INFO_ARG: "FREEXL_INVALID_INFO_ARG",
            FREEXL_INVALID_CFBF_HEADER: "FREEXL_INVALID_CFBF_HEADER", FREEXL_CFBF_READ_ERROR: "FREEXL_CFBF_READ_ERROR",
            FREEXL_CFBF_SEEK_ERROR: "FREEXL_CFBF_SEEK_ERROR", FREEXL_CFBF_INVALID_SIGNATURE: "FREEXL_CFBF_INVALID_SIGNATURE",
            FREEXL_CFBF_INVALID_SECTOR_SIZE: "FREEXL_CFBF_INVALID_SECTOR_SIZE", FREEXL_CFBF_EMPTY_FAT_CHAIN: "FREEXL_CFBF_EMPTY_FAT_CHAIN",
            FREEXL_CFBF_ILLEGAL_FAT_ENTRY: "FREEXL_CFBF_ILLEGAL_FAT_ENTRY", FREEXL_BIFF_INVALID_BOF: "FREEXL_BIFF_INVALID_BOF",
            FREEXL_BIFF_INVALID_SST: "FREEXL_BIFF_INVALID_SST", FREEXL_BIFF_ILLEGAL_SST_INDEX: "FREEXL_BIFF_ILLEGAL_SST_INDEX",
            FREEXL_BIFF_WORKBOOK_NOT_FOUND: "FREEXL_BIFF_WORKBOOK_NOT_FOUND", FREEXL_BIFF_ILLEGAL_SHEET_INDEX: "FREEXL_BIFF_ILLEGAL_SHEET_INDEX",
            FREEXL_BIFF_UNSELECTED_SHEET: "FREEXL_BIFF_UNSELECTED_SHEET", FREEXL_INVALID_CHARACTER: "FREEXL_INVALID_CHARACTER",
            FREEXL_UNSUPPORTED_CHARSET: "FREEXL_UNSUPPORTED_CHARSET", FREEXL_ILLEGAL_CELL_ROW_COL: "FREEXL_ILLEGAL_CELL_ROW_COL",
            FREEXL_ILLEGAL_RK_VALUE: "FREEXL_ILLEGAL_RK_VALUE", FREEXL_INVALID_MINI_STREAM: "FREEXL_INVALID_MINI_STREAM",
            FREEXL_CFBF_ILLEGAL_MINI_FAT_ENTRY: "FREEXL_CFBF_ILLEGAL_MINI_FAT_ENTRY", FREEXL_CRAFTED_FILE: "FREEXL_CRAFTED_FILE",
        ]
    }

    /// One cell as FreeXL gives it.
    package enum Cell: Equatable {
        case empty
        case integer(Int)
        case number(Double)
        case text(String)
        /// `yyyy-mm-dd`, `yyyy-mm-dd hh:mm:ss` or `hh:mm:ss`: FreeXL tells dates by the cell's format.
        case date(String), dateTime(String), time(String)
    }

    private var handle: UnsafeRawPointer?

    /// Opens a workbook by its path (FreeXL reads only from a path).
    package init(path: String) throws(Failure) {
        var opened: UnsafeRawPointer?
        let code = freexl_open(path, &opened)
        guard code == FREEXL_OK, let opened else {
            // Some failures leave a half-made handle behind: it is freed here, once.
            if let opened { freexl_close(opened) }
            throw Failure(code: code, action: "mở tệp")
        }
        handle = opened
    }

    deinit { close() }

    package func close() {
        if let handle { freexl_close(handle) }
        handle = nil
    }

    private func open(_ action: @autoclosure () -> String) throws(Failure) -> UnsafeRawPointer {
        guard let handle else { throw Failure(code: FREEXL_NULL_HANDLE, action: action()) }
        return handle
    }

    private func check(_ code: Int32, _ action: @autoclosure () -> String) throws(Failure) {
        guard code == FREEXL_OK else { throw Failure(code: code, action: action()) }
    }

    package func info(_ what: Int32) throws(Failure) -> UInt32 {
        var value: UInt32 = 0
        try check(freexl_get_info(try open("đọc thông tin tệp"), UInt16(what), &value), "đọc thông tin tệp")
        return value
    }

    /// Whether the workbook is protected by a password (its cells are then unreadable).
    package var isPasswordProtected: Bool {
        get throws(Failure) { try info(FREEXL_BIFF_PASSWORD) == UInt32(FREEXL_BIFF_OBFUSCATED) }
    }

    package var sheetCount: Int {
        get throws(Failure) { Int(try info(FREEXL_BIFF_SHEET_COUNT)) }
    }

    package func sheetName(_ index: Int) throws(Failure) -> String {
        var name: UnsafePointer<CChar>?
        try check(freexl_get_worksheet_name(try open("đọc tên trang"), UInt16(index), &name), "đọc tên trang \(index + 1)")
        return name.map { String(cString: $0) } ?? ""
    }

    /// Makes a sheet the one whose cells are read, and returns its size.
    package func select(_ index: Int) throws(Failure) -> (rows: Int, columns: Int) {
        let handle = try open("chọn trang")
        try check(freexl_select_active_worksheet(handle, UInt16(index)), "chọn trang \(index + 1)")
        var rows: UInt32 = 0
        var columns: UInt16 = 0
        try check(freexl_worksheet_dimensions(handle, &rows, &columns), "đọc kích thước trang \(index + 1)")
        return (Int(rows), Int(columns))
    }

    /// A cell of the selected sheet (row and column from 0).
    package func cell(row: Int, column: Int) throws(Failure) -> Cell {
        var value = FreeXL_CellValue()
        try check(freexl_get_cell_value(try open("đọc ô"), UInt32(row), UInt16(column), &value),
                  "đọc ô dòng \(row + 1), cột \(column + 1)")
        func text() -> String { value.value.text_value.map { String(cString: $0) } ?? "" }
        switch Int32(value.type) {
        case FREEXL_CELL_INT: return .integer(Int(value.value.int_value))
        case FREEXL_CELL_DOUBLE: return .number(value.value.double_value)
        case FREEXL_CELL_TEXT, FREEXL_CELL_SST_TEXT: return .text(text())
        case FREEXL_CELL_DATE: return .date(text())
        case FREEXL_CELL_DATETIME: return .dateTime(text())
        case FREEXL_CELL_TIME: return .time(text())
        default: return .empty
        }
    }
}
