import Foundation

/// Finds the config file: `--config FILE`, `$MICSYNC_CONFIG`, the XDG path, then the original's `~/.micsync.json`.
public struct ConfigLocator: Sendable {
    public struct Found: Sendable {
        public let file: String
        /// Why this file is the one in use, for `micsync config path` and error messages.
        public let reason: String
    }

    let environment: [String: String]
    let home: String
    let currentDirectory: String

    public init(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        home: String = FileSystem.homeDirectory,
        currentDirectory: String = FileSystem.currentDirectory
    ) {
        self.environment = environment
        self.home = home
        self.currentDirectory = currentDirectory
    }

    /// The XDG location, where `micsync config init` writes a new file.
    var xdgPath: String {
        let configHome = environment["XDG_CONFIG_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil } ?? home + "/.config"
        return configHome + "/micsync/config.json"
    }

    /// The candidates in lookup order, each with the reason it would be chosen.
    public func candidates(explicit: String?) -> [Found] {
        let resolver = PathResolver(base: currentDirectory, home: home)
        if let explicit { return [Found(file: resolver.absolute(explicit), reason: "given with --config")] }
        var list: [Found] = []
        if let fromEnvironment = environment["MICSYNC_CONFIG"], !fromEnvironment.isEmpty {
            list.append(Found(file: resolver.absolute(fromEnvironment), reason: "named by $MICSYNC_CONFIG"))
        }
        list.append(Found(file: xdgPath, reason: "the XDG config path"))
        list.append(Found(file: home + "/.micsync.json", reason: "the original micsync's config file"))
        return list
    }

    /// The first candidate that exists; a clear error naming every place looked in otherwise.
    public func locate(explicit: String?) throws(MicsyncError) -> Found {
        let candidates = candidates(explicit: explicit)
        if let found = candidates.first(where: { FileManager.default.fileExists(atPath: $0.file) }) {
            return found
        }
        let places = candidates.map { "  \($0.file) (\($0.reason))" }.joined(separator: "\n")
        throw .config(
            "no config file found; looked in:\n\(places)\ncreate one with `micsync config init`, or pass --config FILE")
    }
}
