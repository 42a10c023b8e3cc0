#if os(Linux)
@preconcurrency import Dispatch
import Foundation
import Glibc

/// Linux inotify for `FileWatcher`: one watch per folder (inotify is not recursive),
/// plus a watch on each target's parent folder so that a target created, deleted or
/// replaced by a rename is noticed.
///
/// Only says *that* something relevant happened; `FileWatcher` finds out what by
/// scanning. Used on one dispatch queue only.
final class Inotify: @unchecked Sendable {
    private let descriptor: Int32
    private let targets: [FileWatcher.Target]
    /// Watch descriptor → folder path.
    private var watched: [Int32: String] = [:]
    /// Folders inside a folder target: every event there counts.
    private var insideFolders = Set<String>()
    /// Parent folders of targets: only events on the target's own name count.
    private var targetNames: [String: Set<String>] = [:]
    private var source: (any DispatchSourceRead)?

    private static let mask = UInt32(
        IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB
            | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR)

    /// Nil when inotify is unavailable or no folder could be watched (for example when
    /// `fs.inotify.max_user_watches` is used up): the caller then polls.
    init?(targets: [FileWatcher.Target]) {
        let descriptor = inotify_init1(Int32(IN_NONBLOCK) | Int32(IN_CLOEXEC))
        guard descriptor >= 0 else { return nil }
        self.descriptor = descriptor
        self.targets = targets
        guard syncWatches() else {
            Glibc.close(descriptor)
            return nil
        }
    }

    /// Reads events on `queue`; `handler(relevant)` is called once per batch read.
    func start(on queue: DispatchQueue, handler: @escaping @Sendable (Bool) -> Void) {
        let source = DispatchSource.makeReadSource(fileDescriptor: descriptor, queue: queue)
        source.setEventHandler { [weak self] in
            guard let self else { return }
            handler(self.readEvents())
        }
        let descriptor = self.descriptor
        source.setCancelHandler { Glibc.close(descriptor) }
        source.resume()
        self.source = source
    }

    func close() {
        if let source {
            source.cancel()
            self.source = nil
        } else {
            Glibc.close(descriptor)
        }
    }

    /// Adds watches for folders that appeared since the last call.
    /// - Returns: false when not even one folder could be watched.
    @discardableResult
    func syncWatches() -> Bool {
        var any = false
        for target in targets {
            let parent = target.url.deletingLastPathComponent().path
            if add(parent) {
                any = true
                targetNames[parent, default: []].insert(target.url.lastPathComponent)
            }
            if case .folder(let url) = target { any = addTree(url.path) || any }
        }
        return any
    }

    private func addTree(_ folder: String) -> Bool {
        guard add(folder) else { return false }
        insideFolders.insert(folder)
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where !FileWatcher.isIgnoredName(name) {
            let child = folder + "/" + name
            var info = stat()
            if lstat(child, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR { _ = addTree(child) }
        }
        return true
    }

    private func add(_ folder: String) -> Bool {
        let watch = inotify_add_watch(descriptor, folder, Self.mask)
        guard watch >= 0 else { return false }
        watched[watch] = folder
        return true
    }

    // MARK: - Events

    /// Reads every queued event. - Returns: whether any concerns a watched path.
    private func readEvents() -> Bool {
        var relevant = false
        var newFolders = false
        let headerSize = MemoryLayout<inotify_event>.size
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            buffer.withUnsafeBytes { bytes in
                var offset = 0
                while offset + headerSize <= count {
                    let watch = bytes.loadUnaligned(fromByteOffset: offset, as: Int32.self)
                    let mask = bytes.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
                    let length = Int(bytes.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
                    let nameBytes = bytes[(offset + headerSize)..<min(offset + headerSize + length, count)]
                    let name = String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self)
                    offset += headerSize + length

                    if mask & UInt32(IN_Q_OVERFLOW) != 0 {
                        relevant = true
                        newFolders = true
                        continue
                    }
                    if mask & UInt32(IN_IGNORED) != 0 {
                        watched[watch] = nil
                        relevant = true
                        continue
                    }
                    guard let folder = watched[watch] else { continue }
                    if !name.isEmpty, FileWatcher.isIgnoredName(name) { continue }
                    let isFolder = mask & UInt32(IN_ISDIR) != 0
                    if insideFolders.contains(folder) || targetNames[folder]?.contains(name) == true {
                        relevant = true
                        if isFolder, mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 { newFolders = true }
                    }
                }
            }
        }
        if newFolders { syncWatches() }
        return relevant
    }
}
#endif
