import BriefingCore
import Foundation

/// `briefing extract` output: the JSON contract of DESIGN.md, a text listing, and a
/// sidecar draft.
struct ExtractionReport: Encodable {
    struct SourceEntry: Encodable {
        var id: String
        var name: String
        var type: String
        var anonymous: Bool
        var role: String?
    }

    struct ClaimEntry: Encodable {
        var id: String
        var source: String
        var cue: String
        var text: String
        var quote: Bool
        var status: String
        var sentence: String
        var paragraph: Int
        var start: Int
        var end: Int
        var cites: [String]
        var disputes: [String]
        var supports: [String]
    }

    var article: String
    var sources: [SourceEntry]
    var claims: [ClaimEntry]

    init(_ merged: ArticleClaims) {
        article = merged.article.slug
        sources = merged.sources.map {
            SourceEntry(id: $0.id, name: $0.name, type: $0.kind.rawValue, anonymous: $0.isAnonymous, role: $0.role)
        }
        claims = merged.claims.map { claim in
            ClaimEntry(
                id: claim.id, source: claim.sourceID, cue: claim.cue, text: claim.text, quote: claim.isDirectQuote,
                status: claim.status.rawValue, sentence: claim.sentence, paragraph: claim.span.block + 1,
                start: claim.span.start, end: claim.span.end, cites: claim.citedSourceIDs,
                disputes: claim.relations.filter { $0.kind == .disputes }.map(\.claimID),
                supports: claim.relations.filter { $0.kind == .supports }.map(\.claimID))
        }
    }

    var text: String {
        var lines = ["\(article): \(sources.count) sources, \(claims.count) claims"]
        for source in sources {
            lines.append("  source \(source.id): \(source.name) (\(source.type)\(source.anonymous ? ", anonymous" : "")\(source.role.map { ", \($0)" } ?? ""))")
        }
        for claim in claims {
            lines.append("  claim \(claim.id) [\(claim.source) \(claim.cue)\(claim.quote ? ", quote" : "")] \(claim.text)")
        }
        return lines.joined(separator: "\n")
    }

    /// YAML an editor corrects: every source and claim with its id, statuses unset.
    var sidecarDraft: String {
        func quoted(_ text: String) -> String {
            "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                .replacingOccurrences(of: "\n", with: " ") + "\""
        }
        var lines = [
            "# Sidecar draft for \(article), written by `briefing extract --sidecar-draft`.",
            "# Correct what is wrong, delete what is right (the extractor finds it again),",
            "# add status, credibility (1-6), reliability (A-F) and relations. See README.",
            "sources:",
        ]
        for source in sources {
            lines.append("  - id: \(source.id)")
            lines.append("    name: \(quoted(source.name))")
            lines.append("    type: \(source.type)")
            lines.append("    anonymous: \(source.anonymous)")
            if let role = source.role { lines.append("    role: \(quoted(role))") }
        }
        lines.append("claims:")
        for claim in claims {
            lines.append("  - id: \(claim.id)")
            lines.append("    source: \(claim.source)")
            lines.append("    cue: \(quoted(claim.cue))")
            lines.append("    # text: \(quoted(claim.text))")
            lines.append("    # status: unverified")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
