import ArgumentParser
import MicsyncCLI
import MicsyncKit

/// `micsync unlock LOCATION`: removes the lock a run left behind when it could not let it go (its machine
/// crashed or lost the network), once no live run holds it.
public struct UnlockCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "unlock",
        abstract: "Remove the lock a crashed run left on a location, once no live run holds it.",
        discussion: """
            A run that writes to a location locks it there (.micsync/lock and .micsync/lock.d, with the \
            holder's host, pid and command), so that two runs, two users or two machines never write to it \
            at once. A lock whose run is provably gone (it kept the lock file's flock, or it was a run of this \
            machine) is taken over by itself; one left by another machine that crashed (over ssh, where the \
            host has no flock(1)) stays until you remove it here, after making sure that machine is not \
            running micsync. A lock a live run holds is never removed.

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
