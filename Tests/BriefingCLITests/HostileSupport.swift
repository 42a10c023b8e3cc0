import BriefingTestSupport
import Foundation
import Testing

/// What every hostile input must get: a clean build, or exit status 1 with a
/// `path:line:column: error:` line. Never a crash, a hang (the run has a deadline), a
/// blow-up (the run has a time bound), or a file written outside the output folder.
enum Hostile {
    /// A good seed to build first, so that each failure can be checked to keep the old site.
    static let goodSeed = BadInputTests.goodSeed

    /// One run of the CLI, timed.
    struct Run {
        var result: CommandResult
        var seconds: Double
        var errors: [Substring] { result.stderr.split(separator: "\n").filter { $0.contains(": error: ") } }
    }

    /// Runs `briefing` in the project and checks the run finished well within `seconds`
    /// (a debug build on 2 cores: a quadratic path shows as a timeout here) and did not
    /// crash, whatever its outcome.
    static func run(
        _ project: TestProject, _ arguments: [String] = ["build"], within seconds: Double = 10,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws -> Run {
        let start = Date()
        let result = try project.run(arguments, timeout: seconds * 3)
        let elapsed = Date().timeIntervalSince(start)
        #expect(elapsed < seconds, "took \(String(format: "%.1f", elapsed)) s (bound \(seconds) s)", sourceLocation: sourceLocation)
        #expect([0, 1].contains(result.status), "exit status \(result.status) (a crash or a kill): \(result.stderr.suffix(2_000))",
                sourceLocation: sourceLocation)
        #expect(!result.stderr.contains("Fatal error") && !result.stderr.contains("Stack dump"),
                "crashed: \(result.stderr.suffix(2_000))", sourceLocation: sourceLocation)
        return Run(result: result, seconds: elapsed)
    }

    /// Builds and expects success: exit 0, the page of `slug` written, nothing outside.
    @discardableResult
    static func expectClean(
        _ project: TestProject, page: String? = nil, within seconds: Double = 10,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws -> Run {
        let before = filesOutsideOutput(project)
        let run = try run(project, within: seconds, sourceLocation: sourceLocation)
        #expect(run.result.status == 0, "expected a clean build: \(run.result.stderr.prefix(2_000))", sourceLocation: sourceLocation)
        if let page {
            #expect(project.exists("site/\(page)"), "site/\(page) missing", sourceLocation: sourceLocation)
        }
        expectNothingWrittenOutside(project, before: before, sourceLocation: sourceLocation)
        return run
    }

    /// Builds a good site, applies `damage`, builds again and expects exit 1 with an error
    /// line containing `message` (its `path:line:column: error:` prefix included), the old
    /// site kept as it was and nothing written outside it.
    @discardableResult
    static func expectError(
        _ message: String, within seconds: Double = 10, arguments: [String] = ["build"],
        sourceLocation: Testing.SourceLocation = #_sourceLocation, _ damage: (TestProject) throws -> Void
    ) throws -> Run {
        let project = try TestProject(goodSeed)
        let first = try project.run(["build"])
        #expect(first.status == 0, "first build: \(first.stderr)", sourceLocation: sourceLocation)
        let site = siteSnapshot(project)
        try damage(project)
        let before = filesOutsideOutput(project)
        let run = try run(project, arguments, within: seconds, sourceLocation: sourceLocation)
        #expect(run.result.status == 1, "expected exit 1, got \(run.result.status): \(run.result.stderr.prefix(2_000))",
                sourceLocation: sourceLocation)
        #expect(run.errors.contains { $0.contains(message) }, "no error line with `\(message)` in: \(run.result.stderr.prefix(2_000))",
                sourceLocation: sourceLocation)
        #expect(run.errors.allSatisfy { isLocated($0) }, "error without a location: \(run.errors)", sourceLocation: sourceLocation)
        #expect(siteSnapshot(project) == site, "the previous site changed", sourceLocation: sourceLocation)
        expectNothingWrittenOutside(project, before: before, sourceLocation: sourceLocation)
        return run
    }

    /// `path: error:` or `path:line:column: error:`, the path inside the project.
    static func isLocated(_ line: Substring) -> Bool {
        guard let range = line.range(of: ": error: ") else { return false }
        let location = line[..<range.lowerBound]
        return !location.isEmpty && !location.hasPrefix("/") && location != "briefing"
    }

    // MARK: - The file system

    /// Every file of the project outside `site/` and the build cache (staging folders
    /// included), and the entries of the folder that holds the project a build could write.
    static func filesOutsideOutput(_ project: TestProject) -> Set<String> {
        var files = Set(project.files(under: ".").filter { !$0.hasPrefix("site/") && !$0.hasPrefix(".briefing-cache/") })
        let parent = project.root.deletingLastPathComponent()
        let siblings = (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
        // Other tests (and their staging folders) come and go in the same folder: only names
        // a hostile seed could make. Our own staging folders are inside the project root.
        for name in siblings where name.contains("passwd") || name.contains("escape") || name.contains("..") {
            files.insert("../\(name)")
        }
        return files
    }

    static func expectNothingWrittenOutside(
        _ project: TestProject, before: Set<String>, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        let added = filesOutsideOutput(project).subtracting(before)
        #expect(added.isEmpty, "written outside the output folder: \(added.sorted())", sourceLocation: sourceLocation)
    }

    /// Path → contents of every file under `site/`.
    static func siteSnapshot(_ project: TestProject) -> [String: Data] {
        var snapshot: [String: Data] = [:]
        for file in project.files(under: "site") {
            snapshot[file] = FileManager.default.contents(atPath: project.url("site/\(file)").path)
        }
        return snapshot
    }

    /// A Markdown seed of `body` under a title.
    static func markdown(_ body: String, title: String = "Hostile") -> String {
        "---\ntitle: \(title)\n---\n\(body)\n"
    }
}
