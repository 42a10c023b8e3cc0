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

@Suite("Coreference: latter, former and back-references")
struct BackReferenceTests {
    @Test func latterIsTheSecondOfAPair() {
        let result = extract("Tensions rose between the U.S. and Venezuela, with the latter accusing Washington of plotting a coup.")
        #expect(result.sourceName(ofClaim: 0) == "Venezuela")
    }

    @Test func latterAndFormerWithoutAnAndPair() {
        let result = extract(
            "Colvin spoke to Price by phone, with the latter warning that the budget could not cover the clean-up.",
            "Salvatierra met Ferreyra on Friday, and the former insisted afterwards that the accounts were in order.")
        #expect(result.sourceName(ofClaim: 0) == "Price")
        #expect(result.sourceName(ofClaim: 1) == "Salvatierra")
    }

    @Test func latterWithNothingBeforeItIsNoSource() {
        let result = extract("The latter said the talks had failed.")
        #expect(result.claims.isEmpty)
        #expect(result.sources.isEmpty)
    }

    @Test func countryAndItsOfficialsAreOneSpeaker() {
        let result = extract(
            "Tensions rose between the U.S. and Venezuela, with the latter accusing Washington of plotting a coup.",
            "Venezuelan officials have accused the U.S. of violating international law.")
        #expect(result.sources.map(\.name) == ["Venezuelan officials"])
        #expect(result.claims.count == 2)
        #expect(result.claims.allSatisfy { $0.sourceKey == result.sources.first?.key })
    }

    @Test func theCompanyIsTheLatestOrganisation() {
        let result = extract(
            "Castlemere Steel rejects that account. In a statement, the company said the plant had lost money.",
            "The IMF did not respond. In its last report, the organization recommended «a gradual withdrawal» of subsidies.")
        #expect(result.sources.map(\.name) == ["Castlemere Steel", "IMF"])
    }

    @Test func theCompanyIsNoPublicBody() {
        let result = extract(
            "The Ministry of Finance announced that spending would rise.",
            "Sales fell 5% in March, the company said, and shares dropped.")
        #expect(result.sources.map(\.name) == ["Ministry of Finance", "the company"])
        #expect(result.claims.last?.text == "Sales fell 5% in March")
    }

    @Test func latterKeepsTheWholeOrganisationName() {
        let result = extract("The Ministry of Health and the Ministry of Finance met, and the latter announced that spending would rise.")
        #expect(result.sourceName(ofClaim: 0) == "Ministry of Finance")
    }

    @Test func theOfficialIsTheLatestOfficeHolderWhenNoOfficialSpoke() {
        let result = extract(
            "The Minister of Economy, Rodrigo Salvatierra, assured that the subsidy will stay.",
            "The official indicated that the cost will be met from copper exports.")
        #expect(result.sources.map(\.name) == ["Rodrigo Salvatierra"])
    }

    @Test func theMinisterIsATitledPersonNamedEarlier() {
        let result = extract(
            "The largest shareholder is married to the sister of Health Minister Oskar Rendahl.",
            "In a debate last year, the minister told lawmakers: “I do not know which companies clean our hospitals.”")
        #expect(result.sourceName(ofClaim: 0) == "Oskar Rendahl")
    }

    @Test func titledSurnameIsTheRegisteredPerson() {
        let result = extract("Defence Minister Paulo Renn told reporters that the decision was final. “I respect it,” Mr. Renn said.")
        #expect(result.sources.map(\.name) == ["Paulo Renn"])
    }

    @Test func oneOfThemIsTheGroup() {
        let result = extract("Two people familiar with the process said the result was fixed. “We just signed the paperwork,” one of them said.")
        #expect(result.claims.count == 2)
        #expect(result.sourceName(ofClaim: 1) == "Two people familiar with the process")
    }

    @Test func theRecordsReferBackToPluralRecords() {
        let result = extract("Contracts rose sharply, according to procurement records. The firm held none before 2019, the records reveal.")
        #expect(result.sources.count == 1)
    }
}
