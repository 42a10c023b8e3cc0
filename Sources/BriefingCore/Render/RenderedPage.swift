import Foundation

/// One file of the output: its path under the output folder and its bytes.
public struct RenderedPage: Sendable, Hashable {
    /// Relative path, `/`-separated, never `..`.
    public var path: String
    public var contents: Data

    /// The page is unchanged since the previous build: the writer links the previous
    /// output's file instead of writing `contents` (empty).
    public var isReused: Bool = false

    public init(path: String, contents: Data) {
        self.path = path
        self.contents = contents
    }

    /// A page taken unchanged from the previous output.
    init(reusing path: String) {
        self.path = path
        self.contents = Data()
        self.isReused = true
    }
}

/// The version printed by `briefing --version` and in `<meta name="generator">`.
public enum BriefingVersion {
    public static let current = "0.1.0"
}
