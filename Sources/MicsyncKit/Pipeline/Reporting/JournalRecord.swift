import Foundation

extension Journal {
    /// Journals one sync run from its outcome and returns its entry: a run that changed something, failed
    /// or succeeded gets a line, with why it failed and which destinations it left unwritten (one with nothing
    /// to do too: its BACKUPs are current, which their age counts from); a dry run that succeeded and a
    /// cancelled run (nothing changed) get none, unless it is automatic (`micsync watch` counts its next due
    /// time from its last run). A failed dry run's line says it was one.
    @discardableResult
    func record(
        _ outcome: SessionOutcome, action: String, scope: Scope, endpoints: Endpoints, start: Date,
        automatic: Bool, dryRun: Bool, warningsTo terminal: Terminal
    ) -> JournalEntry {
        var entry = JournalEntry(
            action: action, configuration: scope.configuration.name, source: endpoints.source.path,
            destinations: endpoints.destinations.map(\.path), paths: scope.relativePaths,
            start: start, end: Date(), exitCode: outcome.status.rawValue, automatic: automatic ? true : nil)
        if dryRun { entry.dryRun = true }
        entry.reason = outcome.error?.oneLine
        let skipped =
            outcome.destinations.compactMap { done in done.notWritten.map { "\(done.destination.path) (\($0))" } }
            + outcome.skipped.map { "\($0.location.path) (\($0.reason))" }
        if !skipped.isEmpty { entry.skipped = skipped }
        entry.copiedBytes = 0
        for destination in outcome.destinations {
            let report = destination.report
            entry.copied += report.copied
            entry.overwritten += report.overwritten
            entry.deleted += report.deleted
            entry.directoriesCreated += report.directoriesCreated
            entry.directoriesDeleted += report.directoriesDeleted
            entry.bytes += report.bytes
            entry.copiedBytes? += report.copiedBytes
        }
        let unstorable = outcome.cannotStore.flatMap { destination, items in
            items.map { "\(destination.heading): \($0.displayName) (\($0.reason))" }
        }
        if !unstorable.isEmpty { entry.cannotBeStored = unstorable }
        let changed =
            entry.copied + entry.overwritten + entry.deleted + entry.directoriesCreated
            + entry.directoriesDeleted > 0
        let succeeded = outcome.status == .success && !dryRun
        if automatic || changed || succeeded || ![.success, .cancelled].contains(outcome.status) {
            append(entry, warningsTo: terminal)
        }
        return entry
    }
}
