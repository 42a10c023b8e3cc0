/// One attribution inside a sentence, before coreference: the phrase naming the
/// source, the cue, and the token ranges of the content.
struct Attribution: Sendable {
    enum Subject: Sendable {
        /// The source as the sentence names it.
        case mention(SourceMention)
        /// A coordinated or participial verb with no subject of its own ("…, adding
        /// that…", "…and added that…"): the source of the attribution before it.
        case previous
    }

    var subject: Subject
    /// The cue as written: "confirmed", "according to", "assessment".
    var cue: String
    var cueClass: CueClass
    /// Token index of the cue's first word.
    var cueIndex: Int
    /// First token of the attribution phrase (subject or cue, whichever comes
    /// first), where the content of an earlier attribution must stop.
    var phraseStart: Int
    /// Last token of the attribution phrase (the cue, or a subject after it).
    var phraseEnd: Int
    /// Token ranges of the content, in order.
    var content: [Range<Int>]
    /// Whether the content comes before the attribution ("‘Q,’ X said").
    var contentFirst: Bool
    /// Sources the source cites ("X, citing Z, reported…").
    var cited: [SourceMention] = []
    /// "who spoke on condition of anonymity" and the like.
    var anonymityHint = false
}

/// What one sentence holds for `ClaimAssembler`.
struct SentenceAttributions: Sendable {
    var sentence: Sentence
    var sentenceIndex: Int
    var attributions: [Attribution]
    /// The sentence is a quotation with no attribution of its own, which may
    /// continue the speaker of the sentence before.
    var isBareQuote: Bool
}
