import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The entries of the previous build's `briefing.json`, by digest (`EncodableDigest`),
/// so an unchanged entry is copied from that file instead of encoded again (at 10,000
/// articles the file is 200 MB, and encoding it the largest fixed cost of a rebuild);
/// and where this build writes each entry, for the next.
///
/// An entry's bytes depend only on its value (its depth is always the same); the
/// previous file is used only when it is the one the index describes (same inode, size
/// and modification time), otherwise every entry is encoded.
final class JSONEntryCache: @unchecked Sendable {
    private let previous: PreviousJSONFile?
    private let lock = NSLock()
    private var written: [JSONEntryLocation] = []

    /// - Parameter previous: the previous build's file and index, when usable.
    init(previous: PreviousJSONFile?) {
        self.previous = previous
    }

    /// The previous file's bytes for the entry with `digest`, if it had one.
    func previousBytes(_ digest: StableDigest) -> UnsafeRawBufferPointer? {
        previous?.bytes(digest)
    }

    /// Whether the previous file holds the entry with `digest` (`previousBytes` will give it).
    func hasPrevious(_ digest: StableDigest) -> Bool {
        previous?.contains(digest) ?? false
    }

    /// A new write of the file starts: what an earlier one recorded is dropped.
    func beginWriting() {
        lock.withLock { written.removeAll(keepingCapacity: true) }
    }

    func record(_ location: JSONEntryLocation) {
        lock.withLock { written.append(location) }
    }

    /// Where the file last written holds each entry.
    var locations: [JSONEntryLocation] { lock.withLock { written } }
}

/// One entry of `briefing.json`: its digest and its bytes' place in the file.
struct JSONEntryLocation: Sendable, Equatable {
    var digest: StableDigest
    var offset: Int
    var length: Int
}

/// A previous `briefing.json`, mapped read-only, and where its entries are.
final class PreviousJSONFile: @unchecked Sendable {
    private let base: UnsafeRawPointer
    private let size: Int
    private let entries: [StableDigest: (offset: Int, length: Int)]
    /// Pages before this offset were handed back (see `bytes`).
    private var released = 0
    /// How far behind the entry being copied pages are kept mapped.
    static let residentWindow = 32 << 20

    /// Maps `path` if it is still the file `identity` describes and every location lies
    /// inside it; nil otherwise.
    init?(path: String, identity: FileIdentity, locations: [JSONEntryLocation]) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, FileIdentity(info) == identity, info.st_size > 0 else { return nil }
        let size = Int(info.st_size)
        guard locations.allSatisfy({ $0.offset >= 0 && $0.length >= 0 && $0.offset + $0.length <= size }) else { return nil }
        guard let mapped = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), mapped != MAP_FAILED else { return nil }
        base = UnsafeRawPointer(mapped)
        self.size = size
        var entries: [StableDigest: (offset: Int, length: Int)] = [:]
        entries.reserveCapacity(locations.count)
        for location in locations { entries[location.digest] = (location.offset, location.length) }
        self.entries = entries
    }

    deinit {
        munmap(UnsafeMutableRawPointer(mutating: base), size)
    }

    func contains(_ digest: StableDigest) -> Bool { entries[digest] != nil }

    /// The entry's bytes, valid until the next call. Entries are asked for mostly in file
    /// order, so the pages well behind are handed back as it goes: the file counts in the
    /// build's memory only a window at a time (a page asked for again is read again).
    func bytes(_ digest: StableDigest) -> UnsafeRawBufferPointer? {
        guard let entry = entries[digest] else { return nil }
        let behind = (entry.offset - Self.residentWindow) / Int(getpagesize()) * Int(getpagesize())
        if behind > released + Self.residentWindow {
            madvise(UnsafeMutableRawPointer(mutating: base), behind, MADV_DONTNEED)
            released = behind
        }
        return UnsafeRawBufferPointer(start: base + entry.offset, count: entry.length)
    }
}

/// Which file a path names, and whether it was written since: device, inode, size and
/// modification time.
struct FileIdentity: Sendable, Equatable {
    var device: UInt64
    var inode: UInt64
    var size: Int64
    var modifiedSeconds: Int64
    var modifiedNanoseconds: Int64

    init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        size = Int64(info.st_size)
        modifiedSeconds = Int64(info.st_mtim.tv_sec)
        modifiedNanoseconds = Int64(info.st_mtim.tv_nsec)
    }

    init(device: UInt64, inode: UInt64, size: Int64, modifiedSeconds: Int64, modifiedNanoseconds: Int64) {
        self.device = device
        self.inode = inode
        self.size = size
        self.modifiedSeconds = modifiedSeconds
        self.modifiedNanoseconds = modifiedNanoseconds
    }

    /// The file at `path` now (links followed), if any.
    static func of(_ path: String) -> FileIdentity? {
        var info = stat()
        return stat(path, &info) == 0 ? FileIdentity(info) : nil
    }
}
