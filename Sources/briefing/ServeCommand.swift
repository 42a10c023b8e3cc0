import ArgumentParser
import BriefingCore
import BriefingPreview
import Foundation

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Build the site, serve it on this machine and rebuild on every change, reloading open pages.",
        discussion: """
            Watches seeds/ (with the sidecars), templates/ and briefing.yml. A failed rebuild keeps the last \
            good site served and shows the errors in the terminal and over the page. Ctrl-C stops.
            """
    )

    @OptionGroup var projectOptions: ProjectOptions

    @Option(name: [.short, .long], help: ArgumentHelp("Output folder (default: site/ in the project).", valueName: "dir"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("Address to listen on; anything but loopback exposes the preview to the network.", valueName: "address"))
    var host = "127.0.0.1"

    @Option(name: [.short, .long], help: ArgumentHelp("Port to listen on (0: any free port).", valueName: "n"))
    var port = 8000

    @Flag(name: .long, help: "Include seeds marked draft: true.")
    var drafts = false

    @Flag(name: .long, help: "Watch by polling twice a second instead of inotify (for network file systems).")
    var poll = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
    }

    func run() throws {
        let project = projectOptions.projectValue
        let outputURL = output.map { URL(fileURLWithPath: $0, isDirectory: true) }
        let options = PreviewOptions(
            build: BuildOptions(project: project, output: outputURL, includeDrafts: drafts),
            host: host, port: port, forcePolling: poll)
        guard #available(macOS 14, *) else {
            Terminal.printError("briefing serve needs macOS 14 or later")
            throw ExitCode.failure
        }
        // The root command is synchronous, so this one waits for its async work here.
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        Task {
            do {
                try await PreviewSession(options: options).run()
            } catch {
                outcome.error = error
            }
            done.signal()
        }
        done.wait()
        if let error = outcome.error {
            Terminal.printError("\(error)")
            throw ExitCode.failure
        }
    }
}

/// The result handed from the serving task back to `run()`.
private final class Outcome: @unchecked Sendable {
    var error: (any Error)?
}
