/// One seed article as loaded: front matter, body and its paragraphs.
public struct Article: Sendable, Hashable, Codable {
    public enum Format: String, Sendable, Codable {
        /// CommonMark with YAML front matter (`.md`).
        case markdown
        /// Plain text: first line the title, every further non-empty line a paragraph (`.txt`).
        case plainText
    }

    /// The file name without extension; also the page name `articles/<slug>.html`.
    public var slug: String
    /// Project-relative path of the seed, as printed in diagnostics.
    public var file: String
    public var format: Format
    public var title: String
    public var date: ArticleDate?
    public var author: String?
    public var publication: String?
    public var url: String?
    public var tags: [String]
    /// The Markdown text after the front matter; for plain text, unused.
    public var markdown: String
    /// Lines of the seed before `markdown` starts (the front matter).
    public var markdownLineOffset: Int
    /// The paragraphs as plain text, in order: what extraction reads.
    public var blocks: [TextBlock]
    /// The curated claims and sources beside the seed, if any.
    public var sidecar: Sidecar?
    /// `draft: true` in front matter: left out of the build unless drafts are asked for.
    public var isDraft: Bool

    /// The date from front matter, or else from the sidecar.
    public var effectiveDate: ArticleDate? { date ?? sidecar?.date }
}

/// A calendar date, `YYYY-MM-DD`; sorts chronologically.
public struct ArticleDate: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    /// Parses `2025-10-25` or an ISO 8601 timestamp starting with it.
    public init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.prefix(10).split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), (1...Self.days(inMonth: month, year: year)).contains(day)
        else { return nil }
        // Only a time may follow ("2025-10-25T10:00", "2025-10-25 10:00"), not other words.
        let rest = trimmed.dropFirst(10)
        guard rest.isEmpty || ((rest.first == "T" || rest.first == " ") && rest.dropFirst().first?.isASCII == true
                               && rest.dropFirst().first?.isNumber == true) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    private static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// `2025-10-25`.
    public var description: String {
        String(format: "%04d-%02d-%02d", year, month, day)
    }

    /// `25 October 2025`.
    public var longForm: String {
        "\(day) \(Self.monthNames[month - 1]) \(year)"
    }

    private static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August",
                                     "September", "October", "November", "December"]

    public static func < (lhs: ArticleDate, rhs: ArticleDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}

import Foundation
