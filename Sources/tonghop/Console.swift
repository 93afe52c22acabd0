import Foundation
import TonghopCore

/// Everything the command line prints, in one place.
enum Console {
    static func out(_ line: String) { print(line) }

    static func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// The problems of one file, most serious first, at most `limit` of them.
    static func problems(of outcome: FileOutcome, lang: Language, limit: Int = 30) {
        let sorted = outcome.sortedProblems
        for p in sorted.prefix(limit) { out("    " + Messages.render(p, lang, withFile: false)) }
        if sorted.count > limit {
            out(lang == .vi ? "    ... và \(sorted.count - limit) vấn đề khác" : "    ... and \(sorted.count - limit) more")
        }
    }

    static func statusWord(_ s: FileStatus, _ lang: Language) -> String {
        switch (s, lang) {
        case (.accepted, .vi): return "nhận"
        case (.partial, .vi): return "nhận một phần"
        case (.rejected, .vi): return "TỪ CHỐI"
        case (.accepted, .en): return "accepted"
        case (.partial, .en): return "partly accepted"
        case (.rejected, .en): return "REJECTED"
        }
    }

    static func relative(_ url: URL) -> String {
        let cwd = FileManager.default.currentDirectoryPath + "/"
        return url.path.hasPrefix(cwd) ? String(url.path.dropFirst(cwd.count)) : url.path
    }
}
