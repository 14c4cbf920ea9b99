import Foundation

/// Collects what one sync run did, destination by destination, and journals it when the run ends:
/// a run that changed something or failed gets a line; a dry run, a run with nothing to do and a
/// cancelled run (nothing changed) get none.
final class RunRecorder {
    private var entry: JournalEntry
    private let journal: Journal

    init(action: String, scope: Scope, endpoints: Endpoints, journal: Journal = Journal()) {
        self.journal = journal
        entry = JournalEntry(action: action, configuration: scope.configuration.name, source: endpoints.source.path,
                             destinations: endpoints.destinations.map(\.path), paths: scope.relativePaths,
                             start: Date(), end: Date(), exitCode: 0)
    }

    func add(_ report: ApplyReport) {
        entry.copied += report.copied
        entry.overwritten += report.overwritten
        entry.deleted += report.deleted
        entry.directoriesCreated += report.directoriesCreated
        entry.directoriesDeleted += report.directoriesDeleted
        entry.bytes += report.bytes
        if !report.unstorable.isEmpty { entry.cannotBeStored = (entry.cannotBeStored ?? []) + report.unstorable }
    }

    func finish(_ status: ExitStatus) {
        entry.end = Date()
        entry.exitCode = status.rawValue
        let changed = entry.copied + entry.overwritten + entry.deleted + entry.directoriesCreated
            + entry.directoriesDeleted > 0
        guard changed || ![.success, .cancelled].contains(status) else { return }
        journal.append(entry)
    }
}
