import Testing
@testable import BriefingCore

/// Attribution shapes of publishers the first fixtures did not cover: a broadcaster's
/// live page, a British long read, translations from Spanish-language outlets and
/// agency wires.
@Suite("Publisher styles")
struct PublisherStyleTests {
    // MARK: - Cues

    @Test func tellSkipsANamedAudience() {
        let result = extract(
            "Priya Colvin visited the flooded coast. “We will not stop,” she told the BBC’s Breakfast programme.",
            "Gareth Mold told the BBC he had waited nine hours for help.")
        #expect(result.claims.map(\.text) == ["We will not stop", "he had waited nine hours for help"])
    }

    @Test func tellWithoutAudienceOrClauseIsNarration() {
        let result = extract("The numbers tell a more complicated story. She told the story of her grandfather.")
        #expect(result.claims.isEmpty)
    }

    @Test func tellYToZIsAnInstruction() {
        let result = extract("The judge told the lawyers to return on Monday.")
        #expect(result.claims.first?.text == "the lawyers to return on Monday")
    }

    @Test func verbWithParticle() {
        let result = extract("Its leader, Marcos Ibarra Soto, pointed out that the subsidy benefits mostly car owners.")
        #expect(result.claims.first?.cue == "pointed out")
        #expect(result.claims.first?.text == "the subsidy benefits mostly car owners")
        #expect(result.sourceName(ofClaim: 0) == "Marcos Ibarra Soto")
    }

    @Test func translatedCues() {
        let result = extract(
            "«There will be no increase this year», affirmed Salvatierra in a press conference.",
            "Economists consulted by this newspaper agreed that the measure is sustainable.",
            "The rival firms agreed a merger on Friday.")
        #expect(result.claims.map(\.cue) == ["affirmed", "agreed"])
        #expect(result.claims.first?.text == "There will be no increase this year")
    }

    @Test func rejectsThatAccountIsADenialWithADeterminer() {
        let result = extract("Castlemere rejects that account.", "The court rejected the appeal on Monday.")
        #expect(result.claims.map(\.cue) == ["rejects"])
        #expect(result.claims.first?.text == "that account")
    }

    @Test func askedYToZIsADemandButAskedNotToBeNamedIsNot() {
        let result = extract(
            "The conservation group asked the council to pause the project.",
            "Two senators who asked not to be named said leaders were considering exemptions.")
        #expect(result.claims.map(\.text) == ["the council to pause the project", "leaders were considering exemptions"])
    }

    @Test func inTheWordsOfTakesTheQuotationAfterIt() {
        let result = extract("The furnace took with it the town’s biggest employer and – in the words of one former steelworker – “the reason anyone got up”.")
        #expect(result.claims.first?.cue == "in the words of")
        #expect(result.claims.first?.text == "the reason anyone got up")
        #expect(result.sourceName(ofClaim: 0) == "one former steelworker")
    }

    // MARK: - Content boundaries

    @Test func saidTuesdayWithoutOn() {
        let result = extract("The Civil Aviation Board said Tuesday it has opened an investigation.")
        #expect(result.claims.first?.text == "it has opened an investigation")
    }

    @Test func coordinatedPredicateEndsTheContent() {
        let result = extract("A spokesperson for the department said ministers had been clear, and declined to comment on the meeting.")
        #expect(result.claims.first?.text == "ministers had been clear")
    }

    @Test func participleAfterADenialIsItsOwnClaim() {
        let result = extract("Brandt Air denied that it had cut staff, calling reports of layoffs “simply untrue.”")
        #expect(result.claims.map(\.cue) == ["denied", "calling"])
        #expect(result.claims.map(\.text) == ["it had cut staff", "reports of layoffs simply untrue"])
    }

    @Test func contentResumesAfterTheAttribution() {
        let result = extract(
            "Paul Renshaw runs a removals firm. His business has grown since March, he added, because families are moving away.",
            "Beatrix Obua spoke next. Aquifers had fallen by a third, she said, and without limits some towns would run dry.")
        #expect(result.claims.map(\.text) == [
            "His business has grown since March, because families are moving away",
            "Aquifers had fallen by a third, and without limits some towns would run dry",
        ])
    }

    @Test func quotationAfterAColonLaterInTheSentence() {
        let result = extract("As one bus driver told me last winter, while we waited out a storm: “Nobody moved house to live near a bus stop.”")
        #expect(result.claims.first?.text == "Nobody moved house to live near a bus stop")
        #expect(result.sourceName(ofClaim: 0) == "one bus driver")
    }

    @Test func wishInARelativeClauseIsNoClaim() {
        let result = extract("I believe the people who want to scrap it have rarely ridden it.")
        #expect(result.claims.isEmpty)
    }

    // MARK: - Subjects

    @Test func dashAsideBetweenSubjectAndVerb() {
        let result = extract("Its director, Dr Samuel Achebe – who grew up two streets from the plant – told me the offer was “a leaflet”.")
        #expect(result.sourceName(ofClaim: 0) == "Samuel Achebe")
        #expect(result.claims.first?.text == "the offer was a leaflet")
    }

    @Test func appositiveNameAfterATitledDescription() {
        let result = extract(
            "The Minister of Economy of Marenia, Rodrigo Salvatierra, assured this Monday that the subsidy will stay.",
            "The main opposition party, Renovación Nacional, described the measure as «electoral populism».")
        #expect(result.sources.map(\.name) == ["Rodrigo Salvatierra", "Renovación Nacional"])
        #expect(result.sources.first?.role == "Minister of Economy of Marenia")
        #expect(result.sources.last?.kind == .organization)
    }

    @Test func subjectOfACoordinatedVerbKeepsItsAppositiveName() {
        let result = extract("For his part, the president of the Confederation of Transport, Julio Andrade, celebrated the announcement and stated that the sector could not bear a new increase.")
        #expect(result.sourceName(ofClaim: 0) == "Julio Andrade")
    }

    @Test func relativeClauseWithoutCommasBeforeTheVerb() {
        let result = extract("A former ministry official who requested anonymity because he still works in the sector described the arrangement as “an open secret.”")
        #expect(result.sourceName(ofClaim: 0) == "a former ministry official")
    }

    @Test func clauseAfterASubordinatorStillAttributes() {
        let result = extract("The Senate postponed the vote, after farm groups warned that the limits would ruin family farms.")
        #expect(result.sourceName(ofClaim: 0) == "farm groups")
    }

    @Test func pluralPossessiveStaysInsideTheSource() {
        let result = extract("A spokesperson for the pilots’ union, the Regional Aviators Association, said crews had raised concerns.")
        #expect(result.sourceName(ofClaim: 0) == "a spokesperson for the pilots’ union")
    }

    @Test func organisationNamesKeepOfForAndAnd() {
        let result = extract(
            "Fire crews rescued six people, Westshire Fire and Rescue Service said.",
            "The Department for Business denied that any promise had been made.",
            "The Valdoran Chamber of Commerce warned that importers could run short.",
            "Maren and Brell said the strike would go on.")
        #expect(result.sources.map(\.name) == [
            "Westshire Fire and Rescue Service", "Department for Business", "Valdoran Chamber of Commerce", "Brell",
        ])
    }

    @Test func occupationsByTheirEnding() {
        let result = extract("Hydrologists at the Corvane Institute have long argued that the aquifers cannot recover.")
        #expect(result.sourceName(ofClaim: 0) == "hydrologists at the Corvane Institute")
    }

    @Test func placeNamesAreNotPeople() {
        let result = extract(
            "Gareth Mold, who runs a bakery on Tallow Bay’s seafront, told the BBC he had waited for hours.",
            "“The water came in at midnight,” he said.")
        #expect(result.sourceName(ofClaim: 1) == "Gareth Mold")
    }
}
