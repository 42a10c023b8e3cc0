import Foundation

/// What open pages are told over Server-Sent Events.
public enum PreviewEvent: Sendable, Equatable {
    /// Sent first on every connection: the build the server has, and the errors of the
    /// last failed rebuild if the site is stale. A page from another build reloads.
    case hello(build: String, diagnostics: [String]?)
    /// A rebuild succeeded: reload.
    case reload(build: String)
    /// A rebuild failed: show the errors over the (last good) page.
    case failed(diagnostics: [String])

    public var name: String {
        switch self {
        case .hello: return "hello"
        case .reload: return "reload"
        case .failed: return "failed"
        }
    }

    /// The event in the `text/event-stream` format.
    public var serverSentEvent: String {
        var payload: [String: Any] = [:]
        switch self {
        case .hello(let build, let diagnostics):
            payload["build"] = build
            if let diagnostics { payload["diagnostics"] = diagnostics }
        case .reload(let build):
            payload["build"] = build
        case .failed(let diagnostics):
            payload["diagnostics"] = diagnostics
        }
        let data = (try? JSONSerialization.data(withJSONObject: payload, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        // JSON has no raw newlines, so the payload is one `data:` line.
        return "event: \(name)\ndata: \(String(decoding: data, as: UTF8.self))\n\n"
    }
}

/// The build state of the preview, and every open page's event stream.
public actor PreviewEventHub {
    /// Changes on every successful build; pages carry it to notice they are stale.
    public private(set) var build: String
    /// The errors of the last build when it failed, else nil.
    public private(set) var diagnostics: [String]?
    private var subscribers: [UUID: AsyncStream<PreviewEvent>.Continuation] = [:]
    private var buildCount = 0
    private let session = String(UInt32.random(in: 0...UInt32.max), radix: 36)
    private var closed = false

    public init() {
        build = "\(session)-0"
    }

    /// Events for one open page, starting with `hello`; ends when the hub closes.
    public func subscribe() -> AsyncStream<PreviewEvent> {
        let (stream, continuation) = AsyncStream.makeStream(of: PreviewEvent.self, bufferingPolicy: .bufferingNewest(8))
        guard !closed else {
            continuation.finish()
            return stream
        }
        let id = UUID()
        continuation.yield(.hello(build: build, diagnostics: diagnostics))
        continuation.onTermination = { [weak self] _ in
            Task { await self?.unsubscribe(id) }
        }
        subscribers[id] = continuation
        return stream
    }

    public var subscriberCount: Int { subscribers.count }

    /// Records a successful build and tells every page to reload.
    public func buildSucceeded() {
        buildCount += 1
        build = "\(session)-\(buildCount)"
        diagnostics = nil
        broadcast(.reload(build: build))
    }

    /// Records a failed build; pages show `diagnostics` until the next success.
    public func buildFailed(_ diagnostics: [String]) {
        self.diagnostics = diagnostics
        broadcast(.failed(diagnostics: diagnostics))
    }

    /// Ends every stream (at shutdown), so that no response is left open.
    public func close() {
        closed = true
        for continuation in subscribers.values { continuation.finish() }
        subscribers = [:]
    }

    private func broadcast(_ event: PreviewEvent) {
        for continuation in subscribers.values { continuation.yield(event) }
    }

    private func unsubscribe(_ id: UUID) {
        subscribers[id] = nil
    }
}
