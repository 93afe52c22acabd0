import Foundation
import Synchronization
import TonghopBase
import TonghopCatalog
import TonghopPipeline
import TonghopRender

/// Where the command line prints: the text itself is made by ``ConsoleText`` in the library.
enum Console {
    static func out(_ line: String) { print(line) }

    static func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// Prints a command's lines on standard output.
    static func out(_ lines: [String]) { for line in lines { print(line) } }

    // MARK: Progress

    /// Whether progress is shown: only to a person at a terminal, never in cron's logs.
    static var showsProgress: Bool { isatty(STDERR_FILENO) == 1 }

    /// A counter redrawn in place on stderr ("Đọc tệp 120/915"), at most ten times a second.
    final class Progress: Sendable {
        private let label: String
        /// When it was last drawn, and whether anything was.
        private let state = Mutex<(lastDrawn: Date, drawn: Bool)>((.distantPast, false))

        init(_ label: String) { self.label = label }

        func show(_ done: Int, _ total: Int) {
            state.withLock { state in
                let now = Date()
                guard done == total || now.timeIntervalSince(state.lastDrawn) >= 0.1 else { return }
                state = (now, true)
                FileHandle.standardError.write(Data("\r\(label) \(done)/\(total)".utf8))
            }
        }

        /// Ends the line, if anything was drawn.
        func end() {
            state.withLock { state in
                if state.drawn { FileHandle.standardError.write(Data("\n".utf8)) }
                state.drawn = false
            }
        }
    }
}
