/// The text of a parsed CSV file, shared by its records: the file's bytes, the unquoted
/// bytes of its quoted fields, and where every field lies in one or the other.
///
/// A record's fields become `String`s only when asked for. A form line holds six fields and a
/// reader wants three or four of them: the indicator's name (the longest field, Vietnamese, and
/// often quoted) and the note are never needed, and turning every field of 40,000 files into a
/// `String` cost more than splitting them.
package final class CSVText: Sendable {
    /// Where one field lies: `start..<end` of ``source``, or of ``unquoted`` for a quoted field.
    package struct Span {
        package var start: Int32
        package var end: Int32
        package var quoted: Bool
    }

    package let source: [UInt8]
    package let unquoted: [UInt8]
    package let spans: [Span]

    package init(source: [UInt8], unquoted: [UInt8], spans: [Span]) {
        self.source = source
        self.unquoted = unquoted
        self.spans = spans
    }

    package func withBytes<R>(of span: Span, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        (span.quoted ? unquoted : source).withUnsafeBufferPointer { all in
            body(UnsafeBufferPointer(rebasing: all[Int(span.start)..<Int(span.end)]))
        }
    }

    package func string(_ span: Span) -> String { withBytes(of: span) { String(decoding: $0, as: UTF8.self) } }

    /// The field without leading and trailing blanks; decided on the bytes when it has none,
    /// as nearly every cell does.
    package func trimmedString(_ span: Span) -> String {
        withBytes(of: span) { b in
            let text = String(decoding: b, as: UTF8.self)
            return BlankBytes.atStart(b) || BlankBytes.atEnd(b) ? text.trimmingBlanks : text
        }
    }

    /// Whether the field is empty or holds only spaces and tabs.
    package func isBlank(_ span: Span) -> Bool {
        withBytes(of: span) { b in b.allSatisfy { $0 == 0x20 || $0 == 0x09 } }
    }

    /// Whether the field is empty or blanks only, as ``StringProtocol/trimmingBlanks`` sees them.
    package func isEmptyWhenTrimmed(_ span: Span) -> Bool {
        withBytes(of: span) { b in
            b.isEmpty || (BlankBytes.atStart(b) && String(decoding: b, as: UTF8.self).trimmingBlanks.isEmpty)
        }
    }
}

/// One record of a CSV file: its fields and the line it starts on (1-based).
public struct CSVRecord: Sendable {
    /// A record parsed from a file: its fields are ``CSVText/spans``[`spans`] of `text`.
    private var text: CSVText?
    private var spans: Range<Int> = 0..<0
    /// A record made from strings (a workbook's row, or one changed after parsing).
    private var strings: [String] = []
    public let line: Int
    /// Whether a quoted field of the record was followed by more text before the next
    /// separator (`"Châu "Cầu`): not CSV as spreadsheets write it, and the sign of a stray
    /// quote that swallowed separators and line breaks, so the record cannot be trusted.
    public var hasStrayQuote = false

    public init(fields: [String], line: Int, hasStrayQuote: Bool = false) {
        self.strings = fields
        self.line = line
        self.hasStrayQuote = hasStrayQuote
    }

    package init(text: CSVText, spans: Range<Int>, line: Int, hasStrayQuote: Bool) {
        self.text = text
        self.spans = spans
        self.line = line
        self.hasStrayQuote = hasStrayQuote
    }

    /// The parsed text the record's fields lie in; nil for a record made from strings.
    package var parsedText: CSVText? { text }

    /// Which of `text`'s ``CSVText/spans`` are the record's fields, if it was parsed from it:
    /// for readers that work on the bytes.
    package func spans(in text: CSVText) -> Range<Int>? { self.text === text ? spans : nil }

    /// Every field as a string; setting it replaces the record's fields.
    public var fields: [String] {
        get { text.map { t in spans.map { t.string(t.spans[$0]) } } ?? strings }
        set {
            strings = newValue
            text = nil
            spans = 0..<0
        }
    }

    /// How many fields the record has.
    public var count: Int { text == nil ? strings.count : spans.count }

    /// The field at a 0-based column, or "" past the end (Excel drops trailing empty cells).
    public subscript(column: Int) -> String {
        guard column < count else { return "" }
        guard let text else { return strings[column] }
        return text.string(text.spans[spans.lowerBound + column])
    }

    /// The field at a 0-based column without leading and trailing blanks, "" past the end.
    public func trimmed(_ column: Int) -> String {
        guard column < count else { return "" }
        guard let text else { return strings[column].trimmingBlanks }
        return text.trimmedString(text.spans[spans.lowerBound + column])
    }

    /// Whether the field at a 0-based column is empty once trimmed (or past the end).
    public func isEmpty(_ column: Int) -> Bool {
        guard column < count else { return true }
        guard let text else { return strings[column].trimmingBlanks.isEmpty }
        return text.isEmptyWhenTrimmed(text.spans[spans.lowerBound + column])
    }

    /// Whether every field is empty or blank: a line Excel left behind, or a separator line.
    public var isBlank: Bool {
        guard let text else { return strings.allSatisfy { $0.allSatisfy { $0 == " " || $0 == "\t" } } }
        return spans.allSatisfy { text.isBlank(text.spans[$0]) }
    }
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
    package static let quote = UInt8(ascii: "\""), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")

    /// The separator of the first non-blank line: whichever of comma, semicolon or tab
    /// occurs most often outside quotes (comma when none does).
    public static func detectSeparator(_ bytes: [UInt8]) -> UInt8 {
        // Counted in three variables, not a dictionary: every byte of the first line is looked at.
        var commas = 0, semicolons = 0, tabs = 0
        var inQuotes = false
        var sawContent = false
        scan: for b in bytes {
            if b == quote { inQuotes.toggle(); sawContent = true; continue }
            if inQuotes { continue }
            switch b {
            case lf, cr: if sawContent && commas + semicolons + tabs > 0 { break scan }
            case comma: commas += 1
            case semicolon: semicolons += 1
            case tab: tabs += 1
            case UInt8(ascii: " "): break
            default: sawContent = true
            }
        }
        // The most frequent, the first of the three on a tie (comma, semicolon, tab).
        if semicolons > commas && semicolons >= tabs { return semicolon }
        if tabs > commas && tabs > semicolons { return tab }
        return comma
    }

    /// Splits the bytes into records. Blank lines are returned as records too (callers skip
    /// them with ``CSVRecord/isBlank``) so that line numbers stay those of the file.
    ///
    /// Fields are recorded as ranges of the input; only a quoted field, whose doubled quotes
    /// must be undone, is copied byte by byte (see ``CSVText``).
    public static func parse(_ bytes: [UInt8], separator: UInt8) throws(CSVError) -> [CSVRecord] {
        // Where each record's fields lie in `spans`, its line and whether it has a stray quote;
        // the records are made once the text they share is complete.
        var ends: [(spans: Range<Int>, line: Int, strayQuote: Bool)] = []
        // All the state lives inside the closure: variables captured from outside it would be
        // checked for exclusive access on every byte.
        let parsed: Result<([CSVText.Span], [UInt8]), CSVError> = bytes.withUnsafeBufferPointer { bytes in
            var records: [(spans: Range<Int>, line: Int, strayQuote: Bool)] = []
            var spans: [CSVText.Span] = []
            spans.reserveCapacity(bytes.count / 8)
            var unquoted: [UInt8] = []
            var recordStart = 0
            var line = 1
            var recordLine = 1
            var inQuotes = false
            var quoteOpenedOn = 0
            var fieldWasQuoted = false
            var afterClosingQuote = false
            var strayQuote = false
            var fieldStart = 0
            var quotedStart = 0
            let n = bytes.count
            var i = 0
            func endField(at end: Int) {
                if fieldWasQuoted {
                    spans.append(CSVText.Span(start: Int32(quotedStart), end: Int32(unquoted.count), quoted: true))
                } else {
                    spans.append(CSVText.Span(start: Int32(fieldStart), end: Int32(end), quoted: false))
                }
                fieldWasQuoted = false
                fieldStart = end + 1
            }
            func endRecord() {
                records.append((recordStart..<spans.count, recordLine, strayQuote))
                recordStart = spans.count
            }
            while i < n {
                if inQuotes {
                    // The quoted text up to the next quote, copied at once; line breaks counted.
                    var j = i
                    while j < n {
                        let c = bytes[j]
                        if c == quote { break }
                        if c == lf || (c == cr && !(j + 1 < n && bytes[j + 1] == lf)) { line += 1 }
                        j += 1
                    }
                    unquoted.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<j]))
                    if j == n { break }
                    if j + 1 < n && bytes[j + 1] == quote {
                        unquoted.append(quote)
                        i = j + 2
                        continue
                    }
                    inQuotes = false
                    afterClosingQuote = true
                    i = j + 1
                    continue
                }
                if !fieldWasQuoted {
                    // An unquoted field is a range of the input: skip to the next byte that matters.
                    while i < n {
                        let c = bytes[i]
                        if c == separator || c == quote || c == lf || c == cr { break }
                        i += 1
                    }
                    if i == n { break }
                }
                let b = bytes[i]
                switch b {
                case quote where !fieldWasQuoted && bytes[fieldStart..<i].allSatisfy({ $0 == UInt8(ascii: " ") }):
                    // A quote opens a quoted field only at its start (leading spaces allowed).
                    inQuotes = true
                    fieldWasQuoted = true
                    quoteOpenedOn = line
                    quotedStart = unquoted.count
                case separator:
                    endField(at: i)
                    afterClosingQuote = false
                case lf, cr:
                    endField(at: i)
                    endRecord()
                    afterClosingQuote = false
                    strayQuote = false
                    if b == cr && i + 1 < n && bytes[i + 1] == lf { i += 1; fieldStart = i + 1 }
                    line += 1
                    recordLine = line
                default:
                    if fieldWasQuoted {
                        // Text after a closing quote stays in the field, but the record is suspect.
                        if afterClosingQuote && b != UInt8(ascii: " ") { strayQuote = true }
                        unquoted.append(b)
                    }
                }
                i += 1
            }
            if inQuotes { return .failure(.unterminatedQuote(line: quoteOpenedOn)) }
            if fieldStart < n || spans.count > recordStart || fieldWasQuoted {
                endField(at: n)
                endRecord()
            }
            ends = records
            return .success((spans, unquoted))
        }
        let (spans, unquoted) = try parsed.get()
        let text = CSVText(source: bytes, unquoted: unquoted, spans: spans)
        return ends.map { CSVRecord(text: text, spans: $0.spans, line: $0.line, hasStrayQuote: $0.strayQuote) }
    }
}
