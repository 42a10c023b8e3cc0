import Mustache

/// The theme's Mustache templates, parsed once and checked: every template parses, every
/// required page template exists, every partial and parent a template names exists
/// (swift-mustache silently renders a missing partial as nothing).
public struct TemplateSet: Sendable {
    private let library: MustacheLibrary

    /// - Throws: `BuildFailure` listing every problem with its file, line and column.
    public init(theme: Theme) throws {
        var library = MustacheLibrary()
        var diagnostics: [Diagnostic] = []
        for name in theme.templates.keys.sorted() {
            guard let source = theme.templates[name] else { continue }
            do {
                // The pragma, on a line of its own before the template (a standalone tag:
                // it renders as nothing), makes `{{ }}` escape with `HTML.escape`.
                let pragma = BriefingHTMLContentType.pragma + "\n"
                library.register(try MustacheTemplate(string: pragma + source.text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                // Positions in the template as written, below the pragma's line.
                let line = max(error.context.lineNumber - 1, 1)
                diagnostics.append(.error(.render, at: SourceLocation(file: source.file, line: line, column: error.context.columnNumber),
                                          "template syntax error: \(Self.explain(error.error))"))
            } catch {
                diagnostics.append(.error(.render, at: SourceLocation(file: source.file), "template syntax error: \(error)"))
            }
        }
        for name in Theme.requiredTemplates where theme.templates[name] == nil {
            diagnostics.append(.error(.render, at: SourceLocation(file: "templates/\(name).mustache"),
                                      "missing template `\(name)`; add templates/\(name).mustache or delete the project's templates/ override"))
        }
        for name in theme.templates.keys.sorted() {
            guard let source = theme.templates[name] else { continue }
            for reference in Self.partialReferences(in: source.text) where theme.templates[reference.name] == nil {
                diagnostics.append(.error(.render, at: SourceLocation(file: source.file, line: reference.line, column: reference.column),
                                          "template uses partial `\(reference.name)`, which does not exist; add templates/partials/\(reference.name).mustache"))
            }
        }
        if !diagnostics.isEmpty { throw BuildFailure(diagnostics.sortedForPrinting()) }
        self.library = library
    }

    /// Renders template `name` with a context of dictionaries, arrays, strings, numbers and bools.
    func render(_ name: String, _ context: [String: Any]) -> String {
        library.render(context, withTemplate: name) ?? ""
    }

    // MARK: - Checks

    struct PartialReference: Equatable {
        var name: String
        var line: Int
        var column: Int
    }

    /// Every `{{> name}}` and `{{< name}}` tag with its position (default delimiters only).
    static func partialReferences(in text: String) -> [PartialReference] {
        var references: [PartialReference] = []
        var line = 1, column = 1
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            if scalars[index] == "{", index + 2 < scalars.count, scalars[index + 1] == "{",
               scalars[index + 2] == ">" || scalars[index + 2] == "<" {
                var end = index + 3
                var name = ""
                while end + 1 < scalars.count, !(scalars[end] == "}" && scalars[end + 1] == "}") {
                    name.unicodeScalars.append(scalars[end])
                    end += 1
                }
                let trimmed = name.trimmingCharacters(in: .whitespaces)
                if !trimmed.isEmpty, !trimmed.hasPrefix("*") {
                    references.append(PartialReference(name: trimmed, line: line, column: column))
                }
            }
            if scalars[index] == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
            index += 1
        }
        return references
    }

    private static func explain(_ error: Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
        switch error {
        case .sectionCloseNameIncorrect: return "a section is closed with another name than it was opened with"
        case .unfinishedName: return "a tag is not closed; end it with }}"
        case .expectedSectionEnd: return "a section is opened but never closed; add {{/name}}"
        case .invalidSetDelimiter: return "badly formed set-delimiter tag"
        case .transformAppliedToInheritanceSection: return "a transform cannot apply to an inheritance section"
        case .illegalTokenInsideInheritSection: return "only block definitions may appear inside {{<parent}}…{{/parent}}"
        case .textInsideInheritSection: return "text inside {{<parent}}…{{/parent}} must be inside a {{$block}}"
        case .invalidConfigVariableSyntax: return "badly formed config variable"
        case .unrecognisedConfigVariable: return "unknown config variable"
        @unknown default: return "\(error)"
        }
    }
}

import Foundation
