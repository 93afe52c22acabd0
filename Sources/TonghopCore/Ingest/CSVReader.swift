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
    public static func parse(_ bytes: [UInt8], separator: UInt8) throws(CSVError) -> [CSVRecord] {
        var records: [CSVRecord] = []
        var fields: [String] = []
        var field: [UInt8] = []
        field.reserveCapacity(64)
        var line = 1
        var recordLine = 1
        var i = 0
        let n = bytes.count
        var inQuotes = false
        var quoteOpenedOn = 0
        var fieldWasQuoted = false
        var afterClosingQuote = false
        var strayQuote = false

        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            fieldWasQuoted = false
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
            case quote where field.allSatisfy({ $0 == UInt8(ascii: " ") }) && !fieldWasQuoted:
                // A quote opens a quoted field only at its start (leading spaces allowed).
                field.removeAll(keepingCapacity: true)
                inQuotes = true
                fieldWasQuoted = true
                quoteOpenedOn = line
            case separator:
                endField()
                afterClosingQuote = false
            case lf, cr:
                endField()
                records.append(CSVRecord(fields: fields, line: recordLine, hasStrayQuote: strayQuote))
                fields.removeAll(keepingCapacity: true)
                afterClosingQuote = false
                strayQuote = false
                if b == cr && i + 1 < n && bytes[i + 1] == lf { i += 1 }
                line += 1
                recordLine = line
            default:
                if afterClosingQuote && b != UInt8(ascii: " ") { strayQuote = true }
                field.append(b)
            }
            i += 1
        }
        if inQuotes { throw .unterminatedQuote(line: quoteOpenedOn) }
        if !field.isEmpty || !fields.isEmpty || fieldWasQuoted {
            endField()
            records.append(CSVRecord(fields: fields, line: recordLine, hasStrayQuote: strayQuote))
        }
        return records
    }
}
