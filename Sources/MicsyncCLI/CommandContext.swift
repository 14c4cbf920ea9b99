import ArgumentParser
import MicsyncKit

/// What the command line hands every command that runs: the terminal, the signals, and what was taken out
/// of the arguments before parsing. The root command sets it around parsing and running, as a task-local
/// value: no command reads a global, and a test may run commands side by side, each with its own.
public struct CommandContext: Sendable {
    public var terminal: Terminal
    public var interruption: Interruption
    /// Thousands of typed paths, taken out before parsing (ArgumentParser is slow with them); nil when the
    /// parsed arguments hold them all.
    public var typedPaths: [String]?
    /// The sync actions' directions by name: what `--from` and `--to` complete.
    public var directions: [String: Direction]
    /// What this command knows about locations (micsync's state folder, the known locations read once).
    public let locations: LocationBook

    public init(
        terminal: Terminal, interruption: Interruption, typedPaths: [String]? = nil,
        directions: [String: Direction] = [:], locations: LocationBook = LocationBook()
    ) {
        self.locations = locations
        self.terminal = terminal
        self.interruption = interruption
        self.typedPaths = typedPaths
        self.directions = directions
    }

    /// The directions of the sync actions among `commands`, by name.
    public static func directions(of commands: [any ParsableCommand.Type]) -> [String: Direction] {
        let found = commands.compactMap { $0 as? any DirectedCommand.Type }
            .compactMap { command in command.direction.map { (command.actionName, $0) } }
        return Dictionary(found) { first, _ in first }
    }

    @TaskLocal public static var current = CommandContext(
        terminal: .standard(colour: .auto), interruption: Interruption { _ in })

    /// A run's context: this terminal, answers from standard input, these signals.
    public var run: RunContext {
        RunContext(
            terminal: terminal, answers: StandardInputAnswers(), interruption: interruption,
            locations: locations)
    }
}
