@testable import BriefingCore
import Foundation
import Testing

@Suite("Merge and Link: sidecar over extraction, ids, backlinks")
struct MergeAndLinkTests {
    func article(_ slug: String, _ paragraphs: [String], sidecar: String? = nil) throws -> Article {
        var article = Article(
            slug: slug, file: "seeds/\(slug).txt", format: .plainText, title: slug, date: nil, author: nil,
            publication: nil, url: nil, tags: [], markdown: "", markdownLineOffset: 0,
            blocks: paragraphs.enumerated().map { TextBlock(index: $0.offset, text: $0.element, line: $0.offset + 2) },
            sidecar: nil, isDraft: false)
        if let sidecar { article.sidecar = try Sidecar.parse(sidecar, file: "seeds/\(slug).claims.yml").0 }
        return article
    }

    func merge(_ article: Article) -> (ArticleClaims, [Diagnostic]) {
        ClaimMerger(article: article).merge(ClaimExtractor().extract(article.blocks))
    }

    @Test func sidecarCorrectsByTextAndKeepsTheSpan() throws {
        let a = try article("a", ["The minister said the bridge would open in May."], sidecar: """
            claims:
              - id: bridge-may
                text: the bridge would open in May
                status: disputed
                credibility: 4
            """)
        let (merged, diagnostics) = merge(a)
        #expect(diagnostics.isEmpty)
        let claim = try #require(merged.claims.first { $0.id == "bridge-may" })
        #expect(claim.status == .disputed && claim.isStatusCurated && claim.credibility == 4)
        #expect(claim.origin == .corrected)
        #expect(merged.claims.count == 1, "corrected, not duplicated")
    }

    @Test func sidecarSuppressesAClaim() throws {
        let a = try article("a", ["The minister said the bridge would open in May."], sidecar: """
            claims:
              - text: the bridge would open in May
                suppress: true
            """)
        #expect(merge(a).0.claims.isEmpty)
    }

    @Test func claimIdsDoNotDependOnOtherParagraphs() throws {
        let before = merge(try article("a", ["The mayor said the road would reopen.", "The chief said the fire was out."])).0
        let after = merge(try article("a", ["A new first paragraph.", "The mayor said the road would reopen in June.", "The chief said the fire was out."])).0
        let fire = { (claims: [Claim]) in claims.first { $0.text.contains("fire") }?.id }
        #expect(fire(before.claims) != nil)
        #expect(fire(before.claims) == fire(after.claims))
    }

    @Test func namedSourcesAreSharedAnonymousOnesScoped() throws {
        let one = merge(try article("one", ["Finance Minister Arturo Velez said the budget was late.", "A senior official said talks had failed."])).0
        let two = merge(try article("two", ["Finance Minister Arturo Velez said taxes would rise.", "A senior official said nothing was agreed."])).0
        let (graph, _) = try Linker().link([one, two], config: SiteConfig())
        #expect(graph.source("arturo-velez")?.claimIDs.count == 2)
        #expect(graph.sources.filter { $0.isAnonymous }.map(\.id).sorted() == ["one--senior-official", "two--senior-official"])
    }

    @Test func relationsResolveAndBuildBacklinks() throws {
        let a = try article("a", ["The minister said the bridge would open in May.", "Engineers said the bridge could not open before autumn."], sidecar: """
            claims:
              - id: may
                text: the bridge would open in May
              - id: autumn
                text: the bridge could not open before autumn
                disputes: may
            """)
        let (graph, _) = try Linker().link([merge(a).0], config: SiteConfig())
        #expect(graph.claim("a--autumn")?.relations == [ClaimRelation(kind: .disputes, claimID: "a--may")])
        #expect(graph.claim("a--may")?.inverseRelations == [ClaimRelation(kind: .disputes, claimID: "a--autumn")])
    }

    @Test func danglingRelationIsAnErrorAtItsLine() throws {
        let a = try article("a", ["The minister said the bridge would open in May."], sidecar: """
            claims:
              - text: the bridge would open in May
                disputes: nowhere
            """)
        #expect(throws: BuildFailure.self) { try Linker().link([merge(a).0], config: SiteConfig()) }
        do {
            _ = try Linker().link([merge(a).0], config: SiteConfig())
        } catch let failure as BuildFailure {
            #expect(failure.diagnostics.first?.location == SourceLocation(file: "seeds/a.claims.yml", line: 3, column: 15))
        }
    }
}
