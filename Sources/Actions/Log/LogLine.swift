import MicsyncKit

/// One run as `micsync log` shows it:
/// `2026-12-04 23:05  backup  /home/me/docs → /media/disc  3 copied (1.2 KB), 0 overwritten, 0 deleted  exit 0`,
/// `backup (auto)` for a run `micsync watch` started.
struct LogLine {
    let entry: JournalEntry

    init(_ entry: JournalEntry) {
        self.entry = entry
    }

    /// The line, its locations shortened in the middle when it would not fit `width`. What the journal holds
    /// is shown escaped: a line there may have been written by anyone.
    func text(width: Int) -> String {
        let counts = entry.counts
        // An automatic run (`micsync watch`) says so after its action.
        let action = DisplayName.readable(entry.action) + (entry.automatic == true ? " (auto)" : "")
        let fixed = [TimeWords.local(entry.start), action, counts, "exit \(entry.exitCode)"]
        let locations =
            DisplayName.readable(entry.source) + " → "
            + entry.destinations.map(DisplayName.readable).joined(separator: ", ")
        let room = width - fixed.reduce(0) { $0 + $1.count } - 2 * fixed.count
        let shown = MiddleElision.elided(locations, to: max(room, 30))
        return [fixed[0], fixed[1], shown, fixed[2], fixed[3]].joined(separator: "  ")
    }
}
