import ArgumentParser

extension Registry {
    /// The registered actions' subcommand names, in registry order.
    public static var actionNames: [String] { commands.compactMap { $0.configuration.commandName } }
}

/// The original's `--backup`, `--work`, … as flags of the root command, one per registered action. They are
/// never parsed (`OriginalSpelling` rewrites them to the subcommand first): they exist so that help and the
/// generated completion scripts offer them, straight from the command tree.
public struct OriginalActionFlag: EnumerableFlag, Sendable {
    public let action: String

    public static var allCases: [OriginalActionFlag] { Registry.actionNames.map(OriginalActionFlag.init) }

    public static func name(for value: OriginalActionFlag) -> NameSpecification { .customLong(value.action) }

    public static func help(for value: OriginalActionFlag) -> ArgumentHelp? {
        "The original's spelling of `micsync \(value.action)`."
    }
}
