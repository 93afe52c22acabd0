/// A set of slots of a ``FigureVector``, as bits: which figures of a total lack some of the
/// contributions they should hold (see ``FigureVector/add(_:catalog:incomplete:)``).
///
/// Nearly every total has none, so the empty set holds no storage at all.
public struct SlotSet: Sendable, Equatable {
    private var words: [UInt64] = []

    public init() {}

    public var isEmpty: Bool { words.allSatisfy { $0 == 0 } }

    public func contains(_ slot: Int) -> Bool {
        let w = slot >> 6
        return w < words.count && words[w] & (1 << UInt64(slot & 63)) != 0
    }

    public mutating func insert(_ slot: Int) {
        let w = slot >> 6
        if words.count <= w { words.append(contentsOf: repeatElement(0, count: w + 1 - words.count)) }
        words[w] |= 1 << UInt64(slot & 63)
    }

    public mutating func formUnion(_ other: SlotSet) {
        if other.words.isEmpty { return }
        if words.count < other.words.count { words.append(contentsOf: repeatElement(0, count: other.words.count - words.count)) }
        for i in other.words.indices { words[i] |= other.words[i] }
    }


    public static func == (a: SlotSet, b: SlotSet) -> Bool {
        let n = max(a.words.count, b.words.count)
        return (0..<n).allSatisfy { (i: Int) in (i < a.words.count ? a.words[i] : 0) == (i < b.words.count ? b.words[i] : 0) }
    }
}
