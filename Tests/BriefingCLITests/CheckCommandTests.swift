import BriefingTestSupport
import Foundation
import Testing

/// `briefing check SITE` as a process: passes on the built sample, lists every problem of
/// a deliberately broken site one a line and exits 1.
@Suite("briefing check")
struct CheckCommandTests {
    @Test func passesOnTheBuiltSample() throws {
        for arguments in [[], ["--base-url", "https://example.org/briefing/"]] {
            let project = try TestProject(copying: BriefingBinary.repository)
            let build = try project.run(["build", "--quiet"] + arguments)
            #expect(build.status == 0, "\(build.stderr)")
            let check = try project.run(["check", "site"])
            #expect(check.status == 0, "\(check.stderr)")
            #expect(check.stderr.isEmpty)
            #expect(check.stdout.contains("no problems"), "\(check.stdout)")
            #expect(try project.run(["check"]).status == 0, "site/ is the default")
        }
    }

    @Test func findsEachKindOfProblemInABrokenSite() throws {
        let project = try TestProject(copying: BriefingBinary.repository)
        #expect(try project.run(["build", "--quiet"]).status == 0)
        // One claim page gone: every link to it is broken.
        let claimPage = try #require(project.files(under: "site/claims").first { !$0.hasPrefix("index") && !$0.hasPrefix("status-") })
        try FileManager.default.removeItem(at: project.url("site/claims/\(claimPage)"))
        // Problems added to the index, one a line.
        var index = try project.read("site/index.html")
        index = index.replacingOccurrences(of: "</main>", with: """
            <a href="articles/index.html#no-such-anchor">anchor</a>
            <a href="../../escape.html">escape</a>
            <a href="/articles/index.html">root-relative</a>
            <a href="file:///etc/hosts">file</a>
            <a href='sources/'>folder</a>
            </main>
            """)
        try project.write("site/index.html", index)
        try project.write("site/orphan.html", "<!DOCTYPE html><html><head><title>Orphan</title></head><body><a href=\"index.html\">home</a></body></html>")
        try project.write("site/briefing.json", "{\"articles\": [")

        let result = try project.run(["check", "site"])
        #expect(result.status == 1)
        let errors = result.stderr.split(separator: "\n").map(String.init).filter { $0.contains(": error: ") }
        func expectError(_ file: String, _ fragment: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
            #expect(errors.contains { $0.hasPrefix(file) && $0.contains(fragment) }, "no \(file)…\(fragment) in:\n\(result.stderr)", sourceLocation: sourceLocation)
        }
        expectError("site/", "broken link `../claims/\(claimPage)`")
        expectError("site/index.html:", "no element with id `no-such-anchor` on articles/index.html")
        expectError("site/index.html:", "`../../escape.html` leaves the site")
        expectError("site/index.html:", "root-relative link `/articles/index.html`")
        expectError("site/index.html:", "`file:` URL")
        expectError("site/index.html:", "leads to a folder")
        expectError("site/orphan.html: error: ", "not reachable from index.html")
        expectError("site/briefing.json: error: ", "not valid JSON")
        #expect(errors.allSatisfy { $0.range(of: #"^site/[^:]+(:\d+:\d+)?: error: "#, options: .regularExpression) != nil }, "\(errors)")
        #expect(result.stderr.hasSuffix("problems in site\n"), "\(result.stderr)")
    }

    @Test func aMissingFolderIsAnError() throws {
        let project = try TestProject()
        let result = try project.run(["check", "nowhere"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("`nowhere` is not a folder"), "\(result.stderr)")
    }
}
