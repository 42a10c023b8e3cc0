/// Text compared the way an editor means it: case, curly vs straight quotes, dash
/// kinds and runs of white space do not matter. Keeps, for every character, its UTF-8
/// range in the original, so a match can be mapped back to a `TextSpan`.
struct LooseText {
    private(set) var scalars: [Unicode.Scalar] = []
    /// Original byte range start and end of each kept scalar.
    private var starts: [Int] = []
    private var ends: [Int] = []

    init(_ text: String) {
        var offset = 0
        var lastWasSpace = true
        for scalar in text.unicodeScalars {
            let width = UTF8.width(scalar)
            defer { offset += width }
            let folded = Self.fold(scalar)
            if folded == " " {
                if lastWasSpace { continue }
                lastWasSpace = true
            } else {
                lastWasSpace = false
            }
            scalars.append(folded)
            starts.append(offset)
            ends.append(offset + width)
        }
        if scalars.last == " " {
            scalars.removeLast()
            starts.removeLast()
            ends.removeLast()
        }
    }

    var isEmpty: Bool { scalars.isEmpty }

    private static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar {
        case "\u{2018}", "\u{2019}", "\u{201B}", "\u{2032}": return "'"
        case "\u{201C}", "\u{201D}", "\u{201F}", "\u{2033}": return "\""
        case "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2015}": return "-"
        case " ", "\t", "\n", "\u{00A0}", "\u{2009}", "\u{202F}": return " "
        default:
            guard scalar.properties.isUppercase else { return scalar }
            let lower = scalar.properties.lowercaseMapping.unicodeScalars
            return lower.count == 1 ? lower[lower.startIndex] : scalar
        }
    }

    /// The original byte range of the first occurrence of `needle`, if any.
    func firstRange(of needle: LooseText) -> Range<Int>? {
        let n = needle.scalars.count
        guard n > 0, n <= scalars.count else { return nil }
        let first = needle.scalars[0]
        var i = 0
        while i + n <= scalars.count {
            if scalars[i] == first, scalars[i..<(i + n)].elementsEqual(needle.scalars) {
                return starts[i]..<ends[i + n - 1]
            }
            i += 1
        }
        return nil
    }

    func contains(_ needle: LooseText) -> Bool { firstRange(of: needle) != nil }
}
