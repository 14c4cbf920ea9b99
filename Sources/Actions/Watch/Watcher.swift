import Foundation
import MicsyncKit

/// `micsync watch` itself: waits for a mount change or the next due time, and runs each configuration whose
/// trigger fired, one run at a time, never the same one twice at once. A run that fails waits for the next
/// trigger. A signal while it waits ends it at once (the front end's idle handler); a signal during a run
/// stops that run cleanly, and the watcher ends with it. A trigger that fires while the configuration file
/// cannot be read runs nothing (the file may be half-written): it is said and journaled, and the run is
/// done once the file reads again.
@MainActor
struct Watcher {
    let selection: ConfigSelection
    let terminal: Terminal
    let interruption: Interruption
    /// How long a new mount is left to settle before it is looked at.
    let settle: TimeInterval

    func run() async throws(MicsyncError) {
        let loaded = try selection.load()
        let chosen = try loaded.chosen().filter(\.isWatched)
        guard !chosen.isEmpty else {
            throw .usage(
                "no configuration in \(loaded.found.file) has an \"auto\" or \"remind\" key, so there is nothing "
                    + "to watch; add \"auto\": \"plugged\" (or an interval such as \"1d\") to a configuration")
        }
        let book = LocationBook()
        defer { book.close() }
        try book.check()
        let lock = try WatchLock.acquire(in: book.state)
        defer { withExtendedLifetime(lock) {} }
        let mounts = try MountChanges()
        let journal = Journal(path: book.state.journal)
        let entries = journal.entries(warningsTo: terminal)
        var watched = chosen.map { ScheduledConfiguration($0, journal: entries, book: book) }
        for configuration in watched { terminal.note(configuration.configuration.watchedSummary) }
        let reminders = OverdueReminders(journal: journal, terminal: terminal)
        terminal.note("micsync watch: watching (\(loaded.found.file)); stop with Ctrl-C or SIGTERM")
        var reading = ConfigReading()
        // The configurations whose run a trigger called for while the file could not be read.
        var missed = Set<String>()
        // Whether it looked at the mounts or ran something since it last said it waits.
        var looked = true
        while true {
            reading.refresh(&watched, selection: selection, terminal: terminal, afterMountChange: false)
            let now = Date()
            for index in watched.indices
            where watched[index].nextDue(now: now).map({ $0 <= now }) == true
                || (reading.problem == nil && missed.contains(watched[index].configuration.name))
            {
                try await run(&watched[index], configFile: loaded.found.file, reading, journal, &missed)
                looked = true
            }
            if reading.problem == nil { missed = [] }
            let nextOverdue = reminders.remind(watched.map(\.configuration))
            if looked { sayWaiting(watched) }
            looked = false
            // Woken once a minute at the latest, so that an edited configuration counts within a minute; every
            // two seconds while a missed run waits for the file to be fixed.
            let check = Date() + (missed.isEmpty ? 60 : 2)
            let wake = (watched.compactMap { $0.nextDue(now: Date()) } + [nextOverdue, check].compactMap { $0 }).min()!
            guard mounts.wait(wake.timeIntervalSinceNow) else { continue }
            mounts.settle(settle)
            reading.refresh(&watched, selection: selection, terminal: terminal, afterMountChange: true)
            let book = LocationBook()
            defer { book.close() }
            for index in watched.indices where watched[index].pluggedIn(book) {
                try await run(&watched[index], configFile: loaded.found.file, reading, journal, &missed)
            }
            looked = true
        }
    }

    /// `micsync watch: waiting; next: docs at 2026-12-04 23:05, or when a BACKUP is plugged in`: what comes
    /// next, each time it goes back to waiting after a look (-q keeps it quiet). Whatever it has not done by
    /// then, it does not do for what it looked at.
    private func sayWaiting(_ watched: [ScheduledConfiguration]) {
        let now = Date()
        let due = watched.compactMap { watched in watched.nextDue(now: now).map { (watched.configuration.name, $0) } }
            .min { $0.1 < $1.1 }
        let plugged = watched.contains { $0.schedule.plugged } ? "when a BACKUP is plugged in" : nil
        let next = [due.map { "\($0.0) at \(TimeWords.local($0.1))" }, plugged].compactMap { $0 }
        terminal.notice(
            "micsync watch: waiting; next: "
                + (next.isEmpty
                    ? "nothing, until a configuration has an \"auto\" key" : next.joined(separator: ", or ")))
    }

    /// The run a trigger called for: done, or, while the configuration file cannot be read, said, journaled
    /// (exit 2, with why) and kept in `missed` for when it reads again.
    private func run(
        _ watched: inout ScheduledConfiguration, configFile: String, _ reading: ConfigReading, _ journal: Journal,
        _ missed: inout Set<String>
    ) async throws(MicsyncError) {
        guard let problem = reading.problem else { return try await runAll(&watched, configFile: configFile) }
        let start = Date()
        let error = MicsyncError(.usage, "\(problem); it runs once the file is fixed")
        for working in watched.configuration.working {
            let line = RunLine(
                configuration: watched.configuration, working: working, started: start, result: .failure(error))
            terminal.print(line.text)
            journal.append(
                .automaticRunNotStarted(watched.configuration, from: working, at: start, because: error),
                warningsTo: terminal)
        }
        watched.tried(at: start, succeeded: false)
        missed.insert(watched.configuration.name)
    }

    /// `backup -m` of each WORKING of the configuration; throws only when a signal stopped a run.
    private func runAll(_ watched: inout ScheduledConfiguration, configFile: String) async throws(MicsyncError) {
        let start = Date()
        var succeeded = true
        for working in watched.configuration.working {
            let run = AutomaticRun(
                configuration: watched.configuration, configFile: configFile, working: working,
                terminal: terminal, interruption: interruption)
            if !(await run.run()) { succeeded = false }
            if let signal = interruption.receivedSignal { throw Interruption.error(for: signal) }
        }
        watched.tried(at: start, succeeded: succeeded)
    }
}

/// The configuration file, read anew before each look: an edit, or a symlinked location that now points
/// elsewhere, counts from then on. A file that cannot be read keeps the configurations as they were, saying
/// why once.
private struct ConfigReading {
    /// Why the file cannot be read now; nil when it can.
    private(set) var problem: String?

    mutating func refresh(
        _ watched: inout [ScheduledConfiguration], selection: ConfigSelection, terminal: Terminal,
        afterMountChange: Bool
    ) {
        let chosen: [Configuration]
        do throws(MicsyncError) {
            chosen = try selection.load().chosen().filter(\.isWatched)
        } catch {
            if problem != error.message { terminal.error(error.message + "; watching as before") }
            problem = error.message
            return
        }
        problem = nil
        let book = LocationBook()
        defer { book.close() }
        var journal: [JournalEntry]?
        watched = chosen.map { configuration in
            guard var known = watched.first(where: { $0.configuration.name == configuration.name }) else {
                terminal.note(configuration.watchedSummary)
                journal = journal ?? Journal(path: book.state.journal).entries(warningsTo: terminal)
                return ScheduledConfiguration(configuration, journal: journal ?? [], book: book)
            }
            known.update(configuration, baseline: afterMountChange ? nil : book)
            return known
        }
    }
}

extension Configuration {
    /// Whether watch has anything to do for it: back up by itself, or remind of an overdue BACKUP.
    var isWatched: Bool { !auto.isOff || reminds }

    /// `micsync watch: docs: backs up when plugged in; reminds of an overdue BACKUP`: what watch does for it.
    var watchedSummary: String {
        "micsync watch: \(name): backs up \(auto == .off ? "only when told" : auto.description)"
            + (reminds ? "; reminds of an overdue BACKUP" : "")
    }
}
