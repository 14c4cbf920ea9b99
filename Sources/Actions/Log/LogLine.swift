import MicsyncKit

/// One run as `micsync log` shows it: when, the action, the configuration with its source → every
/// destination, what rsync did, the destinations left unwritten, and the exit status with a failure's reason:
/// `2026-12-04 23:05  backup  main: /home/me/docs → /media/disc  3 copied (1.2 KB), 0 overwritten, 0 deleted  exit 0`.
/// `backup (auto)` for a run `micsync watch` started, `backup (dry run)` for a failed `-n`.
struct LogLine {
    let entry: JournalEntry

    init(_ entry: JournalEntry) {
        self.entry = entry
    }

    /// The line whole, wrapped between words at `width` (under the action) on a terminal, on one line when
    /// `width` is nil (piped): nothing is ever cut. What the journal holds is shown escaped: a line there may
    /// have been written by anyone.
    func text(width: Int?) -> String {
        let kind = entry.automatic == true ? " (auto)" : entry.dryRun == true ? " (dry run)" : ""
        let locations =
            DisplayName.readable(entry.configuration) + ": " + DisplayName.readable(entry.source) + " → "
            + entry.destinations.map(DisplayName.readable).joined(separator: ", ")
        let skipped = entry.skipped.map { "not written: " + $0.map(DisplayName.readable).joined(separator: ", ") }
        let exit = "exit \(entry.exitCode)" + (entry.reason.map { ": " + DisplayName.readable($0) } ?? "")
        let line =
            [TimeWords.local(entry.start), DisplayName.readable(entry.action) + kind, locations, entry.counts]
            + (skipped.map { [$0] } ?? []) + [exit]
        let text = line.joined(separator: "  ")
        return width.map { WordWrap.wrapped(text, width: $0, hanging: true) } ?? text
    }
}
