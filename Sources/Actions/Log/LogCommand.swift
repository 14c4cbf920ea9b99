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
            the action, its source → destinations, what rsync did, and the exit status.

            Examples:
              micsync log             every run, newest first
              micsync log -n 5        the last five runs
              micsync log --json      for scripts (times in UTC, ISO 8601)
            """)

    @Option(name: [.customShort("n"), .customLong("count")], help: "Show only the newest N runs.")
    var count: Int?

    @Flag(help: "Print the runs as one JSON array, newest first.")
    var json = false

    public init() {}

    public func validate() throws {
        if let count, count < 0 { throw ValidationError("-n takes a number of runs, 0 or more") }
    }

    public func run() throws {
        let terminal = CommandContext.current.terminal
        let entries = Array(Journal().entries(warningsTo: terminal).reversed().prefix(count ?? .max))
        if json { return terminal.print(entries.jsonText()) }
        guard !entries.isEmpty else { return terminal.note("no run journaled yet") }
        entries.map { LogLine($0).text(width: terminal.width) }.forEach(terminal.print)
    }
}
