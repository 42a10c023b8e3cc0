import Testing
@testable import BriefingCore

@Suite("Sentence splitting")
struct SentenceSplitterTests {
    @Test func abbreviationsDoNotEndSentences() {
        let text = "Gen. Ana Ruiz met Mr. Cole in Washington, D.C., on Oct. 22 at Acme Inc. headquarters. Dr. Lee left."
        #expect(sentences(text) == [
            "Gen. Ana Ruiz met Mr. Cole in Washington, D.C., on Oct. 22 at Acme Inc. headquarters.",
            "Dr. Lee left.",
        ])
    }

    @Test func abbreviationAtSentenceEndBeforeAnOpener() {
        #expect(sentences("Troops moved into the U.S. The next day they left.") == [
            "Troops moved into the U.S.", "The next day they left.",
        ])
        #expect(sentences("Officials of the U.S. Army said so.").count == 1)
    }

    @Test func numbersKeepTheirSeparators() {
        #expect(sentences("It has 5,000 systems and grew 1.2 percent. Costs rose 4.5%.") == [
            "It has 5,000 systems and grew 1.2 percent.", "Costs rose 4.5%.",
        ])
    }

    @Test func quotationSpanningSentencesStaysTogether() {
        let text = "“We won. We will win again,” she said. Then she left."
        #expect(sentences(text) == ["“We won. We will win again,” she said.", "Then she left."])
    }

    @Test func sentenceEndsAfterClosingQuote() {
        let text = "He said that ‘the deal is done.’ However, nobody agreed. ‘It is not,’ she said."
        #expect(sentences(text) == ["He said that ‘the deal is done.’", "However, nobody agreed.", "‘It is not,’ she said."])
    }

    @Test func straightQuotesAndDoubleDash() {
        let text = "\"It's over. We're done,\" said Dr. Pruitt -- tired. Later she left."
        #expect(sentences(text).count == 2)
    }
}
