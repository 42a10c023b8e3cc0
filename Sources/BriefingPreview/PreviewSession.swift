import BriefingCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What `briefing serve` is asked to do.
public struct PreviewOptions: Sendable {
    public var build: BuildOptions
    /// Loopback unless the user says otherwise.
    public var host: String
    /// 0 lets the system choose a free port (printed once listening).
    public var port: Int
    /// Poll instead of using inotify.
    public var forcePolling: Bool

    public init(build: BuildOptions, host: String = "127.0.0.1", port: Int = 8000, forcePolling: Bool = false) {
        self.build = build
        self.host = host
        self.port = port
        self.forcePolling = forcePolling
    }
}

/// Why the preview could not start.
public enum PreviewError: Error, Sendable, CustomStringConvertible {
    case portInUse(host: String, port: Int)
    case cannotListen(host: String, port: Int, reason: String)
    case outputInsideInputs(output: String, input: String)
    case serverStopped(reason: String)

    public var description: String {
        switch self {
        case .portInUse(let host, let port):
            return "port \(port) on \(host) is already in use; stop the other server or choose another port with --port"
        case .cannotListen(let host, let port, let reason):
            return "cannot listen on \(host):\(port): \(reason)"
        case .outputInsideInputs(let output, let input):
            return "output folder \(output) is inside \(input), which is watched: every build would start another; choose another with --output"
        case .serverStopped(let reason):
            return "the server stopped by itself: \(reason)"
        }
    }
}

/// `briefing serve` from start to stop: build, serve, watch and rebuild until SIGINT
/// or SIGTERM, then close the event streams, stop the server and return.
@available(macOS 14, *)
public struct PreviewSession: Sendable {
    public var options: PreviewOptions
    public var console: PreviewConsole

    public init(options: PreviewOptions, console: PreviewConsole = .standard) {
        self.options = options
        self.console = console
    }

    /// What is watched: the seeds (with their sidecars), the templates, the config.
    public static func watchTargets(_ project: Project) -> [FileWatcher.Target] {
        [.folder(project.seedsFolder), .folder(project.templatesFolder), .file(project.configFile)]
    }

    /// Runs until a signal; a failed build does not end it.
    /// - Throws: `PreviewError` when the server cannot start or stops by itself.
    public func run() async throws {
        let project = options.build.project
        let output = options.build.output.standardizedFileURL
        for folder in [project.seedsFolder, project.templatesFolder].map(\.standardizedFileURL)
        where output == folder || output.path.hasPrefix(folder.path + "/") {
            throw PreviewError.outputInsideInputs(output: project.displayPath(output), input: project.displayPath(folder) + "/")
        }
        if PortProbe.check(host: options.host, port: options.port) == .inUse {
            throw PreviewError.portInUse(host: options.host, port: options.port)
        }

        let signals = SignalTrap()
        defer { signals.restore() }
        let hub = PreviewEventHub()
        let watcher = FileWatcher(Self.watchTargets(project), forcePolling: options.forcePolling)
        defer { watcher.stop() }
        let rebuilds = RebuildLoop(options: options.build, hub: hub, console: console)
        await rebuilds.build()
        guard !signals.caught else { return console.info("Stopped") }

        let server = PreviewServer(host: options.host, port: options.port, output: output, hub: hub)
        let (serverTask, port) = try await listen(server)
        console.info("Serving \(project.displayPath(output))/ at http://\(Self.urlHost(options.host)):\(port)/ (watching seeds/, templates/ and \(SiteConfig.fileName) with \(watcher.mechanism.rawValue); Ctrl-C stops)")
        if !Self.isLoopback(options.host) {
            console.info("\(options.host) is not a loopback address: other machines can read this preview")
        }
        let loop = Task { await rebuilds.run(watcher.changes) }

        let failure = await waitForStop(signals, serverTask) {
            // Open event streams would keep the server's graceful shutdown waiting.
            watcher.stop()
            await hub.close()
        }
        await loop.value
        if let failure { throw PreviewError.serverStopped(reason: "\(failure)") }
        console.info("Stopped")
    }

    // MARK: - Steps

    /// Starts the server. - Returns: its task and the port it listens on.
    private func listen(_ server: PreviewServer) async throws -> (Task<Void, any Error>, Int) {
        let (listening, continuation) = AsyncStream.makeStream(of: Int.self)
        // The server shuts itself down gracefully on SIGINT and SIGTERM.
        let task = Task {
            defer { continuation.finish() }
            try await server.run { port in continuation.yield(port) }
        }
        for await port in listening {
            return (task, port)
        }
        throw Self.listenError(await task.result, host: options.host, port: options.port)
    }

    /// Waits for SIGINT/SIGTERM or for the server to end, then runs `closeStreams` and
    /// waits for the server (cancelled if it takes more than 3 s).
    /// - Returns: the server's error if it failed by itself; nil when it was stopped.
    private func waitForStop(_ signals: SignalTrap, _ serverTask: Task<Void, any Error>,
                             closeStreams: @escaping @Sendable () async -> Void) async -> (any Error)? {
        let console = self.console
        return await withTaskGroup(of: Result<Void, any Error>?.self) { group in
            group.addTask {
                _ = await signals.next()
                return nil
            }
            // The server also stops by itself on the signal, and may finish first.
            group.addTask { await serverTask.result }
            var failure: (any Error)?
            if case .failure(let error) = await group.next() ?? nil, !(error is CancellationError) {
                failure = error
            } else {
                signals.restore() // a second Ctrl-C kills at once
                console.info("Stopping")
            }
            await closeStreams()
            let watchdog = Task {
                try await Task.sleep(for: .seconds(3))
                serverTask.cancel()
            }
            group.cancelAll()
            await group.waitForAll()
            watchdog.cancel()
            return failure
        }
    }

    private static func listenError(_ result: Result<Void, any Error>, host: String, port: Int) -> PreviewError {
        let reason: String
        switch result {
        case .success: reason = "the server stopped before it listened"
        case .failure(let error): reason = "\(error)"
        }
        if reason.contains("Address already in use") || PortProbe.check(host: host, port: port) == .inUse {
            return .portInUse(host: host, port: port)
        }
        return .cannotListen(host: host, port: port, reason: reason)
    }

    private static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }

    /// IPv6 literals go in brackets in URLs.
    private static func urlHost(_ host: String) -> String {
        host.contains(":") ? "[\(host)]" : host
    }
}
