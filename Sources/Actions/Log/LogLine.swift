import MicsyncKit

/// One run as `micsync log` shows it:
/// `2026-12-04 23:05  backup  /home/me/docs → /media/disc  3 copied (1.2 KB), 0 overwritten, 0 deleted  exit 0`,
/// `backup (auto)` for a run `micsync watch` started.
struct LogLine {
    let entry: JournalEntry

    init(_ entry: JournalEntry) {
        self.entry = entry
    }

    /// The line, its locations shortened in the middle when it would not fit `width`.
    func text(width: Int) -> String {
        let counts = entry.counts
        // An automatic run (`micsync watch`) says so after its action.
        let action = entry.automatic == true ? entry.action + " (auto)" : entry.action
        let fixed = [TimeWords.local(entry.start), action, counts, "exit \(entry.exitCode)"]
        let locations = "\(entry.source) → \(entry.destinations.joined(separator: ", "))"
        let room = width - fixed.reduce(0) { $0 + $1.count } - 2 * fixed.count
        let shown = MiddleElision.elided(locations, to: max(room, 30))
        return [fixed[0], fixed[1], shown, fixed[2], fixed[3]].joined(separator: "  ")
    }
}
