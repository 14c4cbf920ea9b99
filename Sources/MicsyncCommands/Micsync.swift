import ArgumentParser
import Foundation
import MicsyncCLI
import MicsyncKit

/// The root command: `micsync ACTION [options] PATH…`, or the original's `micsync --ACTION [options] PATH…`.
public struct Micsync: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "micsync",
        abstract: "Keep the data on your discs and its backups in step, with rsync.",
        discussion: """
            WORKING and BACKUP locations are grouped into configurations in a JSON file \
            (~/.config/micsync/config.json, or the original's ~/.micsync.json). The action sets the direction; \
            the paths may be typed in any location of their configuration.

            Examples:
              micsync backup ~/docs/report       WORKING → every accessible BACKUP
              micsync --backup -m ~/docs/report  the original's spelling works too
              micsync work -d ~/docs             BACKUP → WORKING, asking before deleting
              micsync help work                  help for one action
            """,
        version: MicsyncVersion.current,
        subcommands: Registry.commands
    )

    /// The original's `micsync --backup …`: rewritten before parsing, declared for help and completions.
    @Flag var originalSpelling: OriginalActionFlag?

    /// Taken out before parsing (`ColourOption`), for every command; declared for help and completions.
    @Option(name: .customLong("color"), help: Style.Choice.help)
    var colour: Style.Choice?

    public init() {}

    /// `micsync` alone: a short start, not the whole help.
    public func run() async throws {
        let terminal = CommandContext.current.terminal
        terminal.print(StartText.rendered(width: terminal.width))
    }

    /// Parses `arguments` (without the program name), runs the command and returns the exit code;
    /// every failure is one message on stderr, never a stack trace.
    public static func main(arguments: [String]) async -> Int32 {
        let taken: (choice: Style.Choice, rest: [String])
        do {
            taken = try ColourOption.take(arguments)
        } catch {
            return fail(error, on: .standard(colour: .auto))
        }
        let terminal = Terminal.standard(colour: taken.choice)
        let locations = LocationBook()
        // A signal while nothing runs (at a question, say) ends micsync at once: nothing is half done then.
        // `_exit`, not `exit`: the main thread may be blocked reading an answer, and exit's stdio cleanup
        // would wait for it forever. Locks on other hosts and the ssh connections are let go first.
        let interruption = Interruption { error in
            // On a terminal the echoed ^C ends the question's line: the message starts a fresh one. Nothing the
            // run still says after it (an ssh connection that the closing ended, say) is shown.
            let freshLine = isatty(STDERR_FILENO) == 1 ? "\n" : ""
            terminal.finish(with: freshLine + "micsync: \(error.message)")
            locations.close()
            _exit(error.status.rawValue)
        }
        let context = CommandContext(
            terminal: terminal, interruption: interruption,
            directions: CommandContext.directions(of: Registry.commands),
            locations: locations)
        let status = await CommandContext.$current.withValue(context) {
            await run(LeadingConfigOptions.rewrite(asksVersion(taken.rest) ? ["--version"] : taken.rest), in: context)
        }
        // A signal's handler is ending micsync (it lets go of the locks, then exits 130): however the run ended
        // meanwhile (a question that lost its input says "cancelled"), the handler's end is the one.
        while interruption.isEnding { pause() }
        return status
    }

    /// `-V` (or `--version`) after nothing but command words (`micsync -V`, `micsync backup -V`) is the
    /// version, as in rsync and rclone.
    private static func asksVersion(_ arguments: [String]) -> Bool {
        guard let last = arguments.last, ["-V", "--version"].contains(last) else { return false }
        let words = Array(arguments.dropLast())
        return words.isEmpty || (!words.contains { $0.hasPrefix("-") } && ParserErrors.command(of: words) != nil)
    }

    private static func run(_ arguments: [String], in context: CommandContext) async -> Int32 {
        let terminal = context.terminal
        // Its locks are let go when the command returns; then its ssh connections end too.
        defer { context.locations.close() }
        do {
            try ActionWords.check(arguments)
            let (parsed, typedPaths) = TypedPathArguments.extract(OriginalSpelling.rewrite(arguments))
            var command = try parseAsRoot(parsed)
            // Only a command that runs takes over SIGINT and SIGTERM: --version and --help stay instant.
            context.interruption.install()
            var running = context
            running.typedPaths = typedPaths
            try await CommandContext.$current.withValue(running) {
                if var asyncCommand = command as? any AsyncParsableCommand {
                    try await asyncCommand.run()
                } else {
                    try command.run()
                }
            }
            try terminal.checkOutputKept()
            return ExitStatus.success.rawValue
        } catch let error as MicsyncError {
            return fail(error, on: terminal)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                let message = fullMessage(for: error)
                // Help (not --version) fits the terminal, each column wrapped in place.
                let help = message.contains("USAGE:")
                terminal.print(
                    help ? HelpText.rendered(for: OriginalSpelling.rewrite(arguments), width: terminal.width) : message)
                return 0
            }
            // ArgumentParser's usage errors exit 64; micsync's contract says 2, in its own one-line style.
            guard code == .validationFailure else {
                terminal.note(fullMessage(for: error))
                return code.rawValue
            }
            terminal.error(ParserErrors.message(for: error, arguments: arguments))
            return ExitStatus.usage.rawValue
        }
    }

    private static func fail(_ error: MicsyncError, on terminal: Terminal) -> Int32 {
        if !error.message.isEmpty { terminal.error(error.message) }
        return error.status.rawValue
    }
}
