/// A read-only action's run (diff, verify): one dry run per destination, both directions, reported; nothing
/// is locked or changed. It exits with `differencesFound` when something differs.
@MainActor
struct ReadOnlyRun {
    let scope: Scope
    let endpoints: Endpoints
    let rsyncOptions: [String]
    let filters: [String]
    let context: RunContext

    func compare(_ run: RunOptions) async throws(MicsyncError) {
        try requireScope()
        var comparison = Comparison(source: endpoints.source, scope: scope, locations: context.locations)
        comparison.rsyncOptions = rsyncOptions
        comparison.filters = filters
        let rsync = try await Rsync.locate(interruption: context.interruption)
        let plans = try await comparison.plans(
            endpoints.destinations, rsync: rsync,
            printingTo: run.printsCommands ? context.terminal.besideDocument(run.json) : nil)
        let report = DifferenceReport(
            source: endpoints.source, byContent: rsyncOptions.contains("--checksum"),
            plans: Array(zip(endpoints.destinations, plans)), locations: context.locations)
        if run.json {
            report.writeJSON(to: context.terminal)
        } else {
            try Pager(terminal: context.terminal, interruption: context.interruption)
                .show(report.text(style: context.terminal.style).components(separatedBy: "\n"))
        }
        let problems = zip(endpoints.destinations, plans).filter { !$0.1.problems.isEmpty }
        guard problems.isEmpty else {
            throw .rsync(
                "some files could not be compared:\n"
                    + problems.map { RsyncProblem.at($0.0, $0.1.problems) }.joined(separator: "\n"))
        }
        if report.differs { throw .differencesFound }
    }

    /// A comparison needs each typed path on at least one side, or there is nothing to compare.
    private func requireScope() throws(MicsyncError) {
        let locations = [endpoints.source] + endpoints.destinations
        // A host that does not answer lacks nothing here: rsync then says what it could not reach.
        let lacking = locations.map { Set(context.locations.missing(scope.relativePaths, in: $0) ?? []) }
        let missing = scope.relativePaths.filter { path in lacking.allSatisfy { $0.contains(path) } }
        guard missing.isEmpty else {
            let roles = Set(endpoints.destinations.map(\.role.rawValue)).sorted().joined(separator: " or ")
            throw .notFound(
                "not found in the \(endpoints.source.role.rawValue) nor in any accessible \(roles):\n"
                    + missing.map { "  \($0)" }.joined(separator: "\n"))
        }
    }
}
