import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Hard-links the pages an incremental build reuses from the previous output into the
/// staging folder, on a thread of its own: the build meanwhile renders and writes the
/// rest (`briefing.json` above all). One thread is enough, and more would gain nothing:
/// links into one folder take turns on its lock (170,000 of them at 10,000 articles).
final class PreviousPageLinker: @unchecked Sendable {
    private let queue = DispatchQueue(label: "briefing.previous-page-links")
    private let lock = NSLock()
    /// The first link that failed since `reset`, and why.
    private var failure: Failure?

    struct Failure {
        var path: String
        /// `errno`.
        var code: Int32
        /// The page is gone from the previous output.
        var isMissing: Bool { code == ENOENT }
    }

    /// Links `paths` from `previous` into `staging` (both folders), after what was asked before.
    /// The folders holding the paths must exist in `staging`.
    func link(_ paths: [String], from previous: String, into staging: String) {
        queue.async { [self] in
            guard lock.withLock({ failure == nil }) else { return }
            for path in paths where Glibc.link(previous + "/" + path, staging + "/" + path) != 0 {
                let code = errno
                lock.withLock { failure = Failure(path: path, code: code) }
                return
            }
        }
    }

    /// Waits until every link asked for is made.
    /// - Returns: the first failure, if any.
    func wait() -> Failure? {
        queue.sync {}
        return lock.withLock { failure }
    }

    /// Forgets a failure (a new staging folder).
    func reset() {
        queue.sync {}
        lock.withLock { failure = nil }
    }
}
