import XCTest
import HummingbirdTesting
import TonghopBase
import TonghopStore
import TonghopPipeline
@testable import TonghopPortal
import TonghopTestSupport

/// `/api/v1`: every answer the API gives, with its status code and JSON.
final class APITests: XCTestCase {
    func testAGoodFileIsAnswered200Accepted() async throws {
        try await PortalFixture.test { app in
            let token = try app.token("xa-13285")
            let response = try await app.api(.post, "/api/v1/files", token: token, body: .file("13285.csv", try quangTrungForm(tt01: "99")))
            XCTAssertEqual(response.status, .ok)
            let json = try response.json()
            XCTAssertEqual(json["status"] as? String, "accepted")
            XCTAssertEqual(json["reports"] as? Int, 1)
            XCTAssertEqual(json["values"] as? Int, 22, "the sample form of 13285 holds 22 values")
            XCTAssertEqual(json["path"] as? String, "tai-len/13285/13285.csv", "the file's name is kept")
            let problems = try XCTUnwrap(json["problems"] as? [[String: Any]])
            XCTAssertEqual(problems.map { $0["code"] as? String }, ["supersedesEarlier"], "the only note: it replaces the sample's version")
        }
    }

    func testAFileWithMistakesIsAnswered200RejectedWithEachProblem() async throws {
        try await PortalFixture.test { app in
            let token = try app.token("xa-13285")
            let response = try await app.api(.post, "/api/v1/files", token: token, body: .file("13285.csv", try quangTrungForm(tt01: "ba")))
            XCTAssertEqual(response.status, .ok)
            let json = try response.json()
            XCTAssertEqual(json["status"] as? String, "rejected")
            XCTAssertEqual(json["reports"] as? Int, 0)
            let problem = try XCTUnwrap((json["problems"] as? [[String: Any]])?.first)
            XCTAssertEqual(problem["severity"] as? String, "error")
            XCTAssertEqual(problem["code"] as? String, "notANumber")
            XCTAssertEqual(problem["line"] as? Int, 27)
            XCTAssertEqual(problem["column"] as? Int, 5)
            XCTAssertTrue((problem["message"] as? String)?.contains("Tìm thấy: \"ba\"") ?? false, "the message is the slip's sentence")
        }
    }

    func testAPartlyBadTableIsAnsweredPartlyAccepted() async throws {
        try await PortalFixture.test { app in
            let token = try app.token("tinh-24")
            let sample = try String(contentsOf: Fixtures.root.appendingPathComponent("inputs/2024/24-bac-giang/2024-Q1/bang-xa-huyen-213.csv"), encoding: .utf8)
            var lines = sample.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            var cells = lines[2].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            cells[4] = "hai"
            lines[2] = cells.joined(separator: ",")
            let response = try await app.api(.post, "/api/v1/files", token: token, body: .file("bang-213.csv", lines.joined(separator: "\n")))
            let json = try response.json()
            XCTAssertEqual(json["status"] as? String, "partlyAccepted")
            XCTAssertEqual(json["reports"] as? Int, lines.filter { $0.hasPrefix("0") }.count - 1, "every commune's row but the bad one is stored")
        }
    }

    func testTheSameBytesAgainAreAnsweredAcceptedAndChangeNothing() async throws {
        try await PortalFixture.test { app in
            let token = try app.token("xa-13285")
            let file = try quangTrungForm(tt01: "42")
            _ = try await app.api(.post, "/api/v1/files", token: token, body: .file("13285.csv", file))
            let generation = try app.store().dataGeneration()
            let again = try await app.api(.post, "/api/v1/files", token: token, body: .file("13285-lan-2.csv", file))
            XCTAssertEqual(again.status, .ok)
            XCTAssertEqual(try again.json()["status"] as? String, "accepted")
            XCTAssertEqual(try again.json()["alreadyReceived"] as? Bool, true)
            XCTAssertEqual(try app.store().dataGeneration(), generation, "nothing was stored")
            XCTAssertFalse(FileManager.default.fileExists(atPath: app.workspace.inputs.appendingPathComponent("tai-len/13285/13285-lan-2.csv").path))
        }
    }

    func testAReportOutsideTheAccountIs403AndNothingIsKept() async throws {
        try await PortalFixture.test { app in
            let token = try app.token("huyen-347")
            let generation = try app.store().dataGeneration()
            let response = try await app.api(.post, "/api/v1/files", token: token, body: .file("13456.csv", Fixtures.communeForm(unit: "13456", rows: ["TT01,,,,3,"])))
            XCTAssertEqual(response.status, .forbidden)
            let json = try response.json()
            XCTAssertEqual(json["error"] as? String, "outsideScope")
            XCTAssertEqual(json["units"] as? [String], ["13456"])
            XCTAssertNotNil(json["reason"] as? String)
            XCTAssertEqual(try app.store().dataGeneration(), generation, "nothing stored")
            XCTAssertFalse(FileManager.default.fileExists(atPath: app.workspace.inputs.appendingPathComponent("tai-len").path), "nothing kept in inputs/")
        }
    }

    func testNoValidTokenIs401() async throws {
        try await PortalFixture.test { app in
            let body = Multipart.file("13285.csv", try quangTrungForm(tt01: "9"))
            for token in [nil, "tonghop_khong-phai-ma-that"] as [String?] {
                let response = try await app.api(.post, "/api/v1/files", token: token, body: body)
                XCTAssertEqual(response.status, .unauthorized, "token \(token ?? "none")")
                XCTAssertEqual(response.headers[.wwwAuthenticate], "Bearer realm=\"tonghop\"")
                XCTAssertEqual(try response.json()["error"] as? String, "unauthorized")
            }
            let token = try app.token("xa-13285")
            try Accounts(store: app.store(), catalog: Fixtures.catalog, bcryptCost: 4).disable(login: "xa-13285")
            let response18 = try await app.api(.get, "/api/v1/status?period=2024-Q1", token: token)
            XCTAssertEqual(response18.status, .unauthorized,
                           "a disabled account's token is refused")
        }
    }

    func testOverTheLimitIs413() async throws {
        try await PortalFixture.test(maxUploadBytes: 4096) { app in
            let token = try app.token("xa-13285")
            let response = try await app.api(.post, "/api/v1/files", token: token, body: .file("lon.csv", String(repeating: "1,", count: 4096)))
            XCTAssertEqual(response.status, .contentTooLarge)
            XCTAssertEqual(try response.json()["error"] as? String, "tooLarge")
        }
    }

    func testWhileAnotherRunHoldsTheLockItIs503AndNothingIsKept() async throws {
        try await PortalFixture.test { app in
            let token = try app.token("xa-13285")
            // Cron's run, as far as the store's lock goes.
            let lock = try XCTUnwrap(RunLock(beside: app.workspace.store, wait: 0))
            let response = try await app.api(.post, "/api/v1/files", token: token, body: .file("13285.csv", try quangTrungForm(tt01: "9")))
            withExtendedLifetime(lock) {}
            XCTAssertEqual(response.status, .serviceUnavailable)
            XCTAssertEqual(try response.json()["error"] as? String, "busy")
            XCTAssertFalse(FileManager.default.fileExists(atPath: app.workspace.inputs.appendingPathComponent("tai-len").path), "nothing kept")
        }
    }

    func testAPostWithoutAFileIs400() async throws {
        try await PortalFixture.test { app in
            let token = try app.token("xa-13285")
            var body = Multipart()
            body.field("ghi_chu", "không có tệp")
            let response = try await app.api(.post, "/api/v1/files", token: token, body: body)
            XCTAssertEqual(response.status, .badRequest)
            XCTAssertEqual(try response.json()["error"] as? String, "badRequest")
        }
    }

    func testTheExportIsTheLongLayoutWithTheNewFigure() async throws {
        try await PortalFixture.test { app in
            let clerk = try app.token("xa-13285")
            _ = try await app.api(.post, "/api/v1/files", token: clerk, body: .file("13285.csv", try quangTrungForm(tt01: "99")))
            let response = try await app.api(.get, "/api/v1/export?period=2024-Q1&scope=347", token: try app.token("huyen-347"))
            XCTAssertEqual(response.status, .ok)
            XCTAssertEqual(response.headers[.contentType], "text/csv; charset=utf-8")
            let lines = response.text.split(separator: "\n").map(String.init)
            XCTAssertEqual(lines.first, "ma_don_vi,ky_bao_cao,ma_chi_tieu,phan_to,gia_tri", "tonghop's long layout")
            XCTAssertTrue(lines.contains("13285,2024-Q1,TT01,,99"), "the commune's figure just sent is in its district's export")
        }
    }

    func testStatusIsJSONOfTheScope() async throws {
        try await PortalFixture.test { app in
            let response = try await app.api(.get, "/api/v1/status?period=2024-Q1&scope=35", token: try app.token("tinh-35"))
            XCTAssertEqual(response.status, .ok)
            let json = try response.json()
            XCTAssertEqual(json["period"] as? String, "2024-Q1")
            XCTAssertEqual((json["scope"] as? [String: Any])?["code"] as? String, "35")
            // The sample holds one file per expected reporter of Hà Nam for the quarter.
            let files = try FileManager.default.subpathsOfDirectory(atPath: Fixtures.root.appendingPathComponent("inputs/2024/35-ha-nam/2024-Q1").path)
                .filter { $0.hasSuffix(".csv") }
            XCTAssertEqual(json["expected"] as? Int, files.count, "every commune, district and expected department of Hà Nam")
            XCTAssertEqual(json["complete"] as? Int, files.count)
            XCTAssertEqual(json["missing"] as? Int, 0)
            let rows = try XCTUnwrap(json["rows"] as? [[String: Any]])
            XCTAssertTrue(rows.contains { ($0["unit"] as? [String: Any])?["code"] as? String == "347" }, "one row per district")
        }
    }

    func testDataEntryAccountsOnlySend() async throws {
        try await PortalFixture.test { app in
            let token = try app.token("xa-13285")
            for path in ["/api/v1/export?period=2024-Q1", "/api/v1/status?period=2024-Q1"] {
                let response = try await app.api(.get, path, token: token)
                XCTAssertEqual(response.status, .forbidden, "\(path): nhap-lieu may not")
                XCTAssertEqual(try response.json()["error"] as? String, "role")
            }
        }
    }

    func testAMissingOrUnreadablePeriodIs400() async throws {
        try await PortalFixture.test { app in
            let token = try app.token("tinh-35")
            let response19 = try await app.api(.get, "/api/v1/status", token: token)
            XCTAssertEqual(response19.status, .badRequest)
            let response20 = try await app.api(.get, "/api/v1/export?period=Quy-muoi", token: token)
            XCTAssertEqual(response20.status, .badRequest)
        }
    }
}
