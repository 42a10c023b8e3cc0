/// One article's claims and sources after the sidecar was merged over extraction.
/// Ids are still local to the article; `Linker` makes them site-wide.
public struct ArticleClaims: Sendable, Codable {
    public var article: Article
    /// Sources with local ids; anonymous, unshared ones have `article` set.
    public var sources: [Source]
    /// Claims with local ids (`id == localID`), source ids local, in text order.
    public var claims: [Claim]
    /// Relations written in the sidecar, resolved by the linker (they may name claims
    /// of other articles as `<article>--<id>`).
    public var references: [PendingReference]

    /// A relation whose target the linker must find.
    public struct PendingReference: Sendable, Hashable, Codable {
        public var claimID: String
        public var kind: RelationKind
        public var target: String
        public var location: SourceLocation
    }
}
