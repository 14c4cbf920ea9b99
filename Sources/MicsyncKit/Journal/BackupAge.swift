import Foundation

/// How old a BACKUP is (the end of the last successful run that wrote it, from the journal) and whether
/// it is overdue by its configuration's `remind`. Whether the disc is plugged in does not count: an absent
/// disc within its period is not overdue, one absent for longer is.
public struct BackupAge: Sendable {
    public let backup: Location
    /// nil: never written.
    public let lastWritten: Date?
    /// How old it may get; nil: no limit.
    public let remind: Interval?

    public init(_ backup: Location, of configuration: Configuration, journal: [JournalEntry]) {
        self.backup = backup
        lastWritten = Journal.lastSuccess(into: backup.path, in: journal)
        remind = configuration.remind(backup)
    }

    /// When it becomes overdue: its last write plus `remind`, at once when never written; nil without `remind`.
    public var dueBy: Date? {
        remind.map { remind in lastWritten.map { $0 + remind.timeInterval } ?? .distantPast }
    }

    public func isOverdue(now: Date) -> Bool { dueBy.map { $0 <= now } ?? false }

    /// `BACKUP /media/disc (last written 10 days ago; remind after 1 w)`: how a reminder names it.
    public func described(now: Date) -> String {
        let last = lastWritten.map { "last written \(TimeWords.ago($0, now: now))" } ?? "never written"
        return "\(backup.heading) (\(last)\(remind.map { "; remind after \($0)" } ?? ""))"
    }
}

extension Configuration {
    /// `after 1 w`, `BACKUP 0 after 1 w, BACKUP 1 never` or `never`: how old its BACKUPs may get, as
    /// `config show` says it.
    public var remindSummary: String {
        let each = backups.map { remind($0).map { "after \($0)" } ?? "never" }
        guard Set(each).count > 1 else { return each.first ?? "never" }
        return zip(backups, each).map { "BACKUP \($0.index) \($1)" }.joined(separator: ", ")
    }

    /// Each BACKUP's age, from `journal`.
    public func backupAges(journal: [JournalEntry]) -> [BackupAge] {
        backups.map { BackupAge($0, of: self, journal: journal) }
    }
}

extension BackupAge {
    /// The action of the journal line that says a BACKUP became overdue (`micsync watch`'s reminder).
    public static let reminderAction = "overdue"

    /// Whether `journal` already holds a reminder for this overdue period: one since its last write.
    public func reminded(in journal: [JournalEntry]) -> Bool {
        journal.contains { entry in
            entry.action == Self.reminderAction && entry.destinations.contains(backup.path)
                && lastWritten.map { entry.end > $0 } ?? true
        }
    }

    /// The journal line of its reminder: no run (exit 3, as `status --strict` says it), from the
    /// configuration's first WORKING to it, at `now`.
    public func reminder(of configuration: Configuration, at now: Date) -> JournalEntry {
        JournalEntry(
            action: Self.reminderAction, configuration: configuration.name,
            source: configuration.working.first?.path ?? "", destinations: [backup.path], paths: [], start: now,
            end: now, exitCode: ExitStatus.notFound.rawValue)
    }
}
