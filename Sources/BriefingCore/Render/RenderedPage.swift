import Foundation

/// One file of the output: its path under the output folder and its bytes.
public struct RenderedPage: Sendable {
    /// Relative path, `/`-separated, never `..`.
    public var path: String
    public var contents: Data

    /// The page is unchanged since the previous build: the writer links the previous
    /// output's file instead of writing `contents` (empty).
    public var isReused: Bool = false

    /// A file too large to hold whole: the writer writes it as `stream` produces it
    /// (`contents` is empty until `materialized()`).
    var stream: ByteStream? = nil

    public init(path: String, contents: Data) {
        self.path = path
        self.contents = contents
    }

    /// A page whose bytes are produced while it is written.
    init(path: String, stream: ByteStream) {
        self.path = path
        self.contents = Data()
        self.stream = stream
    }

    /// The page with every byte in `contents` (tests, small sites).
    func materialized() -> RenderedPage {
        guard let stream else { return self }
        return RenderedPage(path: path, contents: stream.data())
    }

    /// A page taken unchanged from the previous output.
    init(reusing path: String) {
        self.path = path
        self.contents = Data()
        self.isReused = true
    }
}

/// A file's bytes, produced in chunks on demand (each time anew).
struct ByteStream: Sendable {
    /// Calls its argument with consecutive chunks of the file; rethrows what it throws.
    let produce: @Sendable (_ write: @escaping ([UInt8]) throws -> Void) throws -> Void

    /// Every chunk, joined.
    func data() -> Data {
        var data = Data()
        // The only error would be one thrown by the closure below, which throws none.
        try? produce { data.append(contentsOf: $0) }
        return data
    }
}

/// The version printed by `briefing --version` and in `<meta name="generator">`.
public enum BriefingVersion {
    public static let current = "0.1.0"
}
