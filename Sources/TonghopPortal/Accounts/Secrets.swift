import TonghopStore

/// Random tokens (session cookies, CSRF tokens, API tokens) and how they are kept.
enum Secrets {
    /// `bytes` random bytes from the system's generator (getrandom on Linux), as unpadded
    /// base64url: safe in a cookie, a form field and a header. 32 bytes is 256 bits.
    static func random(bytes: Int = 32) -> String {
        var generator = SystemRandomNumberGenerator()
        let raw = (0..<bytes).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return base64URL(raw)
    }

    /// What the store keeps of a random token: its SHA-256. A token has 256 bits of entropy,
    /// so a fast hash is enough (a password, which has far less, is kept by bcrypt).
    static func hash(_ token: String) -> String { SHA256.hex(Array(token.utf8)) }

    /// Compares two secrets in time that depends on their length only.
    static func equal(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for i in x.indices { difference |= x[i] ^ y[i] }
        return difference == 0
    }

    private static func base64URL(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            let n = min(3, bytes.count - i)
            let b0 = UInt32(bytes[i]), b1 = n > 1 ? UInt32(bytes[i + 1]) : 0, b2 = n > 2 ? UInt32(bytes[i + 2]) : 0
            let v = b0 << 16 | b1 << 8 | b2
            for k in 0...n { out.append(alphabet[Int((v >> UInt32(18 - 6 * k)) & 63)]) }
            i += 3
        }
        return String(decoding: out, as: UTF8.self)
    }
}
