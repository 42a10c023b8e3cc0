import Testing
@testable import BriefingCore

@Suite("Coreference and relations")
struct CoreferenceTests {
    @Test func pronounResolvesToLastPerson() {
        let result = extract(
            "Defense Secretary Ana Ruiz visited the base on Monday.",
            "She said the base would stay open.")
        #expect(result.sourceName(ofClaim: 0) == "Ana Ruiz")
        #expect(result.sources.first?.role == "Defense Secretary")
    }

    @Test func pronounSkipsPersonOfTheOtherGender() {
        let result = extract(
            "Rosa Quintal warned that the strike would spread. “We will not stop,” she told reporters.",
            "Martin Hale said the claims were false. “We have nothing to hide,” he said.",
            "Quintal was unimpressed by Hale’s offer. The audit, she said, would be worthless.")
        #expect(result.sourceName(ofClaim: result.claims.count - 1) == "Rosa Quintal")
    }

    @Test func theOfficialResolvesToEarlierOfficial() {
        let result = extract(
            "A senior Pentagon official acknowledged that the threat is real.",
            "‘We take it seriously,’ the official said.",
            "The source, who requested anonymity, said the troops had left. A source within the navy said ships had moved.",
            "The source said nothing else had changed.")
        #expect(result.sourceName(ofClaim: 0) == "a senior Pentagon official")
        #expect(result.sourceName(ofClaim: 1) == "a senior Pentagon official")
        #expect(result.sourceName(ofClaim: 4) == "a source within the navy")
    }

    @Test func disputeRelationTargetsTheNamedSourcesClaim() {
        let result = extract(
            "Maduro confirmed that the army has 5,000 missiles.",
            "A Pentagon official said satellite imagery has not yet confirmed Maduro’s assertions.")
        #expect(result.claims.count == 2)
        #expect(result.claims[1].relations == [ExtractedRelation(kind: .disputes, target: 0)])
        #expect(result.claims[0].relations.isEmpty)
    }

    @Test func extractionIsDeterministic() {
        let text = "‘We are ready,’ Maduro said. Officials denied it, though a spokesperson acknowledged that talks continue."
        #expect(extract(text) == extract(text))
    }
}
