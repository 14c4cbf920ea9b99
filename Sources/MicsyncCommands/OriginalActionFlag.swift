import ArgumentParser
import MicsyncCLI
import MicsyncKit

extension Registry {
    /// The registered commands that also answer to the original's `--NAME`, in registry order. Later commands
    /// (`config`, `status`, …) do not; `--config` in particular is an option of every sync action.
    public static var originalSpellings: [String] {
        commands.filter { ($0 as? any OriginallySpelled.Type)?.originallySpelled == true }
            .compactMap { $0.configuration.commandName }
    }
}

/// The original's `--backup`, `--work`, … as flags of the root command, one per originally spelled action.
/// They are never parsed (`OriginalSpelling` rewrites them to the subcommand first): they exist so that help
/// and the generated completion scripts offer them, straight from the command tree.
public struct OriginalActionFlag: EnumerableFlag, Sendable {
    public let action: String

    public static var allCases: [OriginalActionFlag] { Registry.originalSpellings.map(OriginalActionFlag.init) }

    public static func name(for value: OriginalActionFlag) -> NameSpecification { .customLong(value.action) }

    public static func help(for value: OriginalActionFlag) -> ArgumentHelp? {
        "The original's spelling of `micsync \(value.action)`."
    }
}

/// The original tool's spelling: `micsync --backup …` is `micsync backup …` for every action in
/// `Registry.originalSpellings`: the first `--ACTION` with no ACTION and no `--` before it moves to the front.
enum OriginalSpelling {
    static func rewrite(_ arguments: [String], actions: [String] = Registry.originalSpellings) -> [String] {
        let actions = Set(actions)
        let isOriginal = { (word: String) in word.hasPrefix("--") && actions.contains(String(word.dropFirst(2))) }
        guard let position = arguments.firstIndex(where: isOriginal),
            !arguments[..<position].contains(where: actions.contains),
            !arguments[..<position].contains("--")
        else { return arguments }
        var rewritten = arguments
        let action = String(rewritten.remove(at: position).dropFirst(2))
        return [action] + rewritten
    }
}
