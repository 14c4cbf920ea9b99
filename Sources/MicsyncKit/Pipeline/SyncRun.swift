/// What every action does with its typed paths: resolve the scope → choose the locations → run the sync
/// (`SyncRunner`), or, for a read-only action, compare and report (`ReadOnlyRun`). The action only chooses
/// the locations and adds its rsync options.
@MainActor
public struct SyncRun<Action: SyncAction> {
    let options: Action.Options
    let paths: [String]
    let context: RunContext

    public init(options: Action.Options, paths: [String], context: RunContext) {
        self.options = options
        self.paths = paths
        self.context = context
    }

    /// Returns what a writing run did, as journaled (nil for a read-only action, or for several runs).
    @discardableResult
    public func execute() async throws(MicsyncError) -> JournalEntry? {
        let run = options.run
        var context = context
        context.terminal.quiet = run.quiet
        // What micsync remembers about the locations must be readable before any of them is judged.
        try context.locations.check()
        let scopes = try run.config.load().scopes(
            paths, wholeSetup: Action.wholeSetupWithoutPaths, questions: context.questions)
        guard scopes.count > 1 else { return try await execute(scopes[0], context: context) }
        if run.json { throw .usage("--json prints the plan of one run: give the paths of one configuration") }
        try await SeveralRuns(scopes: scopes, terminal: context.terminal).run { scope throws(MicsyncError) in
            try await execute(scope, context: context)
        }
        return nil
    }

    private func execute(_ scope: Scope, context: RunContext) async throws(MicsyncError) -> JournalEntry? {
        let run = options.run
        context.locations.prefetch(scope.configuration.locations)
        var chooser = LocationChooser(
            scope: scope, questions: context.questions, resolver: PathResolver(base: FileSystem.currentDirectory),
            locations: context.locations)
        // An automatic run never makes a location: nobody saw where it would land.
        chooser.newLocations =
            run.dryRun
            ? (run.create ? .pretend : .explain)
            : run.automatic ? .explain : run.create ? .create : context.terminal.isInteractive ? .ask : .explain
        let endpoints = try Action.endpoints(chooser, options: options)
        if Action.readOnly {
            try await ReadOnlyRun(
                scope: scope, endpoints: endpoints, rsyncOptions: Action.rsyncOptions(options),
                filters: Action.filters, context: context
            ).compare(run)
            return nil
        }
        try scope.require(in: endpoints.source, locations: context.locations)
        var request = SyncRequest(action: Action.name, scope: scope, endpoints: endpoints, options: run)
        request.filters = Action.filters
        request.rsyncOptions = Action.rsyncOptions(options)
        request.overwrites = Action.overwrites
        return try await SyncRunner(context: context).run(request)
    }
}

extension Scope {
    /// Every typed path must exist in the source, whichever location it was typed in.
    func require(in source: Location, locations: LocationBook) throws(MicsyncError) {
        // A host that does not answer lacks nothing here: rsync then says what it could not reach.
        let missing = locations.missing(relativePaths, in: source) ?? []
        guard missing.isEmpty else {
            let typed = typedIn == source ? "" : " (typed in \(typedIn.heading))"
            throw .notFound(
                "not found in the source, \(source.heading)\(typed):\n"
                    + missing.map { "  \(source.path)/\($0)" }.joined(separator: "\n"))
        }
    }
}
