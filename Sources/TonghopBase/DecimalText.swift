import Foundation

/// Numbers as machine files write them (the store's payloads, the long-layout exports, the
/// sample files, the run log): whole numbers without a decimal point, others with at most six
/// decimals and no trailing zeros, so that sums of decimals (9.56, not 9.559999999999999) read
/// as people typed them.
public enum DecimalText {
    /// A number as written in machine files: whole numbers without a decimal point, others
    /// with at most six decimals, so that sums of decimals (9.56, not 9.559999999999999) read
    /// as people typed them.
    public static func text(_ v: Double) -> String {
        var bytes: [UInt8] = []
        append(v, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// ``text(_:)`` appended as UTF-8: a stored payload is a million of these. Whole numbers
    /// (nearly all) and decimals below a billion are written digit by digit, which prints the
    /// same as `String(format: "%.6f")` with its trailing zeros dropped (below a billion a
    /// double is within 1.2e-7 of its six-decimal value, so both round to the same digits);
    /// larger decimals go through `String(format:)`.
    public static func append(_ v: Double, to bytes: inout [UInt8]) {
        let rounded = roundedToSixDecimals(v)
        if let whole = wholeNumber(rounded) {
            appendDigits(of: whole, to: &bytes)
            return
        }
        guard abs(rounded) < 1e9 else {
            var s = String(format: "%.6f", rounded)
            while s.hasSuffix("0") { s.removeLast() }
            bytes.append(contentsOf: s.utf8)
            return
        }
        var millionths = Int64((rounded * 1_000_000).rounded())
        if millionths < 0 {
            bytes.append(UInt8(ascii: "-"))
            millionths = -millionths
        }
        appendDigits(of: millionths / 1_000_000, to: &bytes)
        bytes.append(UInt8(ascii: "."))
        // Six decimals, their trailing zeros dropped (the fraction is not zero: not whole).
        var fraction = millionths % 1_000_000
        var width = 6
        while fraction % 10 == 0 {
            fraction /= 10
            width -= 1
        }
        let start = bytes.count
        for _ in 0..<width {
            bytes.append(UInt8(ascii: "0") + UInt8(fraction % 10))
            fraction /= 10
        }
        bytes[start...].reverse()
    }

    /// The decimal digits of a whole number, written in place (no string of its own).
    public static func appendDigits(of n: Int64, to bytes: inout [UInt8]) {
        if n < 0 { bytes.append(UInt8(ascii: "-")) }
        var m = n.magnitude
        let start = bytes.count
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(m % 10))
            m /= 10
        } while m > 0
        bytes[start...].reverse()
    }

    private static func roundedToSixDecimals(_ v: Double) -> Double { (v * 1_000_000).rounded() / 1_000_000 }

    /// The value as an integer when it is one and prints exactly as one.
    private static func wholeNumber(_ rounded: Double) -> Int64? {
        rounded.rounded() == rounded && abs(rounded) < 1e15 ? Int64(rounded) : nil
    }
}
