import ArgumentParser
import BriefingCore

@main
struct Briefing: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "briefing",
        abstract: "Turn a folder of articles into a cross-linked briefing site."
    )
}
