import Foundation

/// Starting `tonghop` without waiting for it: to run two at once, or to kill one half-way.
extension TonghopProcess {
    /// A started process whose output goes to files (pipes would fill up unread).
    struct Background {
        let process: Process
        let output: URL
        let error: URL

        /// Waits for the end; the exit status, or the signal that ended it.
        func wait() -> Result {
            process.waitUntilExit()
            return Result(status: process.terminationStatus,
                          output: (try? String(contentsOf: output, encoding: .utf8)) ?? "",
                          error: (try? String(contentsOf: error, encoding: .utf8)) ?? "")
        }

        /// `kill -9`: no chance to clean up, as a power cut or the OOM killer would do.
        func kill() {
            _ = Foundation.kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    static func start(_ arguments: [String]) throws -> Background {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["TONGHOP_TODAY"] = "2026-11-23"
        process.environment = environment
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tonghop-output-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let output = folder.appendingPathComponent("stdout"), error = folder.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        _ = FileManager.default.createFile(atPath: error.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = try FileHandle(forWritingTo: error)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return Background(process: process, output: output, error: error)
    }
}
