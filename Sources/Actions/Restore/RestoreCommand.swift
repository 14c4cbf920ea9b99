import ArgumentParser
import Foundation
import MicsyncCLI
import MicsyncKit

/// `micsync restore PATH`: a version of a file, or a folder as it was at a time, put back into the WORKING
/// (or a folder of one's choice) through the runner of every sync: planned, asked, applied, journaled.
public struct RestoreCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Put back a version of a file, or a folder as it was at a time, into the WORKING.",
        discussion: """
            Finds PATH's versions in every accessible location of its configuration (`micsync versions` \
            lists them) and copies the one asked for into the WORKING holding PATH (or into DIR with --to), \
            with rsync, as a sync would: the plan is shown, a file that differs from the one in place is \
            asked about (Modify/No; -m modifies without asking), and what the restore replaces goes to the \
            WORKING's trash, so that restoring again undoes it. Each place the versions come from (a \
            location, or one of its trash folders) is one run, journaled as `restore`.

            Which version: --version N (as `micsync versions` numbers them, 0 the newest); --at TIME, the \
            version current then; neither, the newest version that differs from the one in place. A folder \
            needs --at: each file that existed then comes back in the version current then; files created \
            since are left alone and listed, or deleted with -d (asked, and kept in the trash). The version \
            current at TIME is the first one a run replaced after TIME, or else the copy in place, if it was \
            there by then; a WORKING's copy counts when its last change is older than TIME, and a BACKUP, \
            which only micsync writes, also knows what was not there. --from takes the versions of one \
            location only.

            TIME: \(PointInTime.forms).

            Examples:
              micsync restore ~/docs/todo.txt                      the version before the one in place
              micsync restore --version 2 ~/docs/todo.txt          version 2 of `micsync versions`
              micsync restore --at 2026-12-01T14:00 ~/docs         the folder as it was then
              micsync restore --at 3d -n ~/docs                    three days ago; show it, change nothing
              micsync restore --at 1w --to /tmp/old ~/docs         into /tmp/old/docs, leaving ~/docs alone
              micsync restore --from nas:/srv/backup ~/docs/a.txt  only that location's versions
            """)

    @Argument(help: "A file or folder in a location of a configuration (it need not exist now).", completion: .file())
    var path: String

    @Option(
        help: ArgumentHelp("The version current at this time: \(PointInTime.forms).", valueName: "time"),
        completion: .custom(CompletionCandidates.trashTimes))
    var at: String?

    @Option(
        name: .customLong("version"),
        help: ArgumentHelp("Version N of `micsync versions` (0 is the newest).", valueName: "n"))
    var number: Int?

    @Option(
        help: ArgumentHelp("Take the versions of this location only (its path).", valueName: "location"),
        completion: .custom(CompletionCandidates.locationPaths))
    var from: String?

    @Option(
        help: ArgumentHelp(
            "Restore into this existing folder (outside the locations) instead of the WORKING.", valueName: "dir"),
        completion: .directory)
    var to: String?

    @Flag(name: .customShort("d"), help: "Delete what did not exist at --at TIME (asks first; kept in the trash).")
    var delete = false

    @OptionGroup var modify: ModifyOption
    @OptionGroup var printing: CommandPrinting
    @OptionGroup var apply: ApplyOptions
    @OptionGroup var config: ConfigOptions

    public init() {}

    public func validate() throws {
        if at != nil, number != nil { throw ValidationError("give --at TIME or --version N, not both") }
        if let at, PointInTime.parse(at) == nil {
            throw ValidationError("--at takes \(PointInTime.forms), not '\(at)'")
        }
        if let number, number < 0 { throw ValidationError("--version takes a version number, 0 or more") }
        if delete, at == nil { throw ValidationError("-d deletes what did not exist at a time: give --at TIME") }
    }

    @MainActor
    public func run() async throws {
        var context = CommandContext.current.run
        context.terminal.quiet = apply.quiet
        let book = context.locations
        let scope = try config.selection.load().scope([path], questions: context.questions)
        let relative = scope.relativePaths[0]
        book.prefetch(scope.configuration.locations)
        let target = try RestoreTarget(scope: scope, directory: to, context: context)
        let history = book.history(of: relative, in: try readFrom(scope, target: target), terminal: context.terminal)
        let present = try target.present(in: history, locations: book)
        let time = at.flatMap { PointInTime.parse($0) }
        let wanted = try wanted(history, relative: relative, at: time, present: present)
        let plan = RestorePlan(wanted: wanted, present: present)
        describe(plan, at: time, target: target, terminal: context.terminal)
        let runs = RestoreRuns(
            scope: scope, target: target, history: history, context: context, options: runOptions)
        try await runs.copy(plan)
        if delete { try await runs.delete(plan.extra) }
    }

    private var runOptions: RunOptions {
        var options = RunOptions()
        options.modify = modify.modify
        printing.apply(to: &options)
        apply.apply(to: &options)
        options.config = config.selection
        return options
    }

    /// The locations whose history counts, in the order they are believed: the one of --from; else the
    /// WORKINGs (the target's first), then the BACKUPs.
    private func readFrom(_ scope: Scope, target: RestoreTarget) throws -> [Location] {
        let locations = scope.configuration.locations
        guard let from else {
            let working = scope.configuration.working
            return working.filter { $0 == target.location } + working.filter { $0 != target.location }
                + scope.configuration.backups
        }
        let spelled = PathResolver(base: FileSystem.currentDirectory).location(from)
        guard let location = locations.first(where: { $0.path == spelled }) else {
            throw MicsyncError.usage(
                "--from \(from) is not a location of \"\(scope.configuration.name)\"; its locations are:\n"
                    + locations.map { "  \($0.heading)" }.joined(separator: "\n"))
        }
        return [location]
    }

    /// The version to have of each file, by path in the location.
    private func wanted(_ history: History, relative: String, at time: Date?, present: [[UInt8]: FileVersion])
        throws -> [[UInt8]: FileVersion]
    {
        let shown = DisplayName.inLocation(relative)
        let files = history.paths
        guard !files.isEmpty else {
            throw MicsyncError.notFound("no location read holds \(shown), now or in its trash")
        }
        let isFile = files == [RawPath.bytes(relative)] && !relative.isEmpty
        if let time {
            let wanted = history.current(at: time)
            guard !wanted.isEmpty else {
                throw MicsyncError.notFound(
                    "\(shown) did not exist at \(TimeWords.localToTheSecond(time)) as far as the locations read "
                        + "tell; `micsync versions \(path)` lists the versions there are")
            }
            return wanted
        }
        guard isFile else {
            throw MicsyncError.usage(
                "\(shown) is a folder: give --at TIME to restore it as it was then (`micsync versions \(path)` "
                    + "shows its files' versions)")
        }
        let groups = history.groups(of: files[0], byContent: false)
        let group: VersionGroup
        if let number {
            guard number < groups.count else {
                throw MicsyncError.notFound(
                    "\(shown) has \(plural(groups.count, "version", "versions")) (0 to \(groups.count - 1)); "
                        + "`micsync versions \(path)` lists them")
            }
            group = groups[number]
        } else {
            let inPlace = present[files[0]]
            guard
                let older = groups.first(where: { group in
                    !(inPlace.map { group.copies[0].isIdentical(to: $0, byContent: false) } ?? false)
                })
            else {
                throw MicsyncError.notFound("\(shown) has no other version than the one in place")
            }
            group = older
        }
        let order = history.locations.map(\.location)
        let copy = group.copies.min { first, second in
            let (a, b) = (order.firstIndex(of: first.location)!, order.firstIndex(of: second.location)!)
            return a != b ? a < b : (first.trash ?? "") < (second.trash ?? "")
        }!
        return [files[0]: copy]
    }

    /// What the restore brings back from where, before its runs show their plans (-q: only those).
    private func describe(_ plan: RestorePlan, at time: Date?, target: RestoreTarget, terminal: Terminal) {
        guard !terminal.quiet else { return }
        let when = time.map { " as it was at \(TimeWords.localToTheSecond($0))" } ?? ""
        terminal.print("restore \(DisplayName.inLocation(target.relative))\(when) into \(target.heading):")
        if plan.unchanged > 0 { terminal.print("  \(plural(plan.unchanged, "file is", "files are")) in place already") }
        for (source, versions) in plan.sources {
            let what =
                versions.count == 1
                ? "\(DisplayName.readable(versions[0].path)) (from \(TimeWords.localToTheSecond(versions[0].modified)), "
                    + "\(ByteCount.readable(versions[0].size)))"
                : plural(versions.count, "file", "files")
            terminal.print("  \(what) from \(source.place)")
        }
        if !plan.inTheWay.isEmpty {
            terminal.print("  in the way of what comes back, replaced if you say so (\(plan.inTheWay.count)):")
            plan.inTheWay.map { "    " + DisplayName.readable($0) }.forEach(terminal.print)
        }
        if !plan.extra.isEmpty {
            terminal.print(
                "  not there then, " + (delete ? "to delete (-d)" : "left alone (-d deletes them)")
                    + " (\(plan.extra.count)):")
            plan.extra.map { "    " + DisplayName.readable($0) }.forEach(terminal.print)
        }
        if plan.isEmpty, plan.extra.isEmpty || !delete { terminal.print("  nothing to do") }
    }
}
