import Foundation

/// CPU time spent rendering each kind of page (its context and its template), summed over
/// the threads that rendered them: what `briefing build --timings` lists under `render`,
/// so that a slow theme or page kind shows.
public final class RenderProfile: @unchecked Sendable {
    /// One kind of page: how many were rendered, and their CPU seconds.
    public struct Entry: Sendable {
        public var kind: String
        public var pages: Int
        public var cpuSeconds: Double
    }

    private var totals: [String: (pages: Int, nanoseconds: UInt64)] = [:]
    private let lock = NSLock()

    /// Runs `render`, adding its thread's CPU time to `kind`.
    func measure<Result>(_ kind: String, _ render: () -> Result) -> Result {
        let start = Self.threadCPUNanoseconds()
        let result = render()
        let spent = Self.threadCPUNanoseconds() - start
        lock.lock()
        let total = totals[kind] ?? (0, 0)
        totals[kind] = (total.pages + 1, total.nanoseconds + spent)
        lock.unlock()
        return result
    }

    /// The kinds rendered, the costliest first.
    public var entries: [Entry] {
        lock.lock()
        defer { lock.unlock() }
        return totals.map { Entry(kind: $0.key, pages: $0.value.pages, cpuSeconds: Double($0.value.nanoseconds) / 1e9) }
            .sorted { ($0.cpuSeconds, $1.kind) > ($1.cpuSeconds, $0.kind) }
    }

    private static func threadCPUNanoseconds() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }
}
