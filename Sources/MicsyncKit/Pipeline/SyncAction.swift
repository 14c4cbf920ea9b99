/// A synchronisation action (backup, work, transfer, tree, diff, verify, …): what it is called, which options
/// it takes, which locations it copies between or compares, and what it adds to rsync. Everything else
/// (planning, asking, applying, reporting) is the kernel's, the same for every action. This is the whole
/// extension point: the built-in actions use nothing else, and neither need an outside module.
public protocol SyncAction: Sendable {
    /// The option set the action accepts; a command line declares it (the built-in sets: -m, -m -d -D, only
    /// the common ones, read-only), or a set of its own with its own flags.
    associatedtype Options: ActionOptions

    /// The subcommand name.
    static var name: String { get }
    static var summary: String { get }
    /// Help text after the usage: what the action does, with examples.
    static var discussion: String { get }
    /// Whether `micsync --NAME …` also runs the action: the original micsync's spelling, which scripts and
    /// habits keep using (rewritten to the subcommand before parsing).
    static var originallySpelled: Bool { get }

    /// The roles of the source and the destinations: how `endpoints` chooses them by default, and what shell
    /// completion offers for `--from`/`--to`.
    static var direction: Direction { get }

    /// Source and destinations for this run, chosen with `chooser` (flags, typed-in location, or menus); by
    /// default `chooser.endpoints(direction, options.run)`.
    static func endpoints(_ chooser: LocationChooser, options: Options) throws(MicsyncError) -> Endpoints

    /// rsync filter rules of the action itself (tree copies directories only).
    static var filters: [String] { get }

    /// rsync options the action adds to every pass, e.g. `--checksum`; they may depend on its own flags.
    static func rsyncOptions(_ options: Options) -> [String]

    /// Whether a run can overwrite files, so that there is something to ask about (tree never does).
    static var overwrites: Bool { get }

    /// Whether the action, given no path, runs over the whole of every WORKING of the chosen configurations
    /// (`backup` backs up everything), one run after the other.
    static var wholeSetupWithoutPaths: Bool { get }

    /// A read-only action only plans and reports (both directions, like diff): it never applies, takes no
    /// lock, and exits with `ExitStatus.differencesFound` when something differs.
    static var readOnly: Bool { get }
}

extension SyncAction {
    public static var originallySpelled: Bool { false }
    public static var filters: [String] { [] }
    public static func rsyncOptions(_ options: Options) -> [String] { [] }
    public static var overwrites: Bool { true }
    public static var readOnly: Bool { false }
    public static var wholeSetupWithoutPaths: Bool { false }
    public static func endpoints(_ chooser: LocationChooser, options: Options) throws(MicsyncError) -> Endpoints {
        try chooser.endpoints(direction, options.run)
    }
}

/// Where one run copies from and to (or, read-only, what it compares).
public struct Endpoints: Sendable {
    public let source: Location
    public let destinations: [Location]

    public init(source: Location, destinations: [Location]) {
        self.source = source
        self.destinations = destinations
    }
}

/// An action's option set, whatever its flags: what it asks of the run.
public protocol ActionOptions: Sendable {
    var run: RunOptions { get }
}
