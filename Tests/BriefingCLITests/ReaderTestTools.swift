import BriefingTestSupport
import Foundation

/// Exit status and output of a program run by `ReaderTools.run`.
struct ToolResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// External tools the reader-feature tests use (headless Chromium through
/// `scripts/browser.py`, Pagefind), found once; tests that need one are disabled with a
/// clear message where it is missing.
enum ReaderTools {
    /// `chromium` (or `chromium-browser`, `google-chrome`) on the PATH.
    static let chromium: URL? = executable(["chromium", "chromium-browser", "google-chrome"])
    static let python: URL? = executable(["python3"])

    static let chromiumMissing = "Chromium is not installed (apt-get install chromium): browser checks skipped"
    static let pagefindMissing = "Pagefind is not installed (pip install 'pagefind[bin]'): search checks skipped"

    /// Whether `python3 -m pagefind` (or `pagefind`) runs.
    static let pagefind: Bool = {
        if let binary = executable(["pagefind"]) { return (try? run(binary, ["--version"]).status) == 0 }
        guard let python else { return false }
        return (try? run(python, ["-m", "pagefind", "--version"]).status) == 0
    }()

    static func executable(_ names: [String]) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for name in names {
            for folder in path.split(separator: ":") {
                let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            }
        }
        return nil
    }

    /// Runs a program; output goes through temporary files, so no pipe can fill up.
    static func run(_ executable: URL, _ arguments: [String], in folder: URL? = nil, environment: [String: String]? = nil) throws -> ToolResult {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("briefing-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("out"), errURL = scratch.appendingPathComponent("err")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        if let environment { process.environment = environment }
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        return ToolResult(
            status: process.terminationStatus,
            stdout: (try? String(contentsOf: outURL, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOf: errURL, encoding: .utf8)) ?? "")
    }

    /// `python3 scripts/browser.py ARGUMENTS`.
    static func browser(_ arguments: [String]) throws -> ToolResult {
        guard let python else { return ToolResult(status: 127, stdout: "", stderr: "python3 not found") }
        let script = BriefingBinary.repository.appendingPathComponent("scripts/browser.py").path
        return try run(python, [script] + arguments)
    }

    /// The JSON value a `browser.py` command printed.
    static func json(_ result: ToolResult) -> Any? {
        try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8), options: [.fragmentsAllowed])
    }
}

/// Pieces of built pages.
enum PageParts {
    /// The inline `<svg …>…</svg>` of a page, if any.
    static func svg(in html: String) -> String? {
        guard let start = html.range(of: "<svg "), let end = html.range(of: "</svg>", range: start.upperBound..<html.endIndex) else { return nil }
        return String(html[start.lowerBound..<end.upperBound])
    }

    /// The text between the first `open` and the following `close`.
    static func between(_ html: String, _ open: String, _ close: String) -> String? {
        guard let start = html.range(of: open), let end = html.range(of: close, range: start.upperBound..<html.endIndex) else { return nil }
        return String(html[start.upperBound..<end.lowerBound])
    }

    /// Ids of the claim pages of a built site (claim ids always hold `--`).
    static func claimIDs(_ site: URL) -> [String] {
        TestProject.files(under: site.appendingPathComponent("claims"))
            .filter { $0.hasSuffix(".html") && $0.contains("--") }
            .map { String($0.dropLast(".html".count)) }
    }

    /// Ids of the source pages of a built site.
    static func sourceIDs(_ site: URL) -> [String] {
        TestProject.files(under: site.appendingPathComponent("sources"))
            .filter { $0.hasSuffix(".html") && $0 != "index.html" }
            .map { String($0.dropLast(".html".count)) }
    }
}
