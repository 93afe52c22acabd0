import Foundation
import Synchronization
import GRDB
import TonghopBase
import TonghopCatalog

/// Reading back the active reports and the problems of the files.
extension Store {
    // MARK: Reading back

    /// The active submissions for the given periods.
    public func activeSubmissions(periods: [Period]) throws -> [Submission] {
        guard !periods.isEmpty else { return [] }
        return try db.read { db in
            let placeholders = Array(repeating: "?", count: periods.count).joined(separator: ",")
            let rows = try Row.fetchCursor(db, sql: """
                SELECT s.unitCode, s.period, s.form, s.line, s.preparedOn, s.payload, f.modifiedAt, f.uploadedOn
                FROM submission s JOIN inputFile f ON f.id = s.fileId
                WHERE s.active = 1 AND s.period IN (\(placeholders)) ORDER BY s.id
                """, arguments: StatementArguments(periods.map(\.code)))
            var result: [Submission] = []
            var days = DayKeys()
            while let row = try rows.next() {
                guard let period = Period.parse(row["period"]) else { continue }
                var s = Submission(unitCode: row["unitCode"], period: period, form: row["form"], line: row["line"],
                                   preparedOn: row["preparedOn"], values: Store.values(fromPayload: row["payload"]))
                s.receivedOn = Store.receivedDay(uploadedOn: row["uploadedOn"], preparedOn: s.preparedOn, modifiedAt: row["modifiedAt"], days: &days)
                result.append(s)
            }
            return result
        }
    }

    /// The active reports for the given periods, their values decoded straight into the
    /// catalog's slots (values of codes the catalog no longer has are left out).
    public func activeFigures(periods: [Period], catalog: Catalog) throws -> [ReportFigures] {
        guard !periods.isEmpty else { return [] }
        // This thread steps through the rows while other cores decode the payloads, a slice of
        // rows at a time: a national year is tens of thousands of rows and a million values,
        // read for every report written.
        struct Fetched {
            let unitCode: String
            let period: Period
            let isCompiled: Bool
            var receivedOn: Int
        }
        let decoding = SliceDecoding(catalog: catalog)
        let fetched: [Fetched] = try db.read { db in
            // In the order of the index on (period, active): ordered by id alone, SQLite would
            // sort every row in a temporary B-tree first, which doubled the time of this query.
            // The files' modification times are read afterwards, only for the reports without
            // a date line of their own: joining every row to its file cost a third of the query.
            let request = ActiveFiguresSelection
                .filter(Column("active") == true && periods.map(\.code).contains(Column("period")))
                .order(Column("period"), Column("id"))
            let rows = try Row.fetchCursor(db, request)
            var byCode: [String: Period] = [:]
            for p in periods { byCode[p.code] = p }
            var result: [Fetched] = []
            var undated: [(index: Int, fileId: Int64)] = []
            // Files the portal received, by id: few, and their day overrides any date line.
            var uploaded: [Int64: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, uploadedOn FROM inputFile WHERE uploadedOn IS NOT NULL") {
                uploaded[row[0]] = row[1]
            }
            var payloads: [[UInt8]] = []
            // Columns by position (see ActiveFiguresSelection), the payload copied straight from SQLite's buffer.
            typealias At = ActiveFiguresSelection.Columns
            while let row = try rows.next() {
                guard let period = byCode[row[At.period] as String] else { continue }
                // As Store.receivedDay: the portal's day, else the date line, else the file's day.
                let fileId: Int64 = row[At.fileId]
                let stated = uploaded[fileId] ?? Days.key(row[At.preparedOn] as String?)
                if stated == 0 { undated.append((result.count, fileId)) }
                payloads.append(try row.withUnsafeData(atIndex: At.payload) { data in
                    data.map { d in d.withUnsafeBytes { [UInt8]($0) } } ?? []
                })
                result.append(Fetched(unitCode: row[At.unitCode], period: period,
                                      isCompiled: (row[At.form] as String) == Submission.compiledForm, receivedOn: stated))
                if payloads.count == SliceDecoding.sliceSize {
                    decoding.start(payloads)
                    payloads = []
                }
            }
            decoding.start(payloads)
            if !undated.isEmpty {
                let modifiedAt = try db.makeStatement(sql: "SELECT modifiedAt FROM inputFile WHERE id = ?")
                var days = DayKeys()
                for u in undated {
                    result[u.index].receivedOn = days.day(secondsSince1970: try Double.fetchOne(modifiedAt, arguments: [u.fileId]) ?? 0)
                }
            }
            return result
        }
        let figures = decoding.finish()
        return zip(fetched, figures).map { f, figures in
            ReportFigures(unitCode: f.unitCode, period: f.period, isCompiled: f.isCompiled, receivedOn: f.receivedOn, figures: figures)
        }
    }

    /// Payloads decoded into figures on other threads, slice by slice as they are read, and
    /// given back in the order they were read.
    private final class SliceDecoding: Sendable {
        static let sliceSize = 1024
        let catalog: Catalog
        private let group = DispatchGroup()
        private let slices = Mutex<[[FigureVector]]>([])

        init(catalog: Catalog) { self.catalog = catalog }

        func start(_ payloads: [[UInt8]]) {
            if payloads.isEmpty { return }
            let index = slices.withLock { slices in
                slices.append([])
                return slices.count - 1
            }
            group.enter()
            DispatchQueue.global().async { [catalog] in
                let decoded = payloads.map { payload in
                    var figures = FigureVector(slotCount: catalog.slotCount)
                    payload.withUnsafeBufferPointer { Store.decode($0, into: &figures, catalog: catalog) }
                    figures.completeTotals(catalog: catalog)
                    return figures
                }
                self.slices.withLock { $0[index] = decoded }
                self.group.leave()
            }
        }

        func finish() -> [FigureVector] {
            group.wait()
            return slices.withLock { $0.flatMap { $0 } }
        }
    }

    /// Reads `code\tcategory\tvalue` lines into slots.
    package static func decode(_ bytes: UnsafeBufferPointer<UInt8>, into figures: inout FigureVector, catalog: Catalog) {
        var lineStart = 0
        var keyEnd = -1
        var tabs = 0
        for i in 0...bytes.count {
            let b: UInt8 = i < bytes.count ? bytes[i] : 0x0A
            if b == 0x09 {
                tabs += 1
                if tabs == 2 { keyEnd = i }
            } else if b == 0x0A {
                if tabs == 2, i > keyEnd + 1,
                   let slot = catalog.slot(payloadKey: UnsafeBufferPointer(rebasing: bytes[lineStart..<keyEnd])),
                   let v = Store.number(UnsafeBufferPointer(rebasing: bytes[(keyEnd + 1)..<i])) {
                    figures[slot] = v
                }
                tabs = 0
                lineStart = i + 1
            }
        }
    }

    /// A payload number: whole numbers (nearly all) digit by digit, the rest by `Double`.
    package static func number(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        if let whole = plainDigitsValue(bytes) { return Double(whole) }
        return Double(String(decoding: bytes, as: UTF8.self))
    }

    /// The calendar days of modification times, remembered by the second: the files of one
    /// delivery share a handful of them, and a calendar computation is slow.
    /// The day a report was received, by one rule for every reader: the day the portal took
    /// its file when it came that way (its date line moves it neither earlier nor later: a
    /// clerk cannot send a late report as on time); else the date line the report states
    /// (`ngay_lap`), the unit's word for when it sent a file that reached `inputs/` by hand;
    /// else the day that file was saved there.
    package static func receivedDay(uploadedOn: Int?, preparedOn: String?, modifiedAt: Double, days: inout DayKeys) -> Int {
        if let uploadedOn { return uploadedOn }
        let stated = Days.key(preparedOn)
        return stated != 0 ? stated : days.day(secondsSince1970: modifiedAt)
    }

    package struct DayKeys {
        private var known: [Int64: Int] = [:]
        package mutating func day(secondsSince1970 t: Double) -> Int {
            let key = Int64(t.rounded(.down))
            if let d = known[key] { return d }
            let d = Days.key(secondsSince1970: t)
            known[key] = d
            return d
        }
    }

    /// Every period some active submission is for.
    public func periodsWithData() throws -> [Period] {
        try db.read { db in
            try String.fetchAll(db, sql: "SELECT DISTINCT period FROM submission WHERE active = 1").compactMap(Period.parse).sorted()
        }
    }

    /// The problems of the latest version of every input file, for the given periods, and
    /// those of files refused before their period could be read (wrong encoding, empty).
    public func problems(periods: [Period]) throws -> [Problem] {
        guard !periods.isEmpty else { return [] }
        return try db.read { db in
            let placeholders = Array(repeating: "?", count: periods.count).joined(separator: ",")
            let rows = try ProblemRecord.fetchAll(db, sql: """
                SELECT f.path, p.* FROM problem p
                JOIN inputFile f ON f.id = p.fileId
                WHERE (p.period IN (\(placeholders)) OR (p.period IS NULL AND p.unitCode IS NULL))
                  AND NOT EXISTS (SELECT 1 FROM inputFile later WHERE later.path = f.path AND later.id > f.id)
                ORDER BY f.path, p.line, p.id
                """, arguments: StatementArguments(periods.map(\.code)))
            return rows.compactMap(\.problem)
        }
    }

    /// The active submissions of the given units for the given periods, compiled reports
    /// left out: the history a batch is compared with (previous quarters, a district's communes).
    public func activeSubmissions(periods: [Period], units: Set<String>) throws -> [Submission] {
        guard !periods.isEmpty, !units.isEmpty else { return [] }
        // A few units (a file or two added to a national store): looked up by key through the
        // index, in the order a scan would give. Else each period is read once and filtered.
        if units.count <= Store.smallBatch { return try activeSubmissions(periods: periods, fewUnits: units.sorted()) }
        return try db.read { db in
            var result: [Submission] = []
            for period in periods {
                let reports = try StoredReportRecord.activeOwn.filter(Column("period") == period.code).order(Column("id")).fetchCursor(db)
                while let r = try reports.next() {
                    if units.contains(r.unitCode) { result.append(r.submission(period)) }
                }
            }
            return result
        }
    }

    private func activeSubmissions(periods: [Period], fewUnits units: [String]) throws -> [Submission] {
        try db.read { db in
            var result: [Submission] = []
            for period in periods {
                var found: [StoredReportRecord] = []
                for unit in units {
                    found += try StoredReportRecord.activeOwn.filter(Column("unitCode") == unit && Column("period") == period.code).fetchAll(db)
                }
                result += found.sorted { $0.id < $1.id }.map { $0.submission(period) }
            }
            return result
        }
    }

    /// What the store holds of a file as last read: its status, layout, and every problem.
    public struct FileVerdict: Sendable {
        public let path: String
        public let status: FileStatus
        public let problems: [Problem]
        /// How the file was read: its text encoding, or the kind of workbook it is (`XLSX`).
        public let encoding: String?
    }

    /// The latest version of every path whose file was rejected or partly rejected.
    public func rejectedFiles() throws -> [FileVerdict] {
        try db.read { db in
            let files = try Row.fetchAll(db, sql: """
                SELECT f.id, f.path, f.status, f.encoding FROM inputFile f
                WHERE f.status <> ? AND NOT EXISTS (SELECT 1 FROM inputFile later WHERE later.path = f.path AND later.id > f.id)
                ORDER BY f.path
                """, arguments: [FileStatus.accepted.rawValue])
            return try files.compactMap { file in
                guard let status = FileStatus(rawValue: file["status"]) else { return nil }
                let problems = try ProblemRecord.fetchAll(db, sql: """
                    SELECT ? AS path, p.* FROM problem p WHERE p.fileId = ? ORDER BY p.id
                    """, arguments: [file["path"] as String, file["id"] as Int64]).compactMap(\.problem)
                return FileVerdict(path: file["path"], status: status, problems: problems, encoding: file["encoding"])
            }
        }
    }
}
