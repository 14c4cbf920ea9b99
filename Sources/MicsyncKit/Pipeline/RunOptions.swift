/// What a run was asked to do, whichever option set the action has.
public struct RunOptions: Sendable {
    public enum Deletion: Sendable { case never, ask, always }

    public var modify = false
    public var deletion = Deletion.never
    public var suppressDirectories = false
    public var verbose = false
    /// `--print-commands`: every rsync command printed, none asked about (-v asks).
    public var printCommands = false
    /// `-q`: no notes and no plan lists; questions, errors and the summary stay.
    public var quiet = false
    /// `--list`: every item of the plan, not the first 20 of each category.
    public var list = false
    public var dryRun = false
    /// With `dryRun`: the plan as one JSON document.
    public var json = false
    /// `--progress` (true), `--no-progress` (false), or neither (nil: only on a terminal).
    public var progress: Bool?
    /// `--config` and `--config-name`.
    public var config = ConfigSelection()
    public var from: [String] = []
    public var to: [String] = []
    /// Keep what is overwritten or deleted in the destination's trash (also needs the config's "trash").
    public var trash = true
    /// Delete even past the mass-delete guard.
    public var force = false
    /// Create a destination location that does not exist yet (its parent does) without asking.
    public var create = false
    /// `--xattrs`, `--acls`: kept in this run, whatever the configuration says.
    public var extendedMetadata = ExtendedMetadata()
    /// `--strict`: a location skipped (unplugged, not created) fails the run, exit 3.
    public var strict = false
    /// `--exclude`: rsync filter patterns added to the configuration's.
    public var excludes: [String] = []
    /// `--bwlimit RATE`, as rsync takes it.
    public var bandwidthLimit: String?
    /// `--checksum`: compare by content, not by size and time.
    public var checksum = false
    /// `--ignore-space`: write a destination even when its free space is less than the plan adds.
    public var ignoreSpace = false
    /// Started by `micsync watch`, not typed: journaled as automatic, even with nothing to do.
    public var automatic = false

    public init() {}

    /// -v or --print-commands: every rsync command is printed.
    public var printsCommands: Bool { verbose || printCommands }

    /// `--bwlimit` and `--checksum` as rsync takes them, for every pass.
    var everydayRsyncOptions: [String] {
        (bandwidthLimit.map { ["--bwlimit=\($0)"] } ?? []) + (checksum ? ["--checksum"] : [])
    }
}
