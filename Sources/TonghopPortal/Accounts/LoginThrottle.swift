import Foundation

/// How repeated failed sign-ins are slowed, then refused for a while.
///
/// The failures counted are those of the last `window`: for a login, since its last success;
/// for an address, all of them, whatever the login (one machine guessing many accounts). Up to
/// `freeFailures` a wrong password is answered at once; each one after waits a second more
/// (at most `longestDelay`); at `loginLimit` failures of a login, or `addressLimit` from one
/// address, signing in is refused — even with the right password — until `window` after the
/// last failure. Refused attempts are not counted, so someone hammering a login cannot keep its
/// owner out for longer than that.
public struct LoginThrottle: Sendable, Equatable {
    public var window: TimeInterval = 15 * 60
    public var freeFailures = 2
    public var loginLimit = 5
    public var addressLimit = 20
    public var longestDelay = 4
    /// Seconds per step of delay: 1, or 0 in tests that do not wait.
    public var delayUnit: Double

    public init(delayUnit: Double = 1) { self.delayUnit = delayUnit }

    public enum Decision: Sendable, Equatable {
        /// Check the password, after waiting this many seconds.
        case allow(delay: Double)
        /// Refuse without checking, until then.
        case refuse(until: Date)
    }

    public func decide(loginFailures: Int, addressFailures: Int, lastFailure: Date?, now: Date) -> Decision {
        if loginFailures >= loginLimit || addressFailures >= addressLimit {
            let until = (lastFailure ?? now).addingTimeInterval(window)
            if until > now { return .refuse(until: until) }
        }
        let steps = min(max(loginFailures, addressFailures / 4) - freeFailures + 1, longestDelay)
        return .allow(delay: steps > 0 ? Double(steps) * delayUnit : 0)
    }
}
