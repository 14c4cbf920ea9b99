import ArgumentParser
import MicsyncKit

/// The subcommand of a sync action: its name, help and options come from the action, the run from the kernel.
public struct SyncCommand<Action: SyncAction>: AsyncParsableCommand where Action.Options: ParsableArguments {
    public static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: Action.name, abstract: Action.summary, discussion: Action.discussion)
    }

    @OptionGroup public var options: Action.Options

    @Argument(
        help: "Files or directories inside a configured location (WORKING or BACKUP).",
        completion: .file())
    public var paths: [String] = []

    public init() {}

    // No path is an error of the run (`Scope`), not of validation: ArgumentParser validates before it
    // reports an unknown option, and `work -x` must name `-x`.
    public func run() async throws {
        let context = CommandContext.current
        try await SyncRun<Action>(options: options, paths: context.typedPaths ?? paths, context: context.run).execute()
    }
}

/// A command that may also answer to the original micsync's spelling, `micsync --NAME`.
public protocol OriginallySpelled {
    static var originallySpelled: Bool { get }
}

extension SyncCommand: OriginallySpelled {
    public static var originallySpelled: Bool { Action.originallySpelled }
}
