@preconcurrency import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Tells when files under some folders change: Linux inotify where it is available,
/// else polling.
///
/// Editors save through temporary files and renames, and one save is several kernel
/// events, so events only start a quiet-period timer (`debounce`; when polling, a whole
/// quiet poll interval); when it runs out the watched paths are scanned again and only
/// files whose size, modification time or inode really changed are reported. Changes that arrive while nobody is reading are
/// merged into one. Hidden files and editor leftovers (`x~`, `.x.swp`, `#x#`, `4913`, `.tmp`, `.bak`)
/// are never reported.
public final class FileWatcher: @unchecked Sendable {
    /// How changes are noticed.
    public enum Mechanism: String, Sendable {
        case inotify, polling
    }

    /// One path to watch.
    public enum Target: Sendable, Hashable {
        /// A folder with all its files and subfolders (new subfolders are watched too).
        case folder(URL)
        /// A single file.
        case file(URL)

        var url: URL {
            switch self {
            case .folder(let url), .file(let url): return url
            }
        }
    }

    /// Files that changed since the last change handed out: absolute paths, sorted.
    public struct Change: Sendable, Equatable {
        public var paths: [String]
    }

    public let mechanism: Mechanism
    private let targets: [Target]
    private let debounce: DispatchTimeInterval
    private let maximumDelay: DispatchTimeInterval
    private let pollInterval: DispatchTimeInterval
    private let mailbox = ChangeMailbox()

    // Confined to `queue`.
    private let queue = DispatchQueue(label: "briefing.file-watcher")
    private var delivered: Snapshot
    private var seen: Snapshot
    private var firstEvent: DispatchTime?
    private var lastEvent: DispatchTime?
    private var flushScheduled = false
    private var stopped = false
    private var timer: (any DispatchSourceTimer)?
    #if os(Linux)
    private var inotify: Inotify?
    #endif

    /// Starts watching at once; the paths need not exist yet.
    /// - Parameters:
    ///   - targets: folders (watched recursively) and files.
    ///   - debounce: the quiet time after the last event before a change is reported.
    ///   - maximumDelay: a change is reported after this long even if events keep coming.
    ///   - pollInterval: how often the polling fallback scans.
    ///   - forcePolling: poll even where inotify works (network file systems, tests).
    public init(
        _ targets: [Target], debounce: DispatchTimeInterval = .milliseconds(100),
        maximumDelay: DispatchTimeInterval = .seconds(2), pollInterval: DispatchTimeInterval = .milliseconds(500),
        forcePolling: Bool = false
    ) {
        self.targets = targets
        self.debounce = debounce
        self.maximumDelay = maximumDelay
        self.pollInterval = pollInterval
        let initial = Snapshot.scan(targets)
        delivered = initial
        seen = initial
        #if os(Linux)
        if !forcePolling, let inotify = Inotify(targets: targets) {
            self.inotify = inotify
            mechanism = .inotify
            queue.sync { startInotify(inotify) }
            return
        }
        #endif
        mechanism = .polling
        queue.sync { startPolling() }
    }

    deinit {
        // Nothing else holds the watcher now; `stop()` would `queue.sync`, which deadlocks
        // if the last reference was dropped by a handler running on `queue`.
        timer?.cancel()
        #if os(Linux)
        inotify?.close()
        #endif
        mailbox.close()
    }

    /// Changes as they come, until `stop()`.
    public var changes: Changes { Changes(mailbox: mailbox) }

    /// Stops watching and ends `changes`.
    public func stop() {
        queue.sync {
            guard !stopped else { return }
            stopped = true
            timer?.cancel()
            timer = nil
            #if os(Linux)
            inotify?.close()
            inotify = nil
            #endif
        }
        mailbox.close()
    }

    // MARK: - Sources of events

    /// A poll that sees a change starts a batch; the next poll that sees none (the files
    /// were quiet for a whole interval) reports it.
    private func startPolling() {
        let timer = DispatchSource.makeTimerSource(queue: queue)
        timer.schedule(deadline: .now() + pollInterval, repeating: pollInterval, leeway: .milliseconds(20))
        timer.setEventHandler { [weak self] in
            guard let self, !self.stopped else { return }
            let now = Snapshot.scan(self.targets)
            if now != self.seen {
                self.seen = now
                if self.firstEvent == nil { self.firstEvent = .now() }
                if let first = self.firstEvent, DispatchTime.now() >= first + self.maximumDelay { self.flush() }
            } else if self.firstEvent != nil {
                self.flush()
            }
        }
        timer.resume()
        self.timer = timer
    }

    #if os(Linux)
    private func startInotify(_ inotify: Inotify) {
        inotify.start(on: queue) { [weak self] relevant in
            guard let self, !self.stopped, relevant else { return }
            self.noteEvent()
        }
    }
    #endif

    // MARK: - Debouncing

    private func noteEvent() {
        let now = DispatchTime.now()
        if firstEvent == nil { firstEvent = now }
        lastEvent = now
        if !flushScheduled {
            flushScheduled = true
            queue.asyncAfter(deadline: now + debounce) { [weak self] in self?.flushIfQuiet() }
        }
    }

    private func flushIfQuiet() {
        guard !stopped, let first = firstEvent, let last = lastEvent else {
            flushScheduled = false
            return
        }
        let now = DispatchTime.now()
        if now < last + debounce, now < first + maximumDelay {
            queue.asyncAfter(deadline: min(last + debounce, first + maximumDelay)) { [weak self] in self?.flushIfQuiet() }
            return
        }
        flushScheduled = false
        flush()
    }

    /// Scans and reports what changed since the last report.
    private func flush() {
        firstEvent = nil
        lastEvent = nil
        #if os(Linux)
        inotify?.syncWatches()
        #endif
        let current = Snapshot.scan(targets)
        let changed = delivered.changedPaths(to: current)
        delivered = current
        seen = current
        if !changed.isEmpty { mailbox.post(changed) }
    }

    // MARK: - Reading changes

    /// The changes, as an `AsyncSequence`; changes that arrive while the reader is busy
    /// are merged into the next element.
    public struct Changes: AsyncSequence, Sendable {
        public typealias Element = Change
        fileprivate let mailbox: ChangeMailbox

        public struct AsyncIterator: AsyncIteratorProtocol {
            fileprivate let mailbox: ChangeMailbox
            public mutating func next() async -> Change? {
                await mailbox.next().map { Change(paths: $0.sorted()) }
            }
        }

        public func makeAsyncIterator() -> AsyncIterator { AsyncIterator(mailbox: mailbox) }
    }

    /// Whether a file name is one an editor or the system leaves behind, never reported.
    public static func isIgnoredName(_ name: String) -> Bool {
        if name.hasPrefix(".") || name.hasSuffix("~") || name == "4913" { return true }
        if name.hasPrefix("#"), name.hasSuffix("#") { return true }
        let ext = (name as NSString).pathExtension.lowercased()
        return ["swp", "swx", "swo", "tmp", "bak"].contains(ext)
    }
}

// MARK: - Snapshot

/// Size, modification time and inode of every watched file.
struct Snapshot: Equatable, Sendable {
    struct Stamp: Equatable, Sendable {
        var size: Int64
        var seconds: Int
        var nanoseconds: Int
        var inode: UInt64
    }

    var files: [String: Stamp] = [:]

    static func scan(_ targets: [FileWatcher.Target]) -> Snapshot {
        var snapshot = Snapshot()
        for target in targets {
            switch target {
            case .file(let url):
                if let stamp = stamp(url.path), !FileWatcher.isIgnoredName(url.lastPathComponent) {
                    snapshot.files[url.path] = stamp
                }
            case .folder(let url):
                snapshot.addFolder(url.path)
            }
        }
        return snapshot
    }

    private mutating func addFolder(_ path: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return }
        for name in names where !FileWatcher.isIgnoredName(name) {
            let child = path + "/" + name
            var info = stat()
            guard lstat(child, &info) == 0 else { continue }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                addFolder(child)
            } else if let stamp = Self.stamp(child) {
                files[child] = stamp
            }
        }
    }

    /// The file's stamp, following a symlink; nil for a folder or a missing file.
    private static func stamp(_ path: String) -> Stamp? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) != S_IFDIR else { return nil }
        #if os(Linux)
        let time = info.st_mtim
        #else
        let time = info.st_mtimespec
        #endif
        return Stamp(size: Int64(info.st_size), seconds: Int(time.tv_sec), nanoseconds: Int(time.tv_nsec), inode: UInt64(info.st_ino))
    }

    /// Files added, removed or changed.
    func changedPaths(to other: Snapshot) -> Set<String> {
        var changed = Set<String>()
        for (path, stamp) in files where other.files[path] != stamp { changed.insert(path) }
        for path in other.files.keys where files[path] == nil { changed.insert(path) }
        return changed
    }
}

// MARK: - Mailbox

/// Pending changed paths, merged until a reader takes them.
final class ChangeMailbox: @unchecked Sendable {
    private let lock = NSLock()
    private var pending = Set<String>()
    private var waiter: CheckedContinuation<Set<String>?, Never>?
    private var closed = false

    func post(_ paths: Set<String>) {
        lock.lock()
        if let waiter {
            self.waiter = nil
            lock.unlock()
            waiter.resume(returning: paths)
        } else {
            pending.formUnion(paths)
            lock.unlock()
        }
    }

    /// The next batch, or nil once closed (or when the waiting task is cancelled).
    func next() async -> Set<String>? {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Set<String>?, Never>) in
                lock.lock()
                if !pending.isEmpty {
                    let paths = pending
                    pending = []
                    lock.unlock()
                    continuation.resume(returning: paths)
                } else if closed || Task.isCancelled {
                    lock.unlock()
                    continuation.resume(returning: nil)
                } else {
                    waiter = continuation
                    lock.unlock()
                }
            }
        } onCancel: {
            wakeWaiter()
        }
    }

    func close() {
        lock.lock()
        closed = true
        lock.unlock()
        wakeWaiter()
    }

    private func wakeWaiter() {
        lock.lock()
        let waiter = self.waiter
        self.waiter = nil
        lock.unlock()
        waiter?.resume(returning: nil)
    }
}
