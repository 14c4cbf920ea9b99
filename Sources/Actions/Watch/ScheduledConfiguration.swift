import Foundation
import MicsyncKit

/// One configuration with an `auto` key, as the watcher follows it: which of its BACKUPs were plugged in
/// (accessible, on which device) when it last looked, and when it last ran by itself and last tried to.
struct ScheduledConfiguration {
    /// A BACKUP as last seen: accessible or not, and the device its folder is on.
    struct Seen: Equatable {
        let accessible: Bool
        let device: UInt?
    }

    private(set) var configuration: Configuration
    private var seen: [String: Seen] = [:]
    /// The start of its last automatic run that succeeded (from the journal, then this watcher's).
    private var lastBackedUp: Date?
    /// The start of this watcher's last try, whatever came of it: the interval counts from it, so that a
    /// run that fails waits for its next turn.
    private var lastTried: Date?

    init(_ configuration: Configuration, journal: [JournalEntry], book: LocationBook) {
        self.configuration = configuration
        lastBackedUp = Journal.lastAutomaticSuccess(of: configuration.name, in: journal)
        _ = pluggedIn(book)
    }

    var schedule: AutoSchedule { configuration.auto }

    /// The configuration as the file says it now (its schedule edited, a symlink pointing elsewhere). Away
    /// from a mount change (`baseline`), a BACKUP path not seen before is taken as it is now, so that only a
    /// change at a mount is a trigger; right after one, it is left for `pluggedIn` to judge.
    mutating func update(_ configuration: Configuration, baseline book: LocationBook?) {
        self.configuration = configuration
        guard let book else { return }
        for backup in configuration.backups where seen[backup.path] == nil {
            seen[backup.path] = Self.seen(backup, book)
        }
    }

    /// When its interval next comes round: at once when it never ran; nil without an interval.
    func nextDue(now: Date) -> Date? {
        schedule.nextDue(after: [lastBackedUp, lastTried].compactMap { $0 }.max(), now: now)
    }

    mutating func tried(at start: Date, succeeded: Bool) {
        lastTried = start
        if succeeded { lastBackedUp = start }
    }

    /// Whether a mount change calls for a run: a BACKUP became accessible (a disc plugged in, or another
    /// accessible disc now at its path) and the configuration backs up when plugged in, or its interval
    /// is overdue (a disc that was away when the time came). Remembers what it saw.
    mutating func pluggedIn(_ book: LocationBook, now: Date = Date()) -> Bool {
        var plugged = false
        for backup in configuration.backups {
            let current = Self.seen(backup, book)
            if current.accessible, seen[backup.path] != current { plugged = true }
            seen[backup.path] = current
        }
        let overdue = schedule.nextDue(after: lastBackedUp, now: now).map { $0 <= now } == true
        return plugged && (schedule.plugged || overdue)
    }

    /// A BACKUP on another host is plugged in or not there, never here: only a local one has a device here.
    private static func seen(_ backup: Location, _ book: LocationBook) -> Seen {
        Seen(accessible: book.access(backup).isAccessible, device: backup.local.flatMap(FileSystem.device))
    }
}
