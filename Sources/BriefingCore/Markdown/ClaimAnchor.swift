/// The link that marks a claim's sentence in an article: raw HTML for a cmark custom
/// node, so it is built only from a validated id.
struct ClaimAnchor {
    /// The claim's id, known to contain only `[a-z0-9-]`.
    let claimID: String
    /// Relative URL of the claim page from the article page.
    let href: String
    /// Short label for screen readers and the marker: "Claim by Nicolás Maduro".
    let label: String

    /// The HTML id of the anchor on the article page.
    static func htmlID(for claimID: String) -> String { "claim-\(claimID)" }

    init(claimID: String, href: String, label: String) {
        precondition(claimID.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D },
                     "claim ids are validated by the linker")
        self.claimID = claimID
        self.href = href
        self.label = label
    }

    func openingTag(withID: Bool) -> String {
        let id = withID ? " id=\"\(Self.htmlID(for: claimID))\"" : ""
        return "<a class=\"claim\"\(id) href=\"\(HTML.escape(href))\" title=\"\(HTML.escape(label))\">"
    }

    func markerTag() -> String {
        "<a class=\"claim claim-marker\" id=\"\(Self.htmlID(for: claimID))\" href=\"\(HTML.escape(href))\" title=\"\(HTML.escape(label))\">*</a>"
    }
}
