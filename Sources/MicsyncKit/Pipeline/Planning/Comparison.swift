/// A read-only comparison of a source with destinations over a scope (read-only actions, status --changes):
/// the planner's dry runs with `--delete`, so each plan holds both directions. Nothing is ever changed.
public struct Comparison: Sendable {
    public let source: Location
    public let scope: Scope
    /// What the run knows about its locations: their filesystems' profiles.
    let locations: LocationBook
    /// Added to every dry run, e.g. `--checksum` to compare content instead of size and modification time.
    public var rsyncOptions: [String] = []
    /// rsync filter rules of the comparing action.
    var filters: [String] = []

    public init(source: Location, scope: Scope, locations: LocationBook) {
        self.source = source
        self.scope = scope
        self.locations = locations
    }

    /// One plan per destination: `new` is only in the source, `modified` differs, `deleted` is only in the
    /// destination. A typed path missing from the source counts as "only in the destination".
    /// With `printingTo`, each dry run's command is printed there first (-v).
    public func plans(_ destinations: [Location], rsync: Rsync, printingTo terminal: Terminal? = nil)
        async throws(MicsyncError) -> [Plan]
    {
        var invocation = RsyncInvocation(
            source: source, destinations: destinations, scope: scope, actionFilters: filters, deleting: true,
            locations: locations, probing: false)
        invocation.planOptions = ["--delete-missing-args"] + rsyncOptions
        return try await Planner(rsync: rsync, invocation: invocation, locations: locations, printingTo: terminal)
            .plan(destinations)
    }
}

extension Scope {
    /// The whole of `location`, as a run given the location's root would touch.
    public static func whole(_ location: Location, of configuration: Configuration) -> Scope {
        Scope(configuration: configuration, typedIn: location, relativePaths: [""])
    }
}
