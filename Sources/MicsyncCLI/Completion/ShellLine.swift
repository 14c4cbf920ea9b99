import ArgumentParser

/// One candidate offered at TAB, with what zsh and fish show beside it.
struct Candidate: Equatable {
    let value: String
    var description: String?
}

/// The words of the line as the shell hands them to `micsync` at TAB time, and the candidates written back
/// the way that shell takes them.
struct ShellLine {
    let shell: CompletionShell?
    let shellVersion: String?

    static var requesting: ShellLine {
        ShellLine(shell: CompletionShell.requesting, shellVersion: CompletionShell.requestingVersion)
    }

    /// `word` as the program would get it: bash, zsh and fish 4 hand words over as typed (`Photo\ archive`,
    /// `"Photo archive"`); fish 3 has already removed the quoting.
    func unquote(_ word: String) -> String {
        if shell == .fish, (shellVersion?.split(separator: ".").first.flatMap { Int($0) } ?? 3) < 4 { return word }
        return Self.removingQuotes(word)
    }

    /// Candidate lines for the completion script: zsh's `_describe` takes `value:description` (a colon in the
    /// value escaped), fish takes `value<TAB>description`, bash inserts the line as it is, so it gets the
    /// value escaped for the line, or bare after an opening quote (readline then closes the quote).
    func lines(_ candidates: [Candidate], currentWord: String) -> [String] {
        candidates.map { candidate in
            switch shell {
            case .zsh?:
                let value = candidate.value.replacingOccurrences(of: ":", with: "\\:")
                return candidate.description.map { value + ":" + $0 } ?? value
            case .fish?:
                return candidate.description.map { candidate.value + "\t" + $0 } ?? candidate.value
            case .bash?:
                return currentWord.hasPrefix("\"") || currentWord.hasPrefix("'")
                    ? candidate.value : Self.escaped(candidate.value)
            default:
                return candidate.value
            }
        }
    }

    /// Removes backslash escapes and single and double quotes, as a POSIX shell reads a word.
    static func removingQuotes(_ word: String) -> String {
        var result = ""
        var quote: Character?
        var escaping = false
        for character in word {
            if escaping {
                if quote == "\"", !"$`\"\\\n".contains(character) { result.append("\\") }
                result.append(character)
                escaping = false
            } else if character == "\\", quote != "'" {
                escaping = true
            } else if quote == nil, character == "'" || character == "\"" {
                quote = character
            } else if character == quote {
                quote = nil
            } else {
                result.append(character)
            }
        }
        return result
    }

    /// `value` with a backslash before every character bash would otherwise read as syntax.
    static func escaped(_ value: String) -> String {
        var result = ""
        for character in value {
            if !character.isASCII || character.isLetter || character.isNumber || "_./,+@%:=-".contains(character) {
                result.append(character)
            } else {
                result += "\\" + String(character)
            }
        }
        return result
    }
}
