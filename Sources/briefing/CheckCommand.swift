import ArgumentParser
import BriefingCore
import Foundation

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Verify a built site: links, anchors, reachability from the index, JSON and XML files.",
        discussion: """
            Every relative link and #anchor must resolve; every page must be reachable from index.html; \
            links leaving the site must be absolute http(s) URLs (or carry rel="external"); JSON files and \
            JSON-LD blocks must parse and XML files be well-formed. Problems print one a line as \
            `site/page.html:line:column: error: …`; the exit code is then 1.

            With --editorial, checks the project's sidecars instead of a built site: every reference \
            resolves, corrected claim texts still occur in their article, anonymous sources have a \
            descriptor, statuses other than unverified have an evidence link, retractions have a link.
            """
    )

    @Argument(help: ArgumentHelp("The built site folder.", valueName: "site"))
    var site: String = "site"

    @Flag(name: [.short, .long], help: "Print nothing but problems.")
    var quiet = false

    @Flag(name: .long, help: "Check the project's sidecars (editorial rules) instead of a built site.")
    var editorial = false

    @OptionGroup var projectOptions: ProjectOptions

    func run() throws {
        if editorial { return try runEditorial() }
        let displayRoot = site == "." ? "" : String(site.reversed().drop { $0 == "/" }.reversed())
        let folder = URL(fileURLWithPath: site, isDirectory: true)
        do {
            let report = try SiteChecker(displayRoot: displayRoot).check(folder: folder)
            Terminal.printDiagnostics(report.problems)
            if !report.problems.isEmpty {
                FileHandle.standardError.write(Data("\(report.problems.count) problem\(report.problems.count == 1 ? "" : "s") in \(site)\n".utf8))
                throw ExitCode.failure
            }
            if !quiet {
                print("Checked \(report.pageCount) pages, \(report.fileCount) files, \(report.linkCount) links in \(site): no problems")
            }
        } catch let diagnostic as Diagnostic {
            Terminal.printDiagnostics([diagnostic])
            throw ExitCode.failure
        }
    }

    /// `--editorial`: the sidecars of the project, not a built site.
    private func runEditorial() throws {
        let project = projectOptions.projectValue
        let problems = Build.checkEditorial(project: project)
        Terminal.printDiagnostics(problems)
        if !problems.isEmpty {
            FileHandle.standardError.write(Data("\(problems.count) editorial problem\(problems.count == 1 ? "" : "s")\n".utf8))
            throw ExitCode.failure
        }
        if !quiet { print("Checked the sidecars of \(project.root.path): no editorial problems") }
    }
}
