/// Which pages an incremental build renders again: every page whose digest
/// (`PageDigests`) differs from the one the previous build recorded for its path, or that
/// has none (new pages, and those always rendered: index, report, published files,
/// assets). Every other page is taken unchanged from the previous output.
struct AffectedPages: Sendable {
    private let unchanged: Set<String>

    init(previous: [String: StableDigest], current: [String: StableDigest]) {
        var unchanged = Set<String>(minimumCapacity: current.count)
        for (path, digest) in current where previous[path] == digest { unchanged.insert(path) }
        self.unchanged = unchanged
    }

    func isAffected(_ path: String) -> Bool { !unchanged.contains(path) }

    /// Pages taken from the previous output.
    var unchangedCount: Int { unchanged.count }
}
