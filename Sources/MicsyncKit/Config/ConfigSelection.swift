/// Which config file and configuration a command uses (`--config`, `--config-name`), as plain values: the one
/// place where they become a config file, configurations and scopes.
public struct ConfigSelection: Sendable {
    /// `--config`: nil for the usual lookup.
    public var file: String?
    /// `--config-name`: nil for any configuration.
    var configurationName: String?

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
    let configurationName: String?

    /// The configuration and location holding `paths` (asking which configuration when they are in several
    /// and `--config-name` does not say); paths are taken relative to the current directory.
    public func scope(_ paths: [String], questions: Questions) throws(MicsyncError) -> Scope {
        try ScopeResolver(
            configurations: configurations, resolver: PathResolver(base: FileSystem.currentDirectory),
            questions: questions
        ).resolve(paths, configurationName: configurationName)
    }

    /// The scope of each run that `paths` call for: one, unless the paths lie in several configurations
    /// (each handled in its own). Without paths and with `wholeSetup`, the whole of every WORKING of the
    /// chosen configurations (`backup` without paths backs up everything).
    public func scopes(_ paths: [String], wholeSetup: Bool, questions: Questions) throws(MicsyncError) -> [Scope] {
        if paths.isEmpty, wholeSetup {
            return try chosen().flatMap { configuration in configuration.working.map { .whole($0, of: configuration) } }
        }
        return try ScopeResolver(
            configurations: configurations, resolver: PathResolver(base: FileSystem.currentDirectory),
            questions: questions
        ).resolveEach(paths, configurationName: configurationName)
    }

    /// The configuration named by `--config-name`, or every configuration without it.
    public func chosen() throws(MicsyncError) -> [Configuration] {
        guard let configurationName else { return configurations }
        return [try configurations.named(configurationName)]
    }
}
