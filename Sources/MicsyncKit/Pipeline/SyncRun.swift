import Foundation

/// What every sync action does: resolve the scope → choose locations → lock the destinations → run a
/// `SyncSession` → journal what was done. The action only chooses the locations.
public struct SyncRun<Action: SyncAction> {
    let options: RunOptions
    let paths: [String]
    let questions: Questions

    public init(options: RunOptions, paths: [String], questions: Questions = Questions()) {
        self.options = options
        self.paths = paths
        self.questions = questions
    }

    public func execute() async throws(MicsyncError) {
        Console.quiet = options.quiet
        let found = try ConfigLocator().locate(explicit: options.configFile)
        let configurations = try ConfigLoader(file: found.file).load().configurations
        let resolver = PathResolver(base: FileSystem.currentDirectory)
        let scope = try ScopeResolver(configurations: configurations, resolver: resolver, questions: questions)
            .resolve(paths, configurationName: options.configurationName)
        let endpoints = try Action.endpoints(LocationChooser(scope: scope, questions: questions, resolver: resolver),
                                             options: options)
        try requireScope(scope, in: endpoints.source)
        let rsync = try await Rsync.locate()
        let locks = options.dryRun ? [] : try LocationLock.acquire(endpoints.destinations)
        defer { withExtendedLifetime(locks) {} }
        let invocation = RsyncInvocation(source: endpoints.source, scope: scope, actionFilters: Action.filters,
                                         deleting: options.deletion != .never)
        let session = SyncSession(action: Action.name, rsync: rsync, invocation: invocation, scope: scope,
                                  source: endpoints.source, destinations: endpoints.destinations, options: options,
                                  questions: questions, overwrites: Action.overwrites)
        let recorder = RunRecorder(action: Action.name, scope: scope, endpoints: endpoints)
        do {
            try await session.run(recording: recorder.add)
        } catch {
            recorder.finish(error.status)
            throw error
        }
        recorder.finish(.success)
    }

    /// Every typed path must exist in the source, whichever location it was typed in.
    private func requireScope(_ scope: Scope, in source: Location) throws(MicsyncError) {
        let missing = scope.relativePaths.filter { !FileSystem.exists(source.path + "/" + $0) }
        guard missing.isEmpty else {
            let typed = scope.typedIn == source ? "" : " (typed in \(scope.typedIn.heading))"
            throw .notFound("not found in the source, \(source.heading)\(typed):\n"
                + missing.map { "  \(source.path)/\($0)" }.joined(separator: "\n"))
        }
    }
}
