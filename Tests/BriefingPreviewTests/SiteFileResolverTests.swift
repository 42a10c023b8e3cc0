@testable import BriefingPreview
import Foundation
import Testing

@Suite struct SiteFileResolverTests {
    final class Site: @unchecked Sendable {
        let base: URL
        let resolver: SiteFileResolver
        var root: String { resolver.root.path }

        init() throws {
            base = FileManager.default.temporaryDirectory.appendingPathComponent("resolver-\(UUID().uuidString)")
            let site = base.appendingPathComponent("site")
            let manager = FileManager.default
            try manager.createDirectory(at: site.appendingPathComponent("articles/empty"), withIntermediateDirectories: true)
            try Data("index".utf8).write(to: site.appendingPathComponent("index.html"))
            try Data("articles".utf8).write(to: site.appendingPathComponent("articles/index.html"))
            try Data("a b".utf8).write(to: site.appendingPathComponent("articles/a b.html"))
            try Data("secret".utf8).write(to: base.appendingPathComponent("secret.txt"))
            try manager.createSymbolicLink(atPath: site.appendingPathComponent("out.txt").path, withDestinationPath: "../secret.txt")
            try manager.createSymbolicLink(atPath: site.appendingPathComponent("outdir").path, withDestinationPath: base.path)
            try manager.createSymbolicLink(atPath: site.appendingPathComponent("same.html").path, withDestinationPath: "index.html")
            try manager.createSymbolicLink(atPath: site.appendingPathComponent("articles/empty/index.html").path, withDestinationPath: "../../../secret.txt")
            resolver = SiteFileResolver(root: site)
        }

        deinit {
            try? FileManager.default.removeItem(at: base)
        }

        func real(_ path: String) -> String {
            SiteFileResolver.realPath(root + path) ?? "missing"
        }
    }

    @Test func filesFoldersAndRedirects() throws {
        let site = try Site()
        #expect(site.resolver.resolve("/") == .file(site.real("/index.html")))
        #expect(site.resolver.resolve("/index.html") == .file(site.real("/index.html")))
        #expect(site.resolver.resolve("/articles/") == .file(site.real("/articles/index.html")))
        #expect(site.resolver.resolve("/articles") == .redirect("/articles/"))
        #expect(site.resolver.resolve("//articles") == .redirect("/articles/"))
        #expect(site.resolver.resolve("/articles/a%20b.html") == .file(site.real("/articles/a b.html")))
        #expect(site.resolver.resolve("/same.html") == .file(site.real("/index.html")))
        #expect(site.resolver.resolve("/missing.html") == .notFound)
    }

    @Test(arguments: [
        "/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2e/secret.txt", "/articles/../../secret.txt", "/..%2fsecret.txt",
        "/articles/%2e%2e%2f%2e%2e%2fsecret.txt", "/./index.html", "/out.txt", "/outdir/secret.txt", "/outdir/",
        "/articles/empty/", "/%00", "/index.html%00", "/..\\secret.txt", "/%5c..%5csecret.txt", "/.hidden", "relative",
        "/%", "/%zz",
    ])
    func refusesEverythingOutside(path: String) throws {
        let site = try Site()
        #expect(site.resolver.resolve(path) == .notFound)
    }

    @Test func contentTypes() {
        #expect(SiteFileResolver.contentType(for: "a/b.HTML") == "text/html; charset=utf-8")
        #expect(SiteFileResolver.contentType(for: "style.css") == "text/css; charset=utf-8")
        #expect(SiteFileResolver.contentType(for: "x.svg") == "image/svg+xml")
        #expect(SiteFileResolver.contentType(for: "x.woff2") == "font/woff2")
        #expect(SiteFileResolver.contentType(for: "x.unknown") == "application/octet-stream")
    }
}
