import ArgumentParser
import Foundation
import MicsyncCLI
import MicsyncKit

/// `micsync watch`: backs up by itself, as each configuration's `auto` key says: when one of its BACKUPs is
/// plugged in, and every interval.
public struct WatchCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Back up by itself: when a known disc is plugged in, and on a schedule (the \"auto\" key).",
        discussion: """
            Runs in the foreground (a terminal, or a systemd user service) and does, for each configuration \
            with an "auto" key, what `micsync backup -m` of each of its WORKINGs does, with every guard: when \
            one of its BACKUPs is plugged in ("auto": "plugged") and every interval ("auto": "1d"; both: \
            ["plugged", "1d"]). A disc counts as plugged in only when it carries micsync's marker at the \
            configured path: a bare mount point, another disc or a re-pointed symlink is never written. An \
            automatic run never deletes and never asks; what it overwrites goes to the trash. Each run prints \
            one line, is journaled (`micsync log`), and shows a desktop notification where there is one; a run \
            that fails waits for the next trigger. Each time watch goes back to waiting (at its start, after a \
            mount change and after runs), it says on stderr what comes next (-q: not). SIGTERM or Ctrl-C ends watch after the run in progress has \
            stopped cleanly. One watcher runs per user; an edit of the configuration counts within a minute.

            Examples:
              micsync watch                    watch in this terminal
              micsync watch --install          run it as a systemd user service, from now on and at every login
              micsync watch --install --no-start   only write ~/.config/systemd/user/micsync-watch.service
              micsync watch --uninstall        stop the service and remove it
              micsync status                   each configuration's schedule, last automatic run, next one due
            """)

    @OptionGroup var config: ConfigOptions

    @Flag(help: "Install a systemd user service that runs `micsync watch`, enable it and start it.")
    var install = false

    @Flag(help: "Stop the systemd user service and remove it.")
    var uninstall = false

    @Flag(help: "With --install: only write the service file; enable and start nothing.")
    var noStart = false

    @Option(
        help: ArgumentHelp(
            "How long a new mount is left to settle before watch looks at it (a disc mounting several partitions, "
                + "a desktop mounting and remounting).", valueName: "seconds"))
    var settle: TimeInterval = Self.defaultSettle

    @Flag(
        name: [.customShort("q"), .customLong("quiet")],
        help: "Print each run's line and what goes wrong, but not each time watch goes back to waiting.")
    var quiet = false

    public init() {}

    public func validate() throws {
        if install && uninstall { throw ValidationError("--install and --uninstall cannot be given together") }
        if noStart && !install { throw ValidationError("--no-start goes with --install") }
        if !settle.isFinite || settle < 0 { throw ValidationError("--settle takes a number of seconds, 0 or more") }
    }

    public func run() async throws {
        let context = CommandContext.current
        let service = UserService(environment: ProcessInfo.processInfo.environment, terminal: context.terminal)
        if install { return try service.install(command: try serviceCommand(), start: !noStart) }
        if uninstall { return try service.uninstall() }
        var terminal = context.terminal
        terminal.quiet = terminal.quiet || quiet
        try await Watcher(
            selection: config.selection, terminal: terminal, interruption: context.interruption, settle: settle
        ).run()
    }

    /// A new mount's few seconds to settle.
    static let defaultSettle: TimeInterval = 3

    /// This micsync, by its absolute path, with the config file and configuration given here.
    private func serviceCommand() throws(MicsyncError) -> [String] {
        guard let executable = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") else {
            throw .io("cannot tell where this micsync is (/proc/self/exe)")
        }
        var command = [executable, "watch"]
        if let file = config.file.file.map({ ($0 as NSString).expandingTildeInPath }) {
            command += ["--config", file.hasPrefix("/") ? file : FileSystem.currentDirectory + "/" + file]
        }
        if let name = config.name { command += ["--config-name", name] }
        if settle != Self.defaultSettle { command += ["--settle", String(format: "%g", settle)] }
        if quiet { command.append("--quiet") }
        return command
    }
}
