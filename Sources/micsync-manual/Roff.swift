/// Text for man(7) pages: escaping, and the help texts' plain-text layout (paragraphs, indented example lines)
/// turned into requests that groff fills and indents.
enum Roff {
    /// `text` as roff prose: backslashes and dashes escaped, `code` in bold, the help texts' arrows and other
    /// non-ASCII characters as named glyphs, which groff renders in UTF-8 and spells out in ASCII (`->`).
    static func escape(_ text: String, code: Bool = true) -> String {
        var result = ""
        var inCode = false
        for character in text {
            switch character {
            case "\\": result += "\\e"
            case "-": result += "\\-"
            case "`" where code:
                result += inCode ? "\\fR" : "\\fB"
                inCode.toggle()
            case "→": result += "\\(->"
            case "←": result += "\\(<-"
            case "–": result += "\\(en"
            case "—": result += "\\(em"
            case "…": result += "\\&..."
            default:
                if character.isASCII {
                    result.append(character)
                } else {
                    for scalar in character.unicodeScalars {
                        result += "\\[u" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4) + "]"
                    }
                }
            }
        }
        return result.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix(".") || $0.hasPrefix("'") ? "\\&" + $0 : String($0) }.joined(separator: "\n")
    }

    static func bold(_ text: String) -> String { "\\fB" + escape(text, code: false) + "\\fR" }
    static func italic(_ text: String) -> String { "\\fI" + escape(text, code: false) + "\\fR" }

    /// A help text (`discussion`) as roff: its paragraphs filled; an indented line `  COMMAND   what it does`
    /// (the examples) as a tagged paragraph, COMMAND in bold.
    static func discussion(_ text: String) -> [String] {
        var lines: [String] = []
        for block in text.components(separatedBy: "\n\n") where !block.isEmpty {
            lines.append(".PP")
            for line in block.split(separator: "\n", omittingEmptySubsequences: true).map(String.init) {
                guard line.hasPrefix(" ") else {
                    lines.append(escape(line))
                    continue
                }
                let trimmed = String(line.drop { $0 == " " })
                let gap = trimmed.range(of: "  ")
                lines += [
                    ".TP", bold(String(trimmed[..<(gap?.lowerBound ?? trimmed.endIndex)])),
                    gap.map { escape(String(trimmed[$0.upperBound...].drop { $0 == " " })) } ?? "\\&",
                ]
            }
        }
        return lines
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
