/// One record of a CSV file: its fields and the line it starts on (1-based).
public struct CSVRecord: Sendable {
    public var fields: [String]
    public let line: Int
    /// Whether a quoted field of the record was followed by more text before the next
    /// separator (`"Châu "Cầu`): not CSV as spreadsheets write it, and the sign of a stray
    /// quote that swallowed separators and line breaks, so the record cannot be trusted.
    public var hasStrayQuote = false

    /// The field at a 0-based column, or "" past the end (Excel drops trailing empty cells).
    public subscript(column: Int) -> String { column < fields.count ? fields[column] : "" }

    /// Whether every field is empty or blank: a line Excel left behind, or a separator line.
    public var isBlank: Bool { fields.allSatisfy { $0.allSatisfy { $0 == " " || $0 == "\t" } } }
}

public enum CSVError: Error, Equatable, Sendable {
    /// A quoted field that never closes; the line it opened on.
    case unterminatedQuote(line: Int)
}

/// A byte-level CSV reader (RFC 4180 plus what spreadsheets write): quoted fields with
/// embedded separators, doubled quotes and line breaks; LF, CRLF or CR line ends.
///
/// It works on the raw bytes of already-decoded UTF-8 text and only splits on ASCII bytes,
/// which never occur inside a multi-byte UTF-8 sequence; that keeps it an order of magnitude
/// faster than splitting Swift `String`s.
///
/// Complexity: O(n) in the number of bytes.
public enum CSVReader {
    public static let comma = UInt8(ascii: ","), semicolon = UInt8(ascii: ";"), tab = UInt8(ascii: "\t")
    static let quote = UInt8(ascii: "\""), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")

    /// The separator of the first non-blank line: whichever of comma, semicolon or tab
    /// occurs most often outside quotes (comma when none does).
    public static func detectSeparator(_ bytes: [UInt8]) -> UInt8 {
        var counts: [UInt8: Int] = [comma: 0, semicolon: 0, tab: 0]
        var inQuotes = false
        var sawContent = false
        for b in bytes {
            if b == quote { inQuotes.toggle(); sawContent = true; continue }
            if inQuotes { continue }
            if b == lf || b == cr {
                if sawContent && counts.values.contains(where: { $0 > 0 }) { break }
                continue
            }
            if counts[b] != nil { counts[b]! += 1 } else if b != UInt8(ascii: " ") { sawContent = true }
        }
        let best = [comma, semicolon, tab].max { counts[$0]! < counts[$1]! }!
        return counts[best]! > 0 ? best : comma
    }

    /// Splits the bytes into records. Blank lines are returned as records too (callers skip
    /// them with ``CSVRecord/isBlank``) so that line numbers stay those of the file.
    ///
    /// A plain field becomes a `String` straight from its range of the input; only a quoted
    /// field, whose doubled quotes must be undone, is copied byte by byte.
    public static func parse(_ bytes: [UInt8], separator: UInt8) throws(CSVError) -> [CSVRecord] {
        // All the state lives inside the closure: variables captured from outside it would be
        // checked for exclusive access on every byte.
        let parsed: Result<[CSVRecord], CSVError> = bytes.withUnsafeBufferPointer { bytes in
            var records: [CSVRecord] = []
            var fields: [String] = []
            var field: [UInt8] = []
            var line = 1
            var recordLine = 1
            var inQuotes = false
            var quoteOpenedOn = 0
            var fieldWasQuoted = false
            var afterClosingQuote = false
            var strayQuote = false
            var fieldStart = 0
            let n = bytes.count
            var i = 0
            func endField(at end: Int) {
                if fieldWasQuoted {
                    fields.append(String(decoding: field, as: UTF8.self))
                    field.removeAll(keepingCapacity: true)
                } else {
                    fields.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[fieldStart..<end]), as: UTF8.self))
                }
                fieldWasQuoted = false
                fieldStart = end + 1
            }
            while i < n {
                let b = bytes[i]
                if inQuotes {
                    if b == quote {
                        if i + 1 < n && bytes[i + 1] == quote {
                            field.append(quote)
                            i += 2
                            continue
                        }
                        inQuotes = false
                        afterClosingQuote = true
                    } else {
                        if b == lf || (b == cr && !(i + 1 < n && bytes[i + 1] == lf)) { line += 1 }
                        field.append(b)
                    }
                    i += 1
                    continue
                }
                switch b {
                case quote where !fieldWasQuoted && bytes[fieldStart..<i].allSatisfy({ $0 == UInt8(ascii: " ") }):
                    // A quote opens a quoted field only at its start (leading spaces allowed).
                    inQuotes = true
                    fieldWasQuoted = true
                    quoteOpenedOn = line
                case separator:
                    endField(at: i)
                    afterClosingQuote = false
                case lf, cr:
                    endField(at: i)
                    records.append(CSVRecord(fields: fields, line: recordLine, hasStrayQuote: strayQuote))
                    fields.removeAll(keepingCapacity: true)
                    afterClosingQuote = false
                    strayQuote = false
                    if b == cr && i + 1 < n && bytes[i + 1] == lf { i += 1; fieldStart = i + 1 }
                    line += 1
                    recordLine = line
                default:
                    if fieldWasQuoted {
                        // Text after a closing quote stays in the field, but the record is suspect.
                        if afterClosingQuote && b != UInt8(ascii: " ") { strayQuote = true }
                        field.append(b)
                    }
                }
                i += 1
            }
            if inQuotes { return .failure(.unterminatedQuote(line: quoteOpenedOn)) }
            if fieldStart < n || !fields.isEmpty || fieldWasQuoted {
                endField(at: n)
                records.append(CSVRecord(fields: fields, line: recordLine, hasStrayQuote: strayQuote))
            }
            return .success(records)
        }
        return try parsed.get()
    }
}
