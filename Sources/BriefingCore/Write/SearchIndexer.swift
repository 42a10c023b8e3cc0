import Foundation

/// Builds the Pagefind full-text index of a written site: `briefing build --search`.
///
/// Runs on the staging folder before it is swapped into place, so the published output
/// is never a site without its index (or half an index). Pagefind writes `pagefind/`
/// (the index, and the UI script the theme's search box loads); the pages say what to
/// index with `data-pagefind-body`, `-ignore` and `-weight`.
///
/// The command: `$BRIEFING_PAGEFIND` when set, else `pagefind` on the `PATH`, else
/// `python3 -m pagefind` (PyPI's `pagefind[bin]` ships the binary that way).
public struct SearchIndexer: Sendable {
    private let environment: [String: String]

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    static let installHint = "install it with `pip install 'pagefind[bin]'`, or build without --search"

    /// Indexes `folder` in place (writes `folder/pagefind/`).
    /// - Parameter displayName: how the output is named in diagnostics.
    /// - Throws: `BuildFailure` when Pagefind is missing or fails.
    public func index(_ folder: URL, displayName: String) throws {
        guard let command = command() else {
            throw failure(displayName, "cannot build the search index: Pagefind is not installed; \(Self.installHint)")
        }
        let process = Process()
        process.executableURL = command.executable
        process.arguments = command.arguments + ["--site", folder.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw failure(displayName, "cannot run \(command.executable.path): \(error.localizedDescription); \(Self.installHint)")
        }
        // One pipe for both streams, read to its end: the child can never block on a full pipe.
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            if text.contains("No module named pagefind") {
                throw failure(displayName, "cannot build the search index: Pagefind is not installed; \(Self.installHint)")
            }
            let tail = text.split(separator: "\n").suffix(3).joined(separator: " / ")
            throw failure(displayName, "Pagefind failed (exit \(process.terminationStatus)): \(tail)")
        }
        guard FileManager.default.fileExists(atPath: folder.appendingPathComponent("pagefind/pagefind-ui.js").path) else {
            throw failure(displayName, "Pagefind ran but wrote no pagefind/pagefind-ui.js; check that it is Pagefind 1.x (\(Self.installHint))")
        }
    }

    /// The command to run, without `--site`; nil when none is found.
    func command() -> (executable: URL, arguments: [String])? {
        if let explicit = environment["BRIEFING_PAGEFIND"], !explicit.isEmpty {
            return (URL(fileURLWithPath: explicit), [])
        }
        if let binary = executable(named: "pagefind") { return (binary, []) }
        if let python = executable(named: "python3") { return (python, ["-m", "pagefind"]) }
        return nil
    }

    private func executable(named name: String) -> URL? {
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") where !folder.isEmpty {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    private func failure(_ displayName: String, _ message: String) -> BuildFailure {
        BuildFailure([.error(.write, at: SourceLocation(file: displayName), message)])
    }
}
