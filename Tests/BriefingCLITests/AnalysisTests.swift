import BriefingTestSupport
import Foundation
import Testing

/// The Analyze stage on an invented story with known answers: Tests/Fixtures/analysis,
/// six articles (3–9 March 2026) about the Corran Dam failure, with sidecars.
///
/// | case | claims | answer |
/// |---|---|---|
/// | corroborated | "the spillway gates jammed shortly after 2 a.m." by the Regional Water Authority (a2), Lena Okafor (a3), the Courier (a6, `independent: false`) | two independent origins; credibility 1 suggested |
/// | circular | "the utility had ignored three warnings…" by the Valley Post (a4) and the Courier (a5), both citing the Marlowe Observer | one origin: warning, `--strict` fails |
/// | retraction | Kestrel Wire (source, `retracted`) reported sabotage (a1); the Harbor Times cites it (a2); Ivo Dane says it too (a4), corroborated only through Kestrel | banners on exactly the pages listed below |
/// | misattribution | "Nobody could have predicted a flood of this size": Mayor Brandt (a2), Piet Sandvik (a5) | flagged both ways |
/// | drift | Sandvik: "…opened on schedule…" (a1) → "…opened on time…" (a3) | word diff schedule → time |
/// | hardening | Sandvik on the generator: suggested (a1) → said (a3) → admitted (a6) | two hardened cue changes |
@Suite("Analysis: clusters, corroboration, retractions, quotes, provenance")
struct AnalysisTests {
    /// The fixture built once for the suite.
    /// Read-only after the build; `json` is what JSONSerialization returns.
    struct Built: @unchecked Sendable {
        let project: TestProject
        let result: CommandResult
        let json: [String: Any]

        func page(_ path: String) throws -> String { try project.read("site/\(path)") }

        func claim(_ id: String) throws -> [String: Any] {
            let claims = try #require(json["claims"] as? [[String: Any]])
            return try #require(claims.first { $0["id"] as? String == id }, "claim \(id) in briefing.json")
        }

        func cluster(containing id: String) throws -> [String: Any] {
            let clusters = try #require(json["clusters"] as? [[String: Any]])
            return try #require(clusters.first { ($0["claims"] as? [String])?.contains(id) == true }, "cluster of \(id)")
        }
    }

    static let fixture = BriefingBinary.repository.appendingPathComponent("Tests/Fixtures/analysis")

    static let built: Result<Built, any Error> = Result {
        let project = try TestProject(copying: fixture)
        let result = try project.run(["build", "--no-cache"])
        let data = try Data(contentsOf: project.url("site/briefing.json"))
        let json = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
        return Built(project: project, result: result, json: json)
    }

    static func site() throws -> Built {
        let built = try Self.built.get()
        #expect(built.result.status == 0, "\(built.result.stderr)")
        return built
    }

    // MARK: - Corroboration

    @Test func twoIndependentSourcesCorroborateAndCredibilityOneIsSuggested() throws {
        let site = try Self.site()
        let cluster = try site.cluster(containing: "a3-sandvik-defends-utility--okafor-gates-jammed")
        #expect(cluster["claims"] as? [String] == [
            "a2-harbor-times-sabotage--authority-gates-jammed",
            "a3-sandvik-defends-utility--okafor-gates-jammed",
            "a6-generator-admission--courier-gates-jammed",
        ])
        let corroboration = try #require(cluster["corroboration"] as? [String: Any])
        #expect(corroboration["verdict"] as? String == "corroborated")
        #expect(corroboration["origins"] as? [String] == ["lena-okafor", "regional-water-authority"])
        let chains = try #require(corroboration["chains"] as? [[String: Any]])
        #expect(chains.count == 1, "only the Courier's chain has a step")
        #expect(chains.first?["sources"] as? [String] == ["estbury-courier", "regional-water-authority"])
        #expect(chains.first?["steps"] as? [String] == ["repeats"], "independent: false in the sidecar")

        // Suggested, never set: the sidecar's credibility 2 stays.
        let authority = try site.claim("a2-harbor-times-sabotage--authority-gates-jammed")
        #expect(authority["suggestedCredibility"] as? Int == 1)
        #expect(authority["credibility"] as? Int == 2)
        #expect(try site.claim("a3-sandvik-defends-utility--okafor-gates-jammed")["suggestedCredibility"] as? Int == 1)

        let page = try site.page("claims/a3-sandvik-defends-utility--okafor-gates-jammed.html")
        #expect(page.contains("<strong>Corroborated:</strong> 3 sources state this claim; they trace back to 2 independent origins: <span class=\"origin-list\"><a href=\"../sources/lena-okafor.html\">Lena Okafor</a><a href=\"../sources/regional-water-authority.html\">Regional Water Authority</a></span>."))
        #expect(page.contains("<span class=\"via\">repeating</span> <a href=\"../sources/regional-water-authority.html\">Regional Water Authority</a>"), "the Courier's chain")
        #expect(page.contains("Credibility 1 suggested"))
        #expect(page.contains("(grade B1)"), "Okafor's reliability B with the suggested credibility 1")
        #expect(page.contains("Source reliability B"))
        #expect(site.result.stdout.contains("credibility 1 (confirmed by other sources) suggested, not set, for 3 claims"))
    }

    @Test func supportersCitingOneOriginAreCircularReporting() throws {
        let site = try Self.site()
        let cluster = try site.cluster(containing: "a4-council-questions--valley-post-warnings")
        let corroboration = try #require(cluster["corroboration"] as? [String: Any])
        #expect(corroboration["verdict"] as? String == "circular")
        #expect(corroboration["origins"] as? [String] == ["marlowe-observer"])
        #expect(corroboration["sources"] as? [String] == ["estbury-courier", "valley-post"])
        let chains = try #require(corroboration["chains"] as? [[String: Any]])
        #expect(Set(chains.compactMap { ($0["sources"] as? [String])?.joined(separator: ">") })
                == ["valley-post>marlowe-observer", "estbury-courier>marlowe-observer"])
        #expect(try site.claim("a5-who-said-it--courier-warnings")["suggestedCredibility"] == nil)

        let page = try site.page("claims/a5-who-said-it--courier-warnings.html")
        #expect(page.contains("<strong>Circular reporting:</strong> 2 sources state this claim, but all trace back to one origin"))
        #expect(page.contains("<span class=\"via\">citing</span> <a href=\"../sources/marlowe-observer.html\">the Marlowe Observer</a> <span class=\"badge\">origin</span>"))

        #expect(site.result.stderr.contains(
            "seeds/a4-council-questions.md:8:1: warning: claim `valley-post-warnings` looks corroborated by 2 sources (The Estbury Courier, The Valley Post) but all trace back to one origin, the Marlowe Observer: circular reporting"))
        let strict = try TestProject(copying: Self.fixture).run(["build", "--strict", "--no-cache"])
        #expect(strict.status == 1)
        #expect(strict.stderr.contains("seeds/a4-council-questions.md:8:1: error: claim `valley-post-warnings`"))
        #expect(strict.stderr.contains("(--strict)"))
    }

    // MARK: - Retractions

    @Test func aRetractedSourceFlagsEveryPageThatShowsADependentClaim() throws {
        let site = try Self.site()
        let withBanner = site.project.files(under: "site").filter { $0.hasSuffix(".html") }.filter { path in
            (try? site.page(path).contains("class=\"retraction-banner\"")) == true
        }
        #expect(Set(withBanner) == [
            // Kestrel Wire's own claim, the Harbor Times citing it, Ivo Dane corroborated only through it…
            "claims/a1-corran-gates-fail--kestrel-sabotage.html",
            "claims/a2-harbor-times-sabotage--harbor-sabotage.html",
            "claims/a4-council-questions--dane-sabotage.html",
            "articles/a1-corran-gates-fail.html", "articles/a2-harbor-times-sabotage.html", "articles/a4-council-questions.html",
            "sources/kestrel-wire.html", "sources/harbor-times.html", "sources/ivo-dane.html",
            "clusters/a1-corran-gates-fail--kestrel-sabotage.html",
            // …and the discredited claim of the anonymous engineer.
            "claims/a6-generator-admission--engineer-not-serviced.html",
            "articles/a6-generator-admission.html",
            "sources/a6-generator-admission--engineer-at-the-dam.html",
        ])

        func dependencies(_ id: String) throws -> [String] {
            try #require(site.claim(id)["dependsOnRetracted"] as? [[String: Any]]).compactMap {
                guard let kind = $0["kind"] as? String, let subject = $0["subject"] as? String else { return nil }
                return "\(kind):\(subject)"
            }
        }
        #expect(try dependencies("a1-corran-gates-fail--kestrel-sabotage") == ["source:kestrel-wire"])
        #expect(try dependencies("a2-harbor-times-sabotage--harbor-sabotage") == ["cites:kestrel-wire"])
        #expect(try dependencies("a4-council-questions--dane-sabotage") == ["corroboration:kestrel-wire"])
        #expect(try dependencies("a6-generator-admission--engineer-not-serviced") == ["itself:a6-generator-admission--engineer-not-serviced"])
        #expect(try site.claim("a4-council-questions--dane-sabotage")["suggestedCredibility"] == nil, "no suggestion resting on a retraction")
        let sources = try #require(site.json["sources"] as? [[String: Any]])
        let kestrel = try #require(sources.first { $0["id"] as? String == "kestrel-wire" })
        #expect((kestrel["retraction"] as? [String: Any])?["kind"] as? String == "retracted")

        let dane = try site.page("claims/a4-council-questions--dane-sabotage.html")
        #expect(dane.contains("It was corroborated only through retracted material"))
        #expect(dane.contains("<strong>Not any more:</strong>"))
        let source = try site.page("sources/kestrel-wire.html")
        #expect(source.contains("<strong>Retracted:</strong> Kestrel Wire withdrew its sabotage report on 9 March"))
        #expect(source.contains("href=\"https://example.org/kestrel-wire/corrections/2026-03-09\""))

        #expect(site.result.stdout.contains(
            "retracted: source `kestrel-wire` (Kestrel Wire withdrew its sabotage report on 9 March; the gate motors had not been touched.): 3 claims depend on it"))
        #expect(site.result.stdout.contains("banners on 3 article pages (a1-corran-gates-fail, a2-harbor-times-sabotage, a4-council-questions) and 3 source pages (harbor-times, ivo-dane, kestrel-wire)"))
    }

    // MARK: - Quotes

    @Test func theSameWordsFromTwoSpeakersAreAPossibleMisattribution() throws {
        let site = try Self.site()
        let brandt = "a2-harbor-times-sabotage--brandt-nobody-predicted", sandvik = "a5-who-said-it--sandvik-nobody-predicted"
        for (id, other) in [(brandt, sandvik), (sandvik, brandt)] {
            let findings = try #require(site.claim(id)["quoteFindings"] as? [[String: Any]])
            #expect(findings.count == 1)
            #expect(findings.first?["kind"] as? String == "misattribution")
            #expect(findings.first?["claims"] as? [String] == [other])
        }
        #expect(try site.cluster(containing: brandt)["corroboration"] == nil, "a misattributed quote corroborates nothing")
        let page = try site.page("claims/\(sandvik).html")
        #expect(page.contains("<h2>Possible misattribution</h2>"))
        #expect(page.contains("<a href=\"../sources/orla-brandt.html\">Orla Brandt</a>, 4 March 2026"))
    }

    @Test func oneSpeakersChangedWordingIsDriftWithAWordDiff() throws {
        let site = try Self.site()
        let findings = try #require(site.claim("a3-sandvik-defends-utility--sandvik-on-time")["quoteFindings"] as? [[String: Any]])
        let drift = try #require(findings.first { $0["kind"] as? String == "drift" })
        #expect(drift["claims"] as? [String] == ["a1-corran-gates-fail--sandvik-on-schedule"])
        let diff = try #require(drift["diff"] as? [[String: String]])
        #expect(diff.map { "\($0["kind"] ?? ""):\($0["text"] ?? "")" } == [
            "same:The gates were opened on", "removed:schedule", "added:time", "same:and every safety protocol was followed",
        ])
        #expect(try site.claim("a1-corran-gates-fail--sandvik-on-schedule")["quoteFindings"] == nil, "the first wording is not flagged")
        let page = try site.page("claims/a3-sandvik-defends-utility--sandvik-on-time.html")
        #expect(page.contains("<h2>Quote drift</h2>"))
        #expect(page.contains("<span>The gates were opened on</span> <del>schedule</del> <ins>time</ins> <span>and every safety protocol was followed</span>"))
    }

    // MARK: - Provenance

    @Test func aCueThatHardensOverTimeIsTracedFromItsFirstAppearance() throws {
        let site = try Self.site()
        let cluster = try site.cluster(containing: "a6-generator-admission--sandvik-generator-admitted")
        #expect(cluster["id"] as? String == "a1-corran-gates-fail--sandvik-generator-suggested", "named after its first appearance")
        #expect(cluster["claims"] as? [String] == [
            "a1-corran-gates-fail--sandvik-generator-suggested",
            "a3-sandvik-defends-utility--sandvik-generator-said",
            "a6-generator-admission--sandvik-generator-admitted",
        ])
        let changes = try #require(cluster["cueChanges"] as? [[String: String]])
        #expect(changes.map { "\($0["from"] ?? "")>\($0["to"] ?? ""):\($0["shift"] ?? "")" } == ["suggested>said:hardened", "said>admitted:hardened"])

        let page = try site.page("claims/a6-generator-admission--sandvik-generator-admitted.html")
        #expect(page.contains("<time datetime=\"2026-03-03\">3 March 2026</time>"))
        #expect(page.contains("<span class=\"cue-change cue-hardened\">said → admitted: hardened</span>"))
        #expect(page.contains("<span class=\"badge\">first appearance</span>"))
        let clusterPage = try site.page("clusters/a1-corran-gates-fail--sandvik-generator-suggested.html")
        #expect(clusterPage.contains("suggested → said: hardened"))
        // Every appearance, as the claim item other pages list, under its date; the first marked.
        #expect(clusterPage.contains("<h3><time datetime=\"2026-03-03\">3 March 2026</time></h3>"))
        #expect(clusterPage.contains("<li class=\"appearance-note\">First appearance</li>"))
        for id in ["a1-corran-gates-fail--sandvik-generator-suggested", "a3-sandvik-defends-utility--sandvik-generator-said", "a6-generator-admission--sandvik-generator-admitted"] {
            #expect(clusterPage.contains("<a class=\"claim-link\" href=\"../claims/\(id).html\">"))
        }
        let timeline = try site.page("timeline.html")
        #expect(timeline.contains("first of 3 appearances"))
        #expect(timeline.contains("<span class=\"cue-change cue-hardened\">said → admitted</span>"))
    }

    // MARK: - The site as a whole

    @Test func theBuiltSiteChecksAndBriefingJSONMatchesItsSchema() throws {
        let site = try Self.site()
        let check = try site.project.run(["check", "site"])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(site.result.stdout.contains("analysis: 6 claim clusters (15 claims); 2 corroborated by independent sources, 1 circular; 2 quotes possibly misattributed, 1 drifted; 2 cues hardened on repetition; 4 claims depend on retracted or discredited material"))
        guard let python = ReaderTools.python else { return }
        let validation = try BriefingBinary.runProgram(python, [
            BriefingBinary.repository.appendingPathComponent("scripts/validate-json-schema.py").path,
            BriefingBinary.repository.appendingPathComponent("docs/briefing.schema.json").path,
            site.project.url("site/briefing.json").path,
        ], in: site.project.root)
        #expect(validation.status == 0 || validation.status == 3, "\(validation.stdout)\(validation.stderr)")
    }

    @Test func articleClaimLinksHaveAProgressivePreviewFromThePage() throws {
        let site = try Self.site()
        let article = try site.page("articles/a3-sandvik-defends-utility.html")
        #expect(article.contains("<script src=\"../assets/preview.js\" defer></script>"))
        #expect(site.project.exists("site/assets/preview.js"))
        // Each claim link in the text works on its own and finds its preview in the side panel.
        let links = article.matches(of: /<a class="claim" id="claim-[a-z0-9-]+" href="([^"]+)" title="[^"]+">/).map { String($0.1) }
        #expect(links.count == 3)
        for href in links { #expect(article.contains("<a class=\"claim-link\" href=\"\(href)\">"), "\(href) in the side panel") }
        let script = try site.page("assets/preview.js")
        #expect(!script.contains("http"), "no external resources")
    }

    /// `--no-analysis` (what the benchmark compares against): the same pages without the
    /// analysis sections, no clusters in briefing.json, and a later full build brings them back.
    @Test func withoutAnalysisPagesHaveNoAnalysisSections() throws {
        let project = try TestProject(copying: Self.fixture)
        let plain = try project.run(["build", "--quiet", "--no-analysis"])
        #expect(plain.status == 0, "\(plain.stderr)")
        let claimPage = "site/claims/a3-sandvik-defends-utility--okafor-gates-jammed.html"
        #expect(try !project.read(claimPage).contains("corroboration-heading"))
        #expect(try !project.read("site/briefing.json").contains("\"clusters\": [\n"))
        #expect(!project.exists("site/clusters"))
        #expect(try project.run(["build", "--quiet"]).status == 0)
        #expect(try project.read(claimPage).contains("corroboration-heading"))
    }

    // MARK: - Incremental builds

    @Test func anIncrementalBuildRendersWhatANewRepetitionChanges() throws {
        let project = try TestProject(copying: Self.fixture)
        #expect(try project.run(["build", "--quiet"]).status == 0)
        try project.write("seeds/a7-late-repeat.md", """
            ---
            title: A week later
            date: 2026-03-10
            ---
            Lena Okafor said that the backup generator had failed during the storm.
            """)
        #expect(try project.run(["build", "--quiet"]).status == 0)
        let incremental = try project.read("site/claims/a1-corran-gates-fail--sandvik-generator-suggested.html")
        #expect(incremental.contains("4 appearances"), "the other articles' claim pages show the new repetition")
        #expect(try project.run(["build", "--quiet", "--no-cache"]).status == 0)
        #expect(try project.read("site/claims/a1-corran-gates-fail--sandvik-generator-suggested.html") == incremental)
    }
}
