/// Seed text prepared for a `{{ }}` template variable.
///
/// Mustache escapes `< > & " '` per Character; a combining mark right after one of them
/// forms one Character that would slip through unescaped (`"\u{301}` in an attribute).
/// Such marks are dropped here, so every special character reaches the escaper alone.
enum PageText {
    private static let specials: Set<Unicode.Scalar> = ["<", ">", "&", "\"", "'"]

    /// C0 controls but tab and line feed, DEL, and C1 controls.
    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t" && scalar != "\n") || (0x7F...0x9F).contains(scalar.value)
    }

    /// Whether `text` has a control character, or a byte of a non-ASCII scalar (perhaps a
    /// combining mark) right after a special character: one pass over the bytes, so the
    /// usual text (curly quotes, accents and all) is returned without a copy.
    private static func needsCleaning(_ text: String) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if (byte < 0x20 && byte != 0x0A && byte != 0x09) || byte == 0x7F { return true }
            if previous == 0xC2, (0x80...0x9F).contains(byte) { return true } // C1 controls
            if byte >= 0x80, HTML.isEscaped(previous) { return true }
            previous = byte
        }
        return false
    }

    static func clean(_ text: String) -> String {
        guard needsCleaning(text) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var changed = false
        for character in text {
            let scalars = character.unicodeScalars
            if scalars.contains(where: isControl) {
                // Control characters (from YAML escapes such as "\a") are invalid in HTML.
                for scalar in scalars where !isControl(scalar) { result.unicodeScalars.append(scalar) }
                changed = true
            } else if scalars.count > 1, scalars.contains(where: { specials.contains($0) }) {
                // Keep only the special characters and plain letters around them, each alone.
                for scalar in scalars where specials.contains(scalar) || scalar.properties.generalCategory != .nonspacingMark
                    && scalar.properties.generalCategory != .spacingMark && scalar.properties.generalCategory != .enclosingMark
                    && !scalar.properties.isGraphemeExtend && scalar != "\u{200D}" {
                    result.unicodeScalars.append(scalar)
                }
                changed = true
            } else {
                result.append(character)
            }
        }
        return changed ? result : text
    }
}
