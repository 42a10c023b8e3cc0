/// Finds who an attribution verb belongs to, looking around the verb within
/// one sentence: the subject before it (past adverbs, auxiliaries and a
/// parenthetical), the antecedent of "who"/"which", the subject after it in an
/// inverted quote attribution, or the main clause's subject for a participle.
struct SubjectFinder: Sendable {
    let paragraph: AnalyzedParagraph
    let sentence: Range<Int>

    private var tokens: [Token] { paragraph.tokens }
    private var reader: NounPhraseReader { NounPhraseReader(tokens: paragraph.tokens) }
    private var recognizer: SourceRecognizer { SourceRecognizer(paragraph: paragraph) }

    /// What stands before a verb once adverbs and auxiliaries are skipped.
    struct VerbContext {
        /// Index of the last token before the verb group, or `sentence.lowerBound - 1`.
        var before: Int
        var isNegated: Bool
        var isPassive: Bool
    }

    func context(before verb: Int, isPastForm: Bool) -> VerbContext {
        var k = verb - 1
        var negated = false
        var passive = false
        while k >= sentence.lowerBound, tokens[k].isWord, !tokens[k].isQuoted {
            let word = tokens[k].lower
            if Lexicon.negations.contains(word) || word.hasSuffix("n't") {
                negated = true
            } else if Lexicon.beForms.contains(word) {
                if isPastForm { passive = true }
            } else if let adjunct = timeAdjunctStart(endingAt: k) {
                k = adjunct
            } else if !(Lexicon.auxiliaries.contains(word) || Lexicon.verbAdverbs.contains(word)
                        || (word.hasSuffix("ly") && word.count > 4 && !tokens[k].isCapitalized)) {
                break
            }
            k -= 1
        }
        return VerbContext(before: k, isNegated: negated, isPassive: passive)
    }

    /// "on Thursday", "last week", "earlier this month", "on Oct. 3" ending at `end`
    /// (between a subject and its verb): the index of its first word.
    private func timeAdjunctStart(endingAt end: Int) -> Int? {
        let last = tokens[end]
        guard WordShape.timeWords.contains(last.lower) || last.kind == .number else { return nil }
        var m = end
        while m >= sentence.lowerBound, end - m <= 4, tokens[m].isWord || tokens[m].kind == .number {
            if ["on", "in", "last", "this", "earlier", "late", "next", "during"].contains(tokens[m].lower) {
                // "A study published in March found": the adjunct belongs to the participle.
                let before = m - 1
                if before >= sentence.lowerBound, !tokens[before].isCapitalized, NounPhraseReader.isPostModifier(tokens[before].lower) { return nil }
                return m
            }
            m -= 1
        }
        return nil
    }

    /// The result of a subject search.
    struct Found {
        var subject: Attribution.Subject
        /// First token of the subject phrase, or the verb for inverted order.
        var phraseStart: Int
        /// Last token of the attribution phrase (the verb, or an inverted subject).
        var phraseEnd: Int
        var cited: [SourceMention] = []
        var inverted = false
        /// Found through "who"/"which": the content ends with the relative clause.
        var isRelative = false
    }

    /// Subordinators whose clause only sets the scene: "When a reporter noted
    /// that…, X said…" attributes nothing to the reporter.
    private static let sceneSetters: Set<String> = ["when", "whenever", "if", "unless", "until", "once"]

    /// The subject of a finite attribution verb at `verb`.
    func subject(ofFinite verb: Int, context: VerbContext, invertible: Bool) -> Found? {
        let k = context.before
        if k >= sentence.lowerBound {
            let previous = tokens[k]
            if previous.isWord, previous.lower == "who" || previous.lower == "which" {
                var end = k - 1
                if end >= sentence.lowerBound, tokens[end].isPunctuation(",") { end -= 1 }
                guard var found = mentionFound(endingAt: end, verb: verb) else { return nil }
                found.isRelative = true
                return found
            }
            if previous.isWord, ["and", "but", "or", "then"].contains(previous.lower) {
                return Found(subject: .previous, phraseStart: k, phraseEnd: verb)
            }
            if previous.isPunctuation(",") || previous.isPunctuation("—") {
                if let found = parentheticalSubject(comma: k, verb: verb) { return found }
            } else if previous.isWord, let found = mentionFound(endingAt: k, verb: verb) ?? relativeAntecedent(before: k, verb: verb) {
                let before = found.phraseStart - 1
                if before >= sentence.lowerBound, Self.sceneSetters.contains(tokens[before].lower) { return nil }
                return found
            }
        }
        guard invertible, k < sentence.lowerBound || tokens[k].isPunctuation(",") || tokens[k].quoteRole == .close
                || tokens[k].isPunctuation("—") else { return nil }
        return invertedSubject(after: verb)
    }

    /// The subject of a participle attribution ("…, stating that", "with one
    /// insider suggesting that").
    func subject(ofParticiple verb: Int, cueClass: CueClass) -> Found? {
        let k = verb - 1
        guard k >= sentence.lowerBound else { return nil }
        if tokens[k].isPunctuation(",") || (tokens[k].isWord && tokens[k].lower == "and") {
            if cueClass == .addition { return Found(subject: .previous, phraseStart: k, phraseEnd: verb) }
            guard let main = mainClauseSubject(before: verb) else { return nil }
            return Found(subject: .mention(main), phraseStart: k, phraseEnd: verb)
        }
        guard tokens[k].isWord else { return nil }
        return mentionFound(endingAt: k, verb: verb)
    }

    /// "X, who…, said", "X, speaking to…, said", "The Post, citing Z, reported",
    /// "X – who grew up nearby – told": the parenthetical set off by commas or dashes.
    private func parentheticalSubject(comma: Int, verb: Int) -> Found? {
        var c = comma - 1
        while c > sentence.lowerBound, comma - c < 40 {
            defer { c -= 1 }
            guard tokens[c].isPunctuation(",") || tokens[c].isPunctuation("—"), !tokens[c].isQuoted, c + 1 < comma else { continue }
            let opener = tokens[c + 1]
            if let named = appositiveName(from: c + 1, to: comma, describedBy: c - 1) {
                return Found(subject: .mention(named), phraseStart: c + 1, phraseEnd: verb)
            }
            guard startsParenthetical(opener), var found = mentionFound(endingAt: c - 1, verb: verb) else { continue }
            if opener.lower == "citing", let cited = reader.phrase(startingAt: c + 2, upperBound: comma),
               let mention = recognizer.mention(cited) {
                found.cited.append(mention)
            }
            if case .mention(var mention) = found.subject, mention.reference == .name, mention.kind == .person,
               mention.role == nil, let role = appositiveRole(from: c + 1, to: comma) {
                mention.role = role
                found.subject = .mention(mention)
            }
            return found
        }
        return nil
    }

    /// "…,’ said a retired colonel, who…": the subject after the verb.
    private func invertedSubject(after verb: Int) -> Found? {
        guard let range = reader.phrase(startingAt: verb + 1, upperBound: sentence.upperBound),
              var mention = recognizer.mention(range), mention.reference != .pronoun || range.count == 1
        else { return nil }
        let after = range.upperBound
        if let named = appositiveName(after: range) {
            return Found(subject: .mention(named), phraseStart: verb, phraseEnd: named.tokens.upperBound - 1, inverted: true)
        }
        if mention.reference == .name, mention.kind == .person, mention.role == nil, after + 1 < sentence.upperBound,
           tokens[after].isPunctuation(",") {
            let end = (after + 1..<sentence.upperBound).first { tokens[$0].isPunctuation(",") || tokens[$0].isPunctuation(".") } ?? sentence.upperBound
            mention.role = appositiveRole(from: after + 1, to: end)
        }
        return Found(subject: .mention(mention), phraseStart: verb, phraseEnd: range.upperBound - 1, inverted: true)
    }

    /// "…the fishermen’s lawyer, Jonas Fehr." / "…, Jonas Fehr, said": a name set off
    /// by commas right after the description `range`.
    func appositiveName(after range: Range<Int>) -> SourceMention? {
        let comma = range.upperBound
        guard comma + 1 < sentence.upperBound, tokens[comma].isPunctuation(",") else { return nil }
        var end = comma + 1
        while end < sentence.upperBound, WordShape.isNameWord(tokens[end]) || WordShape.nameParticles.contains(tokens[end].lower) { end += 1 }
        guard end == sentence.upperBound || tokens[end].kind == .punctuation else { return nil }
        guard var named = appositiveName(from: comma + 1, to: end, describedBy: range.upperBound - 1) else { return nil }
        named.tokens = range.lowerBound..<end
        return named
    }

    /// "the fishermen’s lawyer, Jonas Fehr": the person's name in `start..<end`
    /// (nothing but a name), with the description ending at `description` as role.
    /// An organisation's name after an organisation's description takes that kind:
    /// "The main opposition party, Renovación Nacional,".
    func appositiveName(from start: Int, to end: Int, describedBy description: Int) -> SourceMention? {
        guard start < end, (start..<end).allSatisfy({ WordShape.isNameWord(tokens[$0]) || WordShape.nameParticles.contains(tokens[$0].lower) }),
              var mention = recognizer.mention(start..<end), mention.reference == .name, description >= sentence.lowerBound
        else { return nil }
        let describing = reader.phrase(endingAt: description, lowerBound: sentence.lowerBound)
        let role = describing.flatMap { recognizer.mention($0) }
        if let describing, let role, role.reference == .description, role.kind == .person || role.kind == .organization {
            if role.kind == .organization {
                mention.kind = .organization
            } else if mention.kind != .person {
                return nil
            }
            mention.role = paragraph.text(of: describing.lowerBound + (Lexicon.determiners.contains(tokens[describing.lowerBound].lower) ? 1 : 0)..<describing.upperBound)
            return mention
        }
        guard mention.kind == .person, let titled = titledDescription(endingAt: description) else { return nil }
        mention.role = titled
        return mention
    }

    /// "The Minister of Economy of Marenia", "Its leader in the Chamber of Deputies":
    /// a clause-initial description ending at `end` that opens with a determiner and
    /// holds a title; its text without the determiner, as a role.
    private func titledDescription(endingAt end: Int) -> String? {
        var start = end
        while start > sentence.lowerBound, !tokens[start - 1].isPunctuation(","), !tokens[start - 1].isPunctuation("—"), end - start < 12 {
            start -= 1
        }
        guard start < end, tokens[start].isWord, Lexicon.determiners.contains(tokens[start].lower),
              (start...end).contains(where: { tokens[$0].isWord && !tokens[$0].isQuoted && Lexicon.titles.contains(tokens[$0].lower) })
        else { return nil }
        return paragraph.text(of: (start + 1)..<(end + 1))
    }

    /// "Jane Doe, a professor at X," → "professor at X".
    private func appositiveRole(from start: Int, to end: Int) -> String? {
        guard start < end, ["a", "an", "the"].contains(tokens[start].lower),
              let range = reader.phrase(startingAt: start, upperBound: end),
              let mention = recognizer.mention(range), mention.reference == .description, mention.kind == .person
        else { return nil }
        return paragraph.text(of: (range.lowerBound + 1)..<range.upperBound)
    }

    private func mentionFound(endingAt end: Int, verb: Int) -> Found? {
        guard end >= sentence.lowerBound, let range = reader.phrase(endingAt: end, lowerBound: sentence.lowerBound),
              let mention = resolvedLatterFormer(range) ?? recognizer.mention(range)
        else { return nil }
        return Found(subject: .mention(mention), phraseStart: range.lowerBound, phraseEnd: verb)
    }

    /// "A former official who requested anonymity because he still works there
    /// described…": the noun before a "who" that opens the verb's clause, with no
    /// punctuation between.
    private func relativeAntecedent(before k: Int, verb: Int) -> Found? {
        var w = k
        while w > sentence.lowerBound, tokens[w].isWord, !tokens[w].isQuoted {
            if tokens[w].lower == "who" { return mentionFound(endingAt: w - 1, verb: verb) }
            w -= 1
        }
        return nil
    }

    /// "the latter" / "the former": the last / next-to-last source-like mention
    /// before it, in this sentence or the one before ("between the U.S. and
    /// Venezuela, with the latter…", "Salvatierra met Ferreyra…, and the former…").
    /// Nil, and so no source, when fewer mentions precede it.
    private func resolvedLatterFormer(_ range: Range<Int>) -> SourceMention? {
        guard range.count == 2, tokens[range.lowerBound].lower == "the" else { return nil }
        let which = tokens[range.lowerBound + 1].lower
        guard which == "latter" || which == "former" else { return nil }
        let wanted = which == "latter" ? 1 : 2
        let previous = paragraph.sentences.last { $0.tokens.upperBound <= sentence.lowerBound }
        let lowerBound = previous?.tokens.lowerBound ?? sentence.lowerBound
        var found: [SourceMention] = []
        var j = range.lowerBound - 1
        while j >= lowerBound, found.count < wanted {
            let token = tokens[j]
            let start = j < sentence.lowerBound ? lowerBound : sentence.lowerBound
            guard token.isWord, !token.isQuoted, !token.isPossessive, WordShape.isNameWord(token) || WordShape.isHead(token.lower),
                  let phrase = WordShape.isNameWord(token) ? nameRun(endingAt: j, lowerBound: start) : reader.phrase(endingAt: j, lowerBound: start),
                  let mention = recognizer.mention(phrase), mention.reference != .pronoun
            else {
                j -= 1
                continue
            }
            found.append(mention)
            j = phrase.lowerBound - 1
        }
        guard found.count == wanted, var resolved = found.last else { return nil }
        resolved.tokens = range
        resolved.position = TextPosition(block: paragraph.block.index, token: range.lowerBound)
        return resolved
    }

    /// The name words (and particles) ending at `last`: "Ferreyra" in "Salvatierra met
    /// Ferreyra", "the Ministry of Finance".
    private func nameRun(endingAt last: Int, lowerBound: Int) -> Range<Int> {
        var start = last
        while start > lowerBound, !tokens[start - 1].isPossessive,
              WordShape.isNameWord(tokens[start - 1]) || WordShape.nameParticles.contains(tokens[start - 1].lower)
                || reader.joinsOrganizationName(at: start - 1, last: last, lowerBound: lowerBound) {
            start -= 1
        }
        if start > lowerBound, tokens[start - 1].lower == "the" { start -= 1 }
        return start..<(last + 1)
    }

    /// The subject of the sentence's main clause: the first noun phrase after any
    /// opening adverbial or participial phrase.
    func mainClauseSubject(before limit: Int) -> SourceMention? {
        var start = sentence.lowerBound
        while start < limit {
            let token = tokens[start]
            let word = token.lower
            if token.quoteRole == .close {
                start += 1
                continue
            }
            let isOpener = token.quoteRole == .open || Lexicon.discourseOpeners.contains(word) || Lexicon.prepositions.contains(word)
                || Lexicon.conjunctions.contains(word) || WordShape.isVerbOrAdverbShaped(word)
            guard isOpener else { break }
            guard let comma = (start..<limit).first(where: { isClauseComma($0) }) else { return nil }
            start = comma + 1
        }
        guard start < limit, let range = reader.phrase(startingAt: start, upperBound: limit) else { return nil }
        return appositiveName(after: range) ?? recognizer.mention(range)
    }

    /// A comma outside quotations, or one just inside a closing mark (“…,” X said).
    func isClauseComma(_ i: Int) -> Bool {
        guard tokens[i].isPunctuation(",") else { return false }
        return !tokens[i].isQuoted || (i + 1 < tokens.count && tokens[i + 1].quoteRole == .close)
    }

    private func startsParenthetical(_ token: Token) -> Bool {
        let word = token.lower
        return Lexicon.parentheticalStarters.contains(word) || token.kind == .number
            || (token.isWord && !token.isCapitalized && WordShape.isVerbOrAdverbShaped(word))
    }
}
