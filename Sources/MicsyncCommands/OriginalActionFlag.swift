import ArgumentParser
import MicsyncKit

/// A command the original micsync spelled `--NAME`: the sync actions. Later actions (`config`, `status`, …) have
/// no original spelling; `--config` in particular is an option of every sync action.
protocol OriginallySpelled {}

extension SyncCommand: OriginallySpelled {}

extension Registry {
    /// The registered actions that also answer to the original's `--NAME`, in registry order.
    public static var originalSpellings: [String] {
        commands.filter { $0 is any OriginallySpelled.Type }.compactMap { $0.configuration.commandName }
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
