import CSystemShims
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes the rendered site completely or not at all: into a fresh folder beside the
/// output, then swapped into place in one step. Pages unchanged since the previous
/// build are hard-linked from the previous output instead of written (the previous
/// output's files are never modified, only replaced, so sharing them is safe). A failed
/// or killed build leaves the previous output untouched (at worst a hidden
/// `.NAME.building-*` folder, removed by the next build). Folders are removed with
/// `TreeRemover` (the previous output after the swap: 170,000 files at 10,000 articles).
public struct OutputWriter: Sendable {
    /// The output folder, e.g. `site/`.
    public var output: URL
    /// How the output is named in diagnostics.
    public var displayName: String
    /// Links reused pages while the rest is written.
    private let links = PreviousPageLinker()

    public init(output: URL, displayName: String) {
        self.output = output.standardizedFileURL
        self.displayName = displayName
    }

    private var parent: URL { output.deletingLastPathComponent() }
    private var name: String { output.lastPathComponent }
    private var stagingPrefix: String { ".\(name).building-" }

    /// - Parameter beforeSwap: a last step over the complete staging folder (e.g. the search
    ///   index); when it throws, nothing is swapped and the old output is kept.
    /// - Throws: `BuildFailure` when the output cannot be written; the old output is kept.
    public func write(_ pages: [RenderedPage], beforeSwap: ((URL) throws -> Void)? = nil) throws {
        let staging = try begin()
        try write(pages, into: staging)
        try finish(staging, beforeSwap: beforeSwap)
    }

    /// Creates the fresh staging folder beside the output.
    /// - Returns: the staging folder, to `write(_:into:)` batches into, then `finish`.
    public func begin() throws -> URL {
        let fileManager = FileManager.default
        var isFolder: ObjCBool = false
        if fileManager.fileExists(atPath: output.path, isDirectory: &isFolder), !isFolder.boolValue {
            throw failure("output path \(displayName) exists and is not a folder; remove it or choose another with --output")
        }
        do {
            try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw failure("cannot create \(parent.path): \(error.localizedDescription)")
        }
        removeStaleStaging()
        links.reset()
        let staging = parent.appendingPathComponent("\(stagingPrefix)\(ProcessInfo.processInfo.processIdentifier)")
        Self.removeTree(staging)
        do {
            try fileManager.createDirectory(at: staging, withIntermediateDirectories: false)
        } catch {
            throw failure("cannot create a folder beside \(displayName): \(error.localizedDescription); check permissions")
        }
        return staging
    }

    /// Writes one batch of pages into the staging folder (reused pages are linked in the
    /// background: `finishLinks`); on failure the staging folder is removed and the output
    /// left as it was.
    public func write(_ pages: [RenderedPage], into staging: URL) throws {
        for page in pages where !Self.isSafe(page.path) {
            abandon(staging)
            throw failure("refusing to write `\(page.path)` outside the output folder")
        }
        do {
            try writeAll(pages, into: staging)
        } catch {
            abandon(staging)
            throw failure("cannot write the site into \(parent.path): \(error.localizedDescription); check free space and permissions")
        }
    }

    /// Waits for the reused pages to be linked; on failure the staging folder is removed
    /// and the output left as it was.
    /// - Throws: `PreviousPageMissing` when a page to reuse is gone from the output (for
    ///   the build to handle: it renders everything), `BuildFailure` for other failures.
    public func finishLinks(_ staging: URL) throws {
        guard let failed = links.wait() else { return }
        Self.removeTree(staging)
        if failed.isMissing { throw PreviousPageMissing(path: failed.path) }
        throw failure("cannot write `\(failed.path)` into \(parent.path): \(String(cString: strerror(failed.code))); check free space and permissions")
    }

    /// Abandons a build: removes its staging folder, leaving the output as it was.
    public func abandon(_ staging: URL) {
        _ = links.wait()
        Self.removeTree(staging)
    }

    /// Runs `beforeSwap` on the complete staging folder, then swaps it into place.
    /// - Parameter afterSwap: runs once the new output is in place, while the previous one
    ///   is removed (the build cache is saved meanwhile).
    public func finish(_ staging: URL, beforeSwap: ((URL) throws -> Void)? = nil, afterSwap: (@Sendable () -> Void)? = nil) throws {
        try finishLinks(staging)
        if let beforeSwap {
            do {
                try beforeSwap(staging)
            } catch {
                Self.removeTree(staging)
                throw error
            }
        }
        let previous = try swap(staging)
        _ = ConcurrentMap.both({ previous.map { Self.removeTree($0) } }, { afterSwap?() })
    }

    /// Whether a page path stays inside the output folder.
    static func isSafe(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/"), !path.contains("\\"), !path.contains("\0") else { return false }
        return path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { $0 != "" && $0 != "." && $0 != ".." }
    }

    private func writeAll(_ pages: [RenderedPage], into folder: URL) throws {
        let fileManager = FileManager.default
        let folders = Set(pages.map { ($0.path as NSString).deletingLastPathComponent }.filter { !$0.isEmpty }).sorted()
        for sub in folders {
            try fileManager.createDirectory(at: folder.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        let base = folder.path
        let reused = pages.filter(\.isReused).map(\.path)
        if !reused.isEmpty { links.link(reused, from: output.path, into: base) }
        let failures = ConcurrentMap.map(pages.filter { !$0.isReused }) { page in
            Self.writeFile(base + "/" + page.path, page) ? nil : page.path
        }
        if let failed = failures.compactMap({ $0 }).first {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: failed])
        }
    }

    /// A page an incremental build meant to take from the previous output is not there
    /// (deleted by hand): the build renders everything instead.
    public struct PreviousPageMissing: Error {
        public var path: String
    }

    /// Writes a new file with plain POSIX calls: the folder is fresh and private, so
    /// Foundation's temp-file-and-rename per file (and per-file fsync) would only cost time.
    /// A streamed page is written chunk by chunk as it is produced.
    private static func writeFile(_ path: String, _ page: RenderedPage) -> Bool {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        guard let stream = page.stream else { return write(page.contents, to: descriptor) }
        do {
            try stream.produce { chunk in
                guard write(chunk, to: descriptor) else { throw CocoaError(.fileWriteUnknown) }
            }
            return true
        } catch {
            return false
        }
    }

    /// Writes all of `bytes`, retrying short and interrupted writes.
    private static func write(_ bytes: some ContiguousBytes, to descriptor: Int32) -> Bool {
        bytes.withUnsafeBytes { buffer -> Bool in
            var offset = 0
            while offset < buffer.count {
                guard let base = buffer.baseAddress else { return false }
                let written = Glibc.write(descriptor, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += written
            }
            return true
        }
    }

    /// Puts `staging` in place of the output: an atomic exchange where the file system
    /// allows, else two renames.
    /// - Returns: where the previous output now is, for the caller to remove.
    private func swap(_ staging: URL) throws -> URL? {
        let fileManager = FileManager.default
        guard fileManager.fileExists(atPath: output.path) else {
            do {
                try fileManager.moveItem(at: staging, to: output)
                return nil
            } catch {
                Self.removeTree(staging)
                throw failure("cannot move the new site into \(displayName): \(error.localizedDescription)")
            }
        }
        if briefing_exchange_paths(staging.path, output.path) == 0 {
            // `staging` now holds the previous site.
            return staging
        }
        let old = parent.appendingPathComponent("\(stagingPrefix)old-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try fileManager.moveItem(at: output, to: old)
        } catch {
            Self.removeTree(staging)
            throw failure("cannot replace \(displayName): \(error.localizedDescription)")
        }
        do {
            try fileManager.moveItem(at: staging, to: output)
        } catch {
            try? fileManager.moveItem(at: old, to: output)
            Self.removeTree(staging)
            throw failure("cannot replace \(displayName): \(error.localizedDescription)")
        }
        return old
    }

    /// Folders left by builds that were killed.
    private func removeStaleStaging() {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
        for stale in names where stale.hasPrefix(stagingPrefix) {
            let pidText = stale.dropFirst(stagingPrefix.count).replacingOccurrences(of: "old-", with: "")
            if let pid = Int32(pidText), pid != ProcessInfo.processInfo.processIdentifier, kill(pid, 0) == 0 {
                continue // another build still running
            }
            Self.removeTree(parent.appendingPathComponent(stale))
        }
    }

    /// Removes a staging or previous-output folder (`TreeRemover`); Foundation has a second
    /// go at whatever it left (a tree nested deeper than descriptors allow, say).
    private static func removeTree(_ folder: URL) {
        if !TreeRemover.remove(folder.path) { try? FileManager.default.removeItem(at: folder) }
    }

    private func failure(_ message: String) -> BuildFailure {
        BuildFailure([.error(.write, at: SourceLocation(file: displayName), message)])
    }
}
