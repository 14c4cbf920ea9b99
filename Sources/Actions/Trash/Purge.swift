import ArgumentParser
import Foundation
import MicsyncCLI
import MicsyncKit

extension TrashCommand {
    /// Deletes trash folders, all or the old ones, after showing them and asking.
    struct Purge: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Delete trash folders (all, or those older than an age such as 30d), asking first.",
            discussion: """
                Lists the trash folders of every location (only those of --config-name, or only the ones \
                holding PATH) and asks Delete/No before deleting them; --yes deletes without asking. With \
                --older-than AGE only the folders whose TIMESTAMP is more than AGE ago go: 12h, 30d, 2w \
                (hours, days, weeks; a bare number counts days). What a purge deletes cannot be restored.

                Examples:
                  micsync trash purge                      every trash folder, after asking
                  micsync trash purge --older-than 30d     those of runs more than 30 days ago
                  micsync trash purge --older-than 12h     those of runs more than 12 hours ago
                  micsync trash purge --yes /mnt/b1        all of one location's, without asking
                """)

        @Argument(help: "Purge only the locations holding these paths.", completion: .file())
        var paths: [String] = []

        @Option(
            name: .customLong("older-than"),
            help: ArgumentHelp(
                "Only trash folders of runs older than this: 30m, 12h, 30d, 2w (a bare number counts days).",
                valueName: "age"))
        var olderThan: String?

        @Flag(help: "Delete without asking.")
        var yes = false

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
            let terminal = context.terminal
            let withTrash = try locations.scopes(paths).map(\.typedIn).filter { location in
                let access = context.locations.access(location)
                if !access.isAccessible { terminal.notice(access.note(for: location)) }
                return access.isAccessible && !location.trashTimestamps.isEmpty
            }
            // Locked while listed and purged, so that a run's trash is never purged while the run fills it.
            let locks = try context.locations.lock(withTrash)
            defer { withExtendedLifetime(locks) {} }
            let cutoff = olderThan.flatMap(Self.age).map { Date(timeIntervalSinceNow: -$0.timeInterval) }
            let doomed = withTrash.map { location in
                (
                    location,
                    TrashFolder.all(in: location).filter { folder in
                        cutoff.map { cutoff in folder.date.map { $0 < cutoff } ?? false } ?? true
                    }
                )
            }.filter { !$0.1.isEmpty }
            let folders = doomed.flatMap(\.1)
            guard !folders.isEmpty else { return terminal.print("nothing to purge") }
            for (location, folders) in doomed {
                terminal.print("\(location.heading):")
                TrashFolder.lines(folders, style: terminal.style).forEach(terminal.print)
            }
            let what =
                plural(folders.count, "trash folder", "trash folders") + " ("
                + plural(folders.reduce(0) { $0 + $1.files }, "file", "files") + ", "
                + ByteCount.readable(folders.reduce(0) { $0 + $1.bytes }) + ")"
            if !yes, try context.run.questions.ask("Delete \(what)?", [.delete, .no]) == .no {
                return terminal.print("nothing was deleted")
            }
            // micsync's own trash folders, not user files, so micsync rather than rsync deletes them, by
            // descriptor: never through a symlink, never into another filesystem.
            for (location, folders) in doomed {
                try context.locations.purgeTrash(folders.map(\.timestamp), in: location)
            }
            terminal.print("deleted \(what)")
        }
    }
}
