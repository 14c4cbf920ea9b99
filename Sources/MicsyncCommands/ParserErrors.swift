import ArgumentParser
import MicsyncKit

/// ArgumentParser's own errors in micsync's one style, `micsync: what went wrong; what to do` (exit 2): one
/// line, no usage block (that is `--help`'s), and the option most likely meant.
enum ParserErrors {
    /// Options people bring from rsync that micsync spells otherwise.
    static let otherSpellings = [
        "--delete": "use -d (asks first) or -D", "--archive": "micsync always copies in archive mode",
        "--version": "use micsync --version (or -V)",
    ]

    /// The one-line message for `error`, raised while parsing `arguments`.
    static func message(for error: any Error, arguments: [String]) -> String {
        let raw = Micsync.message(for: error).split(separator: "\n").first.map(String.init) ?? ""
        var text = raw.hasPrefix("Error: ") ? String(raw.dropFirst(7)) : raw
        // ArgumentParser's own suggestion, when it has one, is made again below in micsync's words.
        if let range = text.range(of: ". Did you mean") { text = String(text[..<range.lowerBound]) }
        text = text.prefix(1).lowercased() + text.dropFirst()
        let command = command(of: arguments)
        // A message that says what to do already needs no pointer to the help.
        guard let option = unknownOption(in: text) else {
            return text.contains("; ") ? text : text + "; see " + helpHint(command)
        }
        if let other = otherSpellings[option] { return text + "; " + other }
        // One letter is within one edit of every other: no suggestion for a short option.
        let known = option.hasPrefix("--") ? optionNames(of: command) : []
        if let near = nearestName(to: option, in: known), near != option {
            return text + "; did you mean '\(near)'?"
        }
        return text + "; see " + helpHint(command)
    }

    /// The name in `unknown option '--exlude'`.
    private static func unknownOption(in text: String) -> String? {
        guard text.hasPrefix("unknown option '") else { return nil }
        let name = text.dropFirst("unknown option '".count).prefix { $0 != "'" }
        return String(name.split(separator: "=").first ?? name)
    }

    /// The command the arguments name (`trash restore`), nil for the root.
    static func command(of arguments: [String]) -> (any ParsableCommand.Type)? {
        var level = Registry.commands
        var found: (any ParsableCommand.Type)?
        for word in arguments {
            guard let next = level.first(where: { $0._commandName == word }) else { break }
            found = next
            level = next.configuration.subcommands
        }
        return found
    }

    /// Every `--long` and `-s` option the command's help shows.
    private static func optionNames(of command: (any ParsableCommand.Type)?) -> [String] {
        let help = Micsync.helpMessage(for: command ?? Micsync.self, columns: 200)
        var names: Set<String> = []
        for word in help.split(whereSeparator: { " ,\n<>[]|".contains($0) }) where word.hasPrefix("-") {
            let name = word.prefix { $0.isLetter || $0.isNumber || $0 == "-" }
            if name.count > 1, name != "--" { names.insert(String(name)) }
        }
        return names.sorted()
    }

    private static func helpHint(_ command: (any ParsableCommand.Type)?) -> String {
        let path = command.map { "micsync help \(fullName(of: $0))" } ?? "micsync --help"
        return "'\(path)'"
    }

    private static func fullName(of command: any ParsableCommand.Type) -> String {
        for parent in Registry.commands {
            if ObjectIdentifier(parent) == ObjectIdentifier(command) { return parent._commandName }
            if parent.configuration.subcommands.contains(where: { ObjectIdentifier($0) == ObjectIdentifier(command) }) {
                return parent._commandName + " " + command._commandName
            }
        }
        return command._commandName
    }
}
