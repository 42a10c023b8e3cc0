import BriefingTestSupport
import Foundation
import Testing

/// Front matter, sidecars and `briefing.yml` that are YAML but not what they should be:
/// not a mapping, alias bombs, aliases that loop, odd dates, oversized documents.
@Suite("Hostile input: YAML")
struct HostileYAMLTests {
    // MARK: - Not a mapping

    @Test(arguments: [
        ("- just\n- a list", "seeds/bad.md:2:1: error: front matter must be a mapping of `key: value` lines, not a list"),
        ("just words", "seeds/bad.md:2:1: error: front matter must be a mapping of `key: value` lines, not `just words`"),
        ("42", "seeds/bad.md:2:1: error: front matter must be a mapping of `key: value` lines, not `42`"),
        ("!!binary aGVsbG8=", "seeds/bad.md:2:1: error: front matter must be a mapping"),
        ("? [a, b]\n: c", "seeds/bad.md:1:1: error: front matter has no `title`"),
        ("[title, x]", "seeds/bad.md:2:1: error: front matter must be a mapping of `key: value` lines, not a list"),
        ("", "seeds/bad.md:1:1: error: front matter is empty"),
        ("~", "seeds/bad.md:2:1: error: front matter must be a mapping"),
        ("title:\n  nested: mapping", "seeds/bad.md:3:3: error: `title` should be text, found a mapping"),
        ("title: [a, b]", "seeds/bad.md:2:8: error: `title` should be text, found a list"),
        ("title: T\ntitle: U", "seeds/bad.md:2:1: error: duplicate key title; keep one"),
        ("title: T\ntags: {a: b}", "seeds/bad.md:3:7: error: `tags` should be"),
        ("title: T\n\tdate: 2025-01-01", "seeds/bad.md:3:1: error: invalid YAML"),
    ] as [(String, String)])
    func frontMatterThatIsNotTheRightMapping(yaml: String, message: String) throws {
        try Hostile.expectError(message) { try $0.write("seeds/bad.md", "---\n\(yaml)\n---\nThe minister said so.\n") }
    }

    @Test(arguments: [
        ("- a\n- b", "seeds/good.claims.yml:1:1: error: sidecar must be a mapping of `key: value` lines, not a list"),
        ("words", "seeds/good.claims.yml:1:1: error: sidecar must be a mapping"),
        ("claims: words", "seeds/good.claims.yml:1:9: error: `claims` should be a list, found `words`"),
        ("claims:\n  - words", "seeds/good.claims.yml:2:5: error: `claims[0]` should be"),
        ("sources:\n  - name: X", "seeds/good.claims.yml:2:5: error: sidecar is missing `id`"),
        ("claims: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]", "seeds/good.claims.yml:1:10: error: `claims[0]` should be"),
    ] as [(String, String)])
    func sidecarThatIsNotTheRightMapping(yaml: String, message: String) throws {
        try Hostile.expectError(message) { try $0.write("seeds/good.claims.yml", yaml + "\n") }
    }

    @Test func configThatIsAList() throws {
        try Hostile.expectError("briefing.yml:1:1: error: briefing.yml must be a mapping of `key: value` lines, not a list") {
            try $0.write("briefing.yml", "- title: x\n")
        }
    }

    // MARK: - Alias bombs ("billion laughs") and alias loops

    /// Ten levels of nine aliases each: 9¹⁰ ≈ 3.5 billion leaves if ever expanded. An error
    /// about an alias points at the anchored value it stands for (`k: &k [...]`).
    static let laughs: String = {
        var yaml = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        var previous = "a"
        for name in ["b", "c", "d", "e", "f", "g", "h", "i", "j", "k"] {
            yaml += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
            previous = name
        }
        return yaml
    }()

    @Test func billionLaughsInTheFrontMatterValueIsATypeError() throws {
        try Hostile.expectError("seeds/bad.md:12:4: error: `tags[0]` should be text, found a list", within: 5) {
            try $0.write("seeds/bad.md", "---\ntitle: Laughs\n\(Self.laughs)tags: *k\n---\nThe minister said so.\n")
        }
    }

    @Test func billionLaughsInUnknownFrontMatterKeysIsIgnored() throws {
        let project = try TestProject("-- seeds/laughs.md --\n---\ntitle: Laughs\n\(Self.laughs)---\nThe minister said so.\n")
        let run = try Hostile.expectClean(project, page: "articles/laughs.html", within: 5)
        #expect(run.result.stderr.contains("seeds/laughs.md:3:1: warning: unknown front matter key `a` is ignored"))
    }

    @Test func billionLaughsInASidecar() throws {
        try Hostile.expectError("seeds/good.claims.yml:10:4: error: `sources[0]` should be a mapping, found a list", within: 5) {
            try $0.write("seeds/good.claims.yml", Self.laughs + "sources: *k\n")
        }
        try Hostile.expectError("seeds/good.claims.yml:11:4: error: `claims[0].text` should be text, found a list", within: 5) {
            try $0.write("seeds/good.claims.yml", Self.laughs + "claims:\n  - text: *k\n")
        }
    }

    @Test func billionLaughsInTheConfig() throws {
        try Hostile.expectError("briefing.yml:11:4: error: `title` should be text, found a list", within: 5) {
            try $0.write("briefing.yml", Self.laughs + "title: *k\n")
        }
    }

    @Test func aliasesThatReferToThemselves() throws {
        try Hostile.expectError("seeds/good.claims.yml:1:8: error: invalid YAML") {
            try $0.write("seeds/good.claims.yml", "a: &a [*a]\n")
        }
        try Hostile.expectError("seeds/good.claims.yml:4:15: error: invalid YAML") {
            try $0.write("seeds/good.claims.yml", "claims: &c\n  - id: x\n    text: the bridge would open\n    disputes: *c\n")
        }
        try Hostile.expectError("seeds/bad.md:3:11: error: invalid YAML: found undefined alias") {
            try $0.write("seeds/bad.md", "---\ntitle: &t T\ntags: &x [*x]\n---\nText.\n")
        }
    }

    @Test func aliasOfAScalarIsFine() throws {
        let project = try TestProject("-- seeds/alias.md --\n---\ntitle: &t Aliased\nauthor: *t\ntags: [*t, *t]\n---\nThe minister said so.\n")
        try Hostile.expectClean(project, page: "articles/alias.html")
        #expect(try project.read("site/articles/alias.html").contains("Aliased"))
    }

    @Test func mergeKeysAndTagsAreNotCode() throws {
        let project = try TestProject("""
            -- seeds/tags.md --
            ---
            base: &base {author: Base}
            <<: *base
            title: !!str 2025
            publication: !ruby/object:Gem::Requirement x
            ---
            The minister said so.
            """)
        let run = try Hostile.run(project)
        // Either a page or an error; never executed, never a crash.
        #expect(run.result.status == 0 || run.errors.allSatisfy { Hostile.isLocated($0) })
    }

    // MARK: - Size

    @Test func frontMatterLargerThanTheLimit() throws {
        try Hostile.expectError("seeds/bad.md:2:1: error: YAML is larger than 1024 KiB", within: 5) {
            let filler = String(repeating: "# a comment line that YAML would skip\n", count: 30_000)
            try $0.write("seeds/bad.md", "---\ntitle: Big\n\(filler)---\nText.\n")
        }
    }

    @Test func sidecarLargerThanTheLimit() throws {
        try Hostile.expectError("seeds/good.claims.yml:1:1: error: YAML is larger than 1024 KiB", within: 5) {
            try $0.write("seeds/good.claims.yml", "claims:\n" + String(repeating: "  - text: the bridge\n", count: 60_000))
        }
    }

    @Test func deeplyNestedFlowCollections() throws {
        // 5,000 levels of [ and {: a recursive parser's stack.
        try Hostile.expectError("seeds/good.claims.yml:", within: 5) {
            try $0.write("seeds/good.claims.yml", "claims: " + String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000) + "\n")
        }
        try Hostile.expectError("seeds/bad.md:", within: 5) {
            try $0.write("seeds/bad.md", "---\ntitle: T\ntags: " + String(repeating: "{a: ", count: 5_000) + String(repeating: "}", count: 5_000) + "\n---\nText.\n")
        }
    }

    @Test func deeplyNestedBlockMappings() throws {
        var yaml = "title: T\nx:\n"
        for depth in 1...2_000 { yaml += String(repeating: " ", count: depth) + "k\(depth):\n" }
        let project = try TestProject(Hostile.goodSeed)
        try project.write("seeds/deep.md", "---\n\(yaml)---\nThe minister said so.\n")
        let run = try Hostile.run(project, within: 10)
        #expect(run.result.status == 0 || run.errors.allSatisfy { Hostile.isLocated($0) }, "\(run.result.stderr.prefix(500))")
    }

    // MARK: - Dates

    @Test(arguments: [
        "2025-13-01", "2025-02-30", "2025-00-10", "2025-1-1", "25-10-2025", "2025/10/24", "99999-01-01", "-2025-01-01",
        "1e3", "２０２５-１０-２４", "2025-10-24 junk", "2025-10-24T\u{202E}", "2025-10-24Tomorrow", "October 24, 2025", "yesterday",
        "0x7E9-10-24", "2025-10-2", "+2025-10-24", "2025-10-24-01",
    ])
    func datesThatAreNotDates(date: String) throws {
        // A bidi override is shown escaped: it could reorder the terminal line.
        let shown = date.replacingOccurrences(of: "\u{202E}", with: "\\u{202E}")
        try Hostile.expectError("seeds/bad.md:3:7: error: date `\(shown)` is not a date; write it as YYYY-MM-DD") {
            try $0.write("seeds/bad.md", "---\ntitle: T\ndate: \"\(date)\"\n---\nText.\n")
        }
    }

    @Test(arguments: [
        ("[2025, 10, 24]", "seeds/bad.md:3:7: error: `date` should be text, found a list"),
        ("{year: 2025}", "seeds/bad.md:3:7: error: `date` should be text, found a mapping"),
    ])
    func datesOfTheWrongKind(date: String, message: String) throws {
        try Hostile.expectError(message) { try $0.write("seeds/bad.md", "---\ntitle: T\ndate: \(date)\n---\nText.\n") }
    }

    @Test(arguments: [
        ("2024-02-29", "29 February 2024"), ("2000-02-29", "29 February 2000"), ("2025-10-24T10:00:00Z", "24 October 2025"),
        ("2025-10-24 10:00", "24 October 2025"), ("0001-01-01", "1 January 1"), ("9999-12-31", "31 December 9999"),
        (" 2025-10-24 ", "24 October 2025"),
    ])
    func datesThatAreDates(date: String, shown: String) throws {
        let project = try TestProject("-- seeds/dated.md --\n---\ntitle: T\ndate: \"\(date)\"\n---\nThe minister said so.\n")
        try Hostile.expectClean(project, page: "articles/dated.html")
        #expect(try project.read("site/articles/dated.html").contains(shown))
    }

    @Test func nonLeapYearsAndCenturies() throws {
        try Hostile.expectError("seeds/bad.md:3:7: error: date `1900-02-29` is not a date") {
            try $0.write("seeds/bad.md", "---\ntitle: T\ndate: 1900-02-29\n---\nText.\n")
        }
        try Hostile.expectError("seeds/good.claims.yml:1:7: error: date `2023-02-29` is not a date") {
            try $0.write("seeds/good.claims.yml", "date: 2023-02-29\n")
        }
    }

    @Test func emptyDatesMeanNoDate() throws {
        let project = try TestProject("-- seeds/a.md --\n---\ntitle: A\ndate: ~\n---\nThe minister said so.\n-- seeds/b.md --\n---\ntitle: B\ndate:\n---\nText.\n")
        try Hostile.expectClean(project, page: "articles/a.html")
    }
}
