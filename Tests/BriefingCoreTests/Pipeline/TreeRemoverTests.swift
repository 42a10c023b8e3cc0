@testable import BriefingCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing

@Suite("Write: removing a folder tree")
struct TreeRemoverTests {
    let fileManager = FileManager.default

    /// A fresh folder under the temporary directory, removed after `body`.
    func withScratch(_ body: (URL) throws -> Void) throws {
        let scratch = fileManager.temporaryDirectory.appendingPathComponent("tree-remover-\(UUID().uuidString)")
        try fileManager.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? fileManager.removeItem(at: scratch) }
        try body(scratch)
    }

    func write(_ url: URL, _ text: String = "x") throws {
        try fileManager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    @Test func removesALargeNestedTreeButNothingItsLinksPointTo() throws {
        try withScratch { scratch in
            let outside = scratch.appendingPathComponent("outside")
            try write(outside.appendingPathComponent("keep.txt"), "keep")
            let tree = scratch.appendingPathComponent("site")
            // More files than one thread takes, so the parallel path runs.
            for index in 0..<(TreeRemover.chunkSize * 3 + 7) {
                try write(tree.appendingPathComponent("claims/\(index).html"))
            }
            try write(tree.appendingPathComponent("a/b/c/deep.html"))
            try fileManager.createDirectory(at: tree.appendingPathComponent("empty/inner"), withIntermediateDirectories: true)
            // A name that is not UTF-8.
            let oddBytes = Array(tree.path.utf8) + Array("/a/odd-".utf8) + [0xFF, 0]
            let descriptor = oddBytes.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT, 0o644) }
            }
            #expect(descriptor >= 0)
            close(descriptor)
            try fileManager.createSymbolicLink(at: tree.appendingPathComponent("link-to-folder"), withDestinationURL: outside)
            try fileManager.createSymbolicLink(at: tree.appendingPathComponent("a/link-to-file"), withDestinationURL: outside.appendingPathComponent("keep.txt"))
            try fileManager.createSymbolicLink(at: tree.appendingPathComponent("a/dangling"), withDestinationURL: scratch.appendingPathComponent("nowhere"))

            #expect(TreeRemover.remove(tree.path))
            #expect(!fileManager.fileExists(atPath: tree.path))
            #expect(try String(contentsOf: outside.appendingPathComponent("keep.txt"), encoding: .utf8) == "keep")
            #expect(try fileManager.contentsOfDirectory(atPath: scratch.path) == ["outside"])
        }
    }

    @Test func aLinkGivenAsTheFolderIsRemovedNotFollowed() throws {
        try withScratch { scratch in
            let target = scratch.appendingPathComponent("target")
            try write(target.appendingPathComponent("keep.txt"))
            let link = scratch.appendingPathComponent("link")
            try fileManager.createSymbolicLink(at: link, withDestinationURL: target)
            #expect(TreeRemover.remove(link.path))
            #expect(fileManager.fileExists(atPath: target.appendingPathComponent("keep.txt").path))
            #expect(try fileManager.contentsOfDirectory(atPath: scratch.path) == ["target"])
        }
    }

    @Test func aFileOrNothingAtThePath() throws {
        try withScratch { scratch in
            let file = scratch.appendingPathComponent("file.txt")
            try write(file)
            #expect(TreeRemover.remove(file.path))
            #expect(!fileManager.fileExists(atPath: file.path))
            #expect(TreeRemover.remove(scratch.appendingPathComponent("missing").path))
        }
    }

    @Test func mapOnThreadsOfItsOwnKeepsTheOrder() {
        let items = Array(0..<1_000)
        #expect(ConcurrentMap.map(items, threads: TreeRemover.threads) { $0 * 2 } == items.map { $0 * 2 })
    }
}
