import ArgumentParser
import MicsyncCLI
import MicsyncKit

/// Mistakes in the action word, caught before ArgumentParser parses (it would call a typo "2 unexpected
/// arguments", show the main help for `help nosuch`, and run one of two actions given at once).
enum ActionWords {
    /// Throws a usage error (exit 2) for an unknown action, `help` of an unknown action, or two actions at once.
    static func check(_ arguments: [String]) throws(MicsyncError) {
        let words = arguments.prefix { $0 != "--" }
        let originals = Set(Registry.originalSpellings)
        let flags = words.filter { $0.hasPrefix("--") && originals.contains(String($0.dropFirst(2))) }
        let subcommand = words.first.flatMap { topLevel.contains($0) ? $0 : nil }
        let actions = (subcommand.map { [$0] } ?? []) + flags
        if actions.count > 1, subcommand != "help" {
            throw .usage("two actions at once (\(actions.joined(separator: " and "))); give one")
        }
        guard flags.isEmpty, let first = words.first else { return }
        if first == "help" {
            return try checkHelp(Array(words.dropFirst()))
        }
        if first.hasPrefix("--") {
            // `--bakup`: most likely the original spelling of an action, mistyped.
            if let near = nearestName(to: String(first.dropFirst(2)), in: Registry.originalSpellings) {
                throw .usage("unknown action '\(first)'; did you mean '--\(near)'?")
            }
            return
        }
        guard !first.hasPrefix("-") else { return }
        guard let subcommand else { throw unknown(first, among: topLevel) }
        try checkSubcommand(of: subcommand, Array(words.dropFirst()))
    }

    /// `trash lst`: the word after an action that has commands of its own must name one of them.
    private static func checkSubcommand(of action: String, _ words: [String]) throws(MicsyncError) {
        guard let command = Registry.commands.first(where: { $0._commandName == action }) else { return }
        let commands = names(of: command.configuration.subcommands)
        guard !commands.isEmpty, let word = words.first, !word.hasPrefix("-"), !commands.contains(word) else { return }
        throw unknown(word, among: commands, of: action)
    }

    /// `help ACTION [SUBCOMMAND…]`: every word must name a command at its level.
    private static func checkHelp(_ words: [String]) throws(MicsyncError) {
        var commands = Registry.commands
        var parent: String?
        for word in words where !word.hasPrefix("-") {
            guard let command = commands.first(where: { $0._commandName == word }) else {
                throw unknown(word, among: names(of: commands), of: parent)
            }
            parent = [parent, word].compactMap { $0 }.joined(separator: " ")
            commands = command.configuration.subcommands
        }
    }

    /// `unknown action 'bakup'; did you mean 'backup'?`, or the list of what there is.
    private static func unknown(_ word: String, among names: [String], of parent: String? = nil) -> MicsyncError {
        let shown = word.count > 40 ? word.prefix(40) + "…" : word
        let what = parent.map { "unknown command '\($0) \(shown)'" } ?? "unknown action '\(shown)'"
        // A path typed first is no typo of an action: the action is missing.
        if parent == nil, word.contains("/") || word.hasPrefix("~") || FileSystem.exists(word) {
            return .usage("\(what): give the action before the paths, one of: \(names.joined(separator: ", "))")
        }
        if let near = nearestName(to: word, in: names) {
            return .usage("\(what); did you mean '\(near)'?")
        }
        return .usage(
            "\(what); \(parent == nil ? "the actions are" : "its commands are"): \(names.joined(separator: ", "))")
    }

    private static func names(of commands: [any ParsableCommand.Type]) -> [String] {
        commands.map { $0._commandName }
    }

    /// What may come first: an action, or `help`.
    private static var topLevel: [String] { names(of: Registry.commands) + ["help"] }
}
