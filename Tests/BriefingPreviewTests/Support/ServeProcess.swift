import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `briefing serve` running as a child process in a temporary project, with its output
/// collected; stopped with SIGINT (or killed) when done.
final class ServeProcess: @unchecked Sendable {
    let process = Process()
    private let lock = NSLock()
    private var stdoutText = ""
    private var stderrText = ""

    /// Starts the process; call `waitForURL()` to know it listens.
    init(project: URL, arguments: [String]) throws {
        process.executableURL = try Self.binary()
        process.arguments = ["serve", "--project", project.path] + arguments
        process.currentDirectoryURL = project
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        out.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard !data.isEmpty else { handle.readabilityHandler = nil; return }
            self?.append(data, toStandardError: false)
        }
        err.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard !data.isEmpty else { handle.readabilityHandler = nil; return }
            self?.append(data, toStandardError: true)
        }
        try process.run()
    }

    deinit {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    private func append(_ data: Data, toStandardError: Bool) {
        lock.lock()
        defer { lock.unlock() }
        if toStandardError { stderrText += String(decoding: data, as: UTF8.self) } else { stdoutText += String(decoding: data, as: UTF8.self) }
    }

    var stdout: String {
        lock.lock()
        defer { lock.unlock() }
        return stdoutText
    }

    var stderr: String {
        lock.lock()
        defer { lock.unlock() }
        return stderrText
    }

    /// The `http://127.0.0.1:PORT/` the server prints once it listens.
    func waitForURL(timeout: TimeInterval = 20) throws -> (host: String, port: Int) {
        var found: (String, Int)?
        try waitUntil(timeout: timeout, "the server to print its URL") {
            guard let match = self.stdout.firstMatch(of: /at http:\/\/([0-9.]+):([0-9]+)\//), let port = Int(match.2) else { return false }
            found = (String(match.1), port)
            return true
        }
        guard let found else { throw TestFailure("unreachable") }
        return found
    }

    /// Sends SIGINT and waits for the exit status.
    func interrupt(timeout: TimeInterval = 10) throws -> Int32 {
        kill(process.processIdentifier, SIGINT)
        return try waitForExit(timeout: timeout)
    }

    func waitForExit(timeout: TimeInterval = 10) throws -> Int32 {
        try waitUntil(timeout: timeout, "briefing serve to exit", exitIsFailure: false) { !self.process.isRunning }
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Polls `condition` every 20 ms. - Throws: on the timeout, or when the server exits first.
    func waitUntil(timeout: TimeInterval, _ what: String, exitIsFailure: Bool = true, _ condition: () throws -> Bool) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if try condition() { return }
            if exitIsFailure, !process.isRunning {
                throw TestFailure("briefing serve exited (\(process.terminationStatus)) while waiting for \(what)\nstdout: \(stdout)\nstderr: \(stderr)")
            }
            usleep(20_000)
        }
        throw TestFailure("timed out after \(timeout) s waiting for \(what)\nstdout: \(stdout)\nstderr: \(stderr)")
    }

    /// `$BRIEFING_BIN`, else `briefing` beside the test bundle (whatever the scratch path).
    static func binary() throws -> URL {
        if let path = ProcessInfo.processInfo.environment["BRIEFING_BIN"] { return URL(fileURLWithPath: path) }
        var starts = [Bundle.main.bundleURL, Bundle.main.executableURL?.deletingLastPathComponent()].compactMap { $0 }
        if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            starts.append(URL(fileURLWithPath: exe).deletingLastPathComponent())
        }
        for start in starts {
            var folder = start
            for _ in 0..<4 {
                let candidate = folder.appendingPathComponent("briefing")
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
                folder = folder.deletingLastPathComponent()
            }
        }
        throw TestFailure("no briefing binary near \(starts.map(\.path)); build it or set BRIEFING_BIN")
    }
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// A project in a temporary folder, removed on deinit.
final class TemporaryProject: @unchecked Sendable {
    let root: URL

    init(files: [String: String]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("briefing-serve-\(UUID().uuidString)", isDirectory: true)
        for (path, text) in files { try write(path, text) }
    }

    deinit {
        try? FileManager.default.removeItem(at: root)
    }

    func url(_ path: String) -> URL { root.appendingPathComponent(path) }

    func write(_ path: String, _ text: String) throws {
        let url = self.url(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func read(_ path: String) throws -> String {
        try String(contentsOf: url(path), encoding: .utf8)
    }
}
