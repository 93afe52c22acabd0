import Hummingbird
import NIOCore
import TonghopStore

/// The context of every request: the connection's address, and once a middleware has found
/// them, the account (by its session cookie or its API token) and the session's CSRF token.
public struct PortalContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The address of the connection's other end (nil in tests without a socket).
    public let peer: String?
    /// The client's address as the audit log records it: the peer, or behind a trusted proxy
    /// the address it says it forwarded for (see ``ClientAddressMiddleware``).
    public var address: String
    /// Whether the client reached the server over HTTPS (TLS here, or at a trusted proxy):
    /// cookies are then marked Secure.
    public var isHTTPS = false
    /// The form posted with the request, read once by ``CSRFMiddleware``.
    public var form: SubmittedForm?
    /// The signed-in account; nil for a visitor.
    public var account: Store.Account?
    /// The CSRF token every form of the session carries.
    public var csrfToken: String?
    /// The SHA-256 of the session cookie, to end the session on signing out.
    public var sessionHash: String?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        peer = source.channel.remoteAddress?.ipAddress
        address = peer ?? "-"
        account = nil
        csrfToken = nil
        sessionHash = nil
    }
}
