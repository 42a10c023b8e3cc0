import Foundation

/// Reads `seeds/`, the sidecars and `briefing.yml`: the only stage besides Write that
/// touches the disk.
public struct SeedLoader: Sendable {
    public var project: Project
    public var includeDrafts: Bool
    /// Front matter parsed by the previous build (incremental builds).
    var frontMatterMemo: FrontMatterMemo?

    public init(project: Project, includeDrafts: Bool = false) {
        self.project = project
        self.includeDrafts = includeDrafts
    }

    /// Seeds larger than this are refused: a news article is a few KiB, a long read a few
    /// hundred. Every claim gets a page, so the site grows with the seed: 4 MiB of dense
    /// reporting is already tens of thousands of pages.
    public static let maximumSeedBytes = 4 << 20

    /// - Returns: the project, plus warnings.
    /// - Throws: `BuildFailure` with every error found.
    public func load() throws -> (LoadedProject, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var config = SiteConfig()
        if FileManager.default.fileExists(atPath: project.configFile.path) {
            do {
                let text = try read(project.configFile)
                let (parsed, warnings) = try SiteConfig.parse(text, file: project.displayPath(project.configFile))
                config = parsed
                diagnostics += warnings
            } catch let error as Diagnostic {
                diagnostics.append(error)
            }
        }

        let files = try seedFiles()
        let sidecarFiles = Dictionary(uniqueKeysWithValues: files.sidecars.map { ($0.slug, $0.url) })
        var articles: [Article] = []
        let results = ConcurrentMap.map(files.seeds) { seed -> Result<(Article, [Diagnostic]), Diagnostic> in
            do {
                return .success(try loadArticle(seed.url, slug: seed.slug, sidecar: sidecarFiles[seed.slug]))
            } catch let error as Diagnostic {
                return .failure(error)
            } catch {
                return .failure(.error(.load, at: SourceLocation(file: project.displayPath(seed.url)), "\(error)"))
            }
        }
        for result in results {
            switch result {
            case .success(let (article, warnings)):
                diagnostics += warnings
                articles.append(article)
            case .failure(let error):
                diagnostics.append(error)
            }
        }
        let seedSlugs = Set(files.seeds.map(\.slug))
        for sidecar in files.sidecars where !seedSlugs.contains(sidecar.slug) {
            diagnostics.append(.warning(.load, at: SourceLocation(file: project.displayPath(sidecar.url), line: 1, column: 1),
                                        "sidecar has no article `seeds/\(sidecar.slug).md` or `.txt`; rename it or remove it"))
        }
        diagnostics += files.problems

        var theme = Theme.default
        do {
            theme = try ThemeLoader(project: project).load()
        } catch let error as Diagnostic {
            diagnostics.append(error)
        }

        if diagnostics.contains(where: { $0.severity == .error }) {
            throw BuildFailure(diagnostics.sortedForPrinting())
        }
        articles = articles.filter { includeDrafts || !$0.isDraft }.sorted { $0.slug < $1.slug }
        return (LoadedProject(config: config, articles: articles, theme: theme), diagnostics.sortedForPrinting())
    }

    /// Loads one seed file (and its sidecar, if any), wherever it is.
    /// - Throws: `BuildFailure` with the seed's errors.
    public func loadSingle(_ url: URL) throws -> (Article, [Diagnostic]) {
        let ext = url.pathExtension
        guard ext == "md" || ext == "txt" else {
            throw BuildFailure([.error(.load, at: SourceLocation(file: project.displayPath(url)), "a seed is a .md or .txt file")])
        }
        let slug = url.deletingPathExtension().lastPathComponent
        let sidecar = url.deletingPathExtension().appendingPathExtension("claims.yml")
        do {
            return try loadArticle(url, slug: slug, sidecar: FileManager.default.fileExists(atPath: sidecar.path) ? sidecar : nil)
        } catch let error as Diagnostic {
            throw BuildFailure([error])
        }
    }

    // MARK: - Finding files

    private struct SeedFile: Sendable {
        var url: URL
        var slug: String
    }

    private func seedFiles() throws -> (seeds: [SeedFile], sidecars: [SeedFile], problems: [Diagnostic]) {
        let folder = project.seedsFolder
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw BuildFailure([.error(.load, at: SourceLocation(file: "seeds"),
                                       "no seeds/ folder in \(project.root.path); create it and put .md or .txt articles in it")])
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        } catch {
            throw BuildFailure([.error(.load, at: SourceLocation(file: "seeds"), "cannot list seeds/: \(error.localizedDescription)")])
        }
        var seeds: [SeedFile] = [], sidecars: [SeedFile] = [], problems: [Diagnostic] = []
        var slugOwners: [String: String] = [:]
        for name in names where !name.hasPrefix(".") {
            let url = folder.appendingPathComponent(name)
            let display = project.displayPath(url)
            if name.hasSuffix(Sidecar.suffix) {
                sidecars.append(SeedFile(url: url, slug: String(name.dropLast(Sidecar.suffix.count))))
                continue
            }
            let ext = (name as NSString).pathExtension
            guard ext == "md" || ext == "txt" else { continue }
            let slug = String(name.dropLast(ext.count + 1))
            guard Slugger.isValidSlug(slug) else {
                let suggestion = Slugger.slug(slug).isEmpty ? "article" : Slugger.slug(slug)
                problems.append(.error(.load, at: SourceLocation(file: display, line: 1, column: 1),
                                       "file name `\(name)` cannot be a page name; rename it to `\(suggestion).\(ext)` (letters, digits, - and _ only)"))
                continue
            }
            let key = slug.lowercased()
            if Slugger.reservedNames.contains(key) {
                problems.append(.error(.load, at: SourceLocation(file: display, line: 1, column: 1),
                                       "`\(slug)` is reserved for a listing page; rename the file, e.g. to `\(key)-article.\(ext)`"))
                continue
            }
            if let owner = slugOwners[key] {
                problems.append(.error(.load, at: SourceLocation(file: display, line: 1, column: 1),
                                       "two seeds have the slug `\(slug)`: \(owner) and \(display); rename one (slugs ignore case)"))
                continue
            }
            slugOwners[key] = display
            seeds.append(SeedFile(url: url, slug: slug))
        }
        return (seeds, sidecars, problems)
    }

    // MARK: - Reading one article

    private func read(_ url: URL) throws -> String {
        let display = project.displayPath(url)
        switch Self.contents(of: url.path, limit: Self.maximumSeedBytes) {
        case .success(let data):
            return try TextDecoding.decode(data, file: display)
        case .failure(.tooLarge(let size)):
            throw Diagnostic.error(.load, at: SourceLocation(file: display),
                                   "file is \(String(format: "%.1f", Double(size) / 1_048_576)) MiB, more than the \(Self.maximumSeedBytes >> 20) MiB a seed may have; split it into several articles")
        case .failure(.notAFile):
            throw Diagnostic.error(.load, at: SourceLocation(file: display),
                                   "not a regular file (a folder, device or pipe); a seed is a text file, so rename or remove this one")
        case .failure(.unreadable):
            throw Diagnostic.error(.load, at: SourceLocation(file: display),
                                   "cannot read file; check that it exists and is readable (chmod a+r)")
        }
    }

    private enum ReadProblem: Error {
        case unreadable, notAFile, tooLarge(Int)
    }

    /// The bytes of a regular file of at most `limit` bytes. The file is opened without
    /// blocking and checked once open, so a pipe or a device behind a seed's name (a link
    /// to `/dev/zero`) neither hangs the build nor fills memory.
    private static func contents(of path: String, limit: Int) -> Result<Data, ReadProblem> {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(.unreadable) }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(.unreadable) }
        guard info.st_mode & S_IFMT == S_IFREG else { return .failure(.notAFile) }
        guard Int(info.st_size) <= limit else { return .failure(.tooLarge(Int(info.st_size))) }
        let data: Data
        do {
            data = try handle.read(upToCount: limit + 1) ?? Data()  // nil at the end of an empty file
        } catch {
            return .failure(.unreadable)
        }
        return data.count > limit ? .failure(.tooLarge(data.count)) : .success(data)
    }

    private func loadArticle(_ url: URL, slug: String, sidecar sidecarURL: URL?) throws -> (Article, [Diagnostic]) {
        let display = project.displayPath(url)
        let text = try read(url)
        var warnings: [Diagnostic] = []
        var article: Article
        if url.pathExtension == "md" {
            guard let (yaml, body, offset) = try FrontMatter.split(text, file: display) else {
                throw Diagnostic.error(.load, at: SourceLocation(file: display, line: 1, column: 1),
                                       "Markdown seed has no front matter; start it with `---`, `title: …`, `---`")
            }
            let (matter, matterWarnings) = try parseFrontMatter(yaml, file: display)
            warnings += matterWarnings
            let blocks = MarkdownDocument(markdown: body, lineOffset: offset).blockTexts()
            article = Article(
                slug: slug, file: display, format: .markdown, title: matter.title, date: matter.date,
                author: matter.author, publication: matter.publication, url: matter.url, tags: matter.tags,
                markdown: body, markdownLineOffset: offset, blocks: blocks, sidecar: nil, isDraft: matter.draft)
        } else {
            let (title, paragraphs) = try PlainTextSeed.parse(text, file: display)
            let blocks = paragraphs.enumerated().map { TextBlock(index: $0.offset, text: $0.element.text, line: $0.element.line) }
            article = Article(
                slug: slug, file: display, format: .plainText, title: title, date: nil, author: nil,
                publication: nil, url: nil, tags: [], markdown: "", markdownLineOffset: 0, blocks: blocks,
                sidecar: nil, isDraft: false)
        }
        if let sidecarURL {
            let (sidecar, sidecarWarnings) = try Sidecar.parse(try read(sidecarURL), file: project.displayPath(sidecarURL))
            article.sidecar = sidecar
            warnings += sidecarWarnings
        }
        return (article, warnings)
    }

    /// The front matter, taken from the previous build's when the text is the same.
    private func parseFrontMatter(_ yaml: String, file: String) throws -> (FrontMatter, [Diagnostic]) {
        if let matter = frontMatterMemo?.frontMatter(yaml) { return (matter, []) }
        let (matter, warnings) = try FrontMatter.parse(yaml, file: file)
        if warnings.isEmpty { frontMatterMemo?.store(matter, of: yaml) }
        return (matter, warnings)
    }
}

/// The plain-text seed format: first non-empty line the title, every further non-empty
/// line a paragraph.
enum PlainTextSeed {
    static func parse(_ text: String, file: String) throws -> (title: String, paragraphs: [(text: String, line: Int)]) {
        var title: String?
        var paragraphs: [(String, Int)] = []
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty else { continue }
            if title == nil {
                title = line
            } else {
                paragraphs.append((line, index + 1))
            }
        }
        guard let title else {
            throw Diagnostic.error(.load, at: SourceLocation(file: file, line: 1, column: 1),
                                   "plain-text seed is empty; its first line is the title, every further line a paragraph")
        }
        return (title, paragraphs)
    }
}
