/// A synchronisation action (backup, work, transfer, tree, …): what it is called, which options it takes,
/// and which locations it copies between. Everything else (planning, asking, applying, reporting) is the
/// kernel's, the same for every action.
public protocol SyncAction: Sendable {
    /// The option set the action accepts, e.g. `CopyOptions` (-m) or `MirrorOptions` (-m -d -D).
    associatedtype Options: SyncOptions

    /// The subcommand name, also accepted in the original's spelling `--NAME`.
    static var name: String { get }
    static var summary: String { get }
    /// Help text after the usage: what the action does, with examples.
    static var discussion: String { get }

    /// Source and destinations for this run, chosen with `chooser` (flags, typed-in location, or menus).
    static func endpoints(_ chooser: LocationChooser, options: RunOptions) throws(MicsyncError) -> Endpoints

    /// The roles of the source and the destinations; shell completion offers only those for `--from`/`--to`
    /// (nil: every location).
    static var direction: Direction? { get }

    /// rsync filter rules of the action itself (tree copies directories only).
    static var filters: [String] { get }

    /// Whether a run can overwrite files, so that there is something to ask about (tree never does).
    static var overwrites: Bool { get }
}

extension SyncAction {
    public static var filters: [String] { [] }
    public static var overwrites: Bool { true }
    public static var direction: Direction? { nil }
}

/// Where one run copies from and to.
public struct Endpoints: Sendable {
    public let source: Location
    public let destinations: [Location]

    public init(source: Location, destinations: [Location]) {
        self.source = source
        self.destinations = destinations
    }
}
