import BriefingTestSupport
import Foundation
import Testing

/// `briefing check --editorial`: the sidecars of a project checked against the editorial
/// rules, every problem at `path:line:column`.
@Suite("briefing check --editorial")
struct AnalysisEditorialTests {
    static let fixture = BriefingBinary.repository.appendingPathComponent("Tests/Fixtures/analysis")

    @Test func theAnalysisFixtureIsInOrder() throws {
        let project = try TestProject(copying: Self.fixture)
        let check = try project.run(["check", "--editorial"])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.contains("no editorial problems"))
    }

    @Test func listsEveryProblemWithItsPosition() throws {
        let project = try TestProject(copying: Self.fixture)
        func edit(_ path: String, _ old: String, _ new: String) throws {
            let text = try project.read(path)
            #expect(text.contains(old), "\(path) has \(old)")
            try project.write(path, text.replacingOccurrences(of: old, with: new))
        }
        // An anonymous source without its descriptor.
        try edit("seeds/a6-generator-admission.claims.yml",
                 "    descriptor: Works shifts in the dam's control room; saw the gates during the storm; has a grievance over overtime pay.\n", "")
        // A status with no evidence link.
        try edit("seeds/a2-harbor-times-sabotage.claims.yml", "    credibility: 2\n", "    credibility: 2\n    status: corroborated\n")
        // A dangling same_origin and a dangling relation.
        try edit("seeds/a4-council-questions.claims.yml", "    role: Councillor\n", "    role: Councillor\n    same_origin: nobody-at-all\n")
        try edit("seeds/a4-council-questions.claims.yml", "  - id: dane-sabotage\n", "  - id: dane-sabotage\n    disputes: no-such-claim\n")
        // A corrected claim whose words are no longer in the article.
        try edit("seeds/a3-sandvik-defends-utility.md", "jammed shortly after 2 a.m.", "jammed at dawn.")
        // A retraction without a link.
        try edit("seeds/a1-corran-gates-fail.claims.yml", "      link: https://example.org/kestrel-wire/corrections/2026-03-09\n", "")

        let check = try project.run(["check", "--editorial"])
        #expect(check.status == 1)
        let lines = check.stderr.split(separator: "\n").map(String.init)
        for expected in [
            "seeds/a1-corran-gates-fail.claims.yml:7:7: error: `retracted:` has no `link:`",
            "seeds/a2-harbor-times-sabotage.claims.yml:20:13: error: claim has status `corroborated` but no evidence link",
            "seeds/a3-sandvik-defends-utility.claims.yml:12:11: error: claim text is not in seeds/a3-sandvik-defends-utility.md",
            "seeds/a4-council-questions.claims.yml:6:18: error: source `ivo-dane` has `same_origin: nobody-at-all`, which is no source of the briefing",
            "seeds/a4-council-questions.claims.yml:15:15: error: claim `dane-sabotage` disputes `no-such-claim`, which does not exist",
            "seeds/a6-generator-admission.claims.yml:2:5: error: anonymous source `an engineer at the dam` has no descriptor",
        ] {
            #expect(lines.contains { $0.hasPrefix(expected) }, "missing: \(expected)\n\(check.stderr)")
        }
        #expect(check.stderr.contains("6 editorial problems"), "\(check.stderr)")
    }

    @Test func theSampleProjectsGapsAreListed() throws {
        let project = try TestProject(copying: BriefingBinary.repository)
        let check = try project.run(["check", "--editorial"])
        #expect(check.status == 1)
        #expect(check.stderr.contains("seeds/venezuela-igla-s-manpads.claims.yml:"), "\(check.stderr)")
        #expect(check.stderr.contains("has no descriptor"))
    }
}
