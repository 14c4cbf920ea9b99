import Foundation
import MicsyncKit

/// Tells once when a BACKUP becomes overdue by its `remind`: a line on stdout, a desktop notification where
/// there is one, and a journal line always, which is also how it knows, across restarts, that this overdue
/// period was told already (a reminder since the BACKUP's last write). A disc absent within its period is
/// not overdue, so it is never mentioned.
@MainActor
struct OverdueReminders {
    let journal: Journal
    let terminal: Terminal

    /// Tells each BACKUP that is overdue and not yet told; returns when the next one becomes overdue.
    func remind(_ configurations: [Configuration], now: Date = Date()) -> Date? {
        guard configurations.contains(where: \.reminds) else { return nil }
        let entries = journal.entries(warningsTo: terminal)
        var next: Date?
        for configuration in configurations {
            for age in configuration.backupAges(journal: entries) {
                guard let due = age.dueBy else { continue }
                guard due <= now else {
                    next = min(next ?? due, due)
                    continue
                }
                if age.reminded(in: entries) { continue }
                let text =
                    "\(age.described(now: now)) of \"\(configuration.name)\" is overdue; plug it in and back it up"
                terminal.print(TimeWords.local(now).suffix(5) + " " + text)
                DesktopNotification.send(text)
                journal.append(age.reminder(of: configuration, at: now), warningsTo: terminal)
            }
        }
        return next
    }
}
