import CXlsxWriter
import Foundation

/// An error from libxlsxwriter: its code, its own message, and what tonghop was doing.
public struct SpreadsheetError: Error, CustomStringConvertible, Sendable {
    public let code: Int32
    public let message: String
    public let action: String

    init(_ error: lxw_error, _ action: String) {
        code = Int32(error.rawValue)
        message = String(cString: lxw_strerror(error))
        self.action = action
    }

    public init(message: String, action: String) {
        code = -1
        self.message = message
        self.action = action
    }

    public var description: String { "\(action): \(message) (libxlsxwriter \(code))" }
}

@inline(__always)
func check(_ error: lxw_error, _ action: @autoclosure () -> String) throws {
    if error != LXW_NO_ERROR { throw SpreadsheetError(error, action()) }
}

/// A ``CellStyle``'s format in one ``Workbook`` (see ``Workbook/cellFormat(_:)``); valid
/// until the workbook is closed, and only in that workbook.
public struct CellFormat {
    let pointer: UnsafeMutablePointer<lxw_format>?
}

/// An `.xlsx` file being written. The one owner of a `lxw_workbook` pointer: the file is
/// written by ``close()`` and only then; a workbook dropped without closing writes nothing.
///
/// Formats are created once per workbook and shared by every cell of the same ``CellStyle``.
public final class Workbook {
    private var handle: UnsafeMutablePointer<lxw_workbook>?
    private var formats: [CellStyle: UnsafeMutablePointer<lxw_format>] = [:]
    private var sheets: [Worksheet] = []
    public let path: String

    /// - Parameters:
    ///   - createdAt: the document's creation date. Fix it from the data, not the clock, so
    ///     that the same data gives a byte-identical file.
    ///   - constantMemory: write rows as they come (libxlsxwriter's constant-memory mode);
    ///     rows must then be written in order, and merged cells are not available.
    public init(path: String, title: String, createdAt: Date, constantMemory: Bool = false) throws {
        self.path = path
        var options = lxw_workbook_options()
        options.constant_memory = constantMemory ? 1 : 0
        let tmp = strdup(Workbook.scratchFolder)
        defer { free(tmp) }
        options.tmpdir = tmp
        guard let wb = workbook_new_opt(path, &options) else {
            throw SpreadsheetError(message: "không tạo được tệp", action: "tạo \(path)")
        }
        handle = wb
        var properties = lxw_doc_properties()
        let titleC = strdup(title), author = strdup("tonghop")
        defer { free(titleC); free(author) }
        properties.title = UnsafeMutablePointer(titleC)
        properties.author = UnsafeMutablePointer(author)
        properties.created = time_t(createdAt.timeIntervalSince1970)
        try check(workbook_set_properties(wb, &properties), "ghi thuộc tính của \(path)")
    }

    deinit {
        if let handle { lxw_workbook_free(handle) }
    }

    /// Where libxlsxwriter puts each part (sheet, shared strings…) while a workbook is written:
    /// a file per part, created, unlinked at once, then zipped. A national run makes about
    /// 1,900 of them, and creating them on ext4 (inode allocation) cost it half a second of
    /// kernel time, which tmpfs does not spend (docs/performance.md).
    /// So `/dev/shm` (memory) when it is a folder we can write, else the system's temporary
    /// folder. The parts of at most one workbook per core exist at once, a few megabytes.
    static let scratchFolder: String = {
        var info = stat()
        if stat("/dev/shm", &info) == 0, info.st_mode & S_IFMT == S_IFDIR, access("/dev/shm", W_OK) == 0 {
            return "/dev/shm"
        }
        return NSTemporaryDirectory()
    }()

    /// Adds a sheet. Excel limits names to 31 characters without `[]:*?/\`.
    public func addWorksheet(_ name: String) throws -> Worksheet {
        guard let wb = handle else { throw SpreadsheetError(message: "đã đóng", action: "thêm trang \(name)") }
        guard let ws = workbook_add_worksheet(wb, name) else {
            throw SpreadsheetError(message: "tên trang không hợp lệ hoặc bị trùng", action: "thêm trang \(name)")
        }
        let sheet = Worksheet(handle: ws, workbook: self, name: name)
        sheets.append(sheet)
        return sheet
    }

    /// The shared format for a style.
    func format(_ style: CellStyle) -> UnsafeMutablePointer<lxw_format>? {
        if let f = formats[style] { return f }
        guard let wb = handle, let f = workbook_add_format(wb) else { return nil }
        style.apply(to: f)
        formats[style] = f
        return f
    }

    /// The format of a style in this workbook, made on first use. A writer of many cells asks
    /// once per style and passes the result: finding a style's format hashes every field of it.
    public func cellFormat(_ style: CellStyle) -> CellFormat { CellFormat(pointer: format(style)) }

    var workbookHandle: UnsafeMutablePointer<lxw_workbook>? { handle }

    /// Writes the file and releases the workbook. Call once; the workbook is unusable after.
    public func close() throws {
        guard let wb = handle else { return }
        handle = nil
        formats = [:]
        for sheet in sheets { sheet.invalidate() }
        try check(workbook_close(wb), "ghi tệp \(path)")
    }
}
