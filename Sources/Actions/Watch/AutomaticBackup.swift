import Foundation
import MicsyncCLI
import MicsyncKit

/// What an automatic run is: `backup -m` of one WORKING, as typed, through the same `SyncRun` as every
/// typed run (scope, identity, locks, guards, trash, journal). It never deletes and never asks.
enum AutomaticBackup: SyncAction {
    struct Options: ActionOptions {
        var run: RunOptions
    }

    static let name = "backup"
    static let direction: Direction = .workingToBackup
    static let summary = "backup -m, started by micsync watch"
    static let discussion = ""
}

/// One automatic run of a configuration from one of its WORKINGs, and its one line on stdout.
@MainActor
struct AutomaticRun {
    let configuration: Configuration
    let configFile: String
    let working: Location
    /// The watcher's terminal: its stdout gets the run's one line.
    let terminal: Terminal
    let interruption: Interruption

    /// Runs it and prints its line; returns whether it succeeded. A run that fails is not tried again: the
    /// next trigger runs it anew.
    func run() async -> Bool {
        var options = RunOptions()
        options.modify = true
        options.quiet = true
        options.progress = false
        options.automatic = true
        options.config = ConfigSelection(file: configFile, configurationName: configuration.name)
        // A fresh book each run: what micsync remembers (a disc adopted meanwhile) is read anew; its shared ssh
        // connections end with the run.
        let locations = LocationBook()
        defer { locations.close() }
        let context = RunContext(
            terminal: Terminal(sink: MessagesOnly(), quiet: true, width: terminal.width), answers: NoAnswers(),
            interruption: interruption, locations: locations)
        let started = Date()
        let result: Result<JournalEntry?, MicsyncError>
        do throws(MicsyncError) {
            result = .success(
                try await SyncRun<AutomaticBackup>(
                    options: AutomaticBackup.Options(run: options), paths: [working.path], context: context
                ).execute())
        } catch {
            result = .failure(error)
        }
        let line = RunLine(configuration: configuration, working: working, started: started, result: result)
        terminal.print(line.text)
        DesktopNotification.send(line.notification)
        if case .failure = result { return false }
        return true
    }
}

/// The run's own lists and summary stay unprinted (the watcher prints one line per run); its notes and
/// warnings go to stderr as in any run.
private struct MessagesOnly: ConsoleSink {
    func write(_ text: String, to stream: ConsoleStream) -> Int32? {
        stream == .messages ? StandardStreams().write(text, to: .messages) : nil
    }
}

/// Nobody answers: a question (which `backup -m` never asks) cancels the run, nothing changed.
private struct NoAnswers: AnswerSource {
    func nextAnswer() -> String? { nil }
}
