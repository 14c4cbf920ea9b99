import Foundation

/// One trash folder as a purge weighs it: its name (the run's start, in UTC), files and bytes.
public struct TrashFolderSize: Sendable {
    public let name: String
    public let files: Int
    public let bytes: Int64
}

/// What a purge of one location's trash would delete, worked out before anything is: the folders that go,
/// oldest first, and how many stay.
public struct RetentionPlan: Sendable {
    public let location: Location
    public let doomed: [TrashFolderSize]
    public let kept: Int
    /// Of those kept, how many only because they hold the last version of a file that exists nowhere.
    public let keptForDeleted: Int

    public var files: Int { doomed.reduce(0) { $0 + $1.files } }
    public var bytes: Int64 { doomed.reduce(0) { $0 + $1.bytes } }
}

/// Applies a keep policy to the trash of a configuration's locations (`trash purge`, and after each
/// successful run of a configuration with a `"keep"`). A trash folder is named after the start of the run
/// that filled it, in UTC, as the journal records that start: a folder counts as a successful run's unless
/// the journal holds a run into its location that started in that second and failed (a folder the journal
/// does not know, from another machine's run say, counts as any other).
public struct TrashRetention {
    let policy: KeepPolicy
    let configuration: Configuration
    let locations: LocationBook
    let journal: [JournalEntry]

    public init(policy: KeepPolicy, configuration: Configuration, locations: LocationBook, journal: [JournalEntry]) {
        self.policy = policy
        self.configuration = configuration
        self.locations = locations
        self.journal = journal
    }

    /// What purging `location` would delete: with no rule, every folder (older than `cutoff` when given);
    /// else those no rule keeps, but for the folder holding the newest trash version of each file that
    /// exists in no accessible location of the configuration any more (unless the policy prunes those too).
    public func plan(for location: Location, olderThan cutoff: Date? = nil) throws(MicsyncError) -> RetentionPlan {
        let names = locations.trashTimestamps(location)
        let files = try locations.versions(of: "", in: location, current: false)
        let folders = names.compactMap { name in
            Trash.date(of: name).map {
                KeepPolicy.Folder(name: name, date: $0, succeeded: succeeded(name, $0, location))
            }
        }
        let kept = policy.isEmpty ? [] : policy.kept(folders)
        var doomed = Set(
            folders.filter { folder in !kept.contains(folder.name) && cutoff.map { folder.date < $0 } ?? true }
                .map(\.name))
        var keptForDeleted = 0
        if !policy.isEmpty, !policy.pruneDeleted {
            let lastOfDeleted = lastVersionsOfDeletedFiles(files, doomed: doomed)
            keptForDeleted = lastOfDeleted.count
            doomed.subtract(lastOfDeleted)
        }
        let sizes = Dictionary(grouping: files, by: { $0.trash ?? "" })
        return RetentionPlan(
            location: location,
            doomed: names.filter(doomed.contains).map { name in
                let inside = sizes[name] ?? []
                return TrashFolderSize(name: name, files: inside.count, bytes: inside.reduce(0) { $0 + $1.size })
            }, kept: names.count - doomed.count, keptForDeleted: keptForDeleted)
    }

    /// Deletes what `plan` says goes (the caller holds the location's lock).
    public func purge(_ plan: RetentionPlan) throws(MicsyncError) {
        try locations.purgeTrash(plan.doomed.map(\.name), in: plan.location)
    }

    /// Whether the run that filled trash folder `name` of `location` succeeded, by the journal.
    private func succeeded(_ name: String, _ date: Date, _ location: Location) -> Bool {
        let second = Int(date.timeIntervalSince1970)
        return !journal.contains { entry in
            !entry.succeeded && Int(entry.start.timeIntervalSince1970) == second
                && entry.destinations.contains(location.path)
        }
    }

    /// Of the `doomed` folders, those holding the newest trash version of a file that no accessible
    /// location of the configuration holds now. A location that cannot be asked holds nothing here: the
    /// version stays.
    private func lastVersionsOfDeletedFiles(_ files: [FileVersion], doomed: Set<String>) -> Set<String> {
        let newest = Dictionary(grouping: files, by: \.path).compactMapValues { versions in
            versions.compactMap(\.trash).max()
        }.filter { doomed.contains($0.value) }
        var unseen = Set(newest.keys.map(RawPath.string))
        for location in configuration.locations where !unseen.isEmpty && locations.access(location).isAccessible {
            let missing = locations.missing(unseen.sorted(), in: location).map(Set.init) ?? unseen
            unseen.formIntersection(missing)
        }
        return Set(unseen.compactMap { newest[RawPath.bytes($0)] })
    }
}
