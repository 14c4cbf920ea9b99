/// What one run touches: the typed paths, relative to the location they were typed in.
public struct Scope: Sendable {
    public let configuration: Configuration
    /// The location the paths were typed in (a WORKING or a BACKUP: it never sets the direction).
    public let typedIn: Location
    /// Relative to the location root, sorted, without duplicates; "" is the whole location.
    public let relativePaths: [String]

    public init(configuration: Configuration, typedIn: Location, relativePaths: [String]) {
        self.configuration = configuration
        self.typedIn = typedIn
        self.relativePaths = relativePaths
    }
}

/// Finds the configuration and location that hold the command-line paths.
struct ScopeResolver {
    let configurations: [Configuration]
    let resolver: PathResolver
    let questions: Questions

    /// One scope per configuration when no configuration holds every path (`backup ~/docs ~/photos`), the
    /// paths grouped by the configurations that hold them, in config order; otherwise the one of `resolve`.
    func resolveEach(_ paths: [String], configurationName: String?) throws(MicsyncError) -> [Scope] {
        guard paths.count > 1 else { return [try resolve(paths, configurationName: configurationName)] }
        let candidates = try candidates(configurationName)
        let holders = paths.map { path in
            let absolute = locate(path)
            return candidates.indices.filter { candidates[$0].locations.contains { $0.contains(absolute) } }
        }
        if let outside = zip(paths, holders).first(where: { $0.1.isEmpty }) {
            throw .notFound(outsideMessage([locate(outside.0)], configurationName))
        }
        let common = holders.dropFirst().reduce(Set(holders[0])) { $0.intersection($1) }
        guard common.isEmpty else { return [try resolve(paths, configurationName: configurationName)] }
        var groups: [[Int]: [String]] = [:]
        for (path, holder) in zip(paths, holders) { groups[holder, default: []].append(path) }
        var scopes: [Scope] = []
        for holder in groups.keys.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            scopes.append(try resolve(groups[holder]!, configurationName: configurationName))
        }
        return scopes
    }

    func resolve(_ paths: [String], configurationName: String?) throws(MicsyncError) -> Scope {
        guard !paths.isEmpty else { throw .usage("give at least one path inside a configured location") }
        let absolute = paths.map(locate)
        let candidates = try candidates(configurationName)
        var matches: [(Configuration, Location)] = []
        // Why the first configuration holding some of the paths cannot take them all.
        var split: String?
        for configuration in candidates {
            let holders: [Location?] = absolute.map { path in configuration.locations.first { $0.contains(path) } }
            if holders.allSatisfy({ $0 == nil }) { continue }
            let distinct = Set(holders.compactMap { $0 })
            guard distinct.count == 1, let location = distinct.first, !holders.contains(nil) else {
                split = split ?? splitScopeMessage(absolute, holders)
                continue
            }
            matches.append((configuration, location))
        }
        guard !matches.isEmpty else {
            throw split.map { .usage($0) } ?? .notFound(outsideMessage(absolute, configurationName))
        }
        let (configuration, location) = try pickConfiguration(matches)
        let relative = Set(absolute.map { location.relativePath(of: $0)! })
        if let inside = relative.sorted().first(where: Self.isInsideStateFolder) {
            throw .usage(
                "\(location.path)/\(inside) is inside micsync's own folder \(StateFolder.name)/, which is never synced; "
                    + "use `micsync trash` to reach the trash")
        }
        return Scope(
            configuration: configuration, typedIn: location,
            relativePaths: relative.contains("") ? [""] : relative.sorted())
    }

    /// The configuration named by `--config-name`, or every configuration.
    private func candidates(_ configurationName: String?) throws(MicsyncError) -> [Configuration] {
        try configurationName.map { name throws(MicsyncError) in [try configurations.named(name)] } ?? configurations
    }

    /// Whether a path relative to a location lies in its `.micsync/` (trash, partial, tmp, id, lock).
    static func isInsideStateFolder(_ relative: String) -> Bool {
        relative.split(separator: "/", maxSplits: 1).first == Substring(StateFolder.name)
    }

    /// The typed path made absolute; when it is a symlink to a location root (a disc mounted elsewhere),
    /// the root it points to.
    private func locate(_ path: String) -> String {
        let absolute = resolver.resolvingParent(path)
        let inSomeLocation = configurations.contains { $0.locations.contains { $0.contains(absolute) } }
        return inSomeLocation || !absolute.hasPrefix("/") ? absolute : FileSystem.realPath(absolute) ?? absolute
    }

    private func pickConfiguration(_ matches: [(Configuration, Location)])
        throws(MicsyncError) -> (Configuration, Location)
    {
        guard matches.count > 1 else { return matches[0] }
        let numbered = matches.map { match in (configurations.firstIndex { $0.name == match.0.name }!, match) }
        let picked = try questions.choose(
            "The paths are in several configurations; which one?",
            from: numbered.map { ($0.0, $0.1.0.name) })
        return numbered.first { $0.0 == picked[0] }!.1
    }

    private func splitScopeMessage(_ paths: [String], _ holders: [Location?]) -> String {
        let lines = zip(paths, holders).map { path, holder in
            "  \(path): " + (holder.map { "\($0.heading)" } ?? "in no location of this configuration")
        }
        return "all paths of one run must be in the same location:\n" + lines.joined(separator: "\n")
    }

    private func outsideMessage(_ paths: [String], _ name: String?) -> String {
        let inWhat = name.map { "configuration \"\($0)\"" } ?? "any configuration"
        let locations = configurations.flatMap { configuration in
            configuration.locations.map { "  \($0.path) (\($0.role.rawValue) of \"\(configuration.name)\")" }
        }
        return "\(paths.joined(separator: ", ")) is not inside \(inWhat); the configured locations are:\n"
            + locations.joined(separator: "\n")
    }
}

extension [Configuration] {
    /// The configuration called `name`; a usage error listing the names when there is none.
    func named(_ name: String) throws(MicsyncError) -> Configuration {
        guard let match = first(where: { $0.name == name }) else {
            let names = map { "\"\($0.name)\"" }.joined(separator: ", ")
            let near = nearestName(to: name, in: map(\.name))
            throw .usage(
                "no configuration is named \"\(name)\"; "
                    + (near.map { "did you mean \"\($0)\"?" } ?? "the configurations are: \(names)"))
        }
        return match
    }
}
