import ArgumentParser
import Foundation
import MicsyncCLI
import MicsyncKit

extension TrashCommand {
    /// Deletes trash folders (all, the old ones, or those no retention rule keeps) after showing them and
    /// asking.
    struct Purge: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Delete trash folders (all, older ones, or those no --keep rule keeps), asking first.",
            discussion: """
                Lists the trash folders to delete in every location (only those of --config-name, or only \
                the ones holding PATH), with the space they free per location, and asks Delete/No; --yes \
                deletes without asking, -n only shows it. What a purge deletes cannot be restored.

                Without a rule every trash folder goes. --older-than AGE spares those of runs less than \
                AGE ago: 12h, 30d, 2w (a bare number counts days). The --keep rules are restic's: each \
                keeps, newest first, one trash folder per hour, day, ISO week, month or year (local time) \
                for as many as it says, --keep-last the N newest, --keep-within the folders younger than \
                DUR before the newest; a folder stays if any rule keeps it. Only the folders of runs that \
                succeeded count toward a rule's hours, days…: a span of failed runs (the journal says which) \
                never pushes good history out. With a rule, the folder holding the newest trash version of \
                a file that no accessible location holds any more stays too, unless --prune-deleted. A \
                configuration's "keep" applies the same rules after each successful run.

                Examples:
                  micsync trash purge                                  every trash folder, after asking
                  micsync trash purge --older-than 30d                 those of runs more than 30 days ago
                  micsync trash purge --keep-daily 7 --keep-weekly 4   a week of days, a month of weeks
                  micsync trash purge -n --keep-last 10                what would go, and the space freed
                  micsync trash purge --yes /mnt/b1                    all of one location's, without asking
                """)

        @Argument(help: "Purge only the locations holding these paths.", completion: .file())
        var paths: [String] = []

        @Option(
            name: .customLong("older-than"),
            help: ArgumentHelp(
                "Only trash folders of runs older than this: 90s, 30m, 12h, 30d, 2w (a bare number counts days).",
                valueName: "age"))
        var olderThan: String?

        @OptionGroup var keep: KeepOptions

        @Flag(help: "Delete without asking.")
        var yes = false

        @Flag(name: [.customShort("n"), .customLong("dry-run")], help: "Show what would go and the space freed.")
        var dryRun = false

        @OptionGroup var locations: TrashLocationOptions

        func validate() throws {
            if let olderThan, Self.age(olderThan) == nil {
                throw ValidationError(
                    "--older-than takes an age: \(Interval.forms) (a bare number counts days), not '\(olderThan)'")
            }
        }

        /// `--older-than`: an interval, or a bare number of days as it always took.
        static func age(_ text: String) -> Interval? { Interval(text, bareNumberUnit: "d") }

        func run() throws {
            let context = CommandContext.current
            let (terminal, book) = (context.terminal, context.locations)
            let withTrash = try locations.scopes(paths).filter { scope in
                let access = book.access(scope.typedIn)
                if !access.isAccessible { terminal.notice(access.note(for: scope.typedIn)) }
                return access.isAccessible && !scope.typedIn.trashTimestamps.isEmpty
            }
            // Locked while weighed and purged, so that a run's trash is never purged while the run fills it.
            let locks = dryRun ? [:] : try book.lock(withTrash.map(\.typedIn))
            defer { withExtendedLifetime(locks) {} }
            let journal = Journal(path: book.state.journal).entries(warningsTo: terminal)
            let cutoff = olderThan.flatMap(Self.age).map { Date(timeIntervalSinceNow: -$0.timeInterval) }
            let plans = try withTrash.map { scope in
                let retention = TrashRetention(
                    policy: keep.policy, configuration: scope.configuration, locations: book, journal: journal)
                return (retention, try retention.plan(for: scope.typedIn, olderThan: cutoff))
            }.filter { !$0.1.doomed.isEmpty }
            guard !plans.isEmpty else { return terminal.print("nothing to purge") }
            for (_, plan) in plans {
                let kept =
                    plan.kept == 0
                    ? ""
                    : "; \(plan.kept) stay"
                        + (plan.keptForDeleted > 0 ? " (\(plan.keptForDeleted) for deleted files' last versions)" : "")
                terminal.print(
                    "\(plan.location.heading): \(Self.describe(plan.doomed.count, plan.files, plan.bytes)) go\(kept):")
                TrashFolder.lines(plan.doomed.map(TrashFolder.init), style: terminal.style).forEach(terminal.print)
            }
            let what = Self.describe(
                plans.reduce(0) { $0 + $1.1.doomed.count }, plans.reduce(0) { $0 + $1.1.files },
                plans.reduce(0) { $0 + $1.1.bytes })
            if dryRun { return terminal.print("would delete \(what); nothing was deleted (-n)") }
            if !yes, try context.run.questions.ask("Delete \(what)?", [.delete, .no]) == .no {
                return terminal.print("nothing was deleted")
            }
            // micsync's own trash folders, not user files, so micsync rather than rsync deletes them, by
            // descriptor: never through a symlink, never into another filesystem.
            for (retention, plan) in plans { try retention.purge(plan) }
            terminal.print("deleted \(what)")
        }

        /// `2 trash folders (3 files, 1.20 KB)`.
        static func describe(_ folders: Int, _ files: Int, _ bytes: Int64) -> String {
            plural(folders, "trash folder", "trash folders") + " (" + plural(files, "file", "files") + ", "
                + ByteCount.readable(bytes) + ")"
        }
    }
}

/// The retention rules of `trash purge`, restic's `forget` options.
struct KeepOptions: ParsableArguments {
    @Option(name: .customLong("keep-last"), help: ArgumentHelp("Keep the N newest trash folders.", valueName: "n"))
    var last: Int?

    @Option(
        name: .customLong("keep-hourly"),
        help: ArgumentHelp("Keep the newest trash folder of each of the last N hours that have one.", valueName: "n"))
    var hourly: Int?

    @Option(
        name: .customLong("keep-daily"),
        help: ArgumentHelp("Keep the newest trash folder of each of the last N days that have one.", valueName: "n"))
    var daily: Int?

    @Option(
        name: .customLong("keep-weekly"),
        help: ArgumentHelp("Keep the newest trash folder of each of the last N weeks that have one.", valueName: "n"))
    var weekly: Int?

    @Option(
        name: .customLong("keep-monthly"),
        help: ArgumentHelp("Keep the newest trash folder of each of the last N months that have one.", valueName: "n"))
    var monthly: Int?

    @Option(
        name: .customLong("keep-yearly"),
        help: ArgumentHelp("Keep the newest trash folder of each of the last N years that have one.", valueName: "n"))
    var yearly: Int?

    @Option(
        name: .customLong("keep-within"),
        help: ArgumentHelp(
            "Keep every trash folder younger than this before the newest: 12h, 30d, 2w.", valueName: "age"))
    var within: String?

    @Flag(
        name: .customLong("prune-deleted"),
        help: "Let go the last trash version of a file that exists nowhere any more, too (kept otherwise).")
    var pruneDeleted = false

    func validate() throws {
        for (name, count) in [
            ("last", last), ("hourly", hourly), ("daily", daily), ("weekly", weekly), ("monthly", monthly),
            ("yearly", yearly),
        ] where (count ?? 1) < 1 {
            throw ValidationError("--keep-\(name) takes a number of trash folders, 1 or more")
        }
        if let within, (Interval(within)?.seconds ?? 0) <= 0 {
            throw ValidationError("--keep-within takes an age: \(Interval.forms), not '\(within)'")
        }
        if pruneDeleted, policy.isEmpty {
            throw ValidationError("--prune-deleted goes with a --keep rule: without one, every trash folder goes")
        }
    }

    var policy: KeepPolicy {
        var policy = KeepPolicy()
        (policy.last, policy.hourly, policy.daily, policy.weekly) = (last, hourly, daily, weekly)
        (policy.monthly, policy.yearly) = (monthly, yearly)
        policy.within = within.flatMap { Interval($0) }
        policy.pruneDeleted = pruneDeleted
        return policy
    }
}
