/// Text broken between words to fit a width: a long question never splits a word at the terminal's edge.
enum WordWrap {
    /// Each line of `text` wrapped at spaces to at most `width` characters (a longer word stays whole);
    /// a line keeps its indent, and text that ends in a space (a prompt) still does.
    static func wrapped(_ text: String, width: Int) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            guard line.count > width else { return String(line) }
            let indent = String(line.prefix { $0 == " " })
            var lines: [String] = []
            var current = indent
            for word in line.dropFirst(indent.count).split(separator: " ") {
                if current.count > indent.count, current.count + 1 + word.count > width {
                    lines.append(current)
                    current = indent + word
                } else {
                    current += (current.count > indent.count ? " " : "") + word
                }
            }
            return (lines + [current]).joined(separator: "\n") + (line.hasSuffix(" ") ? " " : "")
        }.joined(separator: "\n")
    }
}
