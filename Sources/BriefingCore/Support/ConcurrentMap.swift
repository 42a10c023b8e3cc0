import Foundation

/// Order-preserving parallel map over all cores, for the CPU-bound stages.
enum ConcurrentMap {
    static func map<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        guard items.count > 1 else { return items.map(transform) }
        let work = SharedWork<T, R>(items)
        DispatchQueue.concurrentPerform(iterations: min(ProcessInfo.processInfo.activeProcessorCount, items.count)) { _ in
            work.drain(transform)
        }
        return work.results()
    }

    /// The same on `threads` threads of its own, for work that mostly waits on the kernel
    /// (removing files): more threads than cores keep the file system busy, and Dispatch
    /// runs no more than cores at once.
    static func map<T: Sendable, R: Sendable>(_ items: [T], threads: Int, _ transform: @escaping @Sendable (T) -> R) -> [R] {
        guard items.count > 1 else { return items.map(transform) }
        let work = SharedWork<T, R>(items)
        let group = DispatchGroup()
        for _ in 0..<min(threads, items.count) {
            group.enter()
            Thread {
                work.drain(transform)
                group.leave()
            }.start()
        }
        group.wait()
        return work.results()
    }
}

/// Items that threads take one at a time, and their results in order.
private final class SharedWork<T: Sendable, R: Sendable>: Sendable {
    private let items: [T]
    private let slots: UnsafeResults<R>
    private let next = AtomicCounter()

    init(_ items: [T]) {
        self.items = items
        slots = UnsafeResults(count: items.count)
    }

    /// Transforms items until none is left.
    func drain(_ transform: (T) -> R) {
        while true {
            let index = next.increment()
            guard index < items.count else { return }
            slots.set(index, transform(items[index]))
        }
    }

    /// Every result, once every `drain` has returned.
    func results() -> [R] { slots.values() }
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
