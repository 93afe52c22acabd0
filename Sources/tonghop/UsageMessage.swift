import ArgumentParser
import Foundation

/// swift-argument-parser words its usage errors in English; an officer who mistypes `--period`
/// reads Vietnamese everywhere else. Its few sentence shapes are put into Vietnamese here, line
/// by line; a line of another shape (a later version's) is left as it is. `--lang en` keeps
/// the library's own words.
enum UsageMessage {
    /// (pattern, template): `$1`, `$2` are the pattern's groups.
    private static let sentences: [(NSRegularExpression, String)] = [
        (#"^Error: The value '(.*)' is invalid for '(.*)'\. Please provide one of (.*)\.$"#, "Lỗi: giá trị '$1' không dùng được cho $2; cần một trong $3."),
        (#"^Error: The value '(.*)' is invalid for '(.*)'$"#, "Lỗi: giá trị '$1' không dùng được cho $2."),
        (#"^Error: Missing expected argument '(.*)'$"#, "Lỗi: thiếu $1."),
        (#"^Error: Missing value for '(.*)'$"#, "Lỗi: thiếu giá trị sau $1."),
        (#"^Error: Unknown option '(.*)'\. Did you mean '(.*)'\?$"#, "Lỗi: không có tùy chọn $1; có phải là $2?"),
        (#"^Error: Unknown option '(.*)'$"#, "Lỗi: không có tùy chọn $1."),
        (#"^Error: Unexpected arguments? (.*)$"#, "Lỗi: thừa $1 (không có lệnh hay tùy chọn nào như vậy)."),
        (#"^Error: (.*)$"#, "Lỗi: $1"),
        (#"^Help:  (.*)$"#, "Giải thích:  $1"),
        (#"^Usage: (.*)$"#, "Cách dùng: $1"),
        (#"^  See '(.*)' for more information\.$"#, "  Xem '$1' để biết thêm."),
    ].map { (try! NSRegularExpression(pattern: $0.0), $0.1) }

    static func vietnamese(_ message: String) -> String {
        message.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            let text = String(line), range = NSRange(text.startIndex..., in: text)
            for (pattern, template) in sentences where pattern.firstMatch(in: text, range: range) != nil {
                let replaced = pattern.stringByReplacingMatches(in: text, range: range, withTemplate: template)
                return replaced.replacingOccurrences(of: "' or '", with: "' hoặc '")
            }
            return text
        }.joined(separator: "\n")
    }
}

extension Tonghop {
    /// The library's `main`, with usage errors in Vietnamese unless `--lang en` was asked for.
    /// Async, as the root command is: `serve` runs in Swift concurrency, the others as they are.
    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        do {
            var command = try parseAsRoot(arguments)
            if var asynchronous = command as? AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
        } catch {
            let english = zip(arguments, arguments.dropFirst()).contains { $0 == "--lang" && $1 == "en" } || arguments.contains("--lang=en")
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            guard !english, code != .success, !message.isEmpty else { exit(withError: error) }
            FileHandle.standardError.write(Data((UsageMessage.vietnamese(message) + "\n").utf8))
            Foundation.exit(code.rawValue)
        }
    }
}
