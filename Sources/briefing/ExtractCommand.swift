import ArgumentParser
import BriefingCore
import Foundation

struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Print the claims and sources found in seeds (the sidecar merged over them).",
        discussion: "With --json, one JSON object per seed (an array for several). With --sidecar-draft, write SEED.claims.yml for an editor to correct (an existing one is kept)."
    )

    @OptionGroup var projectOptions: ProjectOptions

    @Flag(name: .long, help: "Print JSON: {article, sources[{id,name,type,anonymous,role}], claims[{id,source,cue,text,quote,...}]}.")
    var json = false

    @Flag(name: .long, help: "Write a sidecar draft beside each seed that has none.")
    var sidecarDraft = false

    @Argument(help: ArgumentHelp("Seed files (.md or .txt).", valueName: "seed"))
    var seeds: [String]

    func run() throws {
        let project = projectOptions.projectValue
        var objects: [ExtractionReport] = []
        var failed = false
        for seed in seeds {
            let url = URL(fileURLWithPath: seed)
            do {
                let (merged, warnings) = try Build.extract(seed: url, project: project)
                Terminal.printDiagnostics(warnings.filter { $0.severity == .warning })
                let report = ExtractionReport(merged)
                objects.append(report)
                if sidecarDraft { try writeDraft(report, beside: url) }
                if !json { print(report.text) }
            } catch let failure as BuildFailure {
                Terminal.printDiagnostics(failure.diagnostics)
                failed = true
            }
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let data = objects.count == 1 ? try encoder.encode(objects[0]) : try encoder.encode(objects)
            print(String(decoding: data, as: UTF8.self))
        }
        if failed { throw ExitCode.failure }
    }

    private func writeDraft(_ report: ExtractionReport, beside seed: URL) throws {
        let draft = seed.deletingPathExtension().appendingPathExtension("claims.yml")
        guard !FileManager.default.fileExists(atPath: draft.path) else {
            Terminal.printError("\(draft.path) exists; not overwritten")
            return
        }
        try report.sidecarDraft.write(to: draft, atomically: true, encoding: .utf8)
        FileHandle.standardError.write(Data("wrote \(draft.path)\n".utf8))
    }
}
