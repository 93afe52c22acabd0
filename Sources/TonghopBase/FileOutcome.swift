import Foundation

/// The three input layouts of DOMAIN §5.
public enum Layout: String, Sendable, Codable {
    /// One unit, one period: key/value heading lines, then a table of indicators.
    case form
    /// Many units, one row each, one column per indicator (`MT01`, `NN01.duoi_18`).
    case table
    /// One value per row: `ma_don_vi,ky_bao_cao,ma_chi_tieu,phan_to,gia_tri`.
    case long
    /// DHIS2's exchange formats, one value per element or row, read as the long layout is:
    /// ADX (XML), dataValueSets in JSON, dataValueSets in CSV.
    case adx, dataValueSetJSON = "dhis2-json", dataValueSetCSV = "dhis2-csv"
}

/// What became of one input file.
public enum FileStatus: String, Sendable, Codable {
    /// Every report was accepted (perhaps with warnings).
    case accepted
    /// Some rows or values were refused; the rest was accepted.
    case partial
    /// Nothing was accepted.
    case rejected
}

/// The result of reading and validating one input file.
public struct FileOutcome: Sendable {
    public var path: String
    public var layout: Layout?
    public var encoding: String?
    public var submissions: [Submission] = []
    public var problems: [Problem] = []

    public init(path: String) { self.path = path }

    public var status: FileStatus {
        let hasErrors = problems.contains { $0.severity == .error }
        if submissions.isEmpty { return hasErrors || !problems.isEmpty ? .rejected : .accepted }
        return hasErrors ? .partial : .accepted
    }

    /// Problems most serious first, then in file order.
    public var sortedProblems: [Problem] { Self.sorted(problems) }

    /// Problems most serious first, then in file order (a workbook's sheets in their order).
    public static func sorted(_ problems: [Problem]) -> [Problem] {
        var sheets: [String: Int] = [:]
        for p in problems { if let s = p.sheet, sheets[s] == nil { sheets[s] = sheets.count } }
        return problems.enumerated().sorted { a, b in
            if a.element.severity != b.element.severity { return a.element.severity < b.element.severity }
            let sa = a.element.sheet.flatMap { sheets[$0] } ?? -1, sb = b.element.sheet.flatMap { sheets[$0] } ?? -1
            if sa != sb { return sa < sb }
            let la = a.element.line ?? 0, lb = b.element.line ?? 0
            if la != lb { return la < lb }
            return a.offset < b.offset
        }.map(\.element)
    }
}

/// One file a run read, once its reports are stored: what became of it, without its values.
///
/// What the summary, the log and the console say about a file. A national batch holds a
/// million values in its ``FileOutcome``s; they are let go as soon as the store has them.
public struct ReadFile: Sendable {
    public let path: String
    public let layout: Layout?
    public let encoding: String?
    public let status: FileStatus
    /// The reports and values the file sent (accepted ones; refused rows are problems).
    public let reports: Int
    public let values: Int
    public var problems: [Problem]

    /// Problems found after reading (warnings against other reports, the store's notices) are
    /// added to ``problems`` afterwards.
    public init(_ outcome: FileOutcome) {
        path = outcome.path
        layout = outcome.layout
        encoding = outcome.encoding
        status = outcome.status
        reports = outcome.submissions.count
        values = outcome.submissions.reduce(0) { $0 + $1.values.count }
        problems = outcome.problems
    }

    /// Problems most serious first, then in file order.
    public var sortedProblems: [Problem] { FileOutcome.sorted(problems) }
}


/// What a path in `inputs/` is when it is not a regular file.
public enum NonRegularFile: Sendable {
    case directory, fifo, device, socket, other
}
