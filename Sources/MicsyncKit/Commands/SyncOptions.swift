import ArgumentParser

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

    public init() {}

    /// -v or --print-commands: every rsync command is printed.
    public var printsCommands: Bool { verbose || printCommands }
}

/// An action's option set: a group of ArgumentParser options that yields `RunOptions`.
public protocol SyncOptions: ParsableArguments, Sendable {
    var run: RunOptions { get }
}

/// Options every sync action takes.
public struct CommonOptions: ParsableArguments, Sendable {
    @Flag(name: .customShort("s"), help: "Suppress information about directories (created ones are not listed).")
    public var suppress = false

    @Flag(name: .customShort("v"), help: "Verbose: print every rsync command; ask before each one that changes files.")
    public var verbose = false

    @Flag(name: .customLong("print-commands"), help: "Print every rsync command without asking (-v also asks).")
    public var printCommands = false

    @Flag(
        name: [.customShort("q"), .customLong("quiet")],
        help: ArgumentHelp(
            "No notes (skipped locations, warnings of a dry run) and no lists; questions, errors "
                + "and the summary stay."))
    public var quiet = false

    @Flag(help: "List every item of the plan (by default each category shows 20 and the question offers [l]ist).")
    public var list = false

    @Flag(name: [.customShort("n"), .customLong("dry-run")], help: "Show the full plan; change nothing.")
    public var dryRun = false

    @OptionGroup public var config: ConfigOptions

    @Option(
        name: .customLong("from"), help: "The source location: its index in the config or its path.",
        completion: .custom(CompletionCandidates.locations))
    public var from: [String] = []

    @Option(
        name: .customLong("to"), help: "A destination location: its index in the config or its path (repeatable).",
        completion: .custom(CompletionCandidates.locations))
    public var to: [String] = []

    @Flag(name: .customLong("no-trash"), help: "Do not keep overwritten or deleted files in .micsync/trash.")
    public var noTrash = false

    @Flag(help: "With -n: print the plan as one JSON document (per destination: new, modified, to delete, with sizes).")
    public var json = false

    @Flag(help: "Create a destination location that does not exist yet (its parent must), without asking.")
    public var create = false

    @Flag(inversion: .prefixedNo, help: "Show one overall progress line while copying (default: only on a terminal).")
    public var progress: Bool?

    /// Read before parsing, by every command (`ColourOption`); declared here for help and completions.
    @Option(name: .customLong("color"), help: Style.Choice.help)
    public var colour: Style.Choice?

    public init() {}

    public func validate() throws {
        if json, !dryRun { throw ValidationError("--json prints the plan: use it with -n (--dry-run)") }
    }

    public var run: RunOptions {
        var options = RunOptions()
        options.suppressDirectories = suppress
        options.verbose = verbose
        options.printCommands = printCommands
        options.quiet = quiet
        options.list = list
        options.dryRun = dryRun
        options.config = config.selection
        options.from = from
        options.to = to
        options.trash = !noTrash
        options.json = json
        options.progress = progress
        options.create = create
        return options
    }
}

/// -m: answer Modify to every question about modified files.
public struct ModifyOption: ParsableArguments, Sendable {
    @Flag(name: .customShort("m"), help: "Copy modified files (overwrite) without asking.")
    public var modify = false

    public init() {}
}

/// -d and -D: delete at the destination what is not in the source.
public struct DeleteOptions: ParsableArguments, Sendable {
    @Flag(name: .customShort("d"), help: "Delete what is not in the source; ask first.")
    public var asking = false

    @Flag(name: .customShort("D"), help: "Delete what is not in the source without asking (wins over -d).")
    public var withoutAsking = false

    @Flag(help: "Delete even when the mass-delete guard would refuse (an empty source, too large a share).")
    public var force = false

    public init() {}

    public var deletion: RunOptions.Deletion { withoutAsking ? .always : asking ? .ask : .never }
}

/// Options of actions that never delete: -m and the common ones (backup).
public struct CopyOptions: SyncOptions {
    @OptionGroup public var modify: ModifyOption
    @OptionGroup public var common: CommonOptions

    public init() {}

    public var run: RunOptions {
        var options = common.run
        options.modify = modify.modify
        return options
    }
}

/// Options of actions that may delete: -m -d -D and the common ones (work, transfer).
public struct MirrorOptions: SyncOptions {
    @OptionGroup public var modify: ModifyOption
    @OptionGroup public var delete: DeleteOptions
    @OptionGroup public var common: CommonOptions

    public init() {}

    public var run: RunOptions {
        var options = common.run
        options.modify = modify.modify
        options.deletion = delete.deletion
        options.force = delete.force
        return options
    }
}

/// Options of actions that copy no file content: only the common ones (tree).
public struct StructureOptions: SyncOptions {
    @OptionGroup public var common: CommonOptions

    public init() {}

    public var run: RunOptions { common.run }
}

/// Options of read-only actions (diff, verify): the configuration, `-v` and `--json`; nothing to approve.
public struct CompareOptions: SyncOptions {
    @Flag(name: .customShort("v"), help: "Verbose: print every rsync command.")
    public var verbose = false

    @OptionGroup public var config: ConfigOptions

    @Flag(help: "Print the differences as one JSON document.")
    public var json = false

    public init() {}

    public var run: RunOptions {
        var options = RunOptions()
        options.config = config.selection
        options.verbose = verbose
        options.json = json
        options.dryRun = true
        return options
    }
}
