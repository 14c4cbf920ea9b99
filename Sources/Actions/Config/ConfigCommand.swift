import ArgumentParser
import MicsyncCLI
import MicsyncKit

/// `micsync config check|show|path|init`: look after the config file.
public struct ConfigCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Check, show, locate or create the config file.",
        discussion: """
            The config file is the first that exists of: --config FILE, $MICSYNC_CONFIG, \
            $XDG_CONFIG_HOME/micsync/config.json (~/.config/micsync/config.json), the original's ~/.micsync.json.

            Examples:
              micsync config init            write a starter config to edit
              micsync config check           list every problem in the config file (exit 2 if any)
              micsync config show            every configuration with its locations, and which are plugged in
              micsync config path            which file is in use, and why
            """,
        subcommands: [Check.self, Show.self, Path.self, Init.self]
    )

    public init() {}
}
