import ArgumentParser

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

/// What `ConfigOptions` selected, as plain values: the one place where commands turn `--config` and
/// `--config-name` into a config file, configurations and scopes.
public struct ConfigSelection: Sendable {
    /// `--config`: nil for the usual lookup.
    public var file: String?
    /// `--config-name`: nil for any configuration.
    public var configurationName: String?

    public init(file: String? = nil, configurationName: String? = nil) {
        self.file = file
        self.configurationName = configurationName
    }

    /// The file in use, with the reason; an error naming every place looked in when there is none.
    public func locate() throws(MicsyncError) -> ConfigLocator.Found {
        try ConfigLocator().locate(explicit: file)
    }

    /// The file in use, loaded and validated.
    public func load() throws(MicsyncError) -> LoadedConfig {
        let found = try locate()
        return LoadedConfig(
            found: found, configurations: try ConfigLoader(file: found.file).load().configurations,
            configurationName: configurationName)
    }
}

/// The configurations of the file in use, and how typed paths and `--config-name` select among them.
public struct LoadedConfig: Sendable {
    public let found: ConfigLocator.Found
    public let configurations: [Configuration]
    /// `--config-name`: nil for any configuration.
    public let configurationName: String?

    /// The configuration and location holding `paths` (asking which configuration when they are in several
    /// and `--config-name` does not say); paths are taken relative to the current directory.
    public func scope(_ paths: [String], questions: Questions = Questions()) throws(MicsyncError) -> Scope {
        try resolver(questions).resolve(paths, configurationName: configurationName)
    }

    /// The configuration named by `--config-name`, or every configuration without it.
    public func chosen() throws(MicsyncError) -> [Configuration] {
        guard let configurationName else { return configurations }
        return [try resolver(Questions()).configuration(named: configurationName)]
    }

    private func resolver(_ questions: Questions) -> ScopeResolver {
        ScopeResolver(
            configurations: configurations, resolver: PathResolver(base: FileSystem.currentDirectory),
            questions: questions)
    }
}
