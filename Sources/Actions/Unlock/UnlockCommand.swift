import ArgumentParser
import MicsyncCLI
import MicsyncKit

/// `micsync unlock LOCATION`: removes the lock a run left on another host when it could not let it go
/// (its machine crashed or lost the network), once no live run of this machine holds it.
public struct UnlockCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "unlock",
        abstract: "Remove the lock a crashed run left on a location on another host.",
        discussion: """
            A run that writes to a location on another host locks it there (.micsync/lock.d, with the \
            holder's host, pid and start time), so that two machines never write to it at once. A lock of \
            this machine whose run is gone is taken over by itself; one left by another machine that \
            crashed stays until you remove it here, after making sure that machine is not running micsync.

            Examples:
              micsync unlock nas:/srv/backup       the laptop that held it crashed mid-backup
            """)

    @Argument(
        help: "The location to unlock (its folder, or any path inside it).",
        completion: .custom(CompletionCandidates.locationsToUnlock))
    var paths: [String] = []

    @OptionGroup var config: ConfigOptions

    public init() {}

    public func validate() throws {
        if paths.count != 1 {
            throw ValidationError("give one location to unlock, e.g. micsync unlock nas:/srv/backup")
        }
    }

    public func run() throws {
        let context = CommandContext.current
        let location = try config.selection.load().scope(paths, questions: context.run.questions).typedIn
        context.terminal.print(try context.locations.unlock(location))
    }
}
