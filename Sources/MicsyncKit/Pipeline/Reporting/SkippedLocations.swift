/// The locations a run could have written but skipped (unplugged, never created, another disc), named again
/// at the very end, where they can't scroll away behind a long plan: `not written: BACKUP /media/disc2 (not
/// mounted?)`. With `--strict` they make the run fail (exit 3), for timers that must know a BACKUP was missed.
@MainActor
struct SkippedLocations {
    let job: SyncJob

    /// The configuration's locations of the destinations' role that are neither in the run nor accessible;
    /// none when `--to` chose the destinations: a location the user did not select was not skipped.
    var locations: [(location: Location, reason: String)] {
        guard !job.destinationsChosen else { return [] }
        let roles = Set(job.destinations.map(\.role))
        return job.scope.configuration.locations.compactMap { location in
            guard roles.contains(location.role), location != job.source, !job.destinations.contains(location)
            else { return nil }
            let access = job.context.locations.access(location)
            return access.isAccessible ? nil : (location, access.reason)
        }
    }

    /// Says each one on stderr (not in a JSON run: the document lists them); returns them.
    func say() -> [(location: Location, reason: String)] {
        let skipped = locations
        if !job.options.json {
            for (location, reason) in skipped { job.terminal.note("not written: \(location.heading) (\(reason))") }
        }
        return skipped
    }

    /// With `--strict`, any skipped location fails the run.
    func requireNone(_ count: Int) throws(MicsyncError) {
        guard job.options.strict, count > 0 else { return }
        throw .notFound(
            "--strict: \(plural(count, "location was", "locations were")) not written; "
                + "plug in or create \(count == 1 ? "it" : "them"), or run without --strict")
    }
}
