/// One problem found by a pipeline stage: an error stops the build, a warning does not
/// (unless the build is strict).
///
/// Printed as `path:line:column: error: message`, the form editors and CI annotate.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable, Comparable {
        case warning, error
        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .warning && rhs == .error }
    }

    /// The pipeline stage that found the problem.
    public enum Stage: String, Sendable {
        case load, extract, link, analyze, render, write, check, serve
    }

    public var severity: Severity
    public var location: SourceLocation?
    public var stage: Stage
    public var message: String

    public init(_ severity: Severity, _ stage: Stage, at location: SourceLocation?, _ message: String) {
        self.severity = severity
        self.location = location
        self.stage = stage
        self.message = message
    }

    public static func error(_ stage: Stage, at location: SourceLocation?, _ message: String) -> Diagnostic {
        Diagnostic(.error, stage, at: location, message)
    }

    public static func warning(_ stage: Stage, at location: SourceLocation?, _ message: String) -> Diagnostic {
        Diagnostic(.warning, stage, at: location, message)
    }

    /// The one-line form: `file:line:column: error: message`.
    ///
    /// Values quoted from the input (an id, a date, a file name) may hold line breaks or
    /// terminal control sequences: they are shown escaped (`\n`, `\u{1B}`), so that a
    /// diagnostic stays one line and cannot drive the terminal.
    public var description: String {
        let prefix = location.map { "\($0): " } ?? "briefing: "
        return Self.printable("\(prefix)\(severity.rawValue): \(message)")
    }

    /// `text` with C0 and C1 control characters (and DEL, U+2028/9, bidi overrides) escaped.
    static func printable(_ text: String) -> String {
        func isControl(_ scalar: Unicode.Scalar) -> Bool {
            scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029
                || (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
        }
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case _ where isControl(scalar): result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}

/// A failed build: every error found, in a stable order.
public struct BuildFailure: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}

extension Array where Element == Diagnostic {
    /// Sorted by file, line, column, then message, so output is deterministic.
    func sortedForPrinting() -> [Diagnostic] {
        sorted {
            let l = $0.location ?? SourceLocation(file: "")
            let r = $1.location ?? SourceLocation(file: "")
            return l != r ? l < r : $0.message < $1.message
        }
    }
}
