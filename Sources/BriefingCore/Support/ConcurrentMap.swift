import Foundation

/// Order-preserving parallel map over all cores, for the CPU-bound stages.
enum ConcurrentMap {
    static func map<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        guard items.count > 1 else { return items.map(transform) }
        let results = UnsafeResults<R>(count: items.count)
        let workers = min(ProcessInfo.processInfo.activeProcessorCount, items.count)
        let next = AtomicCounter()
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                let index = next.increment()
                guard index < items.count else { break }
                results.set(index, transform(items[index]))
            }
        }
        return results.values()
    }
}

/// Slots written once each by different threads, read after all have finished.
private final class UnsafeResults<R>: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<R?>
    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }
    deinit {
        slots.deinitialize()
        slots.deallocate()
    }
    func set(_ index: Int, _ value: R) { slots[index] = value }
    func values() -> [R] {
        slots.map { value in
            guard let value else { preconditionFailure("every slot is written before values() is read") }
            return value
        }
    }
}

private final class AtomicCounter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()
    func increment() -> Int {
        lock.lock()
        defer { lock.unlock() }
        let current = value
        value += 1
        return current
    }
}

extension ConcurrentMap {
    /// `first` and `second` at once (each on a core when there are two).
    static func both<A: Sendable, B: Sendable>(_ first: @Sendable () -> A, _ second: @Sendable () -> B) -> (A, B) {
        let results = PairResults<A, B>()
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            if index == 0 { results.first = first() } else { results.second = second() }
        }
        guard let a = results.first, let b = results.second else { preconditionFailure("both halves run before concurrentPerform returns") }
        return (a, b)
    }
}

/// Two slots, each written by one thread, read after both have finished.
private final class PairResults<A, B>: @unchecked Sendable {
    var first: A?
    var second: B?
}
