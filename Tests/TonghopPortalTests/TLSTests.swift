import Foundation
import Logging
import NIOCore
import NIOSSL
import TonghopPipeline
import HummingbirdTesting
import XCTest
@testable import TonghopPortal
import TonghopTestSupport

/// Over TLS (`--tls-cert`, `--tls-key`), through a live server and a real HTTPS client: the
/// cookies are marked Secure.
final class TLSTests: XCTestCase {
    /// A self-signed certificate and its key, made by the openssl command.
    func certificate(in folder: URL) throws -> (String, String) {
        let cert = folder.appendingPathComponent("cert.pem").path, key = folder.appendingPathComponent("key.pem").path
        let openssl = Process()
        openssl.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        openssl.arguments = ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert,
                             "-days", "1", "-subj", "/CN=localhost"]
        openssl.standardError = FileHandle.nullDevice
        try openssl.run()
        openssl.waitUntilExit()
        XCTAssertEqual(openssl.terminationStatus, 0, "openssl made a test certificate")
        return (cert, key)
    }

    struct TLSArguments: PortalArguments {
        let workspace: Workspace
        let tlsCertificate: String?
        let tlsKey: String?
        var port: Int { 0 }
        var bcryptCost: UInt8 { 4 }
        var loginDelayUnit: Double { 0 }
        var refreshQuiet: Duration { .seconds(3600) }
        var today: Int? { Fixtures.today }
        var logLevel: Logger.Level { .critical }
    }

    func testCookiesAreSecureOverTLS() async throws {
        let home = try PortalFixture.home()
        defer { try? FileManager.default.removeItem(at: home) }
        let (cert, key) = try certificate(in: home)
        let app = try buildApplication(TLSArguments(workspace: PortalFixture.workspace(home), tlsCertificate: cert, tlsKey: key))
        // The live server, reached by HummingbirdTesting's own client over TLS (it follows no
        // redirect, so the sign-in's own Set-Cookie is seen).
        try await app.test(.live) { live in
            let port = try XCTUnwrap(live.port)
            var tls = TLSConfiguration.makeClientConfiguration()
            tls.certificateVerification = .none
            try await TestClient.withClient(host: "localhost", port: port, configuration: .init(tlsConfiguration: tls)) { client in
                let page = try await client.get("/")
                XCTAssertEqual(page.status, .ok)
                let visitor = try XCTUnwrap(page.headers[values: .setCookie].first)
                XCTAssertTrue(visitor.contains("Secure"), "under TLS the visitor's cookie is Secure: \(visitor)")
                let token = try XCTUnwrap(Browser.csrfToken(in: String(buffer: try XCTUnwrap(page.body))))
                let body = "csrf=\(token)&dang-nhap=tinh-35&mat-khau=\(PortalFixture.password)"
                let signedIn = try await client.post("/dang-nhap", headers: [.contentType: "application/x-www-form-urlencoded",
                                                                             .cookie: String(visitor.split(separator: ";")[0])],
                                                     body: ByteBuffer(string: body))
                XCTAssertEqual(signedIn.status, .seeOther)
                let session = try XCTUnwrap(signedIn.headers[values: .setCookie].first { $0.hasPrefix(SessionCookies.session + "=") })
                XCTAssertTrue(session.contains("Secure") && session.contains("HttpOnly") && session.contains("SameSite=Strict"),
                              "under TLS the session cookie is Secure, HttpOnly and SameSite=Strict: \(session)")
            }
        }
    }
}
