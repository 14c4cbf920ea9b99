import ArgumentParser
import MicsyncKit

/// An action's option set on the command line: a group of ArgumentParser options that yields `RunOptions`.
public protocol SyncOptions: ParsableArguments, ActionOptions {}

/// -v and --print-commands: every rsync command printed; with -v, asked about before it changes files.
public struct CommandPrinting: ParsableArguments, Sendable {
    @Flag(name: .customShort("v"), help: "Verbose: print every rsync command; ask before each one that changes files.")
    public var verbose = false

    @Flag(name: .customLong("print-commands"), help: "Print every rsync command without asking (-v also asks).")
    public var printCommands = false

    public init() {}

    public func apply(to options: inout RunOptions) {
        options.verbose = verbose
        options.printCommands = printCommands
    }
}

/// How a run that writes behaves: -n, -q, --list, --no-trash, --progress (the sync actions, `trash restore`).
public struct ApplyOptions: ParsableArguments, Sendable {
    @Flag(name: [.customShort("n"), .customLong("dry-run")], help: "Show the full plan; change nothing.")
    public var dryRun = false

    @Flag(
        name: [.customShort("q"), .customLong("quiet")],
        help: ArgumentHelp(
            "No notes (skipped locations, warnings of a dry run) and no lists; questions, errors "
                + "and the summary stay."))
    public var quiet = false

    @Flag(help: "List every item of the plan (by default each category shows 20 and the question offers [l]ist).")
    public var list = false

    @Flag(name: .customLong("no-trash"), help: "Do not keep overwritten or deleted files in .micsync/trash.")
    public var noTrash = false

    @Flag(inversion: .prefixedNo, help: "Show one overall progress line while copying (default: only on a terminal).")
    public var progress: Bool?

    @Flag(help: "Write a destination even when its free space is less than what the plan adds.")
    public var ignoreSpace = false

    public init() {}

    public func apply(to options: inout RunOptions) {
        options.ignoreSpace = ignoreSpace
        options.dryRun = dryRun
        options.quiet = quiet
        options.list = list
        options.trash = !noTrash
        options.progress = progress
    }
}

/// rsync's everyday filters and limits, on every sync action: --exclude, --bwlimit, --checksum; and --strict.
public struct EverydayRsyncOptions: ParsableArguments, Sendable {
    // Unconditional: a value that begins with `-` (`--exclude -x`, `--bwlimit -1`) is the value, as rsync takes
    // it, and a wrong rate is said in words, not as a missing value.
    @Option(
        name: .customLong("exclude"), parsing: .unconditionalSingleValue,
        help: ArgumentHelp(
            "Leave out what matches this rsync pattern, besides the configuration's \"exclude\" (repeatable).",
            valueName: "pattern"))
    public var excludes: [String] = []

    @Option(
        name: .customLong("bwlimit"), parsing: .unconditional,
        help: ArgumentHelp("Limit the transfer rate as rsync's --bwlimit does (e.g. 5M, 500K).", valueName: "rate"))
    public var bandwidthLimit: String?

    @Flag(help: "Compare files by content (checksums), not by size and time: slower, finds silent changes.")
    public var checksum = false

    @Flag(help: "Fail (exit 3) when a location was skipped (unplugged, not created): for timers and scripts.")
    public var strict = false

    public init() {}

    public func validate() throws {
        for pattern in excludes {
            if let problem = ExcludeRule.problem(pattern) { throw ValidationError("--exclude: \(problem)") }
        }
        if let problem = bandwidthLimit.flatMap(BandwidthLimit.problem) {
            throw ValidationError("--bwlimit: \(problem)")
        }
    }

    public func apply(to options: inout RunOptions) {
        options.excludes = excludes
        options.bandwidthLimit = bandwidthLimit
        options.checksum = checksum
        options.strict = strict
    }
}

/// --json: one document for scripts.
public struct JSONOption: ParsableArguments, Sendable {
    @Flag(help: "Print one JSON document: a sync's plan (with -n), a comparison's differences.")
    public var json = false

    public init() {}
}

/// Options every sync action takes.
public struct CommonOptions: ParsableArguments, Sendable {
    @Flag(name: .customShort("s"), help: "Suppress information about directories (created ones are not listed).")
    public var suppress = false

    @OptionGroup public var printing: CommandPrinting
    @OptionGroup public var apply: ApplyOptions
    @OptionGroup public var config: ConfigOptions

    @Option(
        name: .customLong("from"), help: "The source location: its index in the config or its path.",
        completion: .custom(CompletionCandidates.locations))
    public var from: [String] = []

    @Option(
        name: .customLong("to"), help: "A destination location: its index in the config or its path (repeatable).",
        completion: .custom(CompletionCandidates.locations))
    public var to: [String] = []

    @OptionGroup public var output: JSONOption
    @OptionGroup public var metadata: ExtendedMetadataOptions

    @OptionGroup public var everyday: EverydayRsyncOptions

    @Flag(help: "Create a destination location that does not exist yet (its parent must), without asking.")
    public var create = false

    /// Read before parsing, by every command (`ColourOption`); declared here for help and completions.
    @Option(name: .customLong("color"), help: Style.Choice.help)
    public var colour: Style.Choice?

    public init() {}

    public func validate() throws {
        if output.json, !apply.dryRun { throw ValidationError("--json prints the plan: use it with -n (--dry-run)") }
    }

    public var run: RunOptions {
        var options = RunOptions()
        options.suppressDirectories = suppress
        printing.apply(to: &options)
        apply.apply(to: &options)
        everyday.apply(to: &options)
        options.config = config.selection
        options.from = from
        options.to = to
        options.json = output.json
        options.create = create
        options.extendedMetadata = metadata.wanted
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

/// Options of read-only actions (diff, verify): the configuration, the commands printed and `--json`;
/// nothing to approve.
public struct CompareOptions: SyncOptions {
    @OptionGroup public var printing: CommandPrinting
    @OptionGroup public var config: ConfigOptions
    @OptionGroup public var output: JSONOption

    public init() {}

    public var run: RunOptions {
        var options = RunOptions()
        options.config = config.selection
        printing.apply(to: &options)
        options.json = output.json
        options.dryRun = true
        return options
    }
}

extension Style.Choice: ExpressibleByArgument {
    /// `--color`'s help, wherever it is declared.
    public static let help = ArgumentHelp(
        "When to colour: auto is on a terminal whose TERM is not dumb, without NO_COLOR.", valueName: "when")
}
