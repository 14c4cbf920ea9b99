import Foundation

/// What every action does: resolve the scope → choose locations → lock the destinations → run a
/// `SyncSession` → journal what was done; a read-only action instead compares and reports. The action only
/// chooses the locations and adds its rsync options.
public struct SyncRun<Action: SyncAction> {
    let options: Action.Options
    let paths: [String]
    let questions: Questions

    public init(options: Action.Options, paths: [String], questions: Questions = Questions()) {
        self.options = options
        self.paths = paths
        self.questions = questions
    }

    @MainActor
    public func execute() async throws(MicsyncError) {
        let start = Date()
        let run = options.run
        Console.quiet = run.quiet
        let scope = try run.config.load().scope(paths, questions: questions)
        let resolver = PathResolver(base: FileSystem.currentDirectory)
        var chooser = LocationChooser(scope: scope, questions: questions, resolver: resolver)
        chooser.newLocations =
            run.create
            ? .create
            : !run.dryRun && isatty(STDIN_FILENO) == 1 && isatty(STDERR_FILENO) == 1 ? .ask : .explain
        let endpoints = try Action.endpoints(chooser, options: run)
        if Action.readOnly { return try await compare(scope, endpoints, run) }
        try requireScope(scope, in: endpoints.source)
        let rsync = try await Rsync.locate()
        let journal = Journal()
        if !run.dryRun { try journal.prepare() }
        let locks = run.dryRun ? [:] : try LocationLock.acquire(endpoints.destinations)
        var invocation = RsyncInvocation(
            source: endpoints.source, scope: scope, actionFilters: Action.filters,
            deleting: run.deletion != .never)
        invocation.actionOptions = Action.rsyncOptions(options)
        invocation.filesystems = .probe(source: endpoints.source, destinations: endpoints.destinations)
        let session = SyncSession(
            action: Action.name, rsync: rsync, invocation: invocation, scope: scope,
            source: endpoints.source, destinations: endpoints.destinations, options: run,
            questions: questions, overwrites: Action.overwrites, locks: locks)
        let outcome = await session.run()
        journal.record(outcome, action: Action.name, scope: scope, endpoints: endpoints, start: start)
        if let error = outcome.error { throw error }
    }

    /// A read-only run: one dry run per destination, both directions, reported; nothing is locked or changed.
    @MainActor
    private func compare(_ scope: Scope, _ endpoints: Endpoints, _ run: RunOptions) async throws(MicsyncError) {
        try requireScope(scope, inSourceOrAnyOf: endpoints)
        var comparison = Comparison(source: endpoints.source, scope: scope)
        comparison.rsyncOptions = Action.rsyncOptions(options)
        comparison.filters = Action.filters
        comparison.verbose = run.printsCommands
        let plans = try await comparison.plans(endpoints.destinations)
        let report = DifferenceReport(
            source: endpoints.source,
            byContent: comparison.rsyncOptions.contains("--checksum"),
            plans: Array(zip(endpoints.destinations, plans)))
        if run.json {
            report.writeJSON()
        } else {
            Pager.show(report.text(style: .standardOutput).components(separatedBy: "\n"))
        }
        let problems = zip(endpoints.destinations, plans).filter { !$0.1.problems.isEmpty }
        guard problems.isEmpty else {
            throw .rsync(
                "some files could not be compared:\n"
                    + problems.map { SyncSession.problem(at: $0.0, $0.1.problems) }.joined(separator: "\n"))
        }
        if report.differs { throw .differencesFound }
    }

    /// Every typed path must exist in the source, whichever location it was typed in.
    private func requireScope(_ scope: Scope, in source: Location) throws(MicsyncError) {
        let missing = scope.relativePaths.filter { !FileSystem.exists(source.path + "/" + $0) }
        guard missing.isEmpty else {
            let typed = scope.typedIn == source ? "" : " (typed in \(scope.typedIn.heading))"
            throw .notFound(
                "not found in the source, \(source.heading)\(typed):\n"
                    + missing.map { "  \(source.path)/\($0)" }.joined(separator: "\n"))
        }
    }

    /// A comparison needs each typed path on at least one side, or there is nothing to compare.
    private func requireScope(_ scope: Scope, inSourceOrAnyOf endpoints: Endpoints) throws(MicsyncError) {
        let locations = [endpoints.source] + endpoints.destinations
        let missing = scope.relativePaths.filter { path in
            !locations.contains { FileSystem.exists($0.path + "/" + path) }
        }
        guard missing.isEmpty else {
            let roles = Set(endpoints.destinations.map(\.role.rawValue)).sorted().joined(separator: " or ")
            throw .notFound(
                "not found in the \(endpoints.source.role.rawValue) nor in any accessible \(roles):\n"
                    + missing.map { "  \($0)" }.joined(separator: "\n"))
        }
    }
}
