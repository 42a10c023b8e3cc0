@testable import BriefingPreview
import Foundation
import Testing

@Suite struct FileWatcherTests {
    /// A temporary folder with `seeds/` and a watcher on it, inotify or polling.
    final class Fixture: @unchecked Sendable {
        let root: URL
        let watcher: FileWatcher

        init(polling: Bool) throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("watcher-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: root.appendingPathComponent("seeds"), withIntermediateDirectories: true)
            try Data("first\n".utf8).write(to: root.appendingPathComponent("seeds/a.txt"))
            watcher = FileWatcher(
                [.folder(root.appendingPathComponent("seeds")), .folder(root.appendingPathComponent("templates")),
                 .file(root.appendingPathComponent("briefing.yml"))],
                debounce: .milliseconds(150), pollInterval: .milliseconds(150), forcePolling: polling)
        }

        deinit {
            watcher.stop()
            try? FileManager.default.removeItem(at: root)
        }

        func write(_ path: String, _ text: String, atomically: Bool = false) throws {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url, options: atomically ? .atomic : [])
        }

        /// The next change, or nil after `timeout` seconds.
        func next(timeout: Double) async -> [String]? {
            let watcher = self.watcher
            return await withTaskGroup(of: [String]?.self) { group in
                group.addTask {
                    var iterator = watcher.changes.makeAsyncIterator()
                    return await iterator.next()?.paths
                }
                group.addTask {
                    try? await Task.sleep(for: .seconds(timeout))
                    return nil
                }
                let first = await group.next() ?? nil
                group.cancelAll()
                return first
            }
        }

        func relative(_ paths: [String]?) -> [String]? {
            paths?.map { String($0.dropFirst(root.path.count + 1)) }
        }
    }

    @Test(arguments: [false, true])
    func quickSavesMakeOneChange(polling: Bool) async throws {
        let fixture = try Fixture(polling: polling)
        #expect(fixture.watcher.mechanism == (polling ? .polling : .inotify))
        for index in 0..<5 {
            try fixture.write("seeds/a.txt", "save \(index)\n")
            usleep(2_000)
        }
        #expect(fixture.relative(await fixture.next(timeout: 5)) == ["seeds/a.txt"])
        #expect(await fixture.next(timeout: 0.6) == nil)
    }

    @Test(arguments: [false, true])
    func editorSavesThroughRenameAreSeenAndTheirLeftoversAreNot(polling: Bool) async throws {
        let fixture = try Fixture(polling: polling)
        // What vim does: probe file, backup by rename, write anew, drop the backup.
        try fixture.write("seeds/4913", "")
        try FileManager.default.removeItem(at: fixture.root.appendingPathComponent("seeds/4913"))
        try FileManager.default.moveItem(at: fixture.root.appendingPathComponent("seeds/a.txt"), to: fixture.root.appendingPathComponent("seeds/a.txt~"))
        try fixture.write("seeds/a.txt", "second\n")
        try FileManager.default.removeItem(at: fixture.root.appendingPathComponent("seeds/a.txt~"))
        try fixture.write("seeds/.a.txt.swp", "swap")
        #expect(fixture.relative(await fixture.next(timeout: 5)) == ["seeds/a.txt"])

        try fixture.write("seeds/a.txt", "third\n", atomically: true)
        #expect(fixture.relative(await fixture.next(timeout: 5)) == ["seeds/a.txt"])

        try fixture.write("seeds/.hidden", "x")
        try fixture.write("seeds/notes.tmp", "x")
        #expect(await fixture.next(timeout: 0.5) == nil)
    }

    @Test(arguments: [false, true])
    func newFoldersAndFilesAreWatched(polling: Bool) async throws {
        let fixture = try Fixture(polling: polling)
        try fixture.write("templates/partials/deep/x.mustache", "one")
        #expect(fixture.relative(await fixture.next(timeout: 5)) == ["templates/partials/deep/x.mustache"])
        // The new subfolder is watched now.
        try fixture.write("templates/partials/deep/x.mustache", "two")
        #expect(fixture.relative(await fixture.next(timeout: 5)) == ["templates/partials/deep/x.mustache"])

        try fixture.write("briefing.yml", "title: T\n")
        #expect(fixture.relative(await fixture.next(timeout: 5)) == ["briefing.yml"])
        try FileManager.default.removeItem(at: fixture.root.appendingPathComponent("briefing.yml"))
        #expect(fixture.relative(await fixture.next(timeout: 5)) == ["briefing.yml"])
        // Files beside the watched ones do not count.
        try fixture.write("other.txt", "x")
        #expect(await fixture.next(timeout: 0.5) == nil)
    }

    @Test func changesDuringABusyReaderAreMerged() async throws {
        let fixture = try Fixture(polling: false)
        try fixture.write("seeds/a.txt", "one\n")
        try await Task.sleep(for: .milliseconds(400))
        try fixture.write("seeds/b.txt", "two\n")
        try await Task.sleep(for: .milliseconds(400))
        #expect(fixture.relative(await fixture.next(timeout: 5)) == ["seeds/a.txt", "seeds/b.txt"])
    }

    @Test func stopEndsTheChanges() async throws {
        let fixture = try Fixture(polling: false)
        let watcher = fixture.watcher
        let reader = Task {
            var iterator = watcher.changes.makeAsyncIterator()
            return await iterator.next()
        }
        try await Task.sleep(for: .milliseconds(50))
        watcher.stop()
        #expect(await reader.value == nil)
    }

    @Test func ignoredNames() {
        for name in [".a.md.swp", "a.md~", "#a.md#", "4913", ".DS_Store", "a.tmp", "a.swx", "a.bak"] {
            #expect(FileWatcher.isIgnoredName(name), "\(name)")
        }
        for name in ["a.md", "a.txt", "a.claims.yml", "style.css", "briefing.yml"] {
            #expect(!FileWatcher.isIgnoredName(name), "\(name)")
        }
    }
}
