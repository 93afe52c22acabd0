import Foundation
import TonghopBase
import TonghopCatalog

/// Reads every sheet of an Excel 97-2003 workbook (`.xls`, BIFF) through FreeXL into the
/// records a CSV file gives (see ``InputWorkbook``), cell by cell as an `.xlsx` is read:
/// numbers typed as numbers exactly (12, 1.5), dates as `yyyy-mm-dd`.
///
/// FreeXL opens a path, and a file is read here from its bytes (the inbox's file may have
/// changed since): the bytes are written to a private file (mode 0600, a new name, in
/// `/dev/shm` when that is a folder we can write, else the temporary folder), which is removed
/// as soon as FreeXL has opened it.
///
/// FreeXL gives formula cells no value; the results Excel stored with them are read from the
/// file's records by ``preflight(_:)`` (a number, a text, a yes/no), as an `.xlsx` formula cell
/// gives the value Excel computed. A workbook protected by a password is refused, and so is one
/// that would make FreeXL set aside more than the budget's cells.
public enum XlsIntake {
    /// The first bytes of every Compound File (an `.xls`, but also a Word `.doc`).
    package static let signature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    /// The sheets; nil when the bytes are no Excel workbook (not a Compound File, or one
    /// without a workbook inside, such as a Word `.doc`), which the caller then refuses as text.
    public static func read(_ bytes: [UInt8]) -> InputWorkbook.Reading? {
        guard bytes.starts(with: signature) else { return nil }
        let checked: Preflight
        switch preflight(bytes) {
        case .noWorkbook: return nil
        case .refused(let code, let detail): return .refused(code, detail: Wording(detail))
        case .workbook(let p): checked = p
        }
        let book: FreeXLWorkbook
        do {
            book = try opened(bytes)
        } catch let failure as FreeXLWorkbook.Failure where failure.holdsNoWorkbook {
            return nil
        } catch {
            return .refused(.unreadableWorkbook, detail: Wording("\(error)"))
        }
        defer { book.close() }
        do {
            if try book.isPasswordProtected {
                return .refused(.unreadableWorkbook, detail: Wording(vi: "tệp được bảo vệ bằng mật khẩu", en: "the file is protected by a password"))
            }
            return .workbook(InputWorkbook(kind: .xls, sheets: try sheets(book, formulaResults: checked.formulaResults)))
        } catch let refusal as InputWorkbook.Refusal {
            return .refused(refusal.code, detail: Wording(refusal.detail))
        } catch {
            return .refused(.unreadableWorkbook, detail: Wording("\(error)"))
        }
    }

    /// - Parameter formulaResults: the results stored with formula cells (see ``Preflight``),
    ///   which FreeXL gives as empty cells.
    package static func sheets(_ book: FreeXLWorkbook, formulaResults: [Int: [Int: String]] = [:]) throws -> [InputWorkbook.Sheet] {
        var fields = InputWorkbook.fieldBudget
        var sheets: [InputWorkbook.Sheet] = []
        for index in 0..<(try book.sheetCount) {
            let name = try book.sheetName(index)
            let size = try book.select(index)
            // FreeXL holds every cell of the sheet's declared size: refused beyond the budget.
            guard size.rows * size.columns <= fields else {
                throw InputWorkbook.Refusal(code: .tooLarge,
                                      detail: "trang \"\(name)\" có \(size.rows) dòng × \(size.columns) cột, tối đa \(InputWorkbook.fieldBudget) ô cho cả tệp")
            }
            fields -= size.rows * size.columns
            var rows: [(number: Int, cells: [Int: String])] = []
            let formulas = formulaResults[index] ?? [:]
            for row in 0..<size.rows {
                var cells: [Int: String] = [:]
                for column in 0..<size.columns {
                    let cell = try book.cell(row: row, column: column)
                    let text = cell == .empty ? formulas[row * 65_536 + column] ?? "" : Self.text(cell)
                    if !text.isEmpty { cells[column] = text }
                }
                if !cells.isEmpty { rows.append((row + 1, cells)) }
            }
            sheets.append(InputWorkbook.Sheet(name: name, records: InputWorkbook.records(rows)))
        }
        return sheets
    }

    /// A cell as the rest of intake reads it.
    package static func text(_ cell: FreeXLWorkbook.Cell) -> String {
        switch cell {
        case .empty: return ""
        case .integer(let n): return String(n)
        case .number(let v): return XlsxParts.numberText(v)
        case .text(let s), .time(let s): return s
        // The day of a date and time, as a date cell of an .xlsx reads.
        case .date(let s), .dateTime(let s): return String(s.prefix(10))
        }
    }

    /// Writes the bytes to a private file, opens it with FreeXL and removes it at once.
    package static func opened(_ bytes: [UInt8]) throws -> FreeXLWorkbook {
        let path = scratchFolder + "/tonghop-xls-\(getpid())-\(UUID().uuidString).xls"
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw InputWorkbook.Refusal(code: .readFailed, detail: "không tạo được tệp tạm \(path): \(String(cString: strerror(errno)))")
        }
        defer { unlink(path) }
        let written = bytes.withUnsafeBytes { raw -> Bool in
            var offset = 0
            while offset < raw.count {
                let n = write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return false }
                offset += n
            }
            return true
        }
        let failure = errno
        close(fd)
        guard written else {
            throw InputWorkbook.Refusal(code: .readFailed, detail: "không ghi được tệp tạm \(path): \(String(cString: strerror(failure)))")
        }
        return try FreeXLWorkbook(path: path)
    }

    /// `/dev/shm` (memory) when it is a folder we can write, else the system's temporary folder:
    /// the same choice as the workbook writer's for its part files.
    package static let scratchFolder: String = {
        var info = stat()
        if stat("/dev/shm", &info) == 0, info.st_mode & S_IFMT == S_IFDIR, access("/dev/shm", W_OK) == 0 { return "/dev/shm" }
        let temporary = NSTemporaryDirectory()
        return temporary.hasSuffix("/") ? String(temporary.dropLast()) : temporary
    }()
}
