import XCTest
import NIOCore
@testable import TonghopPortal

/// Forms as browsers and scripts post them.
final class SubmittedFormTests: XCTestCase {
    func testURLEncodedFields() throws {
        let form = try SubmittedForm(contentType: "application/x-www-form-urlencoded", body: ByteBuffer(string: "dang-nhap=xa-13285&mat-khau=m%E1%BB%99t+hai&csrf=abc"))
        XCTAssertEqual(form["dang-nhap"], "xa-13285")
        XCTAssertEqual(form["mat-khau"], "một hai", "percent-encoded UTF-8 and + for a space")
    }

    func testMultipartFilesKeepTheirNamesAndBytes() throws {
        let body = "--b\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\nabc\r\n"
            + "--b\r\nContent-Disposition: form-data; name=\"tep\"; filename=\"Quý I.csv\"\r\nContent-Type: text/csv\r\n\r\nA,B\r\n1,2\r\n\r\n"
            + "--b\r\nContent-Disposition: form-data; name=\"tep\"; filename=\"x.csv\"; filename*=UTF-8''b%C3%A1o%20c%C3%A1o.csv\r\n\r\nC\r\n"
            + "--b\r\nContent-Disposition: form-data; name=\"tep\"; filename=\"\"\r\n\r\n\r\n--b--\r\n"
        let form = try SubmittedForm(contentType: "multipart/form-data; boundary=b", body: ByteBuffer(string: body))
        XCTAssertEqual(form["csrf"], "abc")
        XCTAssertEqual(form.files.map(\.fileName), ["Quý I.csv", "báo cáo.csv"], "a name in UTF-8, and RFC 5987's filename* preferred; an empty file input skipped")
        XCTAssertEqual(form.files.first.map { String(decoding: $0.bytes, as: UTF8.self) }, "A,B\r\n1,2\r\n", "the bytes as sent, line ends included")
    }

    func testAQuotedParameterMayHoldSemicolonsAndQuotes() {
        XCTAssertEqual(SubmittedForm.parameter("filename", in: #"form-data; name="tep"; filename="a;b \"c\".csv""#), #"a;b "c".csv"#)
        XCTAssertEqual(SubmittedForm.parameter("boundary", in: "multipart/form-data; boundary=----WebKit123"), "----WebKit123")
    }

    func testABodyOfAnotherKindIsNoForm() {
        XCTAssertThrowsError(try SubmittedForm(contentType: "application/json", body: ByteBuffer(string: "{}")))
    }
}
