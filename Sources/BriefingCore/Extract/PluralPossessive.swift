/// Attaches the apostrophe of a plural possessive to its word once `QuoteScanner`
/// has told it from a quotation mark: “the pilots’ union” reads as the words
/// “the”, “pilots’”, “union”, so that noun phrases run through it.
enum PluralPossessive {
    static func attach(_ tokens: inout [Token], quotes: inout [QuoteRegion]) {
        guard tokens.contains(where: { $0.quoteRole == .apostrophe }) else { return }
        var joined: [Token] = []
        joined.reserveCapacity(tokens.count)
        var newIndex: [Int] = []
        newIndex.reserveCapacity(tokens.count)
        for token in tokens {
            if token.quoteRole == .apostrophe, !token.spaceBefore, let last = joined.last, last.isWord, last.lower.hasSuffix("s") {
                joined[joined.count - 1].text += token.text
                joined[joined.count - 1].lower += "'"
                joined[joined.count - 1].end = token.end
                joined[joined.count - 1].spaceAfter = token.spaceAfter
                newIndex.append(joined.count - 1)
                continue
            }
            newIndex.append(joined.count)
            joined.append(token)
        }
        guard joined.count < tokens.count else { return }
        tokens = joined
        quotes = quotes.map { region in
            QuoteRegion(open: newIndex[region.open], close: region.close.map { newIndex[$0] }, isDouble: region.isDouble)
        }
    }
}
