@testable import BriefingPreview
import Foundation
import Testing

/// The preview server over real sockets: a client that stops halfway through its request
/// does not keep a connection for ever.
@Suite struct IdleConnectionTests {
    @Test func aHalfSentRequestIsClosedAfterTheIdleTimeout() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("briefing-idle-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("<!doctype html><title>ok</title>".utf8).write(to: folder.appendingPathComponent("index.html"))

        let server = PreviewServer(host: "127.0.0.1", port: 0, output: folder, hub: PreviewEventHub(), idleTimeout: .milliseconds(500))
        let (ports, listening) = AsyncStream<Int>.makeStream()
        let serving = Task { try await server.run { listening.yield($0) } }
        defer { serving.cancel() }
        var iterator = ports.makeAsyncIterator()
        let port = try #require(await iterator.next())

        // The request head never ends (no blank line).
        let stalled = try Connection(port: port, timeout: 10)
        try stalled.write("GET /index.html HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: ")
        let started = Date()
        let result = try stalled.readWithTimeout()
        guard case .closed = result else {
            Issue.record("the stalled connection was not closed: \(result)")
            return
        }
        #expect(Date().timeIntervalSince(started) < 5, "closed after the idle timeout, not the client's")

        // Other clients are still served.
        #expect(try RawHTTP(port: port).get("/index.html").status == 200)
    }
}
