import ArgumentParser
import MicsyncKit

extension TrashCommand {
    /// Copies a run's trash (or one path of it) back to its place, through the same session as every sync.
    struct Restore: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Copy what a run trashed back to its place, asking before overwriting.",
            discussion: """
                Copies the files kept in the trash folder TIMESTAMP (all of them, or only PATH) back to their \
                place in the location, with rsync, as a run from the trash would: missing files are copied; \
                files that differ from the one in place are listed and asked about (Modify/No; -m modifies \
                without asking). What a restore overwrites goes to a new trash folder, so nothing is lost; \
                nothing is deleted, and the trash folder stays until purged. The location is the one holding \
                PATH, the one given with --location, or else the only one whose trash has TIMESTAMP.

                Examples:
                  micsync trash restore 20261124T213005Z                 all that run trashed
                  micsync trash restore 20261124T213005Z ~/docs/a.txt    one file or folder
                  micsync trash restore -n --location /mnt/b1 20261124T213005Z
                """)

        @Argument(
            help: "The trash folder to restore from, as `micsync trash list` shows it.",
            completion: .custom(CompletionCandidates.trashTimestamps))
        var timestamp: String

        @Argument(help: "Restore only this file or directory: its path in the location.", completion: .file())
        var path: String?

        @Option(help: "The location to restore into: its path.", completion: .custom(CompletionCandidates.locations))
        var location: String?

        @Flag(name: .customShort("m"), help: "Overwrite modified files without asking.")
        var modify = false

        @Flag(name: [.customShort("n"), .customLong("dry-run")], help: "Show what would be restored; change nothing.")
        var dryRun = false

        @Flag(
            name: .customShort("v"), help: "Verbose: print every rsync command; ask before each one that changes files."
        )
        var verbose = false

        @Flag(name: .customLong("no-trash"), help: "Do not keep the files a restore overwrites in a new trash folder.")
        var noTrash = false

        @OptionGroup var locations: TrashLocationOptions

        @MainActor
        func run() async throws {
            let target = try target()
            let destination = target.typedIn
            let folder = try destination.trashFolder(timestamp)
            let relative = target.relativePaths[0]
            let source = Location(role: destination.role, index: destination.index, path: folder)
            guard FileSystem.exists(source.path + "/" + relative) else {
                throw MicsyncError.notFound("\(relative) is not in trash \(timestamp) of \(destination.heading)")
            }
            var options = RunOptions()
            options.modify = modify
            options.dryRun = dryRun
            options.verbose = verbose
            options.trash = !noTrash
            let rsync = try await Rsync.locate()
            let locks = dryRun ? [:] : try LocationLock.acquire([destination])
            let scope = Scope(configuration: target.configuration, typedIn: source, relativePaths: [relative])
            var invocation = RsyncInvocation(source: source, scope: scope, actionFilters: [], deleting: false)
            invocation.filesystems = .probe(source: source, destinations: [destination])
            let outcome = await SyncSession(
                action: "restore", rsync: rsync, invocation: invocation,
                scope: scope, source: source, destinations: [destination], options: options, questions: Questions(),
                locks: locks
            ).run()
            if let error = outcome.error { throw error }
        }

        /// The location to restore into and the path in it ("" for everything): the one holding PATH, the
        /// one named by --location, or the only one whose trash has TIMESTAMP.
        private func target() throws(MicsyncError) -> Scope {
            let named = [path, location].compactMap { $0 }
            if !named.isEmpty {
                let typed = try locations.scopes(named)
                let first = typed[0]
                guard typed.count == 1 else {
                    throw .usage(
                        "\(path ?? "") is in \(first.typedIn.heading), not in the location given with "
                            + "--location, \(typed[1].typedIn.heading)")
                }
                return path == nil ? .whole(first.typedIn, of: first.configuration) : first
            }
            let all = try locations.scopes([]).filter { $0.typedIn.isAccessible }
            let holding = all.filter { Trash.timestamps(in: $0.typedIn).contains(timestamp) }
            guard holding.count == 1 else {
                let lines = (holding.isEmpty ? all : holding).map { scope in
                    let timestamps = Trash.timestamps(in: scope.typedIn)
                    return "  \(scope.typedIn.heading): "
                        + (timestamps.isEmpty ? "no trash" : timestamps.joined(separator: " "))
                }.joined(separator: "\n")
                throw holding.isEmpty
                    ? .notFound("no accessible location has trash \(timestamp); the trash there is:\n" + lines)
                    : .usage(
                        "trash \(timestamp) is in several locations; choose one with --location or a PATH:\n" + lines)
            }
            return holding[0]
        }
    }
}
