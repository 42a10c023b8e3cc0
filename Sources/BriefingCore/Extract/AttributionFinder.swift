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
        var i = range.lowerBound
        while i < range.upperBound {
            let token = tokens[i]
            defer { i += 1 }
            guard token.isWord, !token.isQuoted else { continue }
            if token.lower == "according", i + 1 < range.upperBound, tokens[i + 1].lower == "to" {
                if let attribution = accordingTo(i, in: range) { found.append(attribution) }
            } else if CueLexicon.claimNouns.contains(token.bareLower), let attribution = claimNoun(i, in: range, subjects) {
                found.append(attribution)
            } else if let verb = CueLexicon.verb(token.lower), let attribution = verbAttribution(i, verb, in: range, subjects) {
                found.append(attribution)
            }
        }
        let attributions = ClauseBoundaries(tokens: tokens, sentence: range).resolve(found, subjects: subjects)
        return SentenceAttributions(sentence: sentence, sentenceIndex: index, attributions: attributions,
                                    isBareQuote: attributions.isEmpty && isBareQuote(range))
    }

    // MARK: - Verbs

    private func verbAttribution(_ i: Int, _ verb: CueVerb, in sentence: Range<Int>, _ subjects: SubjectFinder) -> Attribution? {
        if i > sentence.lowerBound {
            let previous = tokens[i - 1]
            // A noun or adjective use: "the report", "Maduro’s claims", "this alleged plan".
            if previous.isWord, (Lexicon.determiners.contains(previous.lower) && previous.lower != "that") || previous.isPossessive {
                return nil
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
        let complement = ComplementReader(tokens: tokens, sentence: sentence)
            .complement(afterCue: found.inverted ? found.phraseEnd : i, verb: verb)
        if let complement {
            let needsClause = CueLexicon.needsClauseComplement.contains(verb.lemma)
            if needsClause, !complement.isClause, subjectKind != .document { return nil }
            var attribution = Attribution(
                subject: found.subject, cue: tokens[i].text, cueClass: verb.cueClass, cueIndex: i,
                phraseStart: found.phraseStart, content: [complement.range], contentFirst: false, cited: found.cited)
            attribution.anonymityHint = mentionsAnonymity(sentence)
            return attribution
        }
        // Content before the attribution: "‘Q,’ X said", "Y, said X".
        guard verb.form != .gerund, verb.cueClass != .accusation, verb.cueClass != .description,
              let before = ComplementReader(tokens: tokens, sentence: sentence).contentBefore(found.phraseStart)
        else { return nil }
        var content = [before]
        if let after = ComplementReader(tokens: tokens, sentence: sentence).interruptedContinuation(after: found.phraseEnd, before: before) {
            content.append(after)
        }
        var attribution = Attribution(
            subject: found.subject, cue: tokens[i].text, cueClass: verb.cueClass, cueIndex: i,
            phraseStart: found.phraseStart, content: content, contentFirst: true, cited: found.cited)
        attribution.anonymityHint = mentionsAnonymity(sentence)
        return attribution
    }

    // MARK: - "according to"

    private func accordingTo(_ i: Int, in sentence: Range<Int>) -> Attribution? {
        let reader = NounPhraseReader(tokens: tokens)
        guard let phrase = reader.phrase(startingAt: i + 2, upperBound: sentence.upperBound),
              let mention = SourceRecognizer(paragraph: paragraph).mention(phrase)
        else { return nil }
        let complement = ComplementReader(tokens: tokens, sentence: sentence)
        var content: [Range<Int>] = []
        if let before = complement.contentBefore(i) { content.append(before) }
        var after = phrase.upperBound
        if after < sentence.upperBound, tokens[after].isPunctuation(",") { after += 1 }
        if let rest = complement.trimmed(after..<sentence.upperBound), content.isEmpty || tokens[phrase.upperBound].isPunctuation(",") {
            content.append(rest)
        }
        guard !content.isEmpty else { return nil }
        var attribution = Attribution(
            subject: .mention(mention), cue: paragraph.text(of: i..<(i + 2)), cueClass: .speech, cueIndex: i,
            phraseStart: i, content: content, contentFirst: content[0].lowerBound < i)
        attribution.anonymityHint = mentionsAnonymity(sentence)
        return attribution
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
                           phraseStart: phrase.lowerBound, content: [content], contentFirst: false)
    }

    // MARK: - Helpers

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
