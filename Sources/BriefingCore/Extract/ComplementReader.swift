/// Finds where an attribution's content lies in its sentence: after the cue
/// (`said that Y`, `said: ‘Q’`, `denied Y`, `described Y as ‘Q’`) or before the
/// attribution (`‘Q,’ X said`, `Y, according to X`).
struct ComplementReader: Sendable {
    let tokens: [Token]
    let sentence: Range<Int>

    struct Complement {
        var range: Range<Int>
        /// Introduced by "that", a colon or a quotation: certainly a reported claim.
        var isClause: Bool
    }

    /// Verbs whose object is the person told, before the content ("told reporters that").
    private static let tellVerbs: Set<String> = ["tell", "inform", "assure", "warn", "remind", "advise", "brief", "convince", "promise", "caution"]

    /// Object pronouns and audiences that may stand between a tell-verb and its content.
    private static let audiences: Set<String> = ["reporters", "journalists", "him", "her", "them", "us", "me", "lawmakers", "parliament", "congress", "investors", "supporters", "viewers", "listeners", "readers"]

    /// The content after the cue at `cue`, or nil when nothing claim-like follows it
    /// ("Maduro said in a speech." has its content elsewhere).
    func complement(afterCue cue: Int, verb: CueVerb) -> Complement? {
        directComplement(afterCue: cue, verb: verb) ?? quotationAfterColon(from: cue + 1)
    }

    /// "As one driver told me last winter, while we waited…: ‘Q’": a quotation
    /// introduced by a colon further on.
    private func quotationAfterColon(from start: Int) -> Complement? {
        guard let colon = (start..<sentence.upperBound).first(where: { tokens[$0].isPunctuation(":") && !tokens[$0].isQuoted }),
              colon + 1 < sentence.upperBound, tokens[colon + 1].quoteRole == .open
        else { return nil }
        return trimmed((colon + 1)..<sentence.upperBound).map { Complement(range: $0, isClause: true) }
    }

    private func directComplement(afterCue cue: Int, verb: CueVerb) -> Complement? {
        let end = sentence.upperBound
        var start = cue + 1
        guard start < end else { return nil }
        if verb.cueClass == .description,
           let asWord = (start..<min(end, start + 14)).first(where: { tokens[$0].lower == "as" && !tokens[$0].isQuoted }) {
            return trimmed((asWord + 1)..<end).map { Complement(range: $0, isClause: true) }
        }
        if verb.cueClass == .demand {
            return demand(after: cue, verb: verb)
        }
        if let afterThat = thatBridge(from: start, verb: verb) {
            return trimmed(afterThat..<end).map { Complement(range: $0, isClause: true) }
        }
        if tokens[start].isPunctuation(":") {
            return trimmed((start + 1)..<end).map { Complement(range: $0, isClause: true) }
        }
        if tokens[start].isPunctuation(","), start + 1 < end, tokens[start + 1].quoteRole == .open {
            start += 1
        }
        let first = tokens[start]
        if first.quoteRole == .open {
            return trimmed(start..<end).map { Complement(range: $0, isClause: true) }
        }
        guard first.isWord || first.kind == .number, !first.isQuoted else { return nil }
        var toldAudience = false
        if Self.tellVerbs.contains(verb.lemma) {
            // "told the BBC’s Breakfast programme." has its content elsewhere.
            if !Lexicon.prepositions.contains(first.lower), !hasClauseMarker(start..<(clauseEnd(from: start) ?? end)) { return nil }
            if Self.audiences.contains(first.lower) {
                start += 1
            } else if let audience = audience(startingAt: start) {
                // "told the lawyers to return": an instruction, read like "asked Y to Z".
                if tokens[audience.upperBound].lower == "to" { return trimmed(start..<end).map { Complement(range: $0, isClause: true) } }
                start = audience.upperBound
            }
            toldAudience = start > cue + 1
            guard start < end else { return nil }
        }
        start = afterBareDay(start)
        let word = tokens[start].lower
        if Lexicon.prepositions.contains(word) {
            let allowed = (word == "to" && verb.cueClass == .belief)
                || (["of", "about", "against"].contains(word) && ["warn", "caution", "complain"].contains(verb.lemma))
            guard allowed else { return nil }
        }
        return trimmed(start..<withoutCoordinatedPredicate(start..<end)).map { Complement(range: $0, isClause: toldAudience) }
    }

    // MARK: - Audiences and adjuncts

    /// Words that show a clause: a pronoun subject, an auxiliary, a negation, "that",
    /// a past form or a cue verb.
    private func hasClauseMarker(_ range: Range<Int>) -> Bool {
        range.contains { i in
            let token = tokens[i]
            guard token.isWord else { return token.quoteRole == .open }
            let word = token.lower
            let infinitive = word == "to" && i + 1 < range.upperBound && tokens[i + 1].isWord && !tokens[i + 1].isCapitalized
                && !Lexicon.determiners.contains(tokens[i + 1].lower)
            return infinitive || Lexicon.auxiliaries.contains(word) || Lexicon.negations.contains(word) || word == "that"
                || ["he", "she", "it", "they", "we", "i", "you"].contains(word) || CueLexicon.verb(word) != nil
                || (word.hasSuffix("ed") && word.count > 4 && !token.isCapitalized)
        }
    }

    /// The first comma or dash at or after `start` outside quotations, if any.
    private func clauseEnd(from start: Int) -> Int? {
        (start..<sentence.upperBound).first { (tokens[$0].isPunctuation(",") || tokens[$0].isPunctuation("—")) && !tokens[$0].isQuoted }
    }

    /// "told the BBC he had…", "told Reuters the…": a named or source-noun audience
    /// after a tell-verb, followed by the start of a clause.
    private func audience(startingAt start: Int) -> Range<Int>? {
        guard var phrase = NounPhraseReader(tokens: tokens).phrase(startingAt: start, upperBound: sentence.upperBound) else { return nil }
        // "the council the wall would…": a determiner after the head starts the content.
        if let next = phrase.dropFirst().first(where: { tokens[$0].lower == "to" || (Lexicon.determiners.contains(tokens[$0].lower)
            && !tokens[$0 - 1].isPossessive && !Lexicon.prepositions.contains(tokens[$0 - 1].lower)) }) {
            phrase = phrase.lowerBound..<next
        }
        guard phrase.upperBound < sentence.upperBound,
              phrase.contains(where: { WordShape.isNameWord(tokens[$0]) || (WordShape.headKind(tokens[$0].bareLower).map { $0 != .document } ?? false) })
        else { return nil }
        let next = tokens[phrase.upperBound]
        let startsClause = next.quoteRole == .open || (next.isWord && (["he", "she", "it", "they", "we", "i", "you", "that", "to"].contains(next.lower)
            || Lexicon.determiners.contains(next.lower) || next.isCapitalized))
        return startsClause ? phrase : nil
    }

    /// Skips a bare day after the cue: "said Tuesday it has…", "said Monday night that…".
    private func afterBareDay(_ start: Int) -> Int {
        guard start + 1 < sentence.upperBound, Self.bareDays.contains(tokens[start].lower) else { return start }
        var next = start + 1
        if ["morning", "afternoon", "evening", "night"].contains(tokens[next].lower) { next += 1 }
        guard next < sentence.upperBound, tokens[next].isWord else { return start }
        return tokens[next].lower == "that" ? next + 1 : next
    }

    private static let bareDays: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday", "tonight",
    ]

    /// The content's end before ", and declined to comment…": a conjunction after a
    /// comma followed by a past form with no subject coordinates the attribution verb.
    private func withoutCoordinatedPredicate(_ range: Range<Int>) -> Int {
        for i in range where i > range.lowerBound + 1 && i + 1 < range.upperBound {
            guard tokens[i].isWord, !tokens[i].isQuoted, ["and", "but"].contains(tokens[i].lower), tokens[i - 1].isPunctuation(",") else { continue }
            let next = tokens[i + 1]
            if next.isWord, !next.isCapitalized, !next.isQuoted, next.lower.hasSuffix("ed"), next.lower.count > 4 { return i - 1 }
        }
        return range.upperBound
    }

    /// "called for Y", "called on Y to Z", "urged Y to Z", "called Y ‘Q’".
    private func demand(after cue: Int, verb: CueVerb) -> Complement? {
        let start = cue + 1
        guard start < sentence.upperBound, let range = trimmed(start..<sentence.upperBound) else { return nil }
        let first = tokens[start].lower
        if verb.lemma == "call" {
            if first == "for" || first == "on" {
                return trimmed((start + 1)..<sentence.upperBound).map { Complement(range: $0, isClause: true) }
            }
            guard !Lexicon.prepositions.contains(first), range.contains(where: { tokens[$0].isQuoted }) else { return nil }
            return Complement(range: range, isClause: true)
        }
        guard !Lexicon.prepositions.contains(first) else { return nil }
        if verb.lemma == "ask" {
            // Only "asked the council to pause…", not "asked about…" or "asked whether…".
            guard let to = (start..<min(sentence.upperBound, start + 6)).first(where: { tokens[$0].lower == "to" }), to > start,
                  (start..<to).allSatisfy({ tokens[$0].isWord && !Lexicon.conjunctions.contains(tokens[$0].lower) && !Lexicon.negations.contains(tokens[$0].lower) })
            else { return nil }
        }
        return Complement(range: range, isClause: true)
    }

    /// "said that", "reported on October 22 that", "told reporters on Tuesday that":
    /// the index after "that" when only adjuncts or an audience stand before it.
    private func thatBridge(from start: Int, verb: CueVerb) -> Int? {
        for j in start..<min(sentence.upperBound, start + 12) {
            let token = tokens[j]
            if token.isQuoted || token.kind == .quote { return nil }
            if token.kind == .punctuation {
                if token.text == "," { continue }
                return nil
            }
            guard token.lower == "that" else { continue }
            if j == start { return isDeterminer(j) ? nil : j + 1 }
            let gapStart = start + (tokens[start].kind == .punctuation ? 1 : 0)
            let opener = tokens[gapStart]
            let isAdjunct = Lexicon.prepositions.contains(opener.lower) || ["last", "this", "earlier", "later", "again", "also"].contains(opener.lower)
                || (opener.lower.hasSuffix("ly") && !opener.isCapitalized) || Self.audiences.contains(opener.lower)
            // "told analysts that", "told the committee on Monday that".
            let isAudience = Self.tellVerbs.contains(verb.lemma) && j - gapStart <= 6
            return isAdjunct || isAudience ? j + 1 : nil
        }
        return nil
    }

    /// "rejects that account.": a "that" followed by at most two words before the
    /// sentence ends is a determiner, not a complementizer.
    private func isDeterminer(_ that: Int) -> Bool {
        let rest = ((that + 1)..<sentence.upperBound).filter { tokens[$0].isWord || tokens[$0].kind == .number }
        return rest.count <= 2 && rest.allSatisfy { !Lexicon.auxiliaries.contains(tokens[$0].lower) && CueLexicon.verb(tokens[$0].lower) == nil }
    }

    /// The content before an attribution phrase starting at `phraseStart`:
    /// "‘Q,’ X said", "Y, X said", "Y, according to X". Needs a comma, dash or
    /// closing quotation mark before the phrase unless `requireSeparator` is false.
    func contentBefore(_ phraseStart: Int, requireSeparator: Bool = true) -> Range<Int>? {
        guard phraseStart > sentence.lowerBound else { return nil }
        let previous = tokens[phraseStart - 1]
        if requireSeparator {
            guard previous.isPunctuation(",") || previous.isPunctuation("—") || previous.quoteRole == .close
                    || previous.isPunctuation("?") || previous.isPunctuation("!") else { return nil }
        }
        return trimmed(withoutOpener(sentence.lowerBound, before: phraseStart)..<phraseStart)
    }

    /// "The plan, he said, will fail." / "‘We are ready,’ he said, ‘and we will act.’":
    /// content resuming after the attribution.
    func interruptedContinuation(after phraseEnd: Int, before: Range<Int>) -> Range<Int>? {
        let comma = phraseEnd + 1
        guard comma + 1 < sentence.upperBound, tokens[comma].isPunctuation(",") else { return nil }
        let next = tokens[comma + 1]
        let beforeIsQuoted = before.contains { tokens[$0].isQuoted }
        if next.quoteRole == .open, beforeIsQuoted { return trimmed((comma + 1)..<sentence.upperBound) }
        guard !beforeIsQuoted, next.isWord, !next.isCapitalized,
              Lexicon.auxiliaries.contains(next.lower) || Lexicon.negations.contains(next.lower) || Self.resumingSubordinators.contains(next.lower)
                || resumesWithConjunction(comma + 1)
        else { return nil }
        return trimmed((comma + 1)..<sentence.upperBound)
    }

    /// "…, she said, and without limits some towns would…": "and"/"but" resuming the
    /// content, not a second predicate of the speaker ("…, he said, and left").
    private func resumesWithConjunction(_ i: Int) -> Bool {
        guard ["and", "but"].contains(tokens[i].lower), i + 1 < sentence.upperBound else { return false }
        let next = tokens[i + 1]
        // Reported speech keeps its backshifted auxiliary ("would run dry"); "and shares dropped" is narration.
        let rest = (i + 1)..<sentence.upperBound
        return next.isWord && next.lower != "then" && !(next.lower.hasSuffix("ed") && next.lower.count > 4) && CueLexicon.verb(next.lower) == nil
            && rest.contains { Lexicon.auxiliaries.contains(tokens[$0].lower) }
    }

    /// Skips "However," / "Adding to the intrigue," at a sentence's start.
    private func withoutOpener(_ start: Int, before limit: Int) -> Int {
        // A dateline: "GENVILLE —", "PARIS, Oct. 3 (Agency) —".
        if let dash = (start..<min(limit, start + 10)).first(where: { tokens[$0].isPunctuation("—") }),
           dash > start, (start..<dash).allSatisfy({ !tokens[$0].isWord || tokens[$0].isCapitalized || tokens[$0].kind == .number }),
           tokens[start].text == tokens[start].text.uppercased() {
            return withoutOpener(dash + 1, before: limit)
        }
        guard start < limit, tokens[start].isWord else { return start }
        let word = tokens[start].lower
        let isOpener = Lexicon.discourseOpeners.contains(word) || (tokens[start].isCapitalized && word.hasSuffix("ing") && word.count > 5)
        guard isOpener, let comma = (start..<min(limit, start + 8)).first(where: { tokens[$0].isPunctuation(",") }) else { return start }
        return comma + 1
    }

    /// `range` without leading and trailing punctuation, dangling conjunctions and
    /// an attribution "that"; nil when no word is left.
    func trimmed(_ range: Range<Int>) -> Range<Int>? {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, tokens[lower].kind == .punctuation { lower += 1 }
        while upper > lower {
            let last = tokens[upper - 1]
            if last.kind == .punctuation || (last.kind == .quote && last.quoteRole != .close)
                || (last.isWord && !last.isQuoted && Self.danglingWords.contains(last.lower)) {
                upper -= 1
            } else {
                break
            }
        }
        guard (lower..<upper).contains(where: { tokens[$0].kind == .word || tokens[$0].kind == .number }) else { return nil }
        return lower..<upper
    }

    /// "His business has grown, he added, because…": words that resume the content.
    private static let resumingSubordinators: Set<String> = ["because", "although", "though", "since", "unless", "as"]

    private static let danglingWords: Set<String> = ["and", "but", "or", "though", "although", "while", "whereas", "with", "as", "so", "yet", "because", "since", "after", "when"]
}
