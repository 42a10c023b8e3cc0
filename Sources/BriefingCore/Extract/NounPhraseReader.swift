/// Finds the extent of a noun phrase that may name a source, reading backwards
/// from its last word (subjects before a verb) or forwards from its first word
/// ("according to …", "citing …", "…,’ said …").
///
/// There is no part-of-speech tagger: a phrase is determiner, modifiers and a
/// head, where the head is a capitalised name word or a noun from the source
/// lexicons, and modifiers are names, lexicon modifiers or at most two other
/// plain words. A trailing prepositional phrase joins when the word before it is
/// a source noun ("sources within the Venezuelan military").
struct NounPhraseReader: Sendable {
    let tokens: [Token]

    /// The phrase whose last token is `last`, not reaching before `lowerBound`.
    func phrase(endingAt last: Int, lowerBound: Int) -> Range<Int>? {
        guard last >= lowerBound, last < tokens.count else { return nil }
        let token = tokens[last]
        guard token.isWord, !token.isQuoted else { return nil }
        if Lexicon.personalPronouns.contains(token.lower) { return last..<(last + 1) }
        if token.lower == "them", last - 2 >= lowerBound, tokens[last - 1].lower == "of",
           Self.partitiveQuantifiers.contains(tokens[last - 2].lower) {
            return (last - 2)..<(last + 1)  // "one of them said"
        }
        if token.lower == "latter" || token.lower == "former", last > lowerBound, tokens[last - 1].lower == "the" {
            return (last - 1)..<(last + 1)
        }
        guard WordShape.isNameWord(token) || WordShape.isHead(token.bareLower) else {
            return participleModified(endingAt: last, lowerBound: lowerBound, before: last)
        }
        var start = last
        var plainWords = 0
        while start > lowerBound {
            let previous = tokens[start - 1]
            guard previous.isWord, !previous.isQuoted else { break }
            let word = previous.lower
            if Lexicon.determiners.contains(word) {
                start -= 1
                break
            }
            if previous.isPossessive || WordShape.isNameWord(previous) || Lexicon.sourceModifiers.contains(word)
                || Lexicon.titles.contains(word) || WordShape.isHead(word) {
                start -= 1
                continue
            }
            if WordShape.nameParticles.contains(word), start - 2 >= lowerBound, tokens[start - 2].isCapitalized {
                start -= 1
                continue
            }
            if joinsOrganizationName(at: start - 1, last: last, lowerBound: lowerBound) {
                start -= 1
                continue
            }
            // Plain words modify a common noun ("Kestrel warehouse managers"), never a name:
            // "Salvatierra met Ferreyra" is two phrases.
            if Lexicon.functionWords.contains(word) || CueLexicon.verb(word) != nil || WordShape.isVerbOrAdverbShaped(word)
                || plainWords >= 2 || previous.isCapitalized || WordShape.isNameWord(token) {
                break
            }
            plainWords += 1
            start -= 1
        }
        // Do not start on a plain word: "ripples through U.S. intelligence circles"; unless
        // the phrase opens its clause: "after farm groups warned", "Farm groups said".
        let opensClause = start == lowerBound || (tokens[start - 1].isWord && Lexicon.conjunctions.contains(tokens[start - 1].lower))
        while start < last, !startsPhrase(tokens[start]), !opensClause { start += 1 }
        let extended = extendedBackwards(start..<(last + 1), lowerBound: lowerBound)
        // The object of a preposition is not a subject: "associations in the port
        // town of Lisk said" is said by the associations.
        if extended.lowerBound == start, start > lowerBound, Lexicon.prepositions.contains(tokens[start - 1].lower),
           let outer = participleModified(endingAt: last, lowerBound: lowerBound, before: start) {
            return outer
        }
        return extended
    }

    /// Quantifiers of "one of them", "two of them".
    static let partitiveQuantifiers: Set<String> = ["one", "two", "three", "some", "several", "both", "each", "another", "neither", "either"]

    /// Whether the "of", "for" or "and" at `i`, read backwards, lies inside an
    /// organisation's name: "Chamber of Commerce", "Department for Business",
    /// "Fire and Rescue Service", "Journal of Sleep and Development" (not "Maren and Brell").
    func joinsOrganizationName(at i: Int, last: Int, lowerBound: Int) -> Bool {
        let word = tokens[i].lower
        guard ["of", "for", "and"].contains(word), i - 1 >= lowerBound, WordShape.isNameWord(tokens[i - 1]), tokens[i + 1].isCapitalized
        else { return false }
        if word != "and" {
            let before = tokens[i - 1].lower
            return Lexicon.organizationWords.contains(before) || Lexicon.titles.contains(before)
        }
        var k = i - 1
        while k >= lowerBound, WordShape.isNameWord(tokens[k]) || ["of", "for"].contains(tokens[k].lower) {
            if Lexicon.organizationWords.contains(tokens[k].bareLower) { return true }
            k -= 1
        }
        return Lexicon.organizationWords.contains(tokens[last].bareLower)
    }

    /// Participles that may follow a source noun: "diplomats observing the talks",
    /// "a person briefed on the talks", "people familiar with the matter".
    static func isPostModifier(_ word: String) -> Bool {
        ["familiar", "close", "briefed", "involved", "connected", "knowledgeable"].contains(word)
            || (word.count > 5 && (word.hasSuffix("ing") || word.hasSuffix("ed")))
    }

    /// "Western diplomats observing the talks", "one official from the Ostmark
    /// delegation", "one person close to her": a source noun, then a participle or
    /// preposition and its object, ending at `last`.
    /// - Parameter before: the first token of the object already read; the walk starts before it.
    private func participleModified(endingAt last: Int, lowerBound: Int, before: Int) -> Range<Int>? {
        var k = before - 1
        while k > lowerBound, before - k <= 8 {
            let token = tokens[k]
            guard token.isWord || token.kind == .number, !token.isQuoted else { return nil }
            let word = token.lower
            let links = Lexicon.sourcePrepositions.contains(word) || Self.isPostModifier(word)
            if !token.isCapitalized, links, WordShape.isHead(tokens[k - 1].lower), let head = phrase(endingAt: k - 1, lowerBound: lowerBound) {
                return head.lowerBound..<(last + 1)
            }
            if let verb = CueLexicon.verb(word), verb.form != .base, !Self.isPostModifier(word) { return nil }
            if Lexicon.conjunctions.contains(word) || Lexicon.auxiliaries.contains(word) { return nil }
            k -= 1
        }
        return nil
    }

    /// The phrase starting at `first`, not reaching `upperBound`.
    func phrase(startingAt first: Int, upperBound: Int) -> Range<Int>? {
        var end = first
        var sawHead = false
        while end < upperBound, end - first < 16 {
            let token = tokens[end]
            guard token.kind == .word || token.kind == .number, !token.isQuoted else { break }
            let word = token.lower
            if end > first {
                if word == "and" {
                    guard end + 1 < upperBound, tokens[end + 1].isCapitalized || WordShape.isHead(tokens[end + 1].lower) else { break }
                } else if Lexicon.conjunctions.contains(word) || Lexicon.auxiliaries.contains(word) {
                    break
                } else if let verb = CueLexicon.verb(word), verb.form != .base, !WordShape.isHead(word) {
                    break
                } else if sawHead, !continuesAfterHead(token), !followsPrepositionOrDeterminer(end),
                          !(word.hasSuffix("ed") && end + 1 < upperBound && tokens[end + 1].lower == "by") {
                    break
                }
            }
            if WordShape.isHead(word) || WordShape.isNameWord(token) || Lexicon.personalPronouns.contains(word) { sawHead = true }
            end += 1
        }
        while end > first, isDangling(tokens[end - 1]) { end -= 1 }
        guard end > first else { return nil }
        return trimTrailingAdjunct(first..<end)
    }

    /// Words that may follow a phrase's head and keep it going ("sources within…",
    /// "a person familiar with…", "the Washington Post").
    private func continuesAfterHead(_ token: Token) -> Bool {
        let word = token.lower
        return token.isCapitalized || Lexicon.prepositions.contains(word) || WordShape.isHead(word)
            || Lexicon.determiners.contains(word) || Lexicon.sourceModifiers.contains(word)
            || ["familiar", "close", "briefed", "connected", "involved"].contains(word)
            || (word.hasSuffix("ing") && Self.isPostModifier(word) && CueLexicon.verb(word) == nil)
    }

    private func followsPrepositionOrDeterminer(_ index: Int) -> Bool {
        let previous = tokens[index - 1]
        return previous.isWord && (Lexicon.prepositions.contains(previous.lower) || Lexicon.determiners.contains(previous.lower))
    }

    private func startsPhrase(_ token: Token) -> Bool {
        let word = token.lower
        return Lexicon.determiners.contains(word) || token.isPossessive || WordShape.isNameWord(token)
            || Lexicon.sourceModifiers.contains(word) || Lexicon.titles.contains(word) || WordShape.isHead(word)
    }

    /// "sources within [the Venezuelan military]", "a spokesperson for [the ministry]",
    /// "people familiar with [the matter]": joins the phrase before the preposition
    /// when that phrase ends in a source noun.
    private func extendedBackwards(_ range: Range<Int>, lowerBound: Int) -> Range<Int> {
        var preposition = range.lowerBound - 1
        guard preposition > lowerBound, tokens[preposition].isWord,
              Lexicon.sourcePrepositions.contains(tokens[preposition].lower) else { return range }
        if ["with", "to", "on"].contains(tokens[preposition].lower) {
            // Only as "familiar with", "close to", "briefed on".
            guard preposition - 1 > lowerBound, ["familiar", "close", "briefed", "connected"].contains(tokens[preposition - 1].lower) else { return range }
            preposition -= 1
        }
        let headIndex = preposition - 1
        let head = tokens[headIndex]
        guard head.isWord, !head.isQuoted, !head.isCapitalized || tokens.indices.contains(headIndex),
              let kind = WordShape.headKind(head.lower), kind != .document || tokens[range.lowerBound].isCapitalized,
              let outer = phrase(endingAt: headIndex, lowerBound: lowerBound)
        else { return range }
        return outer.lowerBound..<range.upperBound
    }

    private func isDangling(_ token: Token) -> Bool {
        let word = token.lower
        return !token.isWord || Lexicon.prepositions.contains(word) || Lexicon.determiners.contains(word) || word == "and"
    }

    /// Drops "on Tuesday", "in a statement", "last week" from a phrase's end.
    private func trimTrailingAdjunct(_ range: Range<Int>) -> Range<Int> {
        for i in (range.lowerBound + 1)..<range.upperBound {
            let word = tokens[i].lower
            guard Lexicon.prepositions.contains(word) || word == "last" || word == "this" || word == "earlier" else { continue }
            let rest = (i + 1)..<range.upperBound
            if rest.contains(where: { WordShape.timeWords.contains(tokens[$0].lower) || tokens[$0].kind == .number }) || rest.isEmpty {
                return range.lowerBound..<i
            }
        }
        return range
    }
}
