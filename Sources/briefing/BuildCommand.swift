import ArgumentParser
import BriefingCore
import Foundation

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site from seeds/ into the output folder (replaced only when the build succeeds)."
    )

    @OptionGroup var projectOptions: ProjectOptions

    @Option(name: [.short, .long], help: ArgumentHelp("Output folder (default: site/ in the project).", valueName: "dir"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("Absolute URL the site is published at; overrides base_url.", valueName: "url"))
    var baseURL: String?

    @Flag(name: .long, help: "Treat warnings as errors.")
    var strict = false

    @Flag(name: .long, help: "Include seeds marked draft: true.")
    var drafts = false

    @Flag(name: .long, help: "Index the site for full-text search with Pagefind (pip install 'pagefind[bin]').")
    var search = false

    @Flag(name: .long, help: "Ignore .briefing-cache/ and render every page (the output is the same either way).")
    var noCache = false

    @Flag(name: .long, help: "Skip the claim analysis (clusters, corroboration, retraction banners, quote drift, provenance): pages without those sections.")
    var noAnalysis = false

    @Flag(name: .long, help: "Print the time each pipeline stage took, its peak memory, and the CPU time of each kind of page rendered.")
    var timings = false

    @Flag(name: [.short, .long], help: "Print nothing but diagnostics.")
    var quiet = false

    func run() throws {
        let project = projectOptions.projectValue
        let outputURL = output.map { URL(fileURLWithPath: $0, isDirectory: true) }
        var options = BuildOptions(project: project, output: outputURL, baseURL: baseURL, strict: strict, includeDrafts: drafts, search: search)
        options.useCache = !noCache
        options.analyze = !noAnalysis
        do {
            let report = try Build(options: options).run()
            Terminal.printDiagnostics(report.warnings)
            if !quiet {
                print("Built \(report.articleCount) articles, \(report.claimCount) claims, \(report.sourceCount) sources: \(report.fileCount) files in \(project.displayPath(options.output))" + (report.reusedCount > 0 ? " (\(report.reusedCount) unchanged)" : ""))
                if search { print("Search index (Pagefind) in \(project.displayPath(options.output.appendingPathComponent("pagefind")))/") }
                for note in report.notes { print(note) }
            }
            if timings {
                for lap in report.timings {
                    print(String(format: "  %-8@ %8.3f s  (peak memory %d MiB)", lap.stage as NSString, lap.seconds, lap.peakMiB))
                    guard lap.stage == "render" else { continue }
                    for kind in report.renderProfile {
                        print(String(format: "    %-9@ %7d pages %8.3f s CPU", kind.kind as NSString, kind.pages, kind.cpuSeconds))
                    }
                }
            }
        } catch let failure as BuildFailure {
            Terminal.printDiagnostics(failure.diagnostics)
            throw ExitCode.failure
        } catch let diagnostic as Diagnostic {
            Terminal.printDiagnostics([diagnostic])
            throw ExitCode.failure
        }
    }
}
