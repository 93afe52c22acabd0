import Foundation

/// Maps over an array on every core, keeping the order of the results.
enum ParallelMap {
    static func map<T: Sendable, R>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        let box = ResultBox<R>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { i in
            box.set(i, transform(items[i]))
        }
        return box.values.map { $0! }
    }

    /// As ``map(_:_:)`` for many small items: a task per slice of the items, not per item.
    static func chunked<T: Sendable, R>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        let size = Swift.max(1, items.count / 32)
        let slices = stride(from: 0, to: items.count, by: size).map { items[$0..<Swift.min(items.count, $0 + size)] }
        return map(slices) { slice in slice.map(transform) }.flatMap { $0 }
    }

    private final class ResultBox<R>: @unchecked Sendable {
        var values: [R?]
        let lock = NSLock()
        init(count: Int) { values = Array(repeating: nil, count: count) }
        func set(_ i: Int, _ v: R) {
            lock.lock()
            values[i] = v
            lock.unlock()
        }
    }
}
