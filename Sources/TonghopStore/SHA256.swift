import CLibCrypto
import TonghopBase
import TonghopCatalog

/// SHA-256 (FIPS 180-4) of a file's bytes: the content hash the store keeps for every input
/// version.
///
/// Computed by OpenSSL's libcrypto, which uses the processor's SHA instructions where it has
/// them: a national year is 39,000 files, and a portable implementation in Swift spent about a
/// tenth of the reading stage (docs/performance.md).
public enum SHA256 {
    /// The digest as 64 lower-case hexadecimal digits.
    public static func hex(_ bytes: [UInt8]) -> String {
        var digest = [UInt8](repeating: 0, count: Int(SHA256_DIGEST_LENGTH))
        bytes.withUnsafeBufferPointer { message in
            digest.withUnsafeMutableBufferPointer { out in
                // A non-null pointer even for the empty message, which has a digest too.
                withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 1) { empty in
                    _ = CLibCrypto.SHA256(message.baseAddress ?? UnsafePointer(empty.baseAddress!), message.count, out.baseAddress!)
                }
            }
        }
        let hexDigits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for b in digest {
            text.append(hexDigits[Int(b >> 4)])
            text.append(hexDigits[Int(b & 0x0f)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
