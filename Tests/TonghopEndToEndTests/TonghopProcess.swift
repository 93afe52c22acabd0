import Foundation
import XCTest

/// Runs the built `tonghop` binary, as a user or cron would.
enum TonghopProcess {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let templates = root.appendingPathComponent("templates")

    static var binary: URL {
        for configuration in ["debug", "release"] {
            let url = root.appendingPathComponent(".build/\(configuration)/tonghop")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return root.appendingPathComponent(".build/debug/tonghop")
    }

    struct Result {
        var status: Int32
        var output: String
        var error: String
    }

    @discardableResult
    static func run(_ arguments: [String], in directory: URL? = nil) throws -> Result {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        var environment = ProcessInfo.processInfo.environment
        environment["TONGHOP_TODAY"] = "2026-11-23"
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: String(decoding: outData, as: UTF8.self),
                      error: String(decoding: errData, as: UTF8.self))
    }

    /// A fresh home folder with the project's templates and the given input files.
    static func home(inputs: [String: String]) throws -> URL {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("tonghop-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home.appendingPathComponent("inputs"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: home.appendingPathComponent("templates"), withDestinationURL: templates)
        for (path, text) in inputs { try write(text, to: home.appendingPathComponent("inputs/\(path)")) }
        return home
    }

    static func write(_ text: String, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }
}
