import Foundation
import TonghopBase
import TonghopCatalog
import TonghopIngest
import TonghopValidate
import TonghopStore
import TonghopAggregate
import TonghopRender

/// The run log, `outputs/nhat-ky/tonghop.log` by default (`--log FILE`): lines appended, one
/// per event and one per file read, so that unattended runs leave a trace a person can grep.
///
///     2026-11-23T02:00:01Z run=12 start command="tonghop run --home /srv/tonghop"
///     2026-11-23T02:00:03Z run=12 file="2024/35-ha-nam/2024-Q1/xa/13285.csv" status=accepted layout=form encoding=UTF-8 reports=1 values=23 problems=0
///     2026-11-23T02:00:05Z run=12 end exit=2 read=915 accepted=914 partial=1 rejected=0 written=70 seconds=4.213
///
/// Keys are fixed English words so that scripts can rely on them. Each batch of lines is one
/// `write` to a file opened for appending, so two runs logging at once never mix their lines.
public struct RunLog: Sendable {
    public let file: URL

    public init(file: URL) { self.file = file }

    /// The default place: beside the run summaries under `outputs/`.
    public static func defaultFile(outputs: URL) -> URL {
        outputs.appendingPathComponent("nhat-ky").appendingPathComponent("tonghop.log")
    }

    /// Appends `events` (each `key=value ...`), stamped with `date`. Throws if the log cannot be written.
    public func append(_ events: [String], at date: Date = Date()) throws {
        guard !events.isEmpty else { return }
        let stamp = Array(Days.timestamp(date).utf8)
        // Straight into one buffer: a national run logs forty thousand lines, and a string per
        // line, then the text, then its bytes, would be held at once at the run's peak of memory.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(events.reduce(0) { $0 + $1.utf8.count + stamp.count + 2 })
        for event in events {
            bytes += stamp
            bytes.append(UInt8(ascii: " "))
            bytes += event.utf8
            bytes.append(UInt8(ascii: "\n"))
        }
        try OutputError.writing(file, stage: .summary) {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        }
        let fd = open(file.path, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        guard fd >= 0 else { throw RunLog.failure(file) }
        defer { close(fd) }
        guard write(fd, bytes, bytes.count) == bytes.count else { throw RunLog.failure(file) }
    }

    /// The line of one file read.
    public static func fileEvent(run: Int64, _ f: ReadFile) -> String {
        // Made on bytes rather than by interpolation: forty thousand lines a national run, made
        // while the workbooks are being written.
        var line: [UInt8] = []
        line.reserveCapacity(f.path.utf8.count + 112)
        func add(_ text: String) { line.append(contentsOf: text.utf8) }
        func add(_ number: Int) { DecimalText.appendDigits(of: Int64(number), to: &line) }
        add("run="); DecimalText.appendDigits(of: run, to: &line)
        add(" file="); add(quoted(f.path))
        add(" status="); add(f.status.rawValue)
        add(" layout="); add(f.layout?.rawValue ?? "-")
        add(" encoding="); add(f.encoding ?? "-")
        add(" reports="); add(f.reports)
        add(" values="); add(f.values)
        add(" problems="); add(f.problems.count)
        return String(decoding: line, as: UTF8.self)
    }

    /// A value that may hold spaces or quotes, in double quotes.
    public static func quoted(_ text: String) -> String {
        // Most paths need no escaping: one line per file read, tens of thousands a run.
        if !text.utf8.contains(where: { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n") }) {
            return "\"" + text + "\""
        }
        return "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: " ") + "\""
    }

    private static func failure(_ file: URL) -> OutputError {
        let number = errno
        return OutputError(stage: .summary, path: file.path, errorNumber: number, detail: String(cString: strerror(number)))
    }
}
