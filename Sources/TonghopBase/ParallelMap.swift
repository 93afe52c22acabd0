import Foundation
import Synchronization

/// Maps over an array on every core, keeping the order of the results.
package enum ParallelMap {
    package static func map<T: Sendable, R>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        if items.isEmpty { return [] }
        // Each result is put straight into its place in the array: no optional per result to
        // unwrap and copy afterwards (a national batch is forty thousand files read).
        return Array(unsafeUninitializedCapacity: items.count) { buffer, initialized in
            let slots = Slots(base: buffer.baseAddress!)
            DispatchQueue.concurrentPerform(iterations: items.count) { i in
                (slots.base + i).initialize(to: transform(items[i]))
            }
            initialized = items.count
        }
    }

    /// As ``map(_:_:)`` for many small items: a task per slice of the items, not per item.
    package static func chunked<T: Sendable, R>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        let size = Swift.max(1, items.count / 32)
        let slices = stride(from: 0, to: items.count, by: size).map { items[$0..<Swift.min(items.count, $0 + size)] }
        return map(slices) { slice in slice.map(transform) }.flatMap { $0 }
    }

    /// The results' places: each task writes only its own, and all are written before
    /// `concurrentPerform` returns. Unchecked because a pointer is not Sendable, however it is used.
    private struct Slots<R>: @unchecked Sendable {
        let base: UnsafeMutablePointer<R>
    }
}

extension Array {
    /// Empties the array into a new one in reverse order, each element moved rather than
    /// copied (taken from the end, put at the end). `reverse()` copies (retains) the elements
    /// it swaps, which for tens of thousands of files read is time on the one busy core.
    package mutating func removeAllReversed() -> [Element] {
        var reversed: [Element] = []
        reversed.reserveCapacity(count)
        while let element = popLast() { reversed.append(element) }
        self = []
        return reversed
    }
}

/// Work started on another thread while this one goes on, its result waited for where it is
/// needed: the cross-report checks run while SQLite, on one core, stores the batch.
package final class BackgroundWork<Value: Sendable>: Sendable {
    /// Signalled once the work is done, and again by every caller that waited: a latch.
    private let finished = DispatchSemaphore(value: 0)
    private let value = Mutex<Value?>(nil)

    package init(_ work: @escaping @Sendable () -> Value) {
        DispatchQueue.global().async {
            let result = work()
            self.value.withLock { $0 = result }
            self.finished.signal()
        }
    }

    /// The result, waiting for the work to finish if it has not yet.
    package func result() -> Value {
        finished.wait()
        finished.signal()
        return value.withLock { $0! }
    }
}

extension BackgroundWork where Value == Void {
    /// Empties `items` here and frees what they held on another thread: a national batch's
    /// reports are a million values, each released one by one, while this thread goes on.
    package static func release<T>(_ items: inout [T]) {
        let held = HeldForRelease(items)
        items = []
        DispatchQueue.global(qos: .utility).async { held.items = [] }
    }

    /// Frees what `value` holds on another thread, once the caller's last reference to it
    /// goes (almost always before the other thread gets to it): a rollup of a national year
    /// is ten thousand units' figures and totals.
    package static func release<T>(_ value: T) {
        var items = [value]
        release(&items)
    }
}

/// An array on its way to be freed by ``BackgroundWork/release(_:)``. Unchecked because its
/// elements need not be Sendable: the caller has let go of them, and the other thread only
/// empties the array.
private final class HeldForRelease<T>: @unchecked Sendable {
    var items: [T]
    init(_ items: [T]) { self.items = items }
}
