/// The language of messages and summaries (`--lang vi|en`).
public enum Language: String, Sendable, CaseIterable {
    case vi, en
}

/// Every user-facing wording of a ``Problem``, in one place.
///
/// A message says what is wrong, then what was found, what was expected and how to fix it,
/// so that the commune officer who made the file can act on it without phoning anyone.
public enum Messages {
    /// "tệp.csv, dòng 12, cột 5: LỖI — Giá trị không phải là số. Tìm thấy: "abc". Cần: số nguyên không âm. Cách sửa: ..."
    public static func render(_ p: Problem, _ lang: Language = .vi, withFile: Bool = true, withLocation: Bool = true) -> String {
        var s = ""
        if withFile { s += p.file }
        let place = withLocation ? location(p, lang) : ""
        if !place.isEmpty { s += (s.isEmpty ? "" : ", ") + place }
        if !s.isEmpty { s += ": " }
        var sentences = [severityWord(p.severity, lang) + " — " + what(p, lang)]
        if let f = p.found { sentences.append(lang == .vi ? "Tìm thấy: \"\(f)\"" : "Found: \"\(f)\"") }
        if let e = p.expected?[lang] { sentences.append(lang == .vi ? "Cần: \(e)" : "Expected: \(e)") }
        let h = hint(p, lang)
        if !h.isEmpty { sentences.append(lang == .vi ? "Cách sửa: \(h)" : "How to fix: \(h)") }
        // A question ("có phải là 13285 ...?") ends its sentence itself.
        for sentence in sentences { s += sentence + (sentence.hasSuffix("?") ? " " : ". ") }
        return String(s.dropLast())
    }

    public static func location(_ p: Problem, _ lang: Language) -> String {
        var parts: [String] = []
        if let s = p.sheet { parts.append(lang == .vi ? "trang tính \"\(s)\"" : "sheet \"\(s)\"") }
        if let l = p.line { parts.append(lang == .vi ? "dòng \(l)" : "line \(l)") }
        if let c = p.column { parts.append(lang == .vi ? "cột \(c) (\(columnLetters(c)))" : "column \(c) (\(columnLetters(c)))") }
        if let e = p.element { parts.append(lang == .vi ? "mục \(e)" : "entry \(e)") }
        return parts.joined(separator: ", ")
    }

    /// Excel's name of a 1-based column: 1 → A, 27 → AA.
    public static func columnLetters(_ column: Int) -> String {
        var n = column
        var s = ""
        while n > 0 {
            let r = (n - 1) % 26
            s = String(UnicodeScalar(UInt8(65 + r))) + s
            n = (n - 1) / 26
        }
        return s
    }

    public static func severityWord(_ s: Severity, _ lang: Language) -> String {
        switch (s, lang) {
        case (.error, .vi): return "LỖI"
        case (.warning, .vi): return "CẢNH BÁO"
        case (.notice, .vi): return "GHI CHÚ"
        case (.error, .en): return "ERROR"
        case (.warning, .en): return "WARNING"
        case (.notice, .en): return "NOTE"
        }
    }

    /// What is wrong, in one sentence (see ``ProblemWording``).
    public static func what(_ p: Problem, _ lang: Language) -> String {
        let wording = p.code.wording
        let detail = p.detail?[lang] ?? ""
        if detail.isEmpty, let plain = wording.whatWithoutDetail { return plain[lang] }
        return wording.what[lang].replacingOccurrences(of: "{}", with: detail)
    }

    /// How to fix it: one instruction a commune officer can follow (see ``ProblemWording``).
    public static func hint(_ p: Problem, _ lang: Language) -> String {
        let wording = p.code.wording
        return (p.severity != .error ? wording.warningHint ?? wording.hint : wording.hint)[lang]
    }
}

// MARK: Expectations and details, in both languages

/// What a cell should have held (``Problem/expected``) and the facts a message quotes
/// (``Problem/detail``), worded once for both languages.
extension Messages {
    public static let wholeNumber = Wording(vi: "số nguyên không âm", en: "a whole number, 0 or more")
    public static let nonNegativeNumber = Wording(vi: "số không âm", en: "a number, 0 or more")
    public static let integer = Wording(vi: "số nguyên", en: "a whole number")
    public static let yesOrNo = Wording(vi: "co hoặc khong", en: "co (yes) or khong (no)")
    public static let zeroOrOne = Wording(vi: "0 hoặc 1", en: "0 or 1")
    public static let periodFormat = Wording(vi: "kỳ báo cáo như 2024-Q2, 2024-H1, 2024, Quý II/2024",
                                             en: "a period such as 2024-Q2, 2024-H1, 2024, Quý II/2024")

    public static let dateFormat = Wording(vi: "một ngày có thật, viết ngày/tháng/năm như 15/09/2024 hoặc 2024-09-15",
                                           en: "a real day, written day/month/year as 15/09/2024 or as 2024-09-15")

    /// "từ 15/6/2024 đến hôm nay (20/9/2024)"
    public static func preparedOnRange(from: Int, today: Int) -> Wording {
        func vi(_ k: Int) -> String { "\(k % 100)/\(k / 100 % 100)/\(k / 10000)" }
        return Wording(vi: "từ \(vi(from)) (ngày đầu của số liệu kỳ này) đến hôm nay (\(vi(today)))",
                       en: "from \(Days.iso(from)) (the first day of the period's figures) to today (\(Days.iso(today)))")
    }

    public static func oneOf(_ items: [String]) -> Wording {
        Wording(vi: "một trong " + items.joined(separator: ", "), en: "one of " + items.joined(separator: ", "))
    }

    /// "dd/mm/yyyy" of a yyyymmdd key.
    package static func date(_ yyyymmdd: Int) -> String {
        let d = yyyymmdd % 100, m = (yyyymmdd / 100) % 100, y = yyyymmdd / 10000
        return (d < 10 ? "0" : "") + "\(d)/" + (m < 10 ? "0" : "") + "\(m)/\(y)"
    }

    public static func periodStarted(today: Int) -> Wording {
        Wording(vi: "kỳ đã bắt đầu (hôm nay là \(date(today)))", en: "a period that has begun (today is \(date(today)))")
    }

    public static func unitOfRegistry(_ registry: String) -> Wording {
        Wording(vi: "mã đơn vị trong danh mục \(registry)", en: "a unit code of registry \(registry)")
    }

    public static func unitOfRegistry(_ registry: String, for period: Period) -> Wording {
        Wording(vi: "mã đơn vị của danh mục \(registry) (áp dụng cho kỳ \(period.code))",
                en: "a unit code of registry \(registry) (in force for \(period.code))")
    }

    public static func noRegistry(for period: Period) -> Wording {
        Wording(vi: "không có danh mục đơn vị nào có hiệu lực cho kỳ \(period.code)", en: "no registry of units is in force for \(period.code)")
    }

    public static func unitOfOtherRegistry(_ unit: Unit, registry: String, period: Period) -> Wording {
        Wording(vi: "mã \(unit.code) là \(unit.name) trong danh mục \(registry), không dùng cho kỳ \(period.code)",
                en: "\(unit.code) is \(unit.name) in registry \(registry), not in use for \(period.code)")
    }

    public static func nameOfOtherMap(_ old: Unit, registry: String, now: Unit, period: Period, successors: [Unit]) -> Wording {
        let next = successors.map { "\($0.code) \($0.name)" }.joined(separator: " hoặc ")
        let nextEn = successors.map { "\($0.code) \($0.name)" }.joined(separator: " or ")
        return Wording(vi: "tên ghi là tên cũ của mã \(old.code) (\(old.name), danh mục \(registry)); trong kỳ \(period.code) mã này là \(now.name)"
                           + (next.isEmpty ? "" : ". Đơn vị cũ nay là: \(next)"),
                       en: "the name is the old one of code \(old.code) (\(old.name), registry \(registry)); for \(period.code) the code is \(now.name)"
                           + (nextEn.isEmpty ? "" : ". The old unit is now \(nextEn)"))
    }

    public static func nameOfAnotherUnit(_ namesake: Unit?, code unit: Unit) -> Wording {
        guard let namesake else {
            return Wording(vi: "mã \(unit.code) là \(unit.name)", en: "code \(unit.code) is \(unit.name)")
        }
        return Wording(vi: "mã \(unit.code) là \(unit.name); tên ghi là của đơn vị \(namesake.code) \(namesake.name)",
                       en: "code \(unit.code) is \(unit.name); the name written is that of \(namesake.code) \(namesake.name)")
    }

    public static func levelName(_ level: UnitLevel) -> Wording {
        switch level {
        case .nation: return Wording(vi: "quốc gia", en: "the nation")
        case .province: return Wording(vi: "tỉnh", en: "province")
        case .district: return Wording(vi: "huyện", en: "district")
        case .commune: return Wording(vi: "xã", en: "commune")
        case .department: return Wording(vi: "sở, ngành", en: "provincial department")
        }
    }

    public static func formOfLevel(_ unit: Unit, form: String) -> Wording {
        let level = levelName(unit.level)
        return Wording(vi: "\(unit.code) \(unit.name) là cấp \(level.vi), dùng biểu \(form)",
                       en: "\(unit.code) \(unit.name) is a \(level.en), its form is \(form)")
    }

    public static func indicatorOfForm(_ form: String) -> Wording {
        Wording(vi: "một chỉ tiêu của biểu \(form)", en: "an indicator of form \(form)")
    }

    public static func partsSum(_ parts: [(String, Double)], sum: Double) -> Wording {
        let terms = parts.map { "\($0.0)=\(number($0.1))" }.joined(separator: " + ") + " = \(number(sum))"
        return Wording(vi: "bằng tổng các phân tổ \(terms)", en: "the sum of its parts \(terms)")
    }

    public static func sizeLimit(megabytes: Int, limit: Int) -> Wording {
        Wording(vi: "\(megabytes) MB trở lên, tối đa \(limit) MB", en: "\(megabytes) MB or more, at most \(limit) MB")
    }

    public static func cellsInHeader(_ count: Int, found: Int) -> Wording {
        Wording(vi: "dòng có \(found) ô, dòng tiêu đề có \(count)", en: "the line has \(found) cells, the header \(count)")
    }

    public static func withinScope(_ scope: Unit, unit: Unit) -> Wording {
        Wording(vi: "\(unit.code) \(unit.name) không thuộc \(scope.code) \(scope.name)",
                en: "\(unit.code) \(unit.name) is not within \(scope.code) \(scope.name)")
    }

    public static func unknownScope(_ scope: String, registry: String) -> Wording {
        Wording(vi: "phạm vi --scope \(scope) không có trong danh mục \(registry)", en: "the --scope \(scope) is not in registry \(registry)")
    }

    /// Candidates for a name given instead of a code, the first three of `total`:
    /// "13285 Phường Quang Trung (Thành phố Phủ Lý, Tỉnh Hà Nam)".
    /// A list, the first ten items then how many more: "13285 2024-Q1, 13291 2024-Q1 (và 3 báo cáo khác)".
    public static func listed(_ items: [String]) -> Wording {
        let shown = items.prefix(10).joined(separator: ", ")
        let more = items.count - min(items.count, 10)
        return Wording(vi: shown + (more > 0 ? " (và \(more) báo cáo khác)" : ""), en: shown + (more > 0 ? " (and \(more) more)" : ""))
    }

    /// What a code was taken to mean: "đã hiểu là 00004 Phường Phúc Xá".
    public static func readAs(_ unit: Unit) -> Wording {
        Wording(vi: "đã hiểu là \(unit.code) \(unit.name)", en: "read as \(unit.code) \(unit.name)")
    }

    public static func candidates(_ items: [String], total: Int) -> Wording {
        let shown = items.prefix(3)
        let more = total - shown.count
        return Wording(vi: shown.joined(separator: " hay ") + (more > 0 ? " (còn \(more) đơn vị khác cùng tên)" : ""),
                       en: shown.joined(separator: " or ") + (more > 0 ? " (\(more) more of that name)" : ""))
    }

    public static func newerFile(_ path: String, preparedOn: String?) -> Wording {
        Wording(vi: path + (preparedOn.map { " (ngày lập \($0))" } ?? ""), en: path + (preparedOn.map { " (dated \($0))" } ?? ""))
    }

    public static let cannotOpen = Wording(vi: "không mở được tệp", en: "cannot open the file")

    public static func ambiguousReading(_ text: String, as value: Double, indicator: String, integer: Bool) -> Wording {
        integer
            ? Wording(vi: "đã đọc \"\(text)\" là \(number(value)) vì chỉ tiêu \(indicator) là số nguyên (dấu phân cách hàng nghìn)",
                      en: "\"\(text)\" was read as \(number(value)) because \(indicator) is a whole number (a thousands separator)")
            : Wording(vi: "đã đọc \"\(text)\" là \(number(value)) vì chỉ tiêu \(indicator) có phần thập phân (dấu thập phân)",
                      en: "\"\(text)\" was read as \(number(value)) because \(indicator) takes decimals (a decimal mark)")
    }

    public static func percentReading(_ value: Double, indicator: String) -> Wording {
        Wording(vi: "\(number(value)) cho chỉ tiêu \(indicator)", en: "\(number(value)) for \(indicator)")
    }

    /// One side of a violated rule with its numbers: "MT03 = 2", "MT07 + MT08 = 3 + 2 = 5".
    package static func ruleSide(_ text: String, terms: String, total: Double, single: Bool) -> String {
        single ? "\(text) = \(number(total))" : "\(text) = \(terms) = \(number(total))"
    }

    public static func outlier(indicator: String, value: Double, history: [(Period, Double)]) -> Wording {
        let mean = history.map(\.1).reduce(0, +) / Double(history.count)
        // Vietnamese text writes decimals with a comma throughout (166,28, not 166.28).
        let listVi = history.map { "\($0.0.code): \(number($0.1).replacingOccurrences(of: ".", with: ","))" }.joined(separator: ", ")
        let listEn = history.map { "\($0.0.code): \(number($0.1))" }.joined(separator: ", ")
        if mean == 0 {
            return Wording(vi: "Chỉ tiêu \(indicator) là \(number(value).replacingOccurrences(of: ".", with: ",")), trong khi \(history.count) quý trước đều là 0 (\(listVi))",
                           en: "\(indicator) is \(number(value)), while the \(history.count) quarters before were all 0 (\(listEn))")
        }
        let times = number((value / mean * 10).rounded() / 10).replacingOccurrences(of: ".", with: ",")
        let timesEn = number((value / mean * 10).rounded() / 10)
        let meanText = number((mean * 10).rounded() / 10)
        return Wording(vi: "Chỉ tiêu \(indicator) là \(number(value).replacingOccurrences(of: ".", with: ",")), gấp \(times) lần trung bình \(history.count) quý trước: \(meanText.replacingOccurrences(of: ".", with: ",")) (\(listVi))",
                       en: "\(indicator) is \(number(value)), \(timesEn) times the average of the \(history.count) quarters before: \(meanText) (\(listEn))")
    }

    public static func reconciliation(indicator: String, district: Double, communes: Double, count: Int) -> Wording {
        let gap = number(abs(district - communes))
        return Wording(vi: "Số của huyện cho chỉ tiêu \(indicator) là \(number(district)), tổng của \(count) xã là \(number(communes)): chênh \(gap)",
                       en: "The district's \(indicator) is \(number(district)), the sum of its \(count) communes is \(number(communes)): \(gap) apart")
    }

    /// A number as people read it in a message: no ".0" on whole numbers.
    /// A figure in a message: as machine files write it (at most six decimals, no binary noise).
    public static func number(_ v: Double) -> String { DecimalText.text(v) }

    /// A figure as printed for Vietnamese readers: thousands with dots, a decimal comma, at
    /// most two decimals (4575 → "4.575", 1234.5 → "1.234,5").
    public static func vietnameseNumber(_ v: Double) -> String {
        let hundredths = Int64((abs(v) * 100).rounded())
        var whole = String(hundredths / 100)
        var grouped = ""
        while whole.count > 3 {
            grouped = "." + whole.suffix(3) + grouped
            whole.removeLast(3)
        }
        var text = (v < 0 && hundredths > 0 ? "-" : "") + whole + grouped
        let fraction = hundredths % 100
        if fraction != 0 { text += "," + (fraction % 10 == 0 ? String(fraction / 10) : String(format: "%02d", Int(fraction))) }
        return text
    }
}

// MARK: What a file that is not a report looks like

extension Messages {
    public static let zipFile = Wording(vi: "một tệp nén ZIP, có thể là tệp Excel .xlsx đổi tên thành .csv",
                                        en: "a ZIP archive, perhaps an Excel .xlsx renamed .csv")
    public static let pdfFile = Wording(vi: "một tệp PDF", en: "a PDF file")

    /// What a JSON file lacks to be a dataValueSet.
    public static func jsonShape(path: String) -> Wording {
        if path.isEmpty {
            return Wording(vi: "tệp không phải một đối tượng JSON có mảng dataValues", en: "the file is not a JSON object with a dataValues array")
        }
        return Wording(vi: "mục \(path) không có hoặc không đúng kiểu", en: "\(path) is missing or of the wrong type")
    }

    /// What kind of file an extension names, for a file that is not read.
    public static func fileType(_ fileExtension: String) -> Wording {
        switch fileExtension {
        case "xlsm", "xlsb", "xltx", "xlt": return Wording(vi: "bảng tính Excel dạng .\(fileExtension)", en: "an Excel .\(fileExtension) workbook")
        case "ods", "ots": return Wording(vi: "bảng tính LibreOffice/OpenOffice .\(fileExtension)", en: "a LibreOffice/OpenOffice .\(fileExtension) spreadsheet")
        case "pdf": return Wording(vi: "tệp PDF", en: "a PDF file")
        case "doc", "docx", "odt", "rtf": return Wording(vi: "văn bản Word .\(fileExtension)", en: "a word-processor .\(fileExtension) document")
        case "jpg", "jpeg", "png", "gif", "bmp", "tif", "tiff", "heic", "webp": return Wording(vi: "ảnh .\(fileExtension)", en: "a .\(fileExtension) picture")
        case "zip", "rar", "7z", "gz", "tar": return Wording(vi: "tệp nén .\(fileExtension)", en: "a .\(fileExtension) archive")
        case "": return Wording(vi: "tệp không có phần đuôi tên", en: "a file without an extension")
        default: return Wording(vi: "tệp .\(fileExtension)", en: "a .\(fileExtension) file")
        }
    }
    public static let oldOfficeFile = Wording(vi: "một tệp Excel 97-2003 (.xls) hoặc Word (.doc)", en: "an Excel 97-2003 (.xls) or Word (.doc) file")
    public static let imageFile = Wording(vi: "một tệp ảnh", en: "an image")
    public static let binaryFile = Wording(vi: "một tệp nhị phân", en: "a binary file")
    public static let brokenUTF8 = Wording(vi: "có dấu BOM UTF-8 nhưng nội dung hỏng", en: "it has a UTF-8 byte-order mark but broken content")
    public static let truncatedUTF16 = Wording(vi: "UTF-16 bị cắt cụt", en: "truncated UTF-16")
    public static let brokenUTF16 = Wording(vi: "UTF-16 hỏng", en: "broken UTF-16")
    public static let unknownEncoding = Wording(vi: "cũng không phải UTF-16 hay Windows-1258", en: "nor UTF-16 or Windows-1258 either")

    /// What a path in `inputs/` is when it is not a regular file.
    public static func fileKind(_ kind: NonRegularFile) -> Wording {
        switch kind {
        case .directory: return Wording(vi: "một thư mục", en: "a folder")
        case .fifo: return Wording(vi: "một đường ống (FIFO)", en: "a pipe (FIFO)")
        case .device: return Wording(vi: "một thiết bị", en: "a device")
        case .socket: return Wording(vi: "một socket", en: "a socket")
        case .other: return Wording(vi: "một loại tệp đặc biệt", en: "a special file")
        }
    }
}

// MARK: Error slips (phiếu báo lỗi)

extension Messages {
    package static let slipTitle = Wording(vi: "PHIẾU BÁO LỖI SỐ LIỆU BÁO CÁO (phòng, chống ma túy, HIV/AIDS, mại dâm)",
                                   en: "DATA ERROR SLIP (drug, HIV/AIDS and prostitution prevention reports)")
    package static let slipFile = Wording(vi: "Tệp: ", en: "File: ")
    package static let slipUnits = Wording(vi: "Đơn vị: ", en: "Unit: ")
    package static let slipPeriods = Wording(vi: "Kỳ báo cáo: ", en: "Period: ")
    package static let slipUnknown = Wording(vi: "chưa xác định được (xem các lỗi dưới đây)", en: "not known (see the problems below)")

    package static func slipMore(_ n: Int) -> Wording { Wording(vi: " và \(n) đơn vị khác", en: " and \(n) more") }

    package static func slipOutcome(_ status: FileStatus) -> Wording {
        switch status {
        case .rejected: return Wording(vi: "Kết quả: TỪ CHỐI — chưa nhận số liệu nào của tệp này.",
                                       en: "Outcome: REJECTED — nothing in this file was accepted.")
        case .partial: return Wording(vi: "Kết quả: NHẬN MỘT PHẦN — các dòng có lỗi dưới đây bị bỏ; các số liệu khác đã được nhận.",
                                      en: "Outcome: PARTLY ACCEPTED — the lines with errors below were left out; the other figures were accepted.")
        case .accepted: return Wording(vi: "Kết quả: ĐÃ NHẬN.", en: "Outcome: ACCEPTED.")
        }
    }

    package static func slipSection(_ severity: Severity, count: Int) -> Wording {
        switch severity {
        case .error: return Wording(vi: "Lỗi phải sửa (\(count)):", en: "Errors to correct (\(count)):")
        case .warning: return Wording(vi: "Cần kiểm tra lại (\(count)):", en: "To check (\(count)):")
        case .notice: return Wording(vi: "Ghi chú (\(count)):", en: "Notes (\(count)):")
        }
    }

    /// What to do with a file that was not read at all: send the report in a form tonghop reads.
    package static let slipWhatToDoNotRead = Wording(
        vi: "Việc cần làm: gửi lại báo cáo dưới dạng tệp Excel (.xlsx) hoặc \"CSV UTF-8\" (.csv), theo biểu mẫu trống của tonghop. Tệp này chưa được đọc: đơn vị chưa được tính là đã báo cáo.",
        en: "What to do: send the report again as an Excel (.xlsx) or \"CSV UTF-8\" (.csv) file, on tonghop's blank form. This file was not read: the unit is not counted as having reported.")

    package static let slipWhatToDo = Wording(
        vi: "Việc cần làm: sửa các ô nêu trên ngay trong tệp (giữ nguyên các dòng tiêu đề), lưu lại dạng \"CSV UTF-8\" và gửi lại tệp cho nơi tổng hợp. Tệp gửi lại thay thế số liệu đã gửi trước của cùng đơn vị, cùng kỳ.",
        en: "What to do: correct the cells above in the file itself (keep the header lines), save it as \"CSV UTF-8\" and send it again to the compiling office. The file sent again replaces the figures sent before for the same unit and period.")

    /// What to do with a workbook: it is corrected and saved as the workbook it is, since it
    /// has no character set to choose.
    package static func slipWhatToDoInWorkbook(_ fileExtension: String) -> Wording {
        Wording(
            vi: "Việc cần làm: sửa các ô nêu trên ngay trong bảng tính (giữ nguyên các dòng tiêu đề), lưu lại dưới dạng .\(fileExtension) như cũ và gửi lại tệp cho nơi tổng hợp. Tệp gửi lại thay thế số liệu đã gửi trước của cùng đơn vị, cùng kỳ.",
            en: "What to do: correct the cells above in the workbook itself (keep the header lines), save it as a .\(fileExtension) file as before and send it again to the compiling office. The file sent again replaces the figures sent before for the same unit and period.")
    }
}
