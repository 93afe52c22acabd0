import TonghopBase
import TonghopCatalog
import TonghopIngest
import TonghopValidate
import TonghopStore
import TonghopAggregate
import TonghopRender

/// SplitMix64: a small, fast, fully deterministic generator, so that `tonghop sample` makes
/// the same files on every machine. Each unit gets its own stream, seeded from its code, so
/// adding a province does not change another province's figures.
package struct SampleRandom {
    private var state: UInt64

    package init(seed: UInt64) { state = seed }

    package init(_ key: String) {
        // FNV-1a of the key.
        var h: UInt64 = 0xcbf29ce484222325
        for b in key.utf8 {
            h ^= UInt64(b)
            h = h &* 0x100000001b3
        }
        state = h
    }

    package mutating func next() -> UInt64 {
        state &+= 0x9e3779b97f4a7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58476d1ce4e5b9
        z = (z ^ (z >> 27)) &* 0x94d049bb133111eb
        return z ^ (z >> 31)
    }

    /// A whole number in the range.
    package mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.upperBound - range.lowerBound + 1))
    }

    /// True with probability `p`.
    package mutating func chance(_ p: Double) -> Bool { Double(next() % 1_000_000) / 1_000_000 < p }

    /// A decimal with two digits in the range.
    package mutating func decimal(_ range: ClosedRange<Double>) -> Double {
        let r = Double(next() % 1_000_001) / 1_000_000
        return ((range.lowerBound + r * (range.upperBound - range.lowerBound)) * 100).rounded() / 100
    }
}
