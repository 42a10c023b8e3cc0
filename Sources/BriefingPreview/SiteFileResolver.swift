import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds the file a request path names inside the output folder, and nothing outside it.
///
/// The path is percent-decoded first, so `%2e%2e` is `..`; a `.` or `..` segment or a
/// hidden name is refused outright, and every candidate's real path (symlinks resolved)
/// must lie inside the output folder's real path. Nothing is cached: each request sees
/// the folder as it is, which the build's atomic swap keeps complete.
public struct SiteFileResolver: Sendable {
    public enum Resolution: Sendable, Equatable {
        /// A regular file, by its real path.
        case file(String)
        /// A folder asked for without the trailing slash: redirect here.
        case redirect(String)
        case notFound
    }

    /// The output folder, e.g. `site/`.
    public var root: URL

    public init(root: URL) {
        self.root = root
    }

    /// - Parameter rawPath: the request target's path, still percent-encoded, without the query.
    public func resolve(_ rawPath: String) -> Resolution {
        guard rawPath.hasPrefix("/"), let decoded = rawPath.removingPercentEncoding,
              !decoded.contains("\0"), !decoded.contains("\\")
        else { return .notFound }
        let segments = decoded.split(separator: "/", omittingEmptySubsequences: true)
        guard segments.allSatisfy({ !$0.hasPrefix(".") }) else { return .notFound }
        guard let rootPath = Self.realPath(root.path) else { return .notFound }

        let candidate = ([rootPath] + segments.map(String.init)).joined(separator: "/")
        guard let real = inside(rootPath, Self.realPath(candidate)) else { return .notFound }
        switch Self.kind(real) {
        case .file:
            return .file(real)
        case .folder:
            guard decoded.hasSuffix("/") else { return .redirect(Self.encode(segments) + "/") }
            guard let index = inside(rootPath, Self.realPath(real + "/index.html")), Self.kind(index) == .file else { return .notFound }
            return .file(index)
        case .other:
            return .notFound
        }
    }

    private func inside(_ rootPath: String, _ path: String?) -> String? {
        guard let path, path == rootPath || path.hasPrefix(rootPath == "/" ? "/" : rootPath + "/") else { return nil }
        return path
    }

    /// `realpath(3)`: absolute, symlinks and `..` resolved; nil if it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private enum Kind { case file, folder, other }

    private static func kind(_ path: String) -> Kind {
        var info = stat()
        guard stat(path, &info) == 0 else { return .other }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .folder
        default: return .other
        }
    }

    /// A redirect target built from the decoded segments, never from the raw path
    /// (so `//host` cannot become an off-site `Location`).
    private static func encode(_ segments: [Substring]) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "/?#;")
        return "/" + segments.map { $0.addingPercentEncoding(withAllowedCharacters: allowed) ?? "" }.joined(separator: "/")
    }

    /// The `Content-Type` for a file name, by extension.
    public static func contentType(for path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "html", "htm": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js", "mjs": return "text/javascript; charset=utf-8"
        case "json", "map": return "application/json"
        case "webmanifest": return "application/manifest+json"
        case "xml": return "application/xml"
        case "txt", "md": return "text/plain; charset=utf-8"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "gif": return "image/gif"
        case "webp": return "image/webp"
        case "avif": return "image/avif"
        case "ico": return "image/x-icon"
        case "woff": return "font/woff"
        case "woff2": return "font/woff2"
        case "pdf": return "application/pdf"
        default: return "application/octet-stream"
        }
    }
}
