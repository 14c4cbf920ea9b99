import ArgumentParser
import MicsyncCLI
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

        @OptionGroup var modify: ModifyOption
        @OptionGroup var printing: CommandPrinting
        @OptionGroup var apply: ApplyOptions
        @OptionGroup var locations: TrashLocationOptions

        /// Restoring is a sync from the trash folder into the location, through the runner of every sync
        /// (locked, planned, asked, applied, journaled as `restore`); on another host, rsync runs there.
        @MainActor
        func run() async throws {
            let target = try target()
            let destination = target.typedIn
            try requireTrash(in: destination)
            let folder = try destination.trashFolder(timestamp)
            let relative = target.relativePaths[0]
            let source = Location(role: destination.role, index: destination.index, path: folder)
            guard CommandContext.current.locations.missing([relative], in: source)?.isEmpty ?? true else {
                throw MicsyncError.notFound("\(relative) is not in trash \(timestamp) of \(destination.heading)")
            }
            var options = RunOptions()
            options.modify = modify.modify
            printing.apply(to: &options)
            apply.apply(to: &options)
            var context = CommandContext.current.run
            context.terminal.quiet = options.quiet
            let scope = Scope(configuration: target.configuration, typedIn: source, relativePaths: [relative])
            var request = SyncRequest(
                action: "restore", scope: scope, endpoints: Endpoints(source: source, destinations: [destination]),
                options: options)
            request.syncsRoot = false
            try await SyncRunner(context: context).run(request)
        }

        /// A location without trash TIMESTAMP: the error names the locations that have it.
        private func requireTrash(in destination: Location) throws {
            guard !destination.trashTimestamps.contains(timestamp) else { return }
            let book = CommandContext.current.locations
            let holding = try locations.scopes([]).map(\.typedIn).filter {
                book.access($0).isAccessible && $0.trashTimestamps.contains(timestamp)
            }
            guard !holding.isEmpty else { return }
            throw MicsyncError.notFound(
                "no trash \(timestamp) in \(destination.heading); it is in "
                    + holding.map(\.heading).joined(separator: ", ")
                    + ": give --location \(holding[0].path), or a path there")
        }

        /// The location to restore into and the path in it ("" for everything): the one holding PATH, the
        /// one named by --location, or the only one whose trash has TIMESTAMP.
        private func target() throws -> Scope {
            if let path, let relative = try relativeToLocation(path) { return relative }
            let named = [path, location].compactMap { $0 }
            if !named.isEmpty {
                let typed = try locations.scopes(named)
                let first = typed[0]
                guard typed.count == 1 else {
                    throw MicsyncError.usage(
                        "\(path ?? "") is in \(first.typedIn.heading), not in the location given with "
                            + "--location, \(typed[1].typedIn.heading)")
                }
                return path == nil ? .whole(first.typedIn, of: first.configuration) : first
            }
            return try holdingLocation()
        }

        /// The only location whose trash has TIMESTAMP, whole.
        private func holdingLocation() throws -> Scope {
            let all = try locations.scopes([]).filter {
                CommandContext.current.locations.access($0.typedIn).isAccessible
            }
            let holding = try all.map(\.typedIn).holdingTrash(timestamp)
            guard holding.count == 1 else {
                throw MicsyncError.usage(
                    "trash \(timestamp) is in several locations; choose one with --location or a PATH:\n"
                        + holding.trashLines)
            }
            return all.first { $0.typedIn == holding[0] }!
        }

        /// A relative PATH, as the help describes it: a path in the location (the one of --location, or the
        /// only one whose trash has TIMESTAMP), unless it names a place there from the current directory.
        /// nil for an absolute path.
        private func relativeToLocation(_ path: String) throws -> Scope? {
            guard !path.hasPrefix("/"), !path.hasPrefix("~") else { return nil }
            let base = try location.map { try locations.scopes([$0])[0] } ?? holdingLocation()
            if let typed = try? locations.scopes([path]).first, typed.typedIn == base.typedIn { return typed }
            let parts = path.split(separator: "/").filter { $0 != "." }
            guard !parts.contains("..") else {
                throw MicsyncError.usage("\(path): give the path in the location without '..'")
            }
            return Scope(
                configuration: base.configuration, typedIn: base.typedIn,
                relativePaths: [parts.joined(separator: "/")])
        }
    }
}
