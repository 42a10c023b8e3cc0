/// Turns each sentence's attributions into claims, in text order.
///
/// Consecutive quotations of one speaker in one paragraph become one claim:
/// a "‘Q2,’ X said" right after a sentence whose claim by X was a quotation, and
/// a bare "‘Q2.’" right after any quotation claim. A bare quotation opening a
/// paragraph right after a paragraph that ended with a quotation claim is a new
/// claim by the same speaker (news style for a speaker who keeps talking).
struct ClaimAssembler: Sendable {
    private var resolver: CoreferenceResolver
    private var claims: [ExtractedClaim] = []
    private var last: (paragraph: Int, sentence: Int, claim: Int, isDirect: Bool)?

    init(registry: NameRegistry) {
        resolver = CoreferenceResolver(registry: registry)
    }

    mutating func assemble(_ paragraphs: [AnalyzedParagraph]) -> Extraction {
        for (p, paragraph) in paragraphs.enumerated() {
            let finder = AttributionFinder(paragraph: paragraph)
            for (s, sentence) in paragraph.sentences.enumerated() {
                let found = finder.attributions(in: sentence, index: s)
                if found.isBareQuote {
                    continueQuotation(found, paragraph: paragraph, at: p, paragraphs: paragraphs)
                    continue
                }
                for attribution in found.attributions {
                    add(attribution, sentence: sentence, paragraph: paragraph, at: (p, s))
                }
            }
        }
        let renamed = resolver.renamedKeys
        for i in claims.indices where !renamed.isEmpty {
            claims[i].sourceKey = renamed[claims[i].sourceKey] ?? claims[i].sourceKey
            claims[i].citedSourceKeys = claims[i].citedSourceKeys.map { renamed[$0] ?? $0 }
        }
        let claims = RelationFinder().withRelations(claims, sources: resolver.sources)
        return Extraction(sources: resolver.sources, claims: claims)
    }

    private mutating func add(_ attribution: Attribution, sentence: Sentence, paragraph: AnalyzedParagraph, at place: (Int, Int)) {
        guard case .mention(let mention) = attribution.subject else { return }
        let content = ClaimText(paragraph: paragraph, ranges: attribution.content)
        guard content.isSubstantial, let source = resolver.resolve(mention) else { return }
        if attribution.anonymityHint, mention.reference == .description { resolver.markAnonymous(source) }
        resolver.noteCue(attribution.cue, of: source)
        let key = resolver.sources[source].key
        let span = TextSpan(block: paragraph.block.index, start: sentence.start, end: sentence.end)
        if attribution.contentFirst, content.isDirectQuote, let last, last.isDirect, last.paragraph == place.0,
           last.sentence == place.1 - 1, claims[last.claim].sourceKey == key {
            extend(last.claim, with: content.text, to: span)
            self.last = (place.0, place.1, last.claim, true)
            return
        }
        let cited = attribution.cited.compactMap { resolver.resolve($0).map { resolver.sources[$0].key } }
        claims.append(ExtractedClaim(sourceKey: key, cue: attribution.cue, text: content.text, isDirectQuote: content.isDirectQuote,
                                     span: span, citedSourceKeys: cited))
        last = (place.0, place.1, claims.count - 1, content.isDirectQuote)
    }

    private mutating func continueQuotation(_ found: SentenceAttributions, paragraph: AnalyzedParagraph, at p: Int,
                                            paragraphs: [AnalyzedParagraph]) {
        guard let last, last.isDirect else { return }
        let sentence = found.sentence
        let content = ClaimText(paragraph: paragraph, ranges: [sentence.tokens])
        guard content.isSubstantial else { return }
        let span = TextSpan(block: paragraph.block.index, start: sentence.start, end: sentence.end)
        if last.paragraph == p, last.sentence == found.sentenceIndex - 1 {
            extend(last.claim, with: content.text, to: span)
            self.last = (p, found.sentenceIndex, last.claim, true)
        } else if found.sentenceIndex == 0, last.paragraph == p - 1, last.sentence == paragraphs[p - 1].sentences.count - 1 {
            let previous = claims[last.claim]
            claims.append(ExtractedClaim(sourceKey: previous.sourceKey, cue: previous.cue, text: content.text,
                                         isDirectQuote: true, span: span))
            self.last = (p, 0, claims.count - 1, true)
        }
    }

    private mutating func extend(_ index: Int, with text: String, to span: TextSpan) {
        claims[index].text = ClaimText.joined([claims[index].text, text])
        claims[index].span.end = span.end
    }
}

/// A claim's content as text: the content ranges without quotation marks, with
/// surrounding punctuation trimmed, and whether it is mostly quoted words.
struct ClaimText: Sendable {
    var text: String
    var isDirectQuote: Bool
    private var wordCount: Int

    init(paragraph: AnalyzedParagraph, ranges: [Range<Int>]) {
        let pieces = ranges.map { paragraph.text(of: $0) }
        text = Self.joined(pieces)
        let words = ranges.flatMap { $0.filter { paragraph.tokens[$0].isWord } }
        wordCount = words.count
        isDirectQuote = !words.isEmpty && words.filter { paragraph.tokens[$0].isQuoted }.count * 2 >= words.count
    }

    /// At least two words: "denied it" is not much of a claim, but "it" alone is none.
    var isSubstantial: Bool { wordCount >= 2 }

    private static let edgePunctuation: Set<Character> = [",", ".", ";", ":", "—", " ", "-", "(", ")"]

    /// Joins content pieces: "aggression," + "They are…" → "aggression. They are…".
    static func joined(_ pieces: [String]) -> String {
        var out = ""
        for piece in pieces {
            var next = Substring(piece)
            while let first = next.first, edgePunctuation.contains(first) { next = next.dropFirst() }
            guard let initial = next.first else { continue }
            if !out.isEmpty {
                while let last = out.last, last == " " || last == "," || last == ";" || last == ":" || last == "—" { out.removeLast() }
                if let last = out.last, !".!?".contains(last) { out += initial.isUppercase ? "." : "," }
                out += " "
            }
            out += next
        }
        return cleaned(out)
    }

    private static func cleaned(_ text: String) -> String {
        var slice = Substring(text)
        while let first = slice.first, edgePunctuation.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, edgePunctuation.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }
}
