/// A quotation within one paragraph: the token indices of its marks.
struct QuoteRegion: Sendable, Hashable {
    /// Index of the opening mark.
    var open: Int
    /// Index of the closing mark; `nil` when the quotation runs to the paragraph's
    /// end (news style for a quote continued in the next paragraph).
    var close: Int?
    var isDouble: Bool

    /// The token indices strictly inside the marks.
    func inner(tokenCount: Int) -> Range<Int> { (open + 1)..<(close ?? tokenCount) }
}

/// Decides which quotation marks open or close a quotation and which are
/// apostrophes, pairs them, and marks the quoted tokens.
///
/// Curly double marks say what they are. A straight `"` opens after a space and
/// closes otherwise. A `’` glued to the word before it closes an open single
/// quotation and is otherwise a plural possessive ("the countries’ leaders"); glued
/// to the word after it, it opens one.
struct QuoteScanner: Sendable {
    func scan(_ tokens: inout [Token]) -> [QuoteRegion] {
        var regions: [QuoteRegion] = []
        var stack: [(index: Int, isDouble: Bool)] = []
        for i in tokens.indices where tokens[i].kind == .quote {
            let role = role(of: i, in: tokens, openSingle: stack.contains { !$0.isDouble },
                            openDouble: stack.contains { $0.isDouble })
            tokens[i].quoteRole = role
            switch role {
            case .open:
                stack.append((i, tokens[i].isDoubleQuote))
            case .close:
                while let top = stack.popLast() {
                    if top.isDouble == tokens[i].isDoubleQuote {
                        regions.append(QuoteRegion(open: top.index, close: i, isDouble: top.isDouble))
                        break
                    }
                }
            case .none, .apostrophe:
                break
            }
        }
        for open in stack {
            regions.append(QuoteRegion(open: open.index, close: nil, isDouble: open.isDouble))
        }
        regions.sort { $0.open < $1.open }
        for region in regions {
            for j in region.inner(tokenCount: tokens.count) { tokens[j].isQuoted = true }
        }
        return regions
    }

    private func role(of i: Int, in tokens: [Token], openSingle: Bool, openDouble: Bool) -> Token.QuoteRole {
        let mark = tokens[i].text.unicodeScalars.first ?? " "
        let token = tokens[i]
        let gluedBefore = !token.spaceBefore && i > 0
        let gluedAfter = !token.spaceAfter && i + 1 < tokens.count
        switch mark {
        case "\u{201C}", "\u{00AB}", "\u{201E}", "\u{2018}", "\u{201A}":
            return .open
        case "\u{201D}", "\u{00BB}":
            return .close
        case "\"":
            if gluedBefore && !opensAfter(tokens, i) { return .close }
            if gluedAfter || !openDouble { return .open }
            return .close
        default:  // ’ or '
            if gluedBefore {
                guard openSingle else { return .apostrophe }
                return isPluralPossessive(i, in: tokens) ? .apostrophe : .close
            }
            if gluedAfter { return .open }
            return openSingle ? .close : .apostrophe
        }
    }

    /// A straight quote glued to an opening bracket or dash still opens.
    private func opensAfter(_ tokens: [Token], _ i: Int) -> Bool {
        let previous = tokens[i - 1]
        return previous.kind == .punctuation && ["(", "[", "—", "/"].contains(previous.text)
    }

    /// “the soldiers’ families”: a mark after an s, followed by a lower-case word
    /// that can be the possessed noun (not “‘aggressive actions’ against”), with
    /// another candidate closing mark still to come.
    private func isPluralPossessive(_ i: Int, in tokens: [Token]) -> Bool {
        guard tokens[i - 1].isWord, tokens[i - 1].lower.hasSuffix("s"), i + 1 < tokens.count,
              tokens[i + 1].isWord, !tokens[i + 1].isCapitalized, tokens[i].spaceAfter,
              !Lexicon.functionWords.contains(tokens[i + 1].lower), CueLexicon.verb(tokens[i + 1].lower) == nil
        else { return false }
        return tokens[(i + 1)...].contains { $0.kind == .quote && !$0.isDoubleQuote && !$0.spaceBefore }
    }
}
