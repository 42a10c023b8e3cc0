import Testing
@testable import BriefingCore

@Suite("Claim shapes")
struct ClaimShapeTests {
    @Test func saidThatWithTitleAndSurname() {
        let result = extract(
            "Venezuelan President Nicolás Maduro spoke on Monday.",
            "Speaking from the palace, Maduro confirmed that the army has 5,000 missiles.")
        #expect(result.claims.count == 1)
        #expect(result.claims.first?.cue == "confirmed")
        #expect(result.claims.first?.text == "the army has 5,000 missiles")
        #expect(result.claims.first?.isDirectQuote == false)
        let maduro = result.sources.first
        #expect(maduro?.name == "Nicolás Maduro")
        #expect(maduro?.role == "President")
        #expect(maduro?.kind == .person)
    }

    @Test func quoteThenSaidThenJoinedQuote() {
        let result = extract("‘We are ready,’ Maduro said. ‘Nobody will cross the border.’")
        #expect(result.claims.count == 1)
        #expect(result.claims.first?.text == "We are ready. Nobody will cross the border")
        #expect(result.claims.first?.isDirectQuote == true)
    }

    @Test func invertedSaidWithAnonymousSource() {
        let result = extract("“Every soldier knows the plan,” said a retired colonel, who spoke on condition of anonymity.")
        #expect(result.sourceName(ofClaim: 0) == "a retired colonel")
        #expect(result.sources.first?.isAnonymous == true)
    }

    @Test func saidColonQuote() {
        let result = extract("The minister said: “The budget is balanced.”")
        #expect(result.claims.first?.text == "The budget is balanced")
        #expect(result.claims.first?.isDirectQuote == true)
    }

    @Test func accordingToBeforeAndAfter() {
        let result = extract(
            "According to sources within the military, the systems are spread across 12 zones.",
            "Troops were spotted near the border, according to a source within the U.S. military.")
        #expect(result.claims.map(\.text) == ["the systems are spread across 12 zones", "Troops were spotted near the border"])
        #expect(result.sources.map(\.name) == ["sources within the military", "a source within the U.S. military"])
        #expect(result.claims.allSatisfy { $0.cue.lowercased() == "according to" })
    }

    @Test func citingReportedThat() {
        let result = extract("The Washington Post, citing anonymous sources within the administration, reported on October 22 that the plan was approved.")
        #expect(result.claims.count == 1)
        #expect(result.sourceName(ofClaim: 0) == "The Washington Post")
        #expect(result.claims.first?.text == "the plan was approved")
        let cited = result.claims.first?.citedSourceKeys.compactMap { key in result.sources.first { $0.key == key }?.name }
        #expect(cited == ["anonymous sources within the administration"])
    }

    @Test func accusedOfAndDescribedAs() {
        let result = extract(
            "Officials accused the company of hiding the data.",
            "The source described the deployment as ‘a show of force, not an invasion.’")
        #expect(result.claims.map(\.text) == ["the company of hiding the data", "a show of force, not an invasion"])
        #expect(result.claims.map(\.cue) == ["accused", "described"])
    }

    @Test func quoteSaidAddingThatIsOneClaim() {
        let result = extract("‘We take such claims seriously,’ the official said, adding that satellite images have not confirmed the figures.")
        #expect(result.claims.count == 1)
        #expect(result.claims.first?.text == "We take such claims seriously, satellite images have not confirmed the figures")
    }

    @Test func participleAfterCommaTakesMainSubject() {
        let result = extract("The spokesperson declined to comment on the report, stating that the administration does not discuss leaks.")
        #expect(result.claims.count == 1)
        #expect(result.claims.first?.cue == "stating")
        #expect(result.sourceName(ofClaim: 0) == "the spokesperson")
    }

    @Test func withSubjectParticiple() {
        let result = extract("Officials remain tight-lipped, with one administration insider suggesting that no action is planned.")
        #expect(result.sourceName(ofClaim: 0) == "one administration insider")
        #expect(result.claims.first?.text == "no action is planned")
    }

    @Test func deniedAndThoughAcknowledgedSplitAtTheBoundary() {
        let result = extract("U.S. officials have repeatedly denied any involvement, though a State Department spokesperson acknowledged that ‘the U.S. remains concerned.’")
        #expect(result.claims.map(\.text) == ["any involvement", "the U.S. remains concerned"])
        #expect(result.sources.map(\.name) == ["U.S. officials", "a State Department spokesperson"])
    }

    @Test func whoClauseSubject() {
        let result = extract("The troops met rebukes from Venezuelan officials, who have accused the U.S. of provoking a conflict.")
        #expect(result.sourceName(ofClaim: 0) == "Venezuelan officials")
    }

    @Test func beliefsAndEvidence() {
        let result = extract(
            "Researchers believe the effect is small.",
            "Polls show support for the plan has fallen.",
            "A study published in March found that sleep improves memory.",
            "The agency’s assessment is that the risk is low.")
        #expect(result.claims.count == 4)
        #expect(result.sources.map(\.kind) == [.group, .document, .document, .organization])
    }

    @Test func narrationIsNotAClaim() {
        let result = extract(
            "The lighthouse was built in 1880 and shows a white light every ten seconds.",
            "The official declined to comment. Officials did not confirm the figures.",
            "The report was published on Tuesday.")
        #expect(result.claims.isEmpty)
        #expect(result.sources.isEmpty)
    }

    @Test func spansCoverTheClaimSentenceExactly() {
        let paragraphs = [
            "Intro with “curly” quotes — and the nation’s 5,000 émigrés. ‘Q is here,’ Maduro said. Later text.",
            "According to the ministry, the talks failed.",
        ]
        let result = ClaimExtractor().extract(paragraphs.enumerated().map { TextBlock(index: $0.offset, text: $0.element, line: 1) })
        #expect(result.claims.count == 2)
        for claim in result.claims {
            let covered = text(at: claim.span, in: paragraphs)
            #expect(covered != nil)
            let words = claim.text.split(separator: " ").map(String.init)
            #expect(words.allSatisfy { covered?.contains($0) ?? false })
        }
        #expect(text(at: result.claims[0].span, in: paragraphs) == "‘Q is here,’ Maduro said.")
    }
}
