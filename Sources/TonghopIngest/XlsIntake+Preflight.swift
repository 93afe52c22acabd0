import TonghopBase
import TonghopCatalog

extension XlsIntake {
    /// What FreeXL would set aside for a workbook, worked out before FreeXL sees it, and what it
    /// would miss.
    ///
    /// FreeXL allocates every cell of a sheet's declared size (its DIMENSION record, else the
    /// largest row and column its cells name) and a slot for every string the shared string
    /// table announces, and fills them in, whatever the file really holds: a file of a few
    /// kilobytes can announce a sheet of a billion cells, and the process would be killed for
    /// its memory. The workbook stream's records are walked here first and the file is refused
    /// when the sheets together would exceed ``InputWorkbook/fieldBudget`` cells or the strings
    /// the stream could hold. The walk also keeps the results stored with formula cells (BIFF8),
    /// which FreeXL does not read.
    package struct Preflight {
        /// Cells FreeXL will allocate, all sheets together.
        package var cells = 0
        /// Strings the shared string table announces.
        package var strings = 0
        /// The results Excel stored with formula cells, which FreeXL leaves empty: by sheet
        /// (its index among the workbook's sheets), then by row × 65,536 + column.
        package var formulaResults: [Int: [Int: String]] = [:]
    }

    package enum PreflightResult {
        /// The file holds an Excel workbook FreeXL can be given.
        case workbook(Preflight)
        /// A Compound File without a workbook: a Word `.doc` or the like.
        case noWorkbook
        case refused(ProblemCode, detail: String)
    }

    package static func preflight(_ bytes: [UInt8]) -> PreflightResult {
        let stream: [UInt8]
        do {
            guard let found = try CompoundFile(bytes).stream(named: ["Workbook", "Book"]) else { return .noWorkbook }
            stream = found
        } catch {
            return .refused(.unreadableWorkbook, detail: error.reason)
        }
        var result = Preflight()
        // The sheet being walked: its DIMENSION, else the largest row and column of its cells.
        var declared: Int?
        var maxRow = -1, maxColumn = -1
        var inSheet = false
        var biff8 = true
        // Where each sheet's records start (BOUNDSHEET), to know which sheet a BOF opens.
        var sheetOffsets: [Int] = []
        var sheet: Int?
        // A formula whose text result is in the STRING record that follows it.
        var pendingString: Int?
        var at = 0
        func endSheet() {
            if inSheet { result.cells += declared ?? (maxRow >= 0 ? (maxRow + 1) * (maxColumn + 1) : 0) }
            inSheet = false
            declared = nil
            maxRow = -1
            maxColumn = -1
        }
        while at + 4 <= stream.count {
            let type = CompoundFile.u16(stream, at), size = Int(CompoundFile.u16(stream, at + 2))
            let data = at + 4
            guard data + size <= stream.count else { break }
            switch type {
            case 0x0809:  // BOF: the workbook's globals first, then each sheet
                if at == 0 { biff8 = CompoundFile.u16(stream, data) == 0x0600 } else {
                    endSheet()
                    inSheet = true
                    sheet = sheetOffsets.firstIndex(of: at)
                }
            case 0x0085 where size >= 4:  // BOUNDSHEET
                sheetOffsets.append(Int(CompoundFile.u32(stream, data)))
            case 0x0006 where size >= 14 && biff8:  // FORMULA: the cell, then the result Excel computed
                let row = Int(CompoundFile.u16(stream, data)), column = Int(CompoundFile.u16(stream, data + 2))
                maxRow = max(maxRow, row)
                maxColumn = max(maxColumn, column)
                guard let sheet else { break }
                let key = row * 65_536 + column
                if CompoundFile.u16(stream, data + 12) != 0xFFFF {
                    let bits = UInt64(CompoundFile.u32(stream, data + 6)) | UInt64(CompoundFile.u32(stream, data + 10)) << 32
                    result.formulaResults[sheet, default: [:]][key] = XlsxParts.numberText(Double(bitPattern: bits))
                } else {
                    switch stream[data + 6] {
                    case 0: pendingString = key
                    case 1: result.formulaResults[sheet, default: [:]][key] = stream[data + 8] == 0 ? "0" : "1"
                    default: break  // an error, or an empty text
                    }
                }
            case 0x0207 where size >= 3 && biff8:  // STRING: the text result of the formula before it
                guard let key = pendingString, let sheet else { break }
                pendingString = nil
                let count = Int(CompoundFile.u16(stream, data)), wide = stream[data + 2] & 1 == 1
                let end = min(data + size, data + 3 + count * (wide ? 2 : 1))
                let bytes = stream[(data + 3)..<end]
                result.formulaResults[sheet, default: [:]][key] = wide
                    ? String(decoding: stride(from: bytes.startIndex, to: bytes.endIndex - 1, by: 2).map { UInt16(stream[$0]) | UInt16(stream[$0 + 1]) << 8 }, as: UTF16.self)
                    : String(bytes.map { Character(Unicode.Scalar($0)) })
            case 0x000A:  // EOF
                endSheet()
            case 0x0200 where size >= 10:  // DIMENSION
                let rows = biff8 ? Int(CompoundFile.u32(stream, data + 4)) : Int(CompoundFile.u16(stream, data + 2))
                let columns = Int(CompoundFile.u16(stream, data + (biff8 ? 10 : 6)))
                declared = rows * columns
            case 0x0203, 0x0204, 0x0205, 0x027E, 0x00FD, 0x00BD:  // NUMBER, LABEL, BOOLERR, RK, LABELSST, MULRK
                guard size >= 4 else { break }
                maxRow = max(maxRow, Int(CompoundFile.u16(stream, data)))
                var column = Int(CompoundFile.u16(stream, data + 2))
                if type == 0x00BD, size >= 6 { column = max(column, Int(CompoundFile.u16(stream, data + size - 2))) }
                maxColumn = max(maxColumn, column)
            case 0x00FC where size >= 8:  // SST
                result.strings = max(result.strings, Int(CompoundFile.u32(stream, data + 4)))
            default:
                break
            }
            at = data + size
        }
        endSheet()
        if result.cells > InputWorkbook.fieldBudget {
            return .refused(.tooLarge, detail: "các trang khai báo \(result.cells) ô, tối đa \(InputWorkbook.fieldBudget) ô cho cả tệp")
        }
        // Each string takes at least three bytes of the stream.
        if result.strings > stream.count / 3 {
            return .refused(.unreadableWorkbook, detail: "bảng chuỗi khai báo \(result.strings) chuỗi, nhiều hơn tệp có thể chứa")
        }
        return .workbook(result)
    }
}
