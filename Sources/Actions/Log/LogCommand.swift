import ArgumentParser
import MicsyncCLI
import MicsyncKit

/// `micsync log`: the journal, one line per run, newest first (as `git log` and `restic snapshots` show theirs).
public struct LogCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Show the journal: one line per run, newest first.",
        discussion: """
            Every run that changed something or failed, and every automatic run (`micsync watch`, shown as \
            "backup (auto)"), is journaled in $XDG_STATE_HOME/micsync/journal.jsonl \
            (default ~/.local/state/micsync/journal.jsonl). Each line shows when the run started (local time), \
            the action, its configuration, source → every destination, what rsync did, the destinations it left \
            unwritten and why, and the exit status with a failure's reason. On a terminal a long line is wrapped \
            at its width; piped, each run is one line. Nothing is ever cut. The journal is read from its end, \
            so that -n and `| head` stay quick however long it is. In --json, "reason", "skipped" and "dryRun" \
            are there only when the run failed, left a destination out, or was a dry run.

            Examples:
              micsync log             every run, newest first
              micsync log -n 5        the last five runs
              micsync log --json      for scripts (times in UTC, ISO 8601)
            """)

    @Option(name: [.customShort("n"), .customLong("count")], help: "Show only the newest N runs (0: none).")
    var count: Int?

    @Flag(help: "Print the runs as one JSON array, newest first.")
    var json = false

    public init() {}

    public func validate() throws {
        if let count, count < 0 { throw ValidationError("-n takes a number of runs, 0 or more") }
    }

    public func run() throws {
        let terminal = CommandContext.current.terminal
        let wanted = count ?? .max
        // Piped output is never wrapped: one line per run, for grep and scripts.
        let width = terminal.outputIsTerminal ? terminal.width : nil
        var shown = 0
        if json { terminal.write("[") }
        // Read from the journal's end and printed as read: a reader gone (`| head -1`) ends the reading.
        if wanted > 0 {
            Journal().newestFirst(warningsTo: terminal) { entry in
                if json {
                    let indented = entry.jsonText().split(separator: "\n").map { "  " + $0 }.joined(separator: "\n")
                    terminal.write((shown == 0 ? "\n" : ",\n") + indented)
                } else {
                    terminal.print(LogLine(entry).text(width: width))
                }
                shown += 1
                return shown < wanted && terminal.outputFailure == nil
            }
        }
        if json { return terminal.print(shown == 0 ? "]" : "\n]") }
        if shown == 0, wanted > 0 { terminal.note("no run journaled yet") }
    }
}
