/// Finds the attributions of one sentence by matching its tokens against the
/// attribution shapes news text uses:
///
/// - `X said/confirmed/denied… (that) Y`, with adverbs, auxiliaries and a
///   parenthetical between X and the verb ("X, citing Z, reported that Y");
/// - `‘Q,’ X said`, `‘Q,’ said X`, `X said: ‘Q’`, and `Y, X said`;
/// - `According to X, Y` and `Y, according to X`;
/// - participles: `…, stating that Y`, `with X suggesting that Y`, `…, adding that Y`;
/// - `X accused Y of Z`, `X described Y as ‘Q’`, `X’s assessment is that Y`;
/// - beliefs and evidence: `X believes/hopes/wants…`, `polls show`, `a study found that`.
///
/// Cue words inside quotations are the speaker's own words and are skipped.
/// Negated and passive verbs ("have not confirmed", "was reported") are not cues.
struct AttributionFinder: Sendable {
    let paragraph: AnalyzedParagraph

    private var tokens: [Token] { paragraph.tokens }

    func attributions(in sentence: Sentence, index: Int) -> SentenceAttributions {
        let range = sentence.tokens
        let subjects = SubjectFinder(paragraph: paragraph, sentence: range)
        var found: [Attribution] = []
        // Once per sentence, not per attribution: a long sentence can hold thousands of cues.
        let anonymity = mentionsAnonymity(range)
        var i = range.lowerBound
        while i < range.upperBound {
            let token = tokens[i]
            defer { i += 1 }
            guard token.isWord, !token.isQuoted else { continue }
            if let cueLength = sourcePrepositionLength(at: i, in: range) {
                if let attribution = accordingTo(i, cueLength: cueLength, in: range, anonymity: anonymity) { found.append(attribution) }
            } else if CueLexicon.claimNouns.contains(token.bareLower), let attribution = claimNoun(i, in: range, subjects) {
                found.append(attribution)
            } else if Self.reportNouns.contains(token.lower), let attribution = reportNoun(i, in: range) {
                found.append(attribution)
            } else if let verb = CueLexicon.verb(token.lower), let attribution = verbAttribution(i, verb, in: range, subjects, anonymity: anonymity) {
                found.append(attribution)
            }
        }
        let attributions = ClauseBoundaries(tokens: tokens, sentence: range).resolve(found, subjects: subjects)
        return SentenceAttributions(sentence: sentence, sentenceIndex: index, attributions: attributions,
                                    isBareQuote: attributions.isEmpty && isBareQuote(range))
    }

    // MARK: - Verbs

    /// Past forms that also serve as adjectives ("her alleged role").
    private static let adjectivalPasts: Set<String> = ["alleged", "reported", "claimed", "disputed", "suspected", "expected", "feared", "estimated", "projected", "promised", "stated", "assessed", "confirmed", "denied", "revealed", "disclosed", "predicted", "announced", "declared"]

    /// - Parameter anonymity: whether the sentence says its source is anonymous (`mentionsAnonymity`).
    private func verbAttribution(_ i: Int, _ verb: CueVerb, in sentence: Range<Int>, _ subjects: SubjectFinder, anonymity: Bool) -> Attribution? {
        let token = tokens[i]
        if let particle = verb.particle {
            guard i + 1 < sentence.upperBound, tokens[i + 1].lower == particle else { return nil }
        }
        let cueEnd = verb.particle == nil ? i : i + 1
        if i > sentence.lowerBound {
            let previous = tokens[i - 1]
            // A noun or adjective use: "the report", "Maduro’s claims", "this alleged plan".
            if previous.isWord, (Lexicon.determiners.contains(previous.lower) && previous.lower != "that") || previous.isPossessive,
               !(previous.lower == "her" && verb.form == .past && !Self.adjectivalPasts.contains(token.lower)) {
                return nil  // "close to her said" is a verb after an object pronoun
            }
            if verb.form == .base, previous.lower == "to" { return nil }
        }
        let found: SubjectFinder.Found
        if verb.form == .gerund {
            guard i > sentence.lowerBound, let participle = subjects.subject(ofParticiple: i, cueClass: verb.cueClass) else { return nil }
            found = participle
        } else {
            let context = subjects.context(before: i, isPastForm: verb.form == .past)
            guard !context.isNegated, !context.isPassive,
                  let finite = subjects.subject(ofFinite: i, context: context, invertible: verb.invertible)
            else { return nil }
            found = finite
        }
        var subjectKind: SourceKind?
        if case .mention(let mention) = found.subject {
            subjectKind = mention.kind
            if verb.form == .base, !mention.isPlural, !["they", "we", "i", "you"].contains(mention.text) { return nil }
        }
        var complement = ComplementReader(tokens: tokens, sentence: sentence)
            .complement(afterCue: found.inverted ? found.phraseEnd : cueEnd, verb: verb)
        if found.isRelative, let range = complement?.range {
            // "the people who want to scrap it": a wish that describes, not a claim.
            if verb.cueClass == .belief, tokens[range.lowerBound].lower == "to" { return nil }
            complement?.range = relativeClause(range, subjects)
        }
        // "«Q», affirmed X in a press conference": after an inverted subject only a clause is content.
        if found.inverted, complement?.isClause == false { complement = nil }
        if let complement {
            let needsClause = CueLexicon.needsClauseComplement.contains(verb.lemma)
            // A document's evidence needs no clause ("The records show payments"); a document's
            // "tell" does ("The numbers tell a story" is narration).
            let isDocumentEvidence = subjectKind == .document && verb.cueClass == .evidence
            if needsClause, !complement.isClause, !isDocumentEvidence { return nil }
            if verb.lemma == "reject", !complement.isClause, !rejectsAnAssertion(complement.range) { return nil }
            var attribution = Attribution(
                subject: found.subject, cue: cueText(i, verb), cueClass: verb.cueClass, cueIndex: i,
                phraseStart: found.phraseStart, phraseEnd: found.phraseEnd, content: [complement.range], contentFirst: false, cited: found.cited)
            attribution.anonymityHint = anonymity
            return attribution
        }
        // Content before the attribution: "‘Q,’ X said", "Y, said X".
        guard verb.form != .gerund, ![.accusation, .description, .demand].contains(verb.cueClass),
              let before = ComplementReader(tokens: tokens, sentence: sentence).contentBefore(found.phraseStart)
        else { return nil }
        var content = [before]
        if let after = ComplementReader(tokens: tokens, sentence: sentence).interruptedContinuation(after: found.phraseEnd, before: before) {
            content.append(after)
        }
        var attribution = Attribution(
            subject: found.subject, cue: cueText(i, verb), cueClass: verb.cueClass, cueIndex: i,
            phraseStart: found.phraseStart, phraseEnd: found.phraseEnd, content: content, contentFirst: true, cited: found.cited)
        attribution.anonymityHint = anonymity
        return attribution
    }

    /// "rejected the allegations", "rejected the offer as inadequate", not "rejected
    /// the appeal": what is rejected is something said, or is called something.
    private func rejectsAnAssertion(_ range: Range<Int>) -> Bool {
        range.contains { tokens[$0].isWord && !tokens[$0].isQuoted && (tokens[$0].lower == "as" || Self.assertionNouns.contains(tokens[$0].lower)) }
    }

    private static let assertionNouns: Set<String> = [
        "account", "accounts", "claim", "claims", "allegation", "allegations", "accusation", "accusations", "charge", "charges",
        "criticism", "characterization", "characterisation", "suggestion", "suggestions", "assertion", "assertions", "report",
        "reports", "argument", "arguments", "conclusion", "conclusions", "findings", "idea", "notion", "version", "narrative",
    ]

    /// "X, who accused Y of Z, declined…": the relative clause ends at a comma
    /// followed by a name or an auxiliary (the main clause resuming).
    private func relativeClause(_ range: Range<Int>, _ subjects: SubjectFinder) -> Range<Int> {
        for c in range where subjects.isClauseComma(c) {
            var next = c + 1
            while next < range.upperBound, tokens[next].quoteRole == .close { next += 1 }
            guard next < range.upperBound else { break }
            let token = tokens[next]
            if (token.isCapitalized && token.text != "I") || Lexicon.auxiliaries.contains(token.lower) {
                return range.lowerBound..<c
            }
        }
        return range
    }

    // MARK: - "according to"

    /// The length of "according to" or "in the words of" at `i`, if one starts there.
    private func sourcePrepositionLength(at i: Int, in sentence: Range<Int>) -> Int? {
        for cue in Self.sourcePrepositions where i + cue.count < sentence.upperBound {
            if cue.indices.allSatisfy({ tokens[i + $0].lower == cue[$0] && !tokens[i + $0].isQuoted }) { return cue.count }
        }
        return nil
    }

    /// Short participles that open an aside after a source ("seen by the Courier").
    private static let asideParticiples: Set<String> = ["seen", "shown", "given", "cited", "quoted", "read", "sent", "shared", "leaked"]

    private static let sourcePrepositions: [[String]] = [["according", "to"], ["in", "the", "words", "of"]]

    /// "According to X, Y", "Y, according to X", "in the words of X – ‘Q’": a
    /// quotation right after the source is the content; otherwise what precedes it,
    /// or what follows.
    private func accordingTo(_ i: Int, cueLength: Int, in sentence: Range<Int>, anonymity: Bool) -> Attribution? {
        let reader = NounPhraseReader(tokens: tokens)
        guard var phrase = reader.phrase(startingAt: i + cueLength, upperBound: sentence.upperBound),
              var mention = SourceRecognizer(paragraph: paragraph).mention(phrase)
        else { return nil }
        if let named = SubjectFinder(paragraph: paragraph, sentence: sentence).appositiveName(after: phrase) {
            mention = named
            phrase = named.tokens
        }
        let complement = ComplementReader(tokens: tokens, sentence: sentence)
        var content: [Range<Int>] = []
        if let quotation = quotation(after: phrase.upperBound, in: sentence) {
            content.append(quotation)
        } else if let before = complement.contentBefore(i, requireSeparator: false) {
            content.append(before)
        }
        let followedByComma = phrase.upperBound < sentence.upperBound && tokens[phrase.upperBound].isPunctuation(",")
        var after = phrase.upperBound + (followedByComma ? 1 : 0)
        // "According to an analysis by X, seen by the Courier, Y": skip the participle aside.
        if followedByComma, after < sentence.upperBound, NounPhraseReader.isPostModifier(tokens[after].lower) || Self.asideParticiples.contains(tokens[after].lower),
           let comma = (after..<sentence.upperBound).first(where: { tokens[$0].isPunctuation(",") }) {
            after = comma + 1
        }
        // "…, according to X, after Z" goes on; "…, according to X, the body that…" is about X.
        let appositive = after < sentence.upperBound && ["the", "a", "an", "which", "who"].contains(tokens[after].lower)
        if content.isEmpty || (followedByComma && !appositive), let rest = complement.trimmed(after..<sentence.upperBound) {
            content.append(rest)
        }
        guard !content.isEmpty else { return nil }
        var attribution = Attribution(
            subject: .mention(mention), cue: paragraph.text(of: i..<(i + cueLength)), cueClass: .speech, cueIndex: i,
            phraseStart: i, phraseEnd: phrase.upperBound - 1, content: content, contentFirst: content[0].lowerBound < i)
        attribution.anonymityHint = anonymity
        return attribution
    }

    /// The quotation opening right after `index` (past a comma, dash or colon).
    private func quotation(after index: Int, in sentence: Range<Int>) -> Range<Int>? {
        var open = index
        while open < sentence.upperBound, tokens[open].kind == .punctuation, [",", "—", ":"].contains(tokens[open].text) { open += 1 }
        guard open < sentence.upperBound, tokens[open].quoteRole == .open,
              let region = paragraph.quotes.first(where: { $0.open == open })
        else { return nil }
        return ComplementReader(tokens: tokens, sentence: sentence).trimmed(open..<min(sentence.upperBound, (region.close ?? sentence.upperBound - 1) + 1))
    }

    // MARK: - "X’s assessment is that Y"

    private func claimNoun(_ i: Int, in sentence: Range<Int>, _ subjects: SubjectFinder) -> Attribution? {
        guard i > sentence.lowerBound, i + 2 < sentence.upperBound, tokens[i - 1].isPossessive,
              Lexicon.beForms.contains(tokens[i + 1].lower), tokens[i + 2].lower == "that",
              let phrase = NounPhraseReader(tokens: tokens).phrase(endingAt: i - 1, lowerBound: sentence.lowerBound),
              let mention = SourceRecognizer(paragraph: paragraph).mention(phrase),
              let content = ComplementReader(tokens: tokens, sentence: sentence).trimmed((i + 3)..<sentence.upperBound)
        else { return nil }
        return Attribution(subject: .mention(mention), cue: tokens[i].text, cueClass: .belief, cueIndex: i,
                           phraseStart: phrase.lowerBound, phraseEnd: i + 1, content: [content], contentFirst: false)
    }

    private static let reportNouns: Set<String> = ["report", "reports", "article", "story", "statement", "claim", "claims", "assessment", "analysis", "study", "survey", "post", "editorial", "allegation", "allegations"]

    /// "a report in the Tessin Courier that Y": a claim by the publication.
    private func reportNoun(_ i: Int, in sentence: Range<Int>) -> Attribution? {
        guard i + 2 < sentence.upperBound, ["in", "by", "from", "on"].contains(tokens[i + 1].lower),
              let phrase = NounPhraseReader(tokens: tokens).phrase(startingAt: i + 2, upperBound: sentence.upperBound),
              phrase.upperBound < sentence.upperBound, tokens[phrase.upperBound].lower == "that",
              let mention = SourceRecognizer(paragraph: paragraph).mention(phrase), mention.reference == .name,
              let content = ComplementReader(tokens: tokens, sentence: sentence).trimmed((phrase.upperBound + 1)..<sentence.upperBound)
        else { return nil }
        return Attribution(subject: .mention(mention), cue: tokens[i].text, cueClass: .speech, cueIndex: i,
                           phraseStart: i, phraseEnd: phrase.upperBound, content: [content], contentFirst: false)
    }

    // MARK: - Helpers

    /// The cue as written, with its particle: "called for", "pointed out".
    private func cueText(_ i: Int, _ verb: CueVerb) -> String {
        let hasParticle = verb.particle != nil || (verb.cueClass == .demand && i + 1 < tokens.count && ["for", "on"].contains(tokens[i + 1].lower))
        return hasParticle ? tokens[i].text + " " + tokens[i + 1].text : tokens[i].text
    }

    /// "who spoke on condition of anonymity", "who requested anonymity", "not authorized to speak".
    private func mentionsAnonymity(_ sentence: Range<Int>) -> Bool {
        sentence.contains { i in
            guard !tokens[i].isQuoted else { return false }
            let word = tokens[i].lower
            return word == "anonymity" || (word == "authorized" && i + 2 < sentence.upperBound && tokens[i + 2].lower == "speak")
                || (word == "named" && i >= 2 && tokens[i - 2].lower == "not")
        }
    }

    /// A sentence that is a quotation and nothing else of substance.
    private func isBareQuote(_ sentence: Range<Int>) -> Bool {
        guard let first = sentence.first(where: { tokens[$0].kind != .punctuation }),
              tokens[first].kind == .quote, tokens[first].quoteRole == .open else { return false }
        let words = sentence.filter { tokens[$0].isWord }
        guard !words.isEmpty else { return false }
        return words.filter { tokens[$0].isQuoted }.count * 10 >= words.count * 8
    }
}
