import ArgumentParser
import MicsyncKit

/// `--config FILE`: every command's way to the config file (the `config` subcommands take only this).
public struct ConfigFileOption: ParsableArguments, Sendable {
    public static let longName = "config"

    @Option(
        name: .customLong(longName), help: "The config file to use instead of the usual lookup.",
        completion: .file(extensions: ["json"]))
    public var file: String?

    public init() {}
}

/// `--config FILE` and `--config-name NAME`: which config file, and which configuration in it. Every command
/// that reads configurations takes this group and goes through `ConfigSelection`.
public struct ConfigOptions: ParsableArguments, Sendable {
    public static let nameLongName = "config-name"

    @OptionGroup public var file: ConfigFileOption

    @Option(
        name: .customLong(nameLongName),
        help: "The configuration to use (when the paths are in several; without paths, only this one).",
        completion: .custom(CompletionCandidates.configurationNames))
    public var name: String?

    public init() {}

    public var selection: ConfigSelection { ConfigSelection(file: file.file, configurationName: name) }
}

extension ConfigFileOption {
    public var selection: ConfigSelection { ConfigSelection(file: file) }
}
