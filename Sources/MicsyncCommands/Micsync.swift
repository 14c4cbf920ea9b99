import ArgumentParser
import Foundation
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

    /// Parses `arguments` (without the program name), runs the command and returns the exit code;
    /// every failure is one message on stderr, never a stack trace.
    public static func main(arguments: [String]) async -> Int32 {
        CompletionCandidates.register(Registry.commands)
        do {
            let arguments = LeadingConfigOptions.rewrite(try ColourOption.take(arguments))
            try ActionWords.check(arguments)
            var command = try parseAsRoot(TypedPathArguments.extract(OriginalSpelling.rewrite(arguments)))
            // Only a command that runs takes over SIGINT and SIGTERM: --version and --help stay instant.
            Interruption.install()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            try Console.checkOutputKept()
            return ExitStatus.success.rawValue
        } catch let error as MicsyncError {
            if !error.message.isEmpty { Console.error(error.message) }
            return error.status.rawValue
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                Console.print(message)
                return 0
            }
            Console.note(message)
            // ArgumentParser's usage errors exit 64; micsync's contract says 2.
            return code == .validationFailure ? ExitStatus.usage.rawValue : code.rawValue
        }
    }
}
