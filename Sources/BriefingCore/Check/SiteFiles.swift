import Foundation

/// The files of a built site, as `briefing check` reads them: a folder on disk, or a
/// dictionary in tests. Contents are read one file at a time, so a large site is never
/// held in memory whole.
public protocol SiteFiles: Sendable {
    /// Every file, `/`-separated and relative to the site root, sorted.
    var paths: [String] { get }
    func contents(of path: String) -> Data?
}

/// A site held in memory: path → bytes.
public struct InMemorySiteFiles: SiteFiles {
    public var files: [String: Data]
    public var paths: [String] { files.keys.sorted() }

    public init(_ files: [String: Data]) {
        self.files = files
    }

    /// A site from text files.
    public init(texts: [String: String]) {
        self.files = texts.mapValues { Data($0.utf8) }
    }

    public func contents(of path: String) -> Data? { files[path] }
}

/// A site in a folder on disk. A `.git` folder inside it is left out.
public struct FolderSiteFiles: SiteFiles {
    public let root: URL
    public let paths: [String]

    /// Lists the folder's files.
    /// - Throws: `Diagnostic` when the folder does not exist.
    public init(root: URL, displayName: String) throws {
        self.root = root.standardizedFileURL
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: self.root.path, isDirectory: &isFolder), isFolder.boolValue,
              let enumerator = FileManager.default.enumerator(atPath: self.root.path)
        else {
            throw Diagnostic.error(.check, at: nil, "`\(displayName)` is not a folder; build the site first (briefing build) or name the folder it is in")
        }
        var paths: [String] = []
        while let path = enumerator.nextObject() as? String {
            if path.split(separator: "/").contains(".git") { continue }
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: self.root.appendingPathComponent(path).path, isDirectory: &isFolder),
               !isFolder.boolValue {
                paths.append(path)
            }
        }
        self.paths = paths.sorted()
    }

    public func contents(of path: String) -> Data? {
        FileManager.default.contents(atPath: root.appendingPathComponent(path).path)
    }
}
