import Foundation
import MultipartKit
import NIOCore

/// A form as posted: its text fields and its files, from `application/x-www-form-urlencoded`
/// or `multipart/form-data` (files). Read once per request, from a body already collected
/// within the size limit.
public struct SubmittedForm: Sendable {
    /// A file sent in a form field: its name as the sender's system called it, and its bytes.
    public struct File: Sendable {
        public let field: String
        public let fileName: String
        public let bytes: [UInt8]
    }

    public private(set) var fields: [String: [String]] = [:]
    public private(set) var files: [File] = []

    /// The first value of a text field.
    public subscript(_ name: String) -> String? { fields[name]?.first }

    /// Why a body could not be read as a form.
    struct Unreadable: Error {}

    /// More parts than any of tonghop's forms has reason to send (files of one upload included).
    static let partLimit = 200

    init(contentType: String?, body: ByteBuffer) throws {
        let type = contentType?.lowercased() ?? ""
        if type.hasPrefix("multipart/form-data") {
            guard let boundary = Self.parameter("boundary", in: contentType ?? ""), !boundary.isEmpty else { throw Unreadable() }
            try readMultipart(body, boundary: boundary)
        } else if type.hasPrefix("application/x-www-form-urlencoded") || type.isEmpty {
            readURLEncoded(String(buffer: body))
        } else {
            throw Unreadable()
        }
    }

    private mutating func readURLEncoded(_ text: String) {
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let kv = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ s: Substring) -> String { String(s).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? "" }
            fields[decode(kv[0]), default: []].append(kv.count > 1 ? decode(kv[1]) : "")
        }
    }

    private mutating func readMultipart(_ body: ByteBuffer, boundary: String) throws {
        // The parser calls back as it goes: each part's headers, then its body in pieces.
        final class Parts {
            var list: [(headers: [(String, String)], body: [UInt8])] = []
            var headers: [(String, String)] = []
            var body: [UInt8] = []
        }
        let parts = Parts()
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { name, value in parts.headers.append((name, value)) }
        parser.onBody = { buffer in parts.body += buffer.readBytes(length: buffer.readableBytes) ?? [] }
        parser.onPartComplete = {
            parts.list.append((parts.headers, parts.body))
            parts.headers = []
            parts.body = []
        }
        try parser.execute(body)
        guard parts.list.count <= Self.partLimit else { throw Unreadable() }
        for part in parts.list {
            guard let disposition = part.headers.first(where: { $0.0.lowercased() == "content-disposition" })?.1,
                  let name = Self.parameter("name", in: disposition) else { continue }
            if let fileName = Self.parameter("filename", in: disposition) {
                // An empty file input sends a part with no name and no bytes.
                if fileName.isEmpty && part.body.isEmpty { continue }
                files.append(File(field: name, fileName: fileName, bytes: part.body))
            } else {
                fields[name, default: []].append(String(decoding: part.body, as: UTF8.self))
            }
        }
    }

    /// A parameter of a header value (`form-data; name="tep"; filename="13285.csv"`), quoted or
    /// not, with `\"` inside quotes; `filename*=UTF-8''...` (RFC 5987) preferred when given.
    static func parameter(_ key: String, in header: String) -> String? {
        var found: [String: String] = [:]
        var rest = Substring(header)
        while let semicolon = rest.firstIndex(of: ";") {
            rest = rest[rest.index(after: semicolon)...].drop { $0 == " " || $0 == "\t" }
            guard let equals = rest.firstIndex(of: "=") else { break }
            let name = rest[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            rest = rest[rest.index(after: equals)...]
            var value = ""
            if rest.first == "\"" {
                rest = rest.dropFirst()
                var escaped = false
                while let c = rest.first {
                    rest = rest.dropFirst()
                    if escaped { value.append(c); escaped = false } else if c == "\\" { escaped = true } else if c == "\"" { break } else { value.append(c) }
                }
                rest = rest.drop { $0 != ";" }
            } else {
                let end = rest.firstIndex(of: ";") ?? rest.endIndex
                value = rest[..<end].trimmingCharacters(in: .whitespaces)
                rest = rest[end...]
            }
            found[name] = value
        }
        if let extended = found[key.lowercased() + "*"] {
            let pieces = extended.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
            if pieces.count == 3, pieces[0].lowercased() == "utf-8", let decoded = String(pieces[2]).removingPercentEncoding { return decoded }
        }
        return found[key.lowercased()]
    }
}
