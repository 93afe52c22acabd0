import Foundation
import Hummingbird
import Logging
import HummingbirdTesting
import NIOCore
import XCTest
import TonghopBase
import TonghopStore
import TonghopPipeline
@testable import TonghopPortal
import TonghopTestSupport

/// A home for the portal's tests: the project's templates, sample reports of Hà Nam for the
/// first quarter of 2023 and 2024 and of Bắc Giang for 2024 (district tables), rolled up once
/// per test process into a store with workbooks, and accounts for each role and level. Each
/// test gets its own copy.
enum PortalFixture {
    /// The password of every test account.
    static let password = "mat-khau-thu"

    /// Login → (unit, role).
    static let accounts: [(login: String, unit: String, role: Role)] = [
        ("xa-13285", "13285", .dataEntry),        // Phường Quang Trung, Phủ Lý, Hà Nam
        ("xa-13285-th", "13285", .compiler),
        ("huyen-347", "347", .compiler),          // Thành phố Phủ Lý
        ("tinh-35", "35", .compiler),             // Hà Nam
        ("qt-35", "35", .administrator),
        ("tinh-24", "24", .compiler),             // Bắc Giang
        ("ca-35", "35-CA", .compiler),            // Công an tỉnh Hà Nam
        ("qt-vn", "VN", .administrator),
    ]

    static let sampleFolders = ["2024/35-ha-nam/2024-Q1", "2023/35-ha-nam/2023-Q1", "2024/24-bac-giang/2024-Q1"]

    /// Built once: reading and rolling up 250 sample files takes a few seconds in a debug build.
    private static let template: URL = {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("tonghop-portal-template-\(UUID().uuidString)")
        do {
            for folder in sampleFolders {
                let target = home.appendingPathComponent("inputs").appendingPathComponent(folder)
                try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try FileManager.default.copyItem(at: Fixtures.root.appendingPathComponent("inputs").appendingPathComponent(folder), to: target)
            }
            let pipeline = try ReportingPipeline(workspace: workspace(home), today: Fixtures.today)
            var request = RunRequest(kind: .rollup, command: "rollup (portal tests)")
            request.periods = [.quarter(2024, 1), .quarter(2023, 1)]
            _ = try pipeline.run(request)
            let accounts = Accounts(store: try Store(path: workspace(home).store.path), catalog: Fixtures.catalog, bcryptCost: 4)
            for a in PortalFixture.accounts { try accounts.add(login: a.login, unitCode: a.unit, role: a.role, password: password) }
        } catch {
            fatalError("portal test home: \(error)")
        }
        return home
    }()

    static func workspace(_ home: URL) -> Workspace { Workspace(home: home, templates: Fixtures.templates) }

    /// A fresh copy of the home.
    static func home() throws -> URL {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("tonghop-portal-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: template, to: home)
        return home
    }

    struct Arguments: PortalArguments {
        let workspace: Workspace
        var maxUploadBytes = 1024 * 1024
        var bcryptCost: UInt8 { 4 }
        var loginDelayUnit: Double { 0 }
        /// Workbooks are rewritten when a test asks (``ReportRefresher/flush()``), never behind its back.
        var refreshQuiet: Duration { .seconds(3600) }
        var today: Int? { Fixtures.today }
        var logLevel: Logger.Level { .critical }
        /// A test holding the run lock is answered at once.
        var lockWait: Double { 0 }
    }

    /// Runs `test` against the portal over a fresh home, through the router (no socket).
    static func test(maxUploadBytes: Int = 1024 * 1024, _ test: @escaping @Sendable (Client) async throws -> Void) async throws {
        let home = try home()
        defer { try? FileManager.default.removeItem(at: home) }
        var arguments = Arguments(workspace: workspace(home))
        arguments.maxUploadBytes = maxUploadBytes
        let app = try buildApplication(arguments)
        try await app.test(.router) { client in
            try await test(Client(client: client, home: home))
        }
    }

    /// The test client with the home it serves, and what tests do with it.
    struct Client: Sendable {
        let client: any TestClientProtocol
        let home: URL

        var workspace: Workspace { PortalFixture.workspace(home) }
        func store() throws -> Store { try Store(path: workspace.store.path) }

        /// A browser with no cookies yet.
        func browser() -> Browser { Browser(client: client) }

        /// A browser signed in as one of the test accounts.
        func signedIn(_ login: String) async throws -> Browser {
            let browser = Browser(client: client)
            let response = try await browser.signIn(login, password: PortalFixture.password)
            XCTAssertEqual(response.status, .seeOther, "signing in as \(login) is answered with a redirect to the home page")
            XCTAssertNotNil(browser.cookies[SessionCookies.session], "signing in as \(login) sets the session cookie")
            return browser
        }

        /// A new API token of a test account.
        func token(_ login: String) throws -> String {
            try Accounts(store: store(), catalog: Fixtures.catalog, bcryptCost: 4).newToken(login: login)
        }

        /// Sample reports added to the home (`inputs/` folders of the project) and rolled up
        /// into its store for `periods`, as cron's run would while the portal serves.
        func rollUp(_ folders: [String], periods: [Period]) throws {
            for folder in folders {
                let target = home.appendingPathComponent("inputs").appendingPathComponent(folder)
                try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try FileManager.default.copyItem(at: Fixtures.root.appendingPathComponent("inputs").appendingPathComponent(folder), to: target)
            }
            var request = RunRequest(kind: .rollup, command: "rollup (portal tests)")
            request.periods = periods
            _ = try ReportingPipeline(workspace: workspace, today: Fixtures.today).run(request)
        }

        func api(_ method: HTTPRequest.Method, _ uri: String, token: String?, body: Multipart? = nil) async throws -> TestResponse {
            var headers: HTTPFields = [:]
            if let token { headers[.authorization] = "Bearer \(token)" }
            if let body { headers[.contentType] = body.contentType }
            return try await client.execute(uri: uri, method: method, headers: headers, body: body?.buffer)
        }
    }
}

/// Cookies kept from one response to the next, and the CSRF token of the last page read.
final class Browser: @unchecked Sendable {
    // Unchecked: a test drives one browser from one task at a time.
    let client: any TestClientProtocol
    var cookies: [String: String] = [:]
    var csrf: String?

    init(client: any TestClientProtocol) { self.client = client }

    @discardableResult
    func get(_ uri: String) async throws -> TestResponse {
        try await send(uri, method: .get, headers: [:], body: nil)
    }

    /// A form post, with the token of the last page read unless the test gives another (or none).
    @discardableResult
    func post(_ uri: String, fields: [(String, String)], csrf token: String?? = .none) async throws -> TestResponse {
        var all = fields
        if let t = token ?? csrf { all.append(("csrf", t)) }
        let body = all.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        return try await send(uri, method: .post, headers: [.contentType: "application/x-www-form-urlencoded"], body: ByteBuffer(string: body))
    }

    /// A multipart post of files (field `tep`), with the page's token unless told otherwise.
    @discardableResult
    func upload(_ files: [(name: String, text: String)], to uri: String = "/gui-bao-cao", csrf token: String?? = .none) async throws -> TestResponse {
        var body = Multipart()
        if let t = token ?? csrf { body.field("csrf", t) }
        for f in files { body.file("tep", name: f.name, bytes: Array(f.text.utf8)) }
        return try await send(uri, method: .post, headers: [.contentType: body.contentType], body: body.buffer)
    }

    /// A multipart post as built by the test.
    @discardableResult
    func post(multipart body: Multipart, to uri: String = "/gui-bao-cao") async throws -> TestResponse {
        try await send(uri, method: .post, headers: [.contentType: body.contentType], body: body.buffer)
    }

    func signIn(_ login: String, password: String) async throws -> TestResponse {
        try await get("/")
        return try await post("/dang-nhap", fields: [("dang-nhap", login), ("mat-khau", password)])
    }

    private func send(_ uri: String, method: HTTPRequest.Method, headers: HTTPFields, body: ByteBuffer?) async throws -> TestResponse {
        var headers = headers
        if !cookies.isEmpty { headers[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "; ") }
        let response = try await client.execute(uri: uri, method: method, headers: headers, body: body)
        for header in response.headers[values: .setCookie] {
            let pair = header.split(separator: ";")[0].split(separator: "=", maxSplits: 1)
            let name = String(pair[0]), value = pair.count > 1 ? String(pair[1]) : ""
            if value.isEmpty || header.contains("Max-Age=0") { cookies[name] = nil } else { cookies[name] = value }
        }
        if let token = Self.csrfToken(in: response.text) { csrf = token }
        return response
    }

    static func csrfToken(in html: String) -> String? {
        guard let range = html.range(of: #"name="csrf" value=""#) else { return nil }
        let rest = html[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }.flatMap { $0.isEmpty ? nil : $0 }
    }

    static func encode(_ s: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return s.addingPercentEncoding(withAllowedCharacters: allowed) ?? s
    }
}

/// A multipart/form-data body.
struct Multipart: Sendable {
    let boundary = "tonghop-test-\(UUID().uuidString)"
    private(set) var bytes: [UInt8] = []

    var contentType: String { "multipart/form-data; boundary=\(boundary)" }
    var buffer: ByteBuffer { ByteBuffer(bytes: bytes + Array("--\(boundary)--\r\n".utf8)) }

    mutating func field(_ name: String, _ value: String) {
        bytes += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
    }

    mutating func file(_ field: String, name: String, bytes content: [UInt8]) {
        bytes += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(field)\"; filename=\"\(name)\"\r\nContent-Type: application/octet-stream\r\n\r\n".utf8)
        bytes += content + Array("\r\n".utf8)
    }

    static func file(_ name: String, _ text: String, field: String = "file") -> Multipart {
        var m = Multipart()
        m.file(field, name: name, bytes: Array(text.utf8))
        return m
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }

    /// The page's text as a reader sees it: tags dropped, the entities Mustache writes decoded.
    var visibleText: String {
        var out = "", inTag = false
        for c in text {
            if c == "<" { inTag = true } else if c == ">" { inTag = false } else if !inTag { out.append(c) }
        }
        for (entity, c) in [("&quot;", "\""), ("&#39;", "'"), ("&lt;", "<"), ("&gt;", ">"), ("&amp;", "&")] {
            out = out.replacingOccurrences(of: entity, with: c)
        }
        return out
    }

    func json() throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "a JSON object: \(text)")
    }
}

/// The sample form of Phường Quang Trung (13285) for 2024-Q1, with TT01 set to `tt01` (3 in
/// the sample): a good file, or a file with a mistake when `tt01` is not a number.
func quangTrungForm(tt01: String) throws -> String {
    let sample = try String(contentsOf: Fixtures.root.appendingPathComponent("inputs/2024/35-ha-nam/2024-Q1/xa/13285.csv"), encoding: .utf8)
    var replaced = false
    let lines = sample.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
        guard line.hasPrefix("TT01,") else { return String(line) }
        var cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        // TT01,"Số buổi tuyên truyền, tập huấn ...",,buổi,3, — the value is the second cell from the end.
        cells[cells.count - 2] = tt01
        replaced = true
        return cells.joined(separator: ",")
    }
    XCTAssertTrue(replaced, "the sample form has a TT01 line")
    return lines.joined(separator: "\n")
}
