import BriefingCore
import Foundation

/// Rebuilds the site for each change the watcher reports, one build at a time, and
/// tells the pages: reload after a success, show the errors after a failure (the
/// output folder then still holds the last good site).
///
/// Every rebuild is a whole `Build.run()`, the only entry the pipeline has; the
/// changed paths are passed along and printed so that an incremental build can use
/// them once the pipeline allows it.
public struct RebuildLoop: Sendable {
    public var options: BuildOptions
    public var hub: PreviewEventHub
    public var console: PreviewConsole

    public init(options: BuildOptions, hub: PreviewEventHub, console: PreviewConsole) {
        self.options = options
        self.hub = hub
        self.console = console
    }

    /// Rebuilds once per change (changes made during a build are merged into the next
    /// one) until `changes` ends.
    public func run(_ changes: FileWatcher.Changes) async {
        for await change in changes {
            await build(changed: change.paths)
        }
    }

    /// Builds and reports.
    /// - Parameter changed: absolute paths that caused the build; empty for the first one.
    /// - Returns: whether the build succeeded.
    @discardableResult
    public func build(changed: [String] = []) async -> Bool {
        let project = options.project
        let started = DispatchTime.now().uptimeNanoseconds
        let seconds = { String(format: "%.2f", Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9) }
        let what = changed.map { project.displayPath(URL(fileURLWithPath: $0)) }
        do {
            let report = try Build(options: options).run()
            console.problems(report.warnings.map(\.description))
            if what.isEmpty {
                console.info("Built \(report.articleCount) articles, \(report.claimCount) claims, \(report.sourceCount) sources: \(report.fileCount) files in \(project.displayPath(options.output)) (\(seconds()) s)")
            } else {
                console.info("Rebuilt after \(Self.summary(what)) changed (\(seconds()) s)")
            }
            await hub.buildSucceeded()
            return true
        } catch {
            let lines: [String]
            switch error {
            case let failure as BuildFailure: lines = failure.diagnostics.map(\.description)
            case let diagnostic as Diagnostic: lines = [diagnostic.description]
            default: lines = ["briefing: error: \(error)"]
            }
            console.problems(lines)
            let after = what.isEmpty ? "" : " after \(Self.summary(what)) changed"
            let kept = FileManager.default.fileExists(atPath: options.output.path)
                ? "still serving the last good site" : "nothing to serve until it is fixed"
            console.info("Build failed\(after); \(kept)")
            await hub.buildFailed(lines)
            return false
        }
    }

    /// `seeds/a.md`, `seeds/a.md and 2 more`.
    static func summary(_ paths: [String]) -> String {
        guard let first = paths.first else { return "nothing" }
        return paths.count == 1 ? first : "\(first) and \(paths.count - 1) more"
    }
}

/// Where `briefing serve` prints: progress to one stream, diagnostics to another.
public struct PreviewConsole: Sendable {
    public var info: @Sendable (String) -> Void
    /// One diagnostic per line, `path:line:column: error: message`.
    public var problems: @Sendable ([String]) -> Void

    public init(info: @escaping @Sendable (String) -> Void, problems: @escaping @Sendable ([String]) -> Void) {
        self.info = info
        self.problems = problems
    }

    /// Standard output and standard error, unbuffered (tests read them through pipes).
    public static let standard = PreviewConsole(
        info: { FileHandle.standardOutput.write(Data(($0 + "\n").utf8)) },
        problems: { lines in
            guard !lines.isEmpty else { return }
            FileHandle.standardError.write(Data(lines.map { $0 + "\n" }.joined().utf8))
        })
}
