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
            if let near = nearest(String(first.dropFirst(2)), in: Registry.originalSpellings) {
                throw .usage("unknown action '\(first)'; did you mean '--\(near)'?")
            }
            return
        }
        guard !first.hasPrefix("-"), subcommand == nil else { return }
        throw unknown(first, among: topLevel)
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
        if let near = nearest(word, in: names) {
            return .usage("\(what); did you mean '\(near)'?")
        }
        return .usage(
            "\(what); \(parent == nil ? "the actions are" : "its commands are"): \(names.joined(separator: ", "))")
    }

    /// The name a typo most likely meant: within two edits, or the only one it begins.
    static func nearest(_ word: String, in names: [String]) -> String? {
        guard !word.isEmpty, word.count <= 40 else { return nil }
        let scored = names.map { ($0, editDistance(word, $0)) }.filter { $0.1 <= min(2, max(1, $0.0.count / 3)) }
        if let best = scored.min(by: { $0.1 < $1.1 }) { return best.0 }
        let prefixed = word.count < 2 ? [] : names.filter { $0.hasPrefix(word.lowercased()) }
        return prefixed.count == 1 ? prefixed[0] : nil
    }

    private static func names(of commands: [any ParsableCommand.Type]) -> [String] {
        commands.map { $0._commandName }
    }

    /// What may come first: an action, or `help`.
    private static var topLevel: [String] { names(of: Registry.commands) + ["help"] }
}
