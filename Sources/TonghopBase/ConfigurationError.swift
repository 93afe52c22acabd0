/// A configuration problem in `templates/`: the run cannot start (exit code 4).
public struct ConfigurationError: Error, Sendable, CustomStringConvertible {
    public let file: String
    public let line: Int?
    public let message: String

    public init(file: String, line: Int? = nil, _ message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        "Lỗi cấu hình: \(file)" + (line.map { ", dòng \($0)" } ?? "") + ": \(message)"
    }
}
