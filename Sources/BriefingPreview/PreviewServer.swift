import BriefingCore
import Foundation
import Hummingbird

/// The HTTP side of `briefing serve`: the output folder read per request, the live
/// reload script and event stream, GET and HEAD only.
@available(macOS 14, *)
public struct PreviewServer: Sendable {
    public var host: String
    public var port: Int
    public var files: SiteFileResolver
    public var hub: PreviewEventHub
    /// How long a connection may stay silent before it is closed: one that sends half a
    /// request and stops (a slow or stuck client) cannot hold its socket for ever. A
    /// response being written (the live-reload event stream) is never cut.
    public var idleTimeout: Duration

    public init(host: String, port: Int, output: URL, hub: PreviewEventHub, idleTimeout: Duration = .seconds(30)) {
        self.host = host
        self.port = port
        self.files = SiteFileResolver(root: output)
        self.hub = hub
        self.idleTimeout = idleTimeout
    }

    /// Serves until SIGINT or SIGTERM (then shuts down gracefully: open responses are
    /// finished, which the event streams must be told to do) or until the task is cancelled.
    /// - Parameter onListening: called with the bound port once connections are accepted.
    /// - Throws: when the address cannot be bound.
    public func run(onListening: @escaping @Sendable (Int) async -> Void) async throws {
        // Hummingbird logs each start at info level; `LOG_LEVEL=info briefing serve` shows it.
        if getenv("LOG_LEVEL") == nil { setenv("LOG_LEVEL", "warning", 1) }
        let requestedPort = port
        let app = Application(
            responder: PreviewResponder(files: files, hub: hub),
            server: .http1(configuration: .init(idleTimeout: .init(idleTimeout))),
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: nil),
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? requestedPort) }
        )
        try await app.runService()
    }
}

/// Answers one request.
@available(macOS 14, *)
struct PreviewResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    var files: SiteFileResolver
    var hub: PreviewEventHub

    func respond(to request: Request, context: Context) async throws -> Response {
        guard request.method == .get || request.method == .head else {
            return plain(.methodNotAllowed, "Only GET and HEAD are allowed.\n", extra: [.allow: "GET, HEAD"])
        }
        let path = request.uri.path
        let response: Response
        switch path {
        case LiveReloadScript.eventsPath where request.method == .head:
            response = Response(status: .ok, headers: [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-cache"])
        case LiveReloadScript.eventsPath:
            response = await events()
        case LiveReloadScript.scriptPath:
            response = plain(.ok, LiveReloadScript.source, type: "text/javascript; charset=utf-8")
        default:
            response = await file(path, request: request)
        }
        return request.method == .head ? response.createHeadResponse() : response
    }

    // MARK: - Files

    private func file(_ path: String, request: Request) async -> Response {
        switch files.resolve(path) {
        case .file(let real):
            guard let data = FileManager.default.contents(atPath: real) else { return await notFound(path) }
            return await page(data, path: real, status: .ok, request: request)
        case .redirect(let location):
            return plain(.movedPermanently, "Moved to \(location)\n", extra: [.location: location])
        case .notFound:
            return await notFound(path)
        }
    }

    /// The site's own `404.html` if it has one, else a small page of ours.
    private func notFound(_ path: String) async -> Response {
        if case .file(let real) = files.resolve("/404.html"), let data = FileManager.default.contents(atPath: real) {
            return await page(data, path: real, status: .notFound, request: nil)
        }
        let shown = HTMLText.escape(path.removingPercentEncoding ?? path)
        let html = """
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><title>Not found</title>
            <style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem}</style></head>
            <body>
            <h1>Not found</h1>
            <p>Nothing is built at <code>\(shown)</code>.</p>
            <p><a href="/">Go to the index</a></p>
            </body>
            </html>

            """
        return await page(Data(html.utf8), path: "404.html", status: .notFound, request: nil)
    }

    /// A file's response: HTML gets the live reload tag; every response revalidates.
    private func page(_ data: Data, path: String, status: HTTPResponse.Status, request: Request?) async -> Response {
        let type = SiteFileResolver.contentType(for: path)
        var body = data
        if type.hasPrefix("text/html") {
            let build = await hub.build
            body = Data(LiveReloadScript.inject(into: String(decoding: data, as: UTF8.self), build: build).utf8)
        }
        let etag = "\"\(String(ContentHash.fnv1a(body), radix: 16))\""
        var headers: HTTPFields = [
            .contentType: type,
            .cacheControl: "no-cache",
            .eTag: etag,
            .init("X-Content-Type-Options")!: "nosniff",
        ]
        if let modified = HTTPDate.modificationDate(of: path) { headers[.lastModified] = modified }
        if status == .ok, let request, request.headers[.ifNoneMatch].map({ Self.matches($0, etag) }) == true {
            return Response(status: .notModified, headers: headers)
        }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }

    private static func matches(_ ifNoneMatch: String, _ etag: String) -> Bool {
        ifNoneMatch.split(separator: ",").contains { tag in
            let tag = tag.trimmingCharacters(in: .whitespaces)
            return tag == "*" || tag == etag || tag == "W/" + etag
        }
    }

    // MARK: - Events

    private func events() async -> Response {
        let stream = await hub.subscribe()
        let headers: HTTPFields = [
            .contentType: "text/event-stream; charset=utf-8",
            .cacheControl: "no-cache",
        ]
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            try await writer.write(ByteBuffer(string: "retry: 1000\n\n"))
            for await event in stream {
                try await writer.write(ByteBuffer(string: event.serverSentEvent))
            }
            try await writer.finish(nil)
        })
    }

    private func plain(_ status: HTTPResponse.Status, _ text: String, type: String = "text/plain; charset=utf-8",
                       extra: HTTPFields = [:]) -> Response {
        var headers: HTTPFields = [.contentType: type, .cacheControl: "no-cache"]
        headers.append(contentsOf: extra)
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}

/// FNV-1a, 64 bits: a cheap content hash for ETags.
enum ContentHash {
    static func fnv1a(_ data: Data) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in data {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }
}

/// `Last-Modified` dates.
enum HTTPDate {
    static func modificationDate(of path: String) -> String? {
        guard let date = (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date else { return nil }
        return format(date)
    }

    /// RFC 9110 IMF-fixdate, e.g. `Sun, 06 Nov 1994 08:49:37 GMT`.
    static func format(_ date: Date) -> String {
        var time = time_t(date.timeIntervalSince1970)
        var parts = tm()
        gmtime_r(&time, &parts)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(days[Int(parts.tm_wday)]), \(two(parts.tm_mday)) \(months[Int(parts.tm_mon)]) \(parts.tm_year + 1900) "
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec)) GMT"
    }
}
