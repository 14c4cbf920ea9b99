import ArgumentParser
import Foundation
import MicsyncKit

extension TrashCommand {
    /// Deletes trash folders, all or the old ones, after showing them and asking.
    struct Purge: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Delete trash folders (all, or those older than N days), asking first.",
            discussion: """
                Lists the trash folders of every location (only those of --config-name, or only the ones \
                holding PATH) and asks Delete/No before deleting them; --yes deletes without asking. With \
                --older-than DAYS only the folders whose TIMESTAMP is more than DAYS days ago go. What a purge \
                deletes cannot be restored.

                Examples:
                  micsync trash purge                      every trash folder, after asking
                  micsync trash purge --older-than 30      those of runs more than 30 days ago
                  micsync trash purge --yes /mnt/b1        all of one location's, without asking
                """)

        @Argument(help: "Purge only the locations holding these paths.", completion: .file())
        var paths: [String] = []

        @Option(name: .customLong("older-than"),
                help: ArgumentHelp("Only trash folders of runs more than DAYS days ago.", valueName: "days"))
        var days: Int?

        @Flag(help: "Delete without asking.")
        var yes = false

        @OptionGroup var locations: TrashLocationOptions

        func validate() throws {
            if let days, days < 0 { throw ValidationError("--older-than takes a number of days, 0 or more") }
        }

        func run() throws {
            let withTrash = try locations.scopes(paths).map(\.typedIn).filter { location in
                if !location.isAccessible { Console.note("note: skipping \(location.heading): not accessible (not mounted?)") }
                if let problem = StateFolder(location).problem() { Console.error(problem) }
                return !Trash.timestamps(in: location).isEmpty
            }
            // Locked while listed and purged, so that a run's trash is never purged while the run fills it.
            let locks = try LocationLock.acquire(withTrash)
            defer { withExtendedLifetime(locks) {} }
            let cutoff = days.map { Date(timeIntervalSinceNow: -Double($0) * 86_400) }
            let doomed = withTrash.map { location in
                (location, TrashFolder.all(in: location).filter { folder in
                    cutoff.map { cutoff in folder.date.map { $0 < cutoff } ?? false } ?? true
                })
            }.filter { !$0.1.isEmpty }
            let folders = doomed.flatMap(\.1)
            guard !folders.isEmpty else { return Console.print("nothing to purge") }
            for (location, folders) in doomed {
                Console.print("\(location.heading):")
                TrashFolder.lines(folders).forEach(Console.print)
            }
            let what = plural(folders.count, "trash folder", "trash folders") + " ("
                + plural(folders.reduce(0) { $0 + $1.files }, "file", "files") + ", "
                + ByteCount.readable(folders.reduce(0) { $0 + $1.bytes }) + ")"
            if !yes, try Questions().ask("Delete \(what)?", [.delete, .no]) == .no {
                return Console.print("nothing was deleted")
            }
            // micsync's own trash folders, not user files, so micsync rather than rsync deletes them, by
            // descriptor: never through a symlink, never into another filesystem.
            for (location, folders) in doomed {
                try Trash.purge(folders.map(\.timestamp), in: location)
            }
            Console.print("deleted \(what)")
        }
    }
}
