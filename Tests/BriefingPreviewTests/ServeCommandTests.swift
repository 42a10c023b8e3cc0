import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `briefing serve` as a user runs it: a real process on a free port, real HTTP.
@Suite(.serialized)
struct ServeCommandTests {
    static let seed = """
        Harbour Rates Rise Again

        The harbour authority raised mooring fees by 4 percent on Tuesday, officials said.

        "We will review the fees again in spring," the harbour master said.

        """

    static func project() throws -> TemporaryProject {
        try TemporaryProject(files: ["seeds/harbour-rates.txt": seed])
    }

    @Test func servesTheSiteWithTheUsualHeaders() throws {
        let project = try Self.project()
        let server = try ServeProcess(project: project.root, arguments: ["--port", "0"])
        let http = RawHTTP(port: try server.waitForURL().port)

        let index = try http.get("/")
        #expect(index.status == 200)
        #expect(index.header("content-type") == "text/html; charset=utf-8")
        #expect(index.header("cache-control") == "no-cache")
        #expect(index.header("last-modified")?.hasSuffix(" GMT") == true)
        let etag = try #require(index.header("etag"))
        #expect(index.body.contains("Harbour Rates Rise Again"))
        #expect(index.body.contains("<script src=\"/__briefing/live.js\""))
        // The script is added to responses only, never to the files.
        #expect(!(try project.read("site/index.html")).contains("__briefing"))

        #expect(try http.get("/", headers: ["If-None-Match": etag]).status == 304)

        let head = try http.send("HEAD", "/")
        #expect(head.status == 200)
        #expect(head.header("content-length") == index.header("content-length"))
        #expect(head.body.isEmpty)

        let folder = try http.get("/articles")
        #expect(folder.status == 301)
        #expect(folder.header("location") == "/articles/")
        let folderIndex = try http.get("/articles/")
        #expect(folderIndex.status == 200)
        #expect(folderIndex.body.contains("harbour-rates.html"))

        let article = try http.get("/articles/harbour-rates.html")
        #expect(article.status == 200)
        #expect(article.body.contains("<h1 id=\"article-title\">Harbour Rates Rise Again</h1>"))

        let css = try http.get("/assets/style.css")
        #expect(css.status == 200)
        #expect(css.header("content-type") == "text/css; charset=utf-8")
        #expect(!css.body.contains("__briefing"))

        let missing = try http.get("/no/such/page.html")
        #expect(missing.status == 404)
        #expect(missing.header("content-type") == "text/html; charset=utf-8")
        #expect(missing.body.contains("Not found"))

        let script = try http.get("/__briefing/live.js")
        #expect(script.status == 200)
        #expect(script.header("content-type") == "text/javascript; charset=utf-8")
        #expect(script.body.contains("EventSource"))

        for method in ["POST", "PUT", "DELETE"] {
            let refused = try http.send(method, "/", body: "x=1")
            #expect(refused.status == 405, "\(method)")
            #expect(refused.header("allow") == "GET, HEAD")
        }

        #expect(try server.interrupt() == 0)
        #expect(server.stdout.contains("Stopped"))
    }

    @Test func refusesPathsOutsideTheOutputFolder() throws {
        let project = try Self.project()
        try project.write("secret.txt", "TOP-SECRET\n")
        let server = try ServeProcess(project: project.root, arguments: ["--port", "0"])
        let http = RawHTTP(port: try server.waitForURL().port)
        // Planted after the first build; rebuilds replace the folder, none happens here.
        try FileManager.default.createSymbolicLink(atPath: project.url("site/leak.txt").path, withDestinationPath: project.url("secret.txt").path)
        try FileManager.default.createSymbolicLink(atPath: project.url("site/up").path, withDestinationPath: project.root.path)
        try FileManager.default.createSymbolicLink(atPath: project.url("site/home.html").path, withDestinationPath: "index.html")

        let attempts = [
            "/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/secret.txt", "/articles/../../secret.txt",
            "/articles/%2e%2e/%2e%2e/secret.txt", "/..%2fsecret.txt", "/articles/..%2f..%2fsecret.txt",
            "/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc/passwd", "/../../../../etc/passwd", "/leak.txt", "/up/secret.txt",
            "/up/", "/.%2e/secret.txt", "/%00", "/articles%5c..%5c..%5csecret.txt",
        ]
        for path in attempts {
            let response = try http.get(path)
            #expect(response.status == 404, "\(path)")
            #expect(!response.body.contains("TOP-SECRET"), "\(path)")
            #expect(!response.body.contains("root:"), "\(path)")
        }
        // A symlink that stays inside the folder is fine.
        #expect(try http.get("/home.html").status == 200)
        #expect(try server.interrupt() == 0)
    }

    @Test func rebuildsAndTellsPagesToReload() throws {
        let project = try Self.project()
        let server = try ServeProcess(project: project.root, arguments: ["--port", "0"])
        let http = RawHTTP(port: try server.waitForURL().port)
        let events = try EventStream(port: http.port)
        let hello = try #require(try events.next(timeout: 5))
        #expect(hello.name == "hello")

        // An editor-style save: a temporary file renamed over the seed.
        try Data(Self.seed.replacingOccurrences(of: "Rise Again", with: "Fall at Last").utf8)
            .write(to: project.url("seeds/harbour-rates.txt"), options: .atomic)
        let reload = try #require(try events.next(timeout: 10), "no reload event; stdout: \(server.stdout)")
        #expect(reload.name == "reload")
        #expect(reload.data != hello.data)
        let article = try http.get("/articles/harbour-rates.html")
        #expect(article.body.contains("Harbour Rates Fall at Last"))
        #expect(article.body.contains("data-build=\"\(try Self.build(reload.data))\""))

        // Several quick saves make one rebuild.
        for index in 1...5 {
            try project.write("seeds/harbour-rates.txt", Self.seed.replacingOccurrences(of: "Rise Again", with: "Save \(index)"))
            usleep(2_000)
        }
        #expect(try events.next(timeout: 10)?.name == "reload")
        #expect(try events.next(timeout: 1) == nil)
        #expect(try http.get("/articles/harbour-rates.html").body.contains("Harbour Rates Save 5"))

        // A build error: the last good site stays, the error goes to stderr and the pages.
        try project.write("seeds/harbour-rates.claims.yml", "claims:\n  - id: [\n")
        let failed = try #require(try events.next(timeout: 10))
        #expect(failed.name == "failed")
        #expect(failed.data.contains("seeds/harbour-rates.claims.yml:3:1: error:"))
        try server.waitUntil(timeout: 5, "the error on stderr") { server.stderr.contains("seeds/harbour-rates.claims.yml:3:1: error:") }
        let stale = try http.get("/articles/harbour-rates.html")
        #expect(stale.status == 200)
        #expect(stale.body.contains("Harbour Rates Save 5"))
        // A page opened now learns about the error at once.
        let late = try EventStream(port: http.port)
        let lateHello = try #require(try late.next(timeout: 5))
        #expect(lateHello.name == "hello")
        #expect(lateHello.data.contains("harbour-rates.claims.yml:3:1"))

        try FileManager.default.removeItem(at: project.url("seeds/harbour-rates.claims.yml"))
        #expect(try events.next(timeout: 10)?.name == "reload")
        #expect(try late.next(timeout: 5)?.name == "reload")

        // Temporary and hidden files do not rebuild.
        try project.write("seeds/.harbour-rates.txt.swp", "x")
        try project.write("seeds/harbour-rates.txt~", "x")
        #expect(try events.next(timeout: 1) == nil)

        // A template added in a new subfolder is noticed.
        try project.write("templates/partials/source-item.mustache", "<li class=\"custom-source\">{{name}}</li>\n")
        #expect(try events.next(timeout: 10)?.name == "reload")
        #expect(try http.get("/articles/harbour-rates.html").body.contains("custom-source"))

        #expect(try server.interrupt() == 0)
        #expect(server.stdout.contains("Rebuilt after seeds/harbour-rates.txt changed"))
    }

    @Test func pollingFallbackRebuildsToo() throws {
        let project = try Self.project()
        let server = try ServeProcess(project: project.root, arguments: ["--port", "0", "--poll"])
        let http = RawHTTP(port: try server.waitForURL().port)
        #expect(server.stdout.contains("with polling"))
        let events = try EventStream(port: http.port)
        #expect(try events.next(timeout: 5)?.name == "hello")
        try project.write("briefing.yml", "title: Harbour Watch\n")
        #expect(try events.next(timeout: 10)?.name == "reload")
        #expect(try http.get("/").body.contains("Harbour Watch"))
        #expect(try server.interrupt() == 0)
    }

    @Test func aBusyPortIsNamed() throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(listener) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(listener, $0, length) == 0 && listen(listener, 1) == 0 && getsockname(listener, $0, &length) == 0
            }
        }
        try #require(bound)
        let port = Int(UInt16(bigEndian: address.sin_port))

        let project = try Self.project()
        let server = try ServeProcess(project: project.root, arguments: ["--port", "\(port)"])
        let status = try server.waitForExit(timeout: 20)
        #expect(status != 0)
        #expect(server.stderr == "briefing: error: port \(port) on 127.0.0.1 is already in use; stop the other server or choose another port with --port\n")
    }

    @Test func sigtermStopsWithOpenEventStreams() throws {
        let project = try Self.project()
        let server = try ServeProcess(project: project.root, arguments: ["--port", "0"])
        let port = try server.waitForURL().port
        let events = try EventStream(port: port)
        #expect(try events.next(timeout: 5)?.name == "hello")
        kill(server.process.processIdentifier, SIGTERM)
        #expect(try server.waitForExit(timeout: 5) == 0)
        #expect(server.stdout.hasSuffix("Stopping\nStopped\n"))
    }

    private static func build(_ json: String) throws -> String {
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        return try #require(object?["build"] as? String)
    }
}
