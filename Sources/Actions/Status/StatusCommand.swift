import ArgumentParser
import Foundation
import MicsyncCLI
import MicsyncKit

/// `micsync status [PATH…]`: is every location there, how full is it, when was each BACKUP last written?
public struct StatusCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show every location: accessible or not, free space, last backup, pending changes.",
        discussion: """
            For each configuration (or the one holding PATH): every WORKING and BACKUP location, whether it is \
            accessible now, the free space of its filesystem and, for each BACKUP, when a run last wrote into it \
            successfully (from the journal, $XDG_STATE_HOME/micsync/journal.jsonl; "never" when no run did), \
            "overdue" when that is longer ago than the configuration's "remind" (--strict: exit 3 then); what \
            the .micsync folder of each location of this machine holds (trash folders, half-copied files); and \
            per configuration when it backs up by itself (its "auto" key: when plugged in, every 1 d, or off), \
            when `micsync watch` last ran it and when it is next due. \
            With --changes, rsync dry runs (in parallel, changing nothing) count what a backup from the WORKING \
            would copy: new and modified items, and items found only in the BACKUP. With PATH, only that part \
            of the locations is compared.

            Examples:
              micsync status                     every configuration
              micsync status ~/docs --changes    is the backup of ~/docs current?
              micsync status --json              for scripts
              micsync status --strict            for a timer: exit 3 when a BACKUP is overdue
            """)

    @Argument(
        help: "Show only the configuration holding these paths (and compare only them with --changes).",
        completion: .file())
    var paths: [String] = []

    @OptionGroup var config: ConfigOptions

    @Flag(help: "Count the pending changes of each BACKUP with rsync dry runs.")
    var changes = false

    @Flag(help: "Print the status as one JSON document.")
    var json = false

    @Flag(help: "Fail (exit 3) when a BACKUP is overdue by its \"remind\": for timers and monitors.")
    var strict = false

    public init() {}

    public func run() async throws {
        let context = CommandContext.current
        let loaded = try config.selection.load()
        // With paths: the part of the configuration holding them; without: every chosen configuration whole.
        let scopes =
            paths.isEmpty
            ? try loaded.chosen().map { Scope.whole($0.working[0], of: $0) }
            : [try loaded.scope(paths, questions: context.run.questions)]
        let configurations = scopes.map(\.configuration)
        let journal = Journal(path: context.locations.state.journal).latest(
            writing: configurations.flatMap(\.locations).filter { $0.role == .backup }.map(\.path),
            automaticRunsOf: configurations.filter { !$0.auto.isOff }.map(\.name),
            warningsTo: context.terminal)
        let now = Date()
        var reports: [ConfigurationStatus] = []
        for scope in scopes {
            reports.append(
                try await ConfigurationStatus(
                    scope, locations: context.locations, journal: journal,
                    countingChanges: changes ? try await Rsync.locate(interruption: context.interruption) : nil,
                    now: now))
        }
        let document = StatusDocument(configFile: loaded.found.file, configurations: reports)
        let terminal = context.terminal
        // Piped, nothing is cut: a script or a file gets every path whole.
        let width = terminal.outputIsTerminal ? terminal.width : .max
        terminal.print(
            json ? document.jsonText() : StatusTable(document, style: terminal.style, width: width, now: now).text)
        if strict { try requireNoneOverdue(reports, now: now) }
    }

    /// `--strict`: an overdue BACKUP fails the command, each named.
    private func requireNoneOverdue(_ reports: [ConfigurationStatus], now: Date) throws(MicsyncError) {
        let overdue = reports.flatMap { report in
            report.locations.filter(\.overdue).compactMap(\.age).map { (report.name, $0) }
        }
        guard !overdue.isEmpty else { return }
        let named = overdue.map { name, age in "\(age.described(now: now)) of \"\(name)\"" }
        throw .notFound(
            "--strict: \(plural(overdue.count, "BACKUP is", "BACKUPs are")) overdue: "
                + named.joined(separator: ", ")
                + "; plug \(overdue.count == 1 ? "it" : "them") in and run `micsync backup`")
    }
}
