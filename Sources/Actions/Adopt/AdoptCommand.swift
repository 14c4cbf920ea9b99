import ArgumentParser
import MicsyncCLI
import MicsyncKit

/// `micsync adopt PATH`: take a location whose micsync marker is missing (a reformatted or replaced disc)
/// as the one micsync knows, so that runs use it again.
public struct AdoptCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "adopt",
        abstract: "Use a location again whose micsync marker is missing (after reformatting a disc).",
        discussion: """
            micsync leaves a marker (.micsync/id) in every location it writes to, and skips a location whose \
            marker is missing: that is how an unplugged disc's bare mount point is never taken for the disc. \
            After reformatting or replacing a disc, or copying a location by hand, adopt it: it gets a new \
            marker and micsync uses it again. Check first that the right disc is mounted there.

            Examples:
              micsync adopt /media/disc/backup     the disc was reformatted: back it up afresh
              micsync status                       which locations miss their marker
            """)

    @Argument(
        help: "The location to adopt (its folder, or any path inside it).",
        completion: .custom(CompletionCandidates.locationsToAdopt))
    var paths: [String] = []

    @OptionGroup var config: ConfigOptions

    public init() {}

    public func validate() throws {
        if paths.count != 1 {
            throw ValidationError("give one location to adopt, e.g. micsync adopt /media/disc/backup")
        }
    }

    public func run() throws {
        let terminal = CommandContext.current.terminal
        let location = try config.selection.load().scope(paths, questions: CommandContext.current.run.questions).typedIn
        switch CommandContext.current.locations.access(location) {
        case .accessible where CommandContext.current.locations.markerID(location) != nil:
            terminal.print("\(location.heading) already carries its micsync marker; nothing to do")
        case .accessible, .markerMissing, .otherMarker:
            try CommandContext.current.locations.adopt(location)
            terminal.print("adopted \(location.heading): it has a new micsync marker, and runs use it again")
        case let access:
            throw MicsyncError.notFound("cannot adopt \(location.heading): \(access.reason)")
        }
    }
}
