import XCTest
@testable import TonghopPortal

/// Repeated failed sign-ins are slowed, then refused for a while.
final class LoginThrottleTests: XCTestCase {
    let throttle = LoginThrottle(delayUnit: 1)
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    func testTheFirstFailuresAreAnsweredAtOnceThenEachWaitsLonger() {
        let delays = (0..<5).map { n -> Double? in
            if case .allow(let d) = throttle.decide(loginFailures: n, addressFailures: n, lastFailure: now, now: now) { return d }
            return nil
        }
        XCTAssertEqual(delays, [0, 0, 1, 2, 3], "two free failures, then one second more per failure")
    }

    func testFiveFailuresOfALoginRefuseItForTheWindow() {
        let decision = throttle.decide(loginFailures: 5, addressFailures: 5, lastFailure: now, now: now)
        XCTAssertEqual(decision, .refuse(until: now.addingTimeInterval(15 * 60)))
        XCTAssertEqual(throttle.decide(loginFailures: 5, addressFailures: 5, lastFailure: now, now: now.addingTimeInterval(15 * 60 + 1)),
                       .allow(delay: 4), "after the window the login may try again (still slowed)")
    }

    func testOneAddressTryingManyLoginsIsRefusedToo() {
        let decision = throttle.decide(loginFailures: 0, addressFailures: 20, lastFailure: now, now: now)
        XCTAssertEqual(decision, .refuse(until: now.addingTimeInterval(15 * 60)))
    }

    func testRefusedEvenWithTheRightPasswordThroughThePage() async throws {
        try await PortalFixture.test { app in
            for _ in 0..<5 {
                let wrong = try await app.browser().signIn("tinh-35", password: "sai-mat-khau")
                XCTAssertEqual(wrong.status, .unauthorized)
            }
            let browser = app.browser()
            let right = try await browser.signIn("tinh-35", password: PortalFixture.password)
            XCTAssertEqual(right.status, .tooManyRequests, "after five failures the right password is refused for a while")
            XCTAssertTrue(right.text.contains("Đăng nhập sai quá nhiều lần"))
            XCTAssertNil(browser.cookies[SessionCookies.session])
            let other = try await app.browser().signIn("tinh-24", password: PortalFixture.password)
            XCTAssertEqual(other.status, .seeOther, "another login is not held by the first one's failures")
        }
    }
}
