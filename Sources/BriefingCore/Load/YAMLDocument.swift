import Foundation
import Yams

/// A YAML text composed once, decoded into typed structs, with positions kept so that
/// every problem can be reported as `file:line:column`.
///
/// Lines are shifted by `lineOffset`, so YAML embedded in a seed (front matter) reports
/// lines of the seed file. Composing keeps aliases as references, so alias bombs
/// ("billion laughs") stay cheap; we never load into `Any`.
struct YAMLDocument {
    let file: String
    let lineOffset: Int
    let root: Node

    /// Largest YAML text accepted; a sidecar or front matter is hand-written.
    static let maximumBytes = 1 << 20

    /// - Throws: `Diagnostic` for syntax errors or oversized input.
    init(text: String, file: String, lineOffset: Int = 0) throws {
        self.file = file
        self.lineOffset = lineOffset
        guard text.utf8.count <= Self.maximumBytes else {
            throw Diagnostic.error(
                .load, at: SourceLocation(file: file, line: lineOffset + 1, column: 1),
                "YAML is larger than \(Self.maximumBytes / 1024) KiB; split it or remove unneeded content")
        }
        do {
            root = try Yams.compose(yaml: text) ?? Node("")
        } catch let error as YamlError {
            throw Self.diagnostic(for: error, file: file, lineOffset: lineOffset)
        } catch {
            throw Diagnostic.error(.load, at: SourceLocation(file: file, line: lineOffset + 1), "invalid YAML: \(error)")
        }
    }

    /// The location of `node`, shifted into file coordinates.
    func location(of node: Node?) -> SourceLocation {
        guard let mark = node?.mark else { return SourceLocation(file: file, line: lineOffset + 1, column: 1) }
        return SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column)
    }

    /// The node at a coding path (`claims[2].text`), or the deepest node that exists on it.
    func node(at path: [CodingKey]) -> Node {
        var node = root
        for key in path {
            if let index = key.intValue, let sequence = node.sequence, index < sequence.count {
                node = sequence[index]
            } else if let mapping = node.mapping, let child = mapping[key.stringValue] {
                node = child
            } else {
                break
            }
        }
        return node
    }

    /// Decodes the whole document as a mapping into `T`.
    ///
    /// - Parameter what: how to name the document in messages ("front matter", "sidecar").
    /// - Throws: `Diagnostic` at the position of the offending key or value.
    func decode<T: Decodable>(_ type: T.Type, what: String) throws -> T {
        guard root.mapping != nil else {
            throw Diagnostic.error(
                .load, at: location(of: root),
                "\(what) must be a mapping of `key: value` lines, not \(Self.kindName(of: root))")
        }
        do {
            return try YAMLDecoder().decode(T.self, from: root)
        } catch let error as DecodingError {
            throw diagnostic(for: error, what: what)
        } catch let error as Diagnostic {
            throw error
        } catch {
            throw Diagnostic.error(.load, at: location(of: root), "\(what): \(error)")
        }
    }

    /// Keys of the top-level mapping that `known` does not list, with their positions.
    func unknownKeys(known: Set<String>) -> [(key: String, location: SourceLocation)] {
        guard let mapping = root.mapping else { return [] }
        return mapping.compactMap { key, _ in
            guard let name = key.string, !known.contains(name) else { return nil }
            return (name, location(of: key))
        }
    }

    // MARK: - Error conversion

    private func diagnostic(for error: DecodingError, what: String) -> Diagnostic {
        switch error {
        case let .keyNotFound(key, context):
            let node = node(at: context.codingPath)
            return .error(.load, at: location(of: node), "\(what) is missing `\(key.stringValue)`; add `\(key.stringValue): …`")
        case let .typeMismatch(type, context), let .valueNotFound(type, context):
            let node = node(at: context.codingPath)
            let path = Self.pathText(context.codingPath)
            return .error(
                .load, at: location(of: node),
                "`\(path)` should be \(Self.expectation(for: type)), found \(Self.kindName(of: node))")
        case let .dataCorrupted(context):
            let node = node(at: context.codingPath)
            let path = Self.pathText(context.codingPath)
            return .error(.load, at: location(of: node), "`\(path)`: \(context.debugDescription)")
        @unknown default:
            return .error(.load, at: location(of: root), "\(what): \(error)")
        }
    }

    private static func diagnostic(for error: YamlError, file: String, lineOffset: Int) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation {
            SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column)
        }
        switch error {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            return .error(.load, at: at(mark), "invalid YAML: \(problem); check indentation, colons and quotes")
        case let .duplicatedKeysInMapping(duplicates, context):
            return .error(.load, at: at(context.mark), "duplicate key \(duplicates.joined(separator: ", ")); keep one")
        case let .reader(problem, _, _, _):
            return .error(.load, at: SourceLocation(file: file, line: lineOffset + 1), "unreadable YAML: \(problem)")
        default:
            return .error(.load, at: SourceLocation(file: file, line: lineOffset + 1), "invalid YAML: \(error)")
        }
    }

    static func pathText(_ path: [CodingKey]) -> String {
        path.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            .trimmingCharacters(in: CharacterSet(charactersIn: "."))
    }

    static func kindName(of node: Node) -> String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .scalar(let scalar): return "`\(scalar.string)`"
        case .alias: return "an alias"
        }
    }

    private static func expectation(for type: Any.Type) -> String {
        let name = String(describing: type)
        // Yams names the node it wanted (`Sequence`, `Mapping`) when the shape is wrong.
        if name.contains("Array") || name == "Sequence" { return "a list" }
        if name.contains("Dictionary") || name == "Mapping" { return "a mapping" }
        if name.contains("Bool") { return "true or false" }
        if name.contains("Int") { return "a whole number" }
        return "text"
    }
}
