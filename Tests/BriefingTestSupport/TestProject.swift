import Foundation

/// A briefing project in a temporary folder, written from one string (Hugo's txtar-style
/// test files):
///
///     let project = try TestProject("""
///         -- seeds/rates.md --
///         ---
///         title: Rates
///         ---
///         The bank raised rates.
///         """)
///
/// Removed when the value is deinitialized.
public final class TestProject: @unchecked Sendable {
    public let root: URL

    public init(_ files: String = "", copying source: URL? = nil) throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("briefing-test-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        if let source {
            for name in ["seeds", "templates", "briefing.yml"] {
                let from = source.appendingPathComponent(name)
                if FileManager.default.fileExists(atPath: from.path) {
                    try FileManager.default.copyItem(at: from, to: root.appendingPathComponent(name))
                }
            }
        }
        for (path, contents) in Self.parse(files) {
            try write(path, contents)
        }
    }

    deinit {
        try? FileManager.default.removeItem(at: root)
    }

    /// Splits `-- path --` sections.
    static func parse(_ text: String) -> [(String, String)] {
        var files: [(String, String)] = []
        var current: String?
        var lines: [Substring] = []
        func flush() {
            if let current { files.append((current, lines.joined(separator: "\n") + (lines.isEmpty ? "" : "\n"))) }
            lines = []
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("-- "), line.hasSuffix(" --"), line.count > 6 {
                flush()
                current = String(line.dropFirst(3).dropLast(3))
            } else if current != nil {
                lines.append(line)
            }
        }
        flush()
        return files
    }

    public func url(_ path: String) -> URL { root.appendingPathComponent(path) }

    public func write(_ path: String, _ contents: String) throws {
        try write(path, Data(contents.utf8))
    }

    public func write(_ path: String, _ data: Data) throws {
        let url = self.url(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    public func read(_ path: String) throws -> String {
        try String(contentsOf: url(path), encoding: .utf8)
    }

    public func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: url(path).path)
    }

    /// Every file under `folder`, relative paths sorted.
    public func files(under folder: String) -> [String] {
        Self.files(under: url(folder))
    }

    public static func files(under folder: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        var result: [String] = []
        while let path = enumerator.nextObject() as? String {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isFolder), !isFolder.boolValue {
                result.append(path)
            }
        }
        return result.sorted()
    }

    /// Runs the `briefing` binary with the project as working directory.
    public func run(_ arguments: [String], timeout: TimeInterval = 60) throws -> CommandResult {
        try BriefingBinary.run(arguments, in: root, timeout: timeout)
    }
}

/// Exit status and output of one run of the CLI.
public struct CommandResult: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
}

/// The `briefing` executable built beside the tests.
public enum BriefingBinary {
    /// `$BRIEFING_BIN`, else `briefing` in the folder of the test bundle.
    public static var url: URL {
        if let path = ProcessInfo.processInfo.environment["BRIEFING_BIN"] { return URL(fileURLWithPath: path) }
        var folder = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("briefing")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        // Fall back to the package's default build folder.
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return repo.appendingPathComponent(".build/debug/briefing")
    }

    /// The repository root (the sample project).
    public static var repository: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    public static func run(_ arguments: [String], in folder: URL, timeout: TimeInterval = 60) throws -> CommandResult {
        try runProgram(url, arguments, in: folder, timeout: timeout)
    }

    /// Runs any program (`python3` for the schema check) the way `run` runs the CLI.
    public static func runProgram(_ executable: URL, _ arguments: [String], in folder: URL, timeout: TimeInterval = 60) throws -> CommandResult {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes concurrently so a full pipe never blocks the child.
        let outData = LockedData(), errData = LockedData()
        let group = DispatchGroup()
        for (pipe, sink) in [(out, outData), (err, errData)] {
            group.enter()
            DispatchQueue.global().async {
                sink.set(pipe.fileHandleForReading.readDataToEndOfFile())
                group.leave()
            }
        }
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { usleep(5_000) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        group.wait()
        process.waitUntilExit()
        return CommandResult(
            status: process.terminationStatus,
            stdout: String(decoding: outData.get(), as: UTF8.self),
            stderr: String(decoding: errData.get(), as: UTF8.self))
    }
}

private final class LockedData: @unchecked Sendable {
    private var data = Data()
    private let lock = NSLock()
    func set(_ value: Data) { lock.lock(); data = value; lock.unlock() }
    func get() -> Data { lock.lock(); defer { lock.unlock() }; return data }
}
