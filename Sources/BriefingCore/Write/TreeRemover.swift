import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Removes a folder and everything in it, fast: a site holds some 170,000 files at 10,000
/// articles, and `FileManager.removeItem` unlinks them one by one (tens of seconds).
///
/// Each folder is listed once, its files unlinked by several threads at a time (an
/// unlink mostly waits on the file system, so more threads than cores pay), then its
/// subfolders removed the same way. Everything is done relative to open folder
/// descriptors and no symbolic link is ever followed: a link inside is removed like a
/// file, whatever it points to, and a folder replaced by a link meanwhile is not entered.
/// Open descriptors are one per level of nesting.
enum TreeRemover {
    /// Threads unlinking at once (at 10,000 articles, 8 took 7 s, 16 took 5 s).
    static let threads = 16
    /// Files a thread takes at a time.
    static let chunkSize = 256

    /// A file name as the kernel gives it (any bytes), NUL-terminated.
    private typealias Name = [CChar]

    /// Removes `path`: a folder and everything under it, or a file or link.
    /// - Returns: whether `path` is gone; false when something could not be removed.
    @discardableResult
    static func remove(_ path: String) -> Bool {
        let folder = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard folder >= 0 else {
            if errno == ENOENT { return true }
            return (errno == ENOTDIR || errno == ELOOP) && Glibc.unlink(path) == 0
        }
        let emptied = removeContents(of: folder)
        close(folder)
        return emptied && rmdir(path) == 0
    }

    /// Removes the subfolder `name` of the open folder `parent`, or the file or link
    /// that is there now.
    private static func removeFolder(_ name: Name, in parent: Int32) -> Bool {
        let folder = openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard folder >= 0 else {
            if errno == ENOENT { return true }
            return (errno == ENOTDIR || errno == ELOOP) && unlinkat(parent, name, 0) == 0
        }
        let emptied = removeContents(of: folder)
        close(folder)
        return emptied && unlinkat(parent, name, AT_REMOVEDIR) == 0
    }

    /// Empties the open folder `folder`: its files in parallel, then its subfolders.
    private static func removeContents(of folder: Int32) -> Bool {
        guard var (files, subfolders) = entries(of: folder) else { return false }
        let chunks = stride(from: 0, to: files.count, by: chunkSize).map { files[$0..<min($0 + chunkSize, files.count)] }
        files = []
        var removed = true
        let results = ConcurrentMap.map(chunks, threads: threads) { chunk in unlinkAll(chunk, in: folder) }
        for result in results {
            removed = removed && result.removed
            subfolders += result.folders
        }
        for name in subfolders {
            removed = removeFolder(name, in: folder) && removed
        }
        return removed
    }

    /// Unlinks `names` in `folder`.
    /// - Returns: whether all went, and the names that turned out to be folders (listed
    ///   with an unknown type, or replaced since).
    private static func unlinkAll(_ names: ArraySlice<Name>, in folder: Int32) -> (removed: Bool, folders: [Name]) {
        var removed = true
        var folders: [Name] = []
        for name in names where unlinkat(folder, name, 0) != 0 {
            switch errno {
            case EISDIR: folders.append(name)
            case ENOENT: continue
            default: removed = false
            }
        }
        return (removed, folders)
    }

    /// The names in `folder` (without `.` and `..`): folders as the listing types them,
    /// and the rest.
    private static func entries(of folder: Int32) -> (files: [Name], folders: [Name])? {
        let copy = dup(folder)
        guard copy >= 0 else { return nil }
        guard let listing = fdopendir(copy) else {
            close(copy)
            return nil
        }
        defer { closedir(listing) }
        var files: [Name] = [], folders: [Name] = []
        while let entry = readdir(listing) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: pointer.pointee)) { bytes in
                    Array(UnsafeBufferPointer(start: bytes, count: strlen(bytes) + 1))
                }
            }
            if name == [46, 0] || name == [46, 46, 0] { continue }
            if Int32(entry.pointee.d_type) == Int32(DT_DIR) {
                folders.append(name)
            } else {
                files.append(name)
            }
        }
        return (files, folders)
    }
}
