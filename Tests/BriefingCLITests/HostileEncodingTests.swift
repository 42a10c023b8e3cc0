import BriefingTestSupport
import Foundation
import Testing

/// Bytes that are not the plain UTF-8 text a seed should be: invalid sequences, a BOM,
/// CRLF and lone CR line ends, NUL bytes.
@Suite("Hostile input: encodings")
struct HostileEncodingTests {
    static let seed = Array(Hostile.markdown("The minister said the bridge would open in May.").utf8)

    // MARK: - Invalid UTF-8: an error at the first bad byte

    @Test(arguments: [
        // (bytes in the body line, column of the first bad byte)
        ([0xFF], 5),                    // never valid
        ([0xC0, 0xAF], 5),              // overlong "/"
        ([0xE0, 0x80, 0xAF], 5),        // overlong, three bytes
        ([0xED, 0xA0, 0x80], 5),        // a UTF-16 surrogate
        ([0xF4, 0x90, 0x80, 0x80], 5),  // above U+10FFFF
        ([0xE2, 0x82], 5),              // truncated, then ASCII
        ([0x80], 5),                    // a lone continuation byte
    ] as [([UInt8], Int)])
    func invalidUTF8IsAnErrorAtTheByte(bytes: [UInt8], column: Int) throws {
        try Hostile.expectError("seeds/bad.md:4:\(column): error: file is not valid UTF-8") { project in
            let data = Array("---\ntitle: Bad\n---\nThe ".utf8) + bytes + Array(" minister said so.\n".utf8)
            try project.write("seeds/bad.md", Data(data))
        }
    }

    @Test func invalidUTF8AtTheVeryEnd() throws {
        try Hostile.expectError("seeds/bad.txt:2:4: error: file is not valid UTF-8") { project in
            try project.write("seeds/bad.txt", Data(Array("Title\nAbc".utf8) + [0xF0, 0x9F]))
        }
    }

    @Test func invalidUTF8InASidecar() throws {
        try Hostile.expectError("seeds/good.claims.yml:2:9: error: file is not valid UTF-8") { project in
            try project.write("seeds/good.claims.yml", Data(Array("claims:\n  - id: ".utf8) + [0xFE] + Array("x\n".utf8)))
        }
    }

    @Test func invalidUTF8InTheConfig() throws {
        try Hostile.expectError("briefing.yml:1:8: error: file is not valid UTF-8") { project in
            try project.write("briefing.yml", Data(Array("title: ".utf8) + [0xC3, 0x28]))
        }
    }

    @Test func latin1TextIsRefusedNotGuessed() throws {
        // "Café" in Latin-1: é is 0xE9.
        try Hostile.expectError("seeds/bad.txt:1:4: error: file is not valid UTF-8; re-save it as UTF-8") { project in
            try project.write("seeds/bad.txt", Data([0x43, 0x61, 0x66, 0xE9, 0x0A, 0x41, 0x0A]))
        }
    }

    // MARK: - BOM and line ends: accepted, lines still counted right

    @Test func byteOrderMarkIsDropped() throws {
        let project = try TestProject()
        try project.write("seeds/bom.md", Data([0xEF, 0xBB, 0xBF] + Self.seed))
        try project.write("seeds/bom2.txt", Data([0xEF, 0xBB, 0xBF] + Array("BOM title\nThe minister said so.\n".utf8)))
        try project.write("seeds/bom.claims.yml", Data([0xEF, 0xBB, 0xBF] + Array("sources:\n  - id: minister\n    role: Minister\n".utf8)))
        try Hostile.expectClean(project, page: "articles/bom.html")
        let page = try project.read("site/articles/bom2.html")
        #expect(page.contains("BOM title") && !page.contains("\u{FEFF}"))
    }

    @Test func byteOrderMarkIsNotAFrontMatterLine() throws {
        // The error is still on the seed's line 3, not shifted by the BOM.
        try Hostile.expectError("seeds/bad.md:3:7: error: date `soon` is not a date") { project in
            try project.write("seeds/bad.md", Data([0xEF, 0xBB, 0xBF] + Array("---\ntitle: T\ndate: soon\n---\nText.\n".utf8)))
        }
    }

    @Test(arguments: ["\r\n", "\r"])
    func windowsAndOldMacLineEnds(ending: String) throws {
        let text = "---\ntitle: Line ends\ndate: 2025-10-24\n---\nThe minister said the bridge would open.\n\nA second paragraph.\n"
        let project = try TestProject()
        try project.write("seeds/ends.md", text.replacingOccurrences(of: "\n", with: ending))
        try project.write("seeds/plain.txt", "Plain\nThe minister said so.\n".replacingOccurrences(of: "\n", with: ending))
        try Hostile.expectClean(project, page: "articles/ends.html")
        let page = try project.read("site/articles/ends.html")
        #expect(!page.contains("\r"))
        #expect(page.contains("24 October 2025"))
        // Errors count lines the same way.
        try project.write("seeds/bad.md", "---\ntitle: Bad\n\ndate: later\n---\nText.\n".replacingOccurrences(of: "\n", with: ending))
        let failed = try Hostile.run(project)
        #expect(failed.result.status == 1)
        #expect(failed.result.stderr.contains("seeds/bad.md:4:7: error: date `later` is not a date"), "\(failed.result.stderr)")
    }

    @Test func mixedLineEnds() throws {
        let project = try TestProject()
        try project.write("seeds/mixed.txt", "Mixed\r\nOne said so.\rTwo said so.\n\r\nThree said so.\r")
        try Hostile.expectClean(project, page: "articles/mixed.html")
        let page = try project.read("site/articles/mixed.html")
        #expect(page.contains("Two said so.") && page.contains("Three said so."))
    }

    // MARK: - NUL bytes: replaced, never passed to cmark or a C string

    @Test func nulBytesBecomeReplacementCharacters() throws {
        let project = try TestProject()
        try project.write("seeds/nul.md", "---\ntitle: Nul\u{0}title\nauthor: A\u{0}B\n---\nThe minister\u{0} said the bridge \u{0}would open.\n\n\u{0}\u{0}\u{0}\n")
        try project.write("seeds/nul2.txt", "\u{0}\nThe minister said \u{0}.\n")
        try project.write("seeds/nul.claims.yml", "sources:\n  - id: minister\n    role: \"Min\\0ister\"\n")
        try Hostile.expectClean(project, page: "articles/nul.html")
        for file in project.files(under: "site") {
            let data = try #require(FileManager.default.contents(atPath: project.url("site/\(file)").path))
            #expect(!data.contains(0), "NUL byte in site/\(file)")
        }
        let page = try project.read("site/articles/nul.html")
        #expect(page.contains("Nul\u{FFFD}title"))
        #expect(page.contains("would open"), "the text after a NUL is kept")
    }

    @Test func aFileOfOnlyNulBytes() throws {
        let project = try TestProject(Hostile.goodSeed)
        try project.write("seeds/zeros.txt", Data(repeating: 0, count: 4_096))
        try Hostile.expectClean(project, page: "articles/zeros.html")
    }

    @Test func controlCharactersInTitles() throws {
        let project = try TestProject()
        try project.write("seeds/ctl.md", "---\ntitle: \"Bell\\a Esc\\e Del\\x7F Form\\f\"\n---\nThe minister said so.\n")
        try Hostile.expectClean(project, page: "articles/ctl.html")
        let page = try project.read("site/articles/ctl.html")
        #expect(!page.contains("\u{7}") && !page.contains("\u{1B}"), "control characters reach the page")
    }
}
