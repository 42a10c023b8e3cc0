import BriefingTestSupport
import Foundation
import Testing

/// WCAG 2 contrast of the default theme's colour pairs, light and dark, computed from
/// the custom properties in templates/assets/style.css: AA (4.5:1) for text, 3:1 for the
/// lines and circles of the source graph.
@Suite("Theme contrast")
struct ThemeContrastTests {
    /// Text colours and the backgrounds they are drawn on.
    static let textPairs: [(String, String)] = [
        ("text", "bg"), ("text", "surface"), ("text", "claim-bg"), ("text", "line"),
        ("muted", "bg"), ("muted", "surface"),
        ("accent", "bg"), ("accent", "surface"), ("accent-text", "accent"),
    ] + ["disputed", "false", "unverified", "corroborated", "true"].flatMap { [($0, "bg"), ($0, "surface")] }

    /// Graphics on the graph's background (WCAG 1.4.11, non-text contrast).
    static let graphicPairs: [(String, String)] = [
        ("edge", "surface"), ("disputed", "surface"), ("corroborated", "surface"), ("accent", "surface"),
    ]

    static func themes() throws -> [(name: String, colours: [String: String])] {
        let css = try String(contentsOf: BriefingBinary.repository.appendingPathComponent("templates/assets/style.css"), encoding: .utf8)
        func properties(after marker: String) throws -> [String: String] {
            let start = try #require(css.range(of: marker))
            let end = try #require(css.range(of: "}", range: start.upperBound..<css.endIndex))
            let block = String(css[start.upperBound..<end.lowerBound])
            let pattern = try NSRegularExpression(pattern: "--([a-z-]+):\\s*(#[0-9a-fA-F]{6})\\s*;")
            var found: [String: String] = [:]
            for match in pattern.matches(in: block, range: NSRange(block.startIndex..., in: block)) {
                guard let name = Range(match.range(at: 1), in: block), let value = Range(match.range(at: 2), in: block) else { continue }
                found[String(block[name])] = String(block[value])
            }
            return found
        }
        let light = try properties(after: ":root {")
        let dark = light.merging(try properties(after: "@media (prefers-color-scheme: dark) {\n  :root {")) { _, new in new }
        return [("light", light), ("dark", dark)]
    }

    /// Relative luminance of `#rrggbb`.
    static func luminance(_ hex: String) -> Double {
        let value = Int(hex.dropFirst(), radix: 16) ?? 0
        let channels = [(value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF].map { channel -> Double in
            let c = Double(channel) / 255
            return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]
    }

    static func ratio(_ a: String, _ b: String) -> Double {
        let (x, y) = (luminance(a), luminance(b))
        return (max(x, y) + 0.05) / (min(x, y) + 0.05)
    }

    @Test func ratioMatchesKnownValues() {
        #expect(abs(Self.ratio("#000000", "#ffffff") - 21) < 0.01)
        #expect(abs(Self.ratio("#777777", "#ffffff") - 4.48) < 0.01)
    }

    @Test func textMeetsAAInBothThemes() throws {
        for theme in try Self.themes() {
            for (foreground, background) in Self.textPairs {
                let f = try #require(theme.colours[foreground], "--\(foreground) missing"), b = try #require(theme.colours[background], "--\(background) missing")
                let ratio = Self.ratio(f, b)
                #expect(ratio >= 4.5, "\(theme.name): --\(foreground) \(f) on --\(background) \(b) is \(String(format: "%.2f", ratio)):1, below 4.5:1")
            }
        }
    }

    @Test func graphLinesAndNodesMeetThreeToOne() throws {
        for theme in try Self.themes() {
            for (foreground, background) in Self.graphicPairs {
                let f = try #require(theme.colours[foreground]), b = try #require(theme.colours[background])
                let ratio = Self.ratio(f, b)
                #expect(ratio >= 3, "\(theme.name): --\(foreground) on --\(background) is \(String(format: "%.2f", ratio)):1, below 3:1")
            }
        }
    }
}
