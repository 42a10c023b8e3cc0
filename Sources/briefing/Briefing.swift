import ArgumentParser
import BriefingCore
import Foundation

@main
struct Briefing: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "briefing",
        abstract: "Turn a folder of articles into a cross-linked briefing site of claims and sources.",
        discussion: """
            Exit codes: 0 success; 1 the input has errors (printed as path:line:column: error: …); \
            64 the command line is wrong.
            """,
        version: BriefingVersion.current,
        subcommands: [BuildCommand.self, ExtractCommand.self, ServeCommand.self, CheckCommand.self],
        defaultSubcommand: BuildCommand.self
    )
}

/// Prints diagnostics to stderr, one line each.
enum Terminal {
    static func printDiagnostics(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics {
            FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8))
        }
    }

    static func printError(_ message: String) {
        FileHandle.standardError.write(Data(("briefing: error: " + message + "\n").utf8))
    }
}

/// Options shared by commands that read a project.
struct ProjectOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The briefing project folder.", valueName: "dir"))
    var project: String = "."

    var projectValue: Project {
        Project(root: URL(fileURLWithPath: project, isDirectory: true))
    }
}
