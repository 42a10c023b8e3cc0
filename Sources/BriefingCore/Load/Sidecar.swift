import Foundation

/// An editor's corrections beside a seed: `seeds/<slug>.claims.yml`.
///
/// Everything is optional; extraction runs first and the sidecar is merged over it
/// (see `ClaimMerger`). The README documents the format with a full example.
public struct Sidecar: Sendable, Hashable, Codable {
    public var file: String
    /// A date for seeds without front matter (plain text).
    public var date: ArticleDate?
    public var sources: [SidecarSource]
    public var claims: [SidecarClaim]

    /// `seeds/x.txt` → `seeds/x.claims.yml`.
    public static let suffix = ".claims.yml"
}

/// Editorial status of a claim.
public enum ClaimStatus: String, Sendable, Hashable, CaseIterable, Codable {
    case unverified, corroborated, disputed, `false`, `true`

    /// Order on pages: what needs attention first.
    public var rank: Int {
        switch self {
        case .disputed: return 0
        case .false: return 1
        case .unverified: return 2
        case .corroborated: return 3
        case .true: return 4
        }
    }
}

/// An editor's mark that a source or a claim was retracted or discredited: whatever
/// depends on it is flagged on the site (see `RetractionPropagator`).
///
///     retracted:
///       reason: The agency withdrew the report on 12 March.
///       link: https://example.org/correction
public struct Retraction: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// Withdrawn by whoever published it.
        case retracted
        /// Shown to be wrong or unreliable by others.
        case discredited
    }

    public var kind: Kind
    public var reason: String
    /// An http(s) link to the retraction or the evidence.
    public var link: String?
    /// Where the mark is written in its sidecar.
    public var location: SourceLocation
}

/// A source entry in a sidecar: corrects an extracted source (same `id`) or adds one.
public struct SidecarSource: Sendable, Hashable, Codable {
    /// Local id: matched against extracted sources; anonymous sources are prefixed with
    /// the article slug on the site unless `shared`.
    public var id: String
    public var name: String?
    public var kind: SourceKind?
    public var anonymous: Bool?
    public var role: String?
    /// Admiralty source reliability, A (reliable) to F (cannot be judged).
    public var reliability: String?
    /// What the source has access to, its record, possible bias (anonymous sources).
    public var descriptor: String?
    /// An anonymous source that is the same across articles.
    public var shared: Bool
    /// Other names used for this source in the text ("Maduro").
    public var aliases: [String]
    /// Drop the extracted source of this id (and its claims).
    public var suppress: Bool
    public var location: SourceLocation
    /// `retracted:` or `discredited:` — nothing this source said can be relied on.
    public var retraction: Retraction? = nil
    /// `same_origin:` — sources this one is not independent of (it republishes or speaks
    /// for them); its reporting traces back to them.
    public var sameOrigin: [SidecarClaim.Reference] = []
}

/// A claim entry in a sidecar: corrects an extracted claim (same `id`, or the same text),
/// suppresses one, or adds one.
public struct SidecarClaim: Sendable, Hashable, Codable {
    public var id: String?
    public var source: String?
    public var cue: String?
    /// The content; must occur in the article (whitespace, quotes and case aside).
    public var text: String?
    public var quote: Bool?
    public var status: ClaimStatus?
    /// Admiralty information credibility, 1 (confirmed) to 6 (cannot be judged).
    public var credibility: Int?
    public var disputes: [Reference]
    public var supports: [Reference]
    /// Sources this claim's source cites for it.
    public var cites: [Reference]
    /// A link to the evidence for the status.
    public var evidence: String?
    public var note: String?
    public var suppress: Bool
    public var location: SourceLocation
    public var textLocation: SourceLocation
    public var sourceLocation: SourceLocation
    /// `retracted:` or `discredited:` — the claim itself was withdrawn or shown wrong.
    public var retraction: Retraction? = nil
    /// `independent: false` — the claim repeats earlier reporting and adds no
    /// independent confirmation.
    public var independent: Bool? = nil
    /// Where `status:` is written (the entry when it is not).
    public var statusLocation: SourceLocation? = nil

    /// An id written in the sidecar, and where.
    public struct Reference: Sendable, Hashable, Codable {
        public var id: String
        public var location: SourceLocation
    }
}

// MARK: - Parsing

extension Sidecar {
    private struct File: Decodable {
        var date: String?
        var sources: [SourceEntry]?
        var claims: [ClaimEntry]?
    }

    private struct SourceEntry: Decodable {
        var id: String
        var name: String?
        var type: String?
        var anonymous: Bool?
        var role: String?
        var reliability: String?
        var descriptor: String?
        var shared: Bool?
        var aliases: [String]?
        var suppress: Bool?
        var retracted: RetractionEntry?
        var discredited: RetractionEntry?
        var same_origin: OneOrMany?
    }

    /// `retracted:` / `discredited:` as written: `reason` (required) and `link`.
    private struct RetractionEntry: Decodable {
        var reason: String?
        var link: String?
    }

    private struct ClaimEntry: Decodable {
        var id: String?
        var source: String?
        var cue: String?
        var text: String?
        var quote: Bool?
        var status: String?
        var credibility: Int?
        var disputes: OneOrMany?
        var supports: OneOrMany?
        var cites: OneOrMany?
        var evidence: String?
        var note: String?
        var suppress: Bool?
        var retracted: RetractionEntry?
        var discredited: RetractionEntry?
        var independent: Bool?
    }

    /// `disputes: x` or `disputes: [x, y]`.
    private struct OneOrMany: Decodable {
        var values: [String]
        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let one = try? container.decode(String.self) {
                values = [one]
            } else {
                values = try container.decode([String].self)
            }
        }
    }

    static let knownKeys: Set<String> = ["date", "sources", "claims"]
    static let knownSourceKeys: Set<String> = ["id", "name", "type", "anonymous", "role", "reliability", "descriptor", "shared", "aliases", "suppress",
                                               "retracted", "discredited", "same_origin"]
    static let knownClaimKeys: Set<String> = ["id", "source", "cue", "text", "quote", "status", "credibility", "disputes", "supports", "cites", "evidence", "note", "suppress",
                                              "retracted", "discredited", "independent"]

    /// Parses a sidecar and checks its values; references are resolved later by the linker.
    /// - Returns: the sidecar and warnings (unknown keys).
    /// - Throws: `Diagnostic` at the offending line.
    static func parse(_ text: String, file: String) throws -> (Sidecar, [Diagnostic]) {
        let document = try YAMLDocument(text: text, file: file)
        if case .scalar(let scalar) = document.root, scalar.string.isEmpty {
            return (Sidecar(file: file, date: nil, sources: [], claims: []), [])
        }
        let decoded = try document.decode(File.self, what: "sidecar")
        var warnings = document.unknownKeys(known: knownKeys).map {
            Diagnostic.warning(.load, at: $0.location, "unknown key `\($0.key)` is ignored; a sidecar has date, sources and claims")
        }
        func key(_ path: Any...) -> [CodingKey] {
            path.map { item in
                if let index = item as? Int { return PathKey(intValue: index) }
                return PathKey(stringValue: "\(item)")
            }
        }
        func at(_ path: Any...) -> SourceLocation {
            document.location(of: document.node(at: path.map { item in
                if let index = item as? Int { return PathKey(intValue: index) as CodingKey }
                return PathKey(stringValue: "\(item)") as CodingKey
            }))
        }

        /// `retracted:` or `discredited:` of the entry at `path`, checked.
        func retraction(_ retracted: RetractionEntry?, _ discredited: RetractionEntry?, at path: Any...) throws -> Retraction? {
            func at(_ keys: [Any]) -> SourceLocation {
                document.location(of: document.node(at: (path + keys).map { item in
                    if let index = item as? Int { return PathKey(intValue: index) as CodingKey }
                    return PathKey(stringValue: "\(item)") as CodingKey
                }))
            }
            if retracted != nil, discredited != nil {
                throw Diagnostic.error(.load, at: at(["discredited"]), "write `retracted:` or `discredited:`, not both")
            }
            guard let (kind, entry) = retracted.map({ (Retraction.Kind.retracted, $0) }) ?? discredited.map({ (Retraction.Kind.discredited, $0) })
            else { return nil }
            let key = kind.rawValue
            guard let reason = entry.reason?.trimmingCharacters(in: .whitespacesAndNewlines), !reason.isEmpty else {
                throw Diagnostic.error(.load, at: at([key]), "`\(key):` needs a `reason:` (and a `link:` to the correction or the evidence)")
            }
            if let link = entry.link, !URLPolicy.isSafeExternal(link) {
                throw Diagnostic.error(.load, at: at([key, "link"]), "link `\(link)` must be an http(s) URL")
            }
            return Retraction(kind: kind, reason: reason, link: entry.link, location: at([key]))
        }

        var date: ArticleDate?
        if let text = decoded.date {
            guard let parsed = ArticleDate(text) else {
                throw Diagnostic.error(.load, at: at("date"), "date `\(text)` is not a date; write it as YYYY-MM-DD, e.g. 2025-10-25")
            }
            date = parsed
        }

        var sources: [SidecarSource] = []
        for (index, entry) in (decoded.sources ?? []).enumerated() {
            guard Slugger.isValidID(entry.id) else {
                throw Diagnostic.error(.load, at: at("sources", index, "id"),
                                       "source id `\(entry.id)` may use only a-z, 0-9 and -\(suggestion(entry.id))")
            }
            if Slugger.reservedNames.contains(entry.id) {
                throw Diagnostic.error(.load, at: at("sources", index, "id"),
                                       "source id `\(entry.id)` is reserved for a listing page; choose another, e.g. `\(entry.id)-source`")
            }
            var kind: SourceKind?
            if let type = entry.type {
                guard let parsed = SourceKind(rawValue: type) else {
                    throw Diagnostic.error(.load, at: at("sources", index, "type"),
                                           "source type `\(type)` is not one of person, organization, group, document")
                }
                kind = parsed
            }
            if let grade = entry.reliability, !["A", "B", "C", "D", "E", "F"].contains(grade) {
                throw Diagnostic.error(.load, at: at("sources", index, "reliability"),
                                       "reliability `\(grade)` must be an Admiralty grade A (reliable) to F (cannot be judged)")
            }
            warnings += unknownKeys(in: document.node(at: key("sources", index)), known: knownSourceKeys, document: document, what: "source")
            let sameOriginNode = document.node(at: key("sources", index, "same_origin"))
            let sameOrigin = (entry.same_origin?.values ?? []).enumerated().map { offset, id in
                SidecarClaim.Reference(id: id, location: sameOriginNode.sequence != nil
                    ? at("sources", index, "same_origin", offset) : document.location(of: sameOriginNode))
            }
            sources.append(SidecarSource(
                id: entry.id, name: entry.name, kind: kind, anonymous: entry.anonymous, role: entry.role,
                reliability: entry.reliability, descriptor: entry.descriptor, shared: entry.shared ?? false,
                aliases: entry.aliases ?? [], suppress: entry.suppress ?? false, location: at("sources", index),
                retraction: try retraction(entry.retracted, entry.discredited, at: "sources", index), sameOrigin: sameOrigin))
        }

        var claims: [SidecarClaim] = []
        for (index, entry) in (decoded.claims ?? []).enumerated() {
            if let id = entry.id, !Slugger.isValidID(id) {
                throw Diagnostic.error(.load, at: at("claims", index, "id"),
                                       "claim id `\(id)` may use only a-z, 0-9 and -\(suggestion(id))")
            }
            var status: ClaimStatus?
            if let text = entry.status {
                guard let parsed = ClaimStatus(rawValue: text) else {
                    throw Diagnostic.error(.load, at: at("claims", index, "status"),
                                           "status `\(text)` must be one of \(ClaimStatus.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                status = parsed
            }
            if let credibility = entry.credibility, !(1...6).contains(credibility) {
                throw Diagnostic.error(.load, at: at("claims", index, "credibility"),
                                       "credibility \(credibility) must be an Admiralty grade 1 (confirmed) to 6 (cannot be judged)")
            }
            if entry.id == nil, entry.text == nil {
                throw Diagnostic.error(.load, at: at("claims", index),
                                       "a sidecar claim needs an `id` (to correct an extracted claim) or a `text` (to add one)")
            }
            if let evidence = entry.evidence, !URLPolicy.isSafeExternal(evidence) {
                throw Diagnostic.error(.load, at: at("claims", index, "evidence"),
                                       "evidence `\(evidence)` must be an http(s) URL")
            }
            func references(_ field: String, _ values: OneOrMany?) -> [SidecarClaim.Reference] {
                guard let values = values?.values else { return [] }
                let node = document.node(at: key("claims", index, field))
                return values.enumerated().map { offset, id in
                    let location = node.sequence != nil ? at("claims", index, field, offset) : document.location(of: node)
                    return SidecarClaim.Reference(id: id, location: location)
                }
            }
            warnings += unknownKeys(in: document.node(at: key("claims", index)), known: knownClaimKeys, document: document, what: "claim")
            claims.append(SidecarClaim(
                id: entry.id, source: entry.source, cue: entry.cue, text: entry.text, quote: entry.quote,
                status: status, credibility: entry.credibility,
                disputes: references("disputes", entry.disputes), supports: references("supports", entry.supports),
                cites: references("cites", entry.cites), evidence: entry.evidence, note: entry.note,
                suppress: entry.suppress ?? false, location: at("claims", index),
                textLocation: entry.text == nil ? at("claims", index) : at("claims", index, "text"),
                sourceLocation: entry.source == nil ? at("claims", index) : at("claims", index, "source"),
                retraction: try retraction(entry.retracted, entry.discredited, at: "claims", index),
                independent: entry.independent,
                statusLocation: entry.status == nil ? nil : at("claims", index, "status")))
        }
        return (Sidecar(file: file, date: date, sources: sources, claims: claims), warnings)
    }

    /// "; try `nicolas-maduro`" for an id that is not one, when it has letters to keep.
    private static func suggestion(_ id: String) -> String {
        let slug = String(Slugger.slug(id).prefix(200))
        return slug.isEmpty ? "" : "; try `\(slug)`"
    }

    private static func unknownKeys(in node: Yams.Node, known: Set<String>, document: YAMLDocument, what: String) -> [Diagnostic] {
        guard let mapping = node.mapping else { return [] }
        return mapping.compactMap { key, _ in
            guard let name = key.string, !known.contains(name) else { return nil }
            return .warning(.load, at: document.location(of: key),
                            "unknown \(what) key `\(name)` is ignored; known: \(known.sorted().joined(separator: ", "))")
        }
    }
}

/// A coding key built from a path component.
struct PathKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(stringValue: String) { self.stringValue = stringValue }
    init(intValue: Int) {
        self.stringValue = "\(intValue)"
        self.intValue = intValue
    }
}

import Yams
