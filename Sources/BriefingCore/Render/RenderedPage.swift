import Foundation

/// One file of the output: its path under the output folder and its bytes.
public struct RenderedPage: Sendable, Hashable {
    /// Relative path, `/`-separated, never `..`.
    public var path: String
    public var contents: Data

    public init(path: String, contents: Data) {
        self.path = path
        self.contents = contents
    }
}

/// The version printed by `briefing --version` and in `<meta name="generator">`.
public enum BriefingVersion {
    public static let current = "0.1.0"
}
