import BriefingTestSupport
import Foundation
import Testing

@Suite("Building sites")
struct SiteTests {
    /// The committed site/ is exactly what `briefing build` makes from this repository.
    @Test func goldenSampleSite() throws {
        let repo = BriefingBinary.repository
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("briefing-golden-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try BriefingBinary.run(["build", "--output", out.path], in: repo)
        #expect(result.status == 0, "\(result.stderr)")
        let committed = repo.appendingPathComponent("site")
        let expectedFiles = TestProject.files(under: committed).filter { !$0.hasPrefix("pagefind/") && $0 != "report.pdf" }
        let builtFiles = TestProject.files(under: out)
        #expect(builtFiles == expectedFiles, "file lists differ: run `make site` and commit site/")
        for file in builtFiles where expectedFiles.contains(file) {
            let built = try Data(contentsOf: out.appendingPathComponent(file))
            let expected = try Data(contentsOf: committed.appendingPathComponent(file))
            #expect(built == expected, "\(file) differs from the committed site/: run `make site` and commit")
        }
    }

    @Test func everyRelativeLinkAndAnchorResolves() throws {
        let project = try TestProject(copying: BriefingBinary.repository)
        try project.write("seeds/second.md", """
            ---
            title: A second article
            date: 2025-11-02
            tags: [test]
            ---
            *Caracas* — Venezuelan President Nicolás Maduro said on Sunday that the systems were **ready**.

            > “We are prepared,” Maduro said.
            """)
        let result = try project.run(["build"])
        #expect(result.status == 0, "\(result.stderr)")
        let check = try project.run(["check", "site"])
        #expect(check.status == 0, "briefing check: \(check.stderr)")
    }

    @Test func buildsAreByteIdenticalAcrossFoldersAndTimes() throws {
        let a = try TestProject(copying: BriefingBinary.repository)
        let b = try TestProject(copying: BriefingBinary.repository)
        #expect(try a.run(["build"]).status == 0)
        Thread.sleep(forTimeInterval: 1.1)
        #expect(try b.run(["build"]).status == 0)
        let files = a.files(under: "site")
        #expect(files == b.files(under: "site"))
        for file in files {
            #expect(try a.read("site/\(file)") == b.read("site/\(file)"), "\(file) differs")
        }
    }

    @Test func projectWithoutTemplatesUsesTheDefaultTheme() throws {
        let project = try TestProject("""
            -- seeds/plain.txt --
            A plain title

            The mayor said the road would reopen.
            """)
        let result = try project.run(["build"])
        #expect(result.status == 0, "\(result.stderr)")
        let page = try project.read("site/articles/plain.html")
        #expect(page.contains("<h1 id=\"article-title\">A plain title</h1>"))
        #expect(project.exists("site/assets/style.css"))
        #expect(page.contains("href=\"../assets/style.css\""))
    }

    @Test func projectTemplateOverridesOneFile() throws {
        let project = try TestProject("""
            -- seeds/plain.txt --
            Title
            Body.
            -- templates/partials/article-item.mustache --
            <li class="custom-item">{{title}}</li>
            """)
        #expect(try project.run(["build"]).status == 0)
        let index = try project.read("site/index.html")
        #expect(index.contains("<li class=\"custom-item\">Title</li>"))
        #expect(index.contains("<nav aria-label=\"Site\">"), "the rest of the theme is the default")
    }

    @Test func draftsAreLeftOutUnlessAskedFor() throws {
        let project = try TestProject("""
            -- seeds/final.md --
            ---
            title: Final
            ---
            Text.
            -- seeds/wip.md --
            ---
            title: Work in progress
            draft: true
            ---
            Text.
            """)
        #expect(try project.run(["build"]).status == 0)
        #expect(!project.exists("site/articles/wip.html"))
        #expect(try project.run(["build", "--drafts"]).status == 0)
        #expect(project.exists("site/articles/wip.html"))
    }

    @Test func surnameInOneArticleIsTheFullNameOfAnother() throws {
        let project = try TestProject("""
            -- seeds/a.md --
            ---
            title: A
            ---
            Finance Minister Arturo Velez said on Monday that the budget would be delayed.
            -- seeds/b.md --
            ---
            title: B
            ---
            Velez warned that the strike had cost more than 5,000 jobs.
            """)
        let result = try project.run(["build"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(project.exists("site/sources/arturo-velez.html"))
        #expect(!project.exists("site/sources/velez.html"))
        let page = try project.read("site/sources/arturo-velez.html")
        #expect(page.contains("budget would be delayed") && page.contains("strike had cost"))
    }

    /// `--timings` names every stage in pipeline order with its seconds and the peak memory.
    @Test func timingsListEveryStage() throws {
        let project = try TestProject(copying: BriefingBinary.repository)
        let result = try project.run(["build", "--quiet", "--timings", "--no-cache"])
        #expect(result.status == 0, "\(result.stderr)")
        let stages = result.stdout.split(separator: "\n").compactMap { line -> String? in
            let fields = line.split(separator: " ")
            guard fields.count >= 6, Double(fields[1]) != nil, fields[2] == "s", fields[3] == "(peak",
                  let mib = Int(fields[5]), mib > 0 else { return nil }
            return String(fields[0])
        }
        #expect(stages == ["load", "extract", "link", "analyze", "render", "write"], "\(result.stdout)")

        // Under render: each kind of page, how many, and their CPU time.
        var pages: [String: Int] = [:]
        for line in result.stdout.split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard fields.count == 6, fields[2] == "pages", Double(fields[3]) != nil, fields[5] == "CPU", let count = Int(fields[1]) else { continue }
            pages[String(fields[0])] = count
        }
        #expect(pages["article"] == 1, "the sample has one article: \(result.stdout)")
        let json = try JSONSerialization.jsonObject(with: Data(project.read("site/briefing.json").utf8)) as? [String: Any]
        #expect(pages["claim"] == (json?["claims"] as? [Any])?.count, "one claim page per claim: \(result.stdout)")
        #expect(Set(pages.keys).isSuperset(of: ["index", "listing", "article", "claim", "source", "report", "timeline"]))
    }

    @Test func versionFlag() throws {
        let result = try BriefingBinary.run(["--version"], in: BriefingBinary.repository)
        #expect(result.status == 0)
        #expect(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3)
    }
}
