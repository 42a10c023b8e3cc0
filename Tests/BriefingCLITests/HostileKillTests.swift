import BriefingTestSupport
import Foundation
import Testing

/// A build killed with SIGKILL at any moment leaves the previous site byte for byte, or
/// the complete new one, never a mix; and the next build succeeds and cleans up.
@Suite("Hostile input: killed builds")
struct HostileKillTests {
    /// Enough seeds that a debug build takes about a second.
    static func seedFiles(version: Int) -> [(path: String, contents: String)] {
        (0..<120).map { index in
            ("seeds/s\(index).md", """
                ---
                title: Seed \(index) v\(version)
                date: 2025-10-\(10 + index % 19)
                ---
                Minister \(index) said the bridge \(index) would open in May, officials said on Tuesday.

                "We will not wait," the mayor of town \(index) said. Version \(version) of this text.

                """)
        }
    }

    static func project(version: Int) throws -> TestProject {
        let project = try TestProject()
        for file in seedFiles(version: version) { try project.write(file.path, file.contents) }
        return project
    }

    static func snapshot(_ folder: URL) -> [String: Data] {
        var result: [String: Data] = [:]
        for file in TestProject.files(under: folder) {
            result[file] = FileManager.default.contents(atPath: folder.appendingPathComponent(file).path)
        }
        return result
    }

    @Test func killedAtRandomPointsLeavesThePreviousSite() throws {
        let project = try Self.project(version: 1)
        let first = try project.run(["build", "--quiet"])
        try #require(first.status == 0, "\(first.stderr)")
        let old = Self.snapshot(project.url("site"))

        // The site the edited seeds give, built elsewhere (the output is deterministic).
        let reference = try Self.project(version: 2)
        let start = Date()
        let referenceBuild = try reference.run(["build", "--quiet", "--no-cache"])
        let buildTime = Date().timeIntervalSince(start)
        try #require(referenceBuild.status == 0, "\(referenceBuild.stderr)")
        let new = Self.snapshot(reference.url("site"))
        #expect(old != new)

        for file in Self.seedFiles(version: 2) { try project.write(file.path, file.contents) }

        // Kill points spread over the whole build, the write and the swap included.
        var generator = SystemRandomNumberGenerator()
        var delays = (0..<6).map { step in buildTime * (Double(step) + Double.random(in: 0..<1, using: &generator)) / 5 }
        delays.insert(0.05, at: 0)
        var outcomes: [String] = []
        for delay in delays {
            let (status, killed) = try Self.runAndKill(project, after: delay)
            let site = Self.snapshot(project.url("site"))
            let state = site == old ? "old" : site == new ? "new" : "MIXED"
            outcomes.append(String(format: "%.2f s: %@ %@", delay, killed ? "killed" : "exited \(status)", state))
            #expect(state != "MIXED", "after a kill at \(delay) s the site is neither the old nor the new one: \(outcomes)")
            if state == "new" { break }  // the build finished before the kill: nothing old left to protect
        }

        let last = try project.run(["build", "--quiet"])
        #expect(last.status == 0, "the build after the kills: \(last.stderr)")
        #expect(Self.snapshot(project.url("site")) == new, "the build after the kills gives the new site: \(outcomes)")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: project.root.path).filter { $0.contains(".building-") }
        #expect(leftovers.isEmpty, "staging folders left after a successful build: \(leftovers)")
    }

    /// Starts `briefing build` and sends SIGKILL after `delay` seconds if it still runs.
    /// - Returns: the exit status and whether the kill happened.
    static func runAndKill(_ project: TestProject, after delay: Double) throws -> (Int32, Bool) {
        let process = Process()
        process.executableURL = BriefingBinary.url
        process.arguments = ["build", "--quiet"]
        process.currentDirectoryURL = project.root
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(delay)
        while process.isRunning, Date() < deadline { usleep(1_000) }
        var killed = false
        if process.isRunning {
            killed = kill(process.processIdentifier, SIGKILL) == 0
        }
        process.waitUntilExit()
        return (process.terminationStatus, killed && process.terminationReason == .uncaughtSignal)
    }
}
