import Testing
@testable import BriefingCore

@Suite("Quotes and apostrophes")
struct QuoteScannerTests {
    private func quoted(_ text: String) -> [String] {
        let paragraph = AnalyzedParagraph(TextBlock(index: 0, text: text, line: 1))
        return paragraph.quotes.compactMap { region in
            guard let close = region.close else { return nil }
            return paragraph.text(of: (region.open + 1)..<close)
        }
    }

    @Test func apostrophesInsideWordsAreNotQuotes() {
        #expect(quoted("‘The nation’s borders are safe. They’re ready,’ he said.") == ["The nation’s borders are safe. They’re ready,"])
    }

    @Test func elisionBeforeDigits() {
        #expect(quoted("Since the ’90s, ‘nothing’ changed.") == ["nothing"])
    }

    @Test func closingQuoteAfterPluralBeforeFunctionWord() {
        #expect(quoted("He authorized ‘aggressive actions’ against them, including ‘steps.’") == ["aggressive actions", "steps."])
    }

    @Test func pluralPossessiveInsideQuote() {
        #expect(quoted("‘The soldiers’ families deserve answers,’ she said.") == ["The soldiers’ families deserve answers,"])
    }

    @Test func straightQuotesWithNestedSingles() {
        #expect(quoted("\"They called it 'a disaster,' and I couldn't agree more,\" she said.")
            == ["They called it a disaster, and I couldn't agree more,", "a disaster,"])
    }
}
