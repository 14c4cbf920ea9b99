import MicsyncKit

/// Which configurations and which part of them a status shows: all, the one named, or the one holding PATHs.
struct StatusScopes {
    let configurations: [Configuration]

    init(_ configurations: [Configuration]) {
        self.configurations = configurations
    }

    func select(paths: [String], configurationName: String?) throws(MicsyncError) -> [Scope] {
        if !paths.isEmpty {
            let resolver = PathResolver(base: FileSystem.currentDirectory)
            return [try ScopeResolver(configurations: configurations, resolver: resolver, questions: Questions())
                .resolve(paths, configurationName: configurationName)]
        }
        let chosen = configurations.filter { configurationName == nil || $0.name == configurationName }
        guard !chosen.isEmpty else {
            let names = configurations.map { "\"\($0.name)\"" }.joined(separator: ", ")
            throw .usage("no configuration is named \"\(configurationName ?? "")\"; the configurations are: \(names)")
        }
        return chosen.map { Scope.whole($0.working[0], of: $0) }
    }
}
