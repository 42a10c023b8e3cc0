/// A paragraph of an article as plain text: what the extractor reads and what the
/// renderer finds again in cmark's tree (both compute it the same way, see
/// `MarkdownDocument.blockTexts`).
public struct TextBlock: Hashable, Sendable, Codable {
    /// Position among the article's paragraphs, from 0.
    public var index: Int
    /// The paragraph's text: inline markup removed, soft and hard breaks as one space.
    public var text: String
    /// The 1-based line in the seed file where the paragraph starts.
    public var line: Int

    public init(index: Int, text: String, line: Int) {
        self.index = index
        self.text = text
        self.line = line
    }
}

/// A range of one paragraph's text, in UTF-8 bytes (cmark's unit), `start..<end`.
public struct TextSpan: Hashable, Sendable, Comparable, Codable {
    public var block: Int
    public var start: Int
    public var end: Int

    public init(block: Int, start: Int, end: Int) {
        self.block = block
        self.start = start
        self.end = end
    }

    public static func < (lhs: TextSpan, rhs: TextSpan) -> Bool {
        (lhs.block, lhs.start, lhs.end) < (rhs.block, rhs.start, rhs.end)
    }
}

/// What kind of thing a source is.
public enum SourceKind: String, Codable, Sendable, CaseIterable {
    case person, organization, group, document
}

/// A source as the extractor found it in one article.
public struct ExtractedSource: Hashable, Sendable, Codable {
    /// Unique within the article; `Linker` turns it into a site-wide id.
    public var key: String
    /// The canonical name: "Nicolás Maduro", "a senior Pentagon official".
    public var name: String
    public var kind: SourceKind
    public var isAnonymous: Bool
    /// Title, role or affiliation when the text gives one ("President").
    public var role: String?

    public init(key: String, name: String, kind: SourceKind, isAnonymous: Bool, role: String? = nil) {
        self.key = key
        self.name = name
        self.kind = kind
        self.isAnonymous = isAnonymous
        self.role = role
    }
}

/// How one claim relates to another.
public enum RelationKind: String, Codable, Sendable, CaseIterable {
    case disputes, supports
}

/// A relation from an extracted claim to another claim of the same extraction.
public struct ExtractedRelation: Hashable, Sendable, Codable {
    public var kind: RelationKind
    /// Index of the other claim in `Extraction.claims`.
    public var target: Int

    public init(kind: RelationKind, target: Int) {
        self.kind = kind
        self.target = target
    }
}

/// A claim as the extractor found it: who asserted what, with which cue.
public struct ExtractedClaim: Hashable, Sendable, Codable {
    /// `ExtractedSource.key` of the source that makes the claim.
    public var sourceKey: String
    /// The attribution cue as written: "confirmed", "according to", "denied".
    public var cue: String
    /// The content, without the cue and the source.
    public var text: String
    /// Whether `text` is (mostly) the source's own quoted words.
    public var isDirectQuote: Bool
    /// The sentence or sentences that carry the claim.
    public var span: TextSpan
    /// Sources the claim's source cites ("X, citing Z, reported…" → Z).
    public var citedSourceKeys: [String]
    public var relations: [ExtractedRelation]

    public init(
        sourceKey: String, cue: String, text: String, isDirectQuote: Bool, span: TextSpan,
        citedSourceKeys: [String] = [], relations: [ExtractedRelation] = []
    ) {
        self.sourceKey = sourceKey
        self.cue = cue
        self.text = text
        self.isDirectQuote = isDirectQuote
        self.span = span
        self.citedSourceKeys = citedSourceKeys
        self.relations = relations
    }
}

/// Everything found in one article, claims in text order.
public struct Extraction: Hashable, Sendable, Codable {
    public var sources: [ExtractedSource]
    public var claims: [ExtractedClaim]

    public init(sources: [ExtractedSource] = [], claims: [ExtractedClaim] = []) {
        self.sources = sources
        self.claims = claims
    }
}
