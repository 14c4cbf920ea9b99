/// Text broken between words to fit a width: a long question never splits a word at the terminal's edge, and
/// help text never wraps to column 0.
public enum WordWrap {
    /// Each line of `text` wrapped at spaces to at most `width` characters (a longer word stays whole); text
    /// that ends in a space (a prompt) still does. Continuation lines start under the line's own indent, or
    /// with `hanging`, under its second column (what follows its first run of two or more spaces, as in
    /// `--exclude <pattern>   Leave out …` or `micsync log -n 5     the last five runs`).
    public static func wrapped(_ text: String, width: Int, hanging: Bool = false) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            guard line.count > width else { return String(line) }
            let ownIndent = line.prefix { $0 == " " }.count
            let indent = String(repeating: " ", count: hanging ? secondColumn(of: line, within: width) : ownIndent)
            var lines: [String] = []
            var current = String(line.prefix(ownIndent))
            var start = current.count
            // Each word with the spaces before it, kept as they are within a line (aligned columns).
            for (gap, word) in gappedWords(line.dropFirst(ownIndent)) {
                if current.count > start, current.count + gap.count + word.count > width {
                    lines.append(current)
                    current = indent + word
                    start = indent.count
                } else {
                    current += (current.count > start ? gap : "") + word
                }
            }
            return (lines + [current]).joined(separator: "\n") + (line.hasSuffix(" ") ? " " : "")
        }.joined(separator: "\n")
    }

    private static func gappedWords(_ text: Substring) -> [(gap: Substring, word: Substring)] {
        var result: [(Substring, Substring)] = []
        var rest = text
        while !rest.isEmpty {
            let gap = rest.prefix { $0 == " " }
            rest = rest.dropFirst(gap.count)
            let word = rest.prefix { $0 != " " }
            rest = rest.dropFirst(word.count)
            if !word.isEmpty { result.append((gap, word)) }
        }
        return result
    }

    /// Where the text after the first gap of two or more spaces begins (the line's indent when there is
    /// none, or when it lies too far right to leave room).
    private static func secondColumn(of line: Substring, within width: Int) -> Int {
        let indent = line.prefix { $0 == " " }.count
        guard let gap = line.dropFirst(indent).range(of: "  ") else { return indent }
        let column =
            line.distance(from: line.startIndex, to: gap.upperBound)
            + line[gap.upperBound...].prefix { $0 == " " }.count
        return column <= width / 2 ? column : indent + 4
    }
}
