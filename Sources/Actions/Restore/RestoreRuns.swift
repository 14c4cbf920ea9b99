import Foundation
import MicsyncKit

/// The runs of one restore, each through the runner of every sync (planned, asked, applied into the
/// target with what it replaces kept in the target's trash, journaled as `restore`): one per place the
/// versions come from, and with -d one that deletes what did not exist then.
@MainActor
struct RestoreRuns {
    let scope: Scope
    let target: RestoreTarget
    let history: History
    let context: RunContext
    let options: RunOptions

    /// Copies each source's versions into the target. A location's current copies of a folder go as the
    /// folder, the files that come from elsewhere (or did not exist then) excluded, so that a large folder
    /// is not one rsync argument per file.
    func copy(_ plan: RestorePlan) async throws(MicsyncError) {
        for (source, versions) in plan.sources {
            let origin =
                try source.trash.map { trash throws(MicsyncError) in
                    try Trash.source(trash, in: source.location, locations: context.locations)
                } ?? source.location
            var options = options
            var paths = versions.map { target.inTarget($0.path) }
            let others = source.trash == nil ? othersInPlace(at: source.location, besides: versions) : []
            if source.trash == nil, others.count < paths.count {
                paths = [target.inTarget(RawPath.bytes(target.relative))]
                options.excludes = others.map { Self.anchoredPattern(target.inTarget($0)) }
            }
            try await run(from: target.anchored(origin), paths: paths, options: options)
        }
    }

    /// Deletes `extra` (paths in the location) from the target: a run from an empty folder of micsync's
    /// own that holds only their parent folders, rsync planning each path missing there as a deletion and
    /// comparing nothing else (folder times and permissions stay as they are at the target).
    func delete(_ extra: [[UInt8]]) async throws(MicsyncError) {
        guard !extra.isEmpty else { return }
        let paths = extra.map(target.inTarget)
        let empty = try EmptySource(holdingParentsOf: paths)
        defer { empty.remove() }
        var options = options
        options.deletion = .ask
        try await run(
            from: empty.location, paths: paths, options: options, planOptions: ["--delete-missing-args"],
            rsyncOptions: ["--omit-dir-times", "--no-perms", "--no-owner", "--no-group"])
    }

    private func run(
        from source: Location, paths: [[UInt8]], options: RunOptions, planOptions: [String] = [],
        rsyncOptions: [String] = []
    ) async throws(MicsyncError) {
        let relativePaths = Set(paths).sorted { $0.lexicographicallyPrecedes($1) }.map(RawPath.string)
        var request = SyncRequest(
            action: "restore",
            scope: Scope(configuration: scope.configuration, typedIn: source, relativePaths: relativePaths),
            endpoints: Endpoints(source: source, destinations: [target.location]), options: options)
        request.planOptions = planOptions
        request.syncsRoot = false
        request.rsyncOptions = rsyncOptions
        try await SyncRunner(context: context).run(request)
    }

    /// The files at and below the restored path among `location`'s current copies that are not `versions`.
    private func othersInPlace(at location: Location, besides versions: [FileVersion]) -> [[UInt8]] {
        let taken = Set(versions.map(\.path))
        let current = history.locations.first { $0.location == location }?.versions.filter { $0.trash == nil } ?? []
        return current.map(\.path).filter { !taken.contains($0) }
    }

    /// An rsync filter pattern matching exactly `path` from the root of the transfer: its wildcard
    /// characters escaped where rsync would read them as such (only in a pattern that has one).
    nonisolated static func anchoredPattern(_ path: [UInt8]) -> String {
        let wildcards = Set("*?[".utf8)
        guard path.contains(where: wildcards.contains) else { return "/" + RawPath.string(path) }
        let escaped = path.flatMap {
            wildcards.contains($0) || $0 == UInt8(ascii: "\\") ? [UInt8(ascii: "\\"), $0] : [$0]
        }
        return "/" + RawPath.string(escaped)
    }
}

/// A folder of micsync's own in the temporary folder, holding only the folders above some paths: a source
/// that lacks those paths, for rsync to plan their deletion. Removed once the run is over.
struct EmptySource {
    let location: Location
    private let made: [[UInt8]]

    init(holdingParentsOf paths: [[UInt8]]) throws(MicsyncError) {
        var template = Array((NSTemporaryDirectory() + "micsync-restore-XXXXXX").utf8CString)
        guard let root = mkdtemp(&template) else {
            throw .io("cannot make a temporary folder: \(String(cString: strerror(errno)))")
        }
        let base = Array(String(cString: root).utf8)
        var made: [[UInt8]] = []
        for path in paths {
            let components = path.split(separator: UInt8(ascii: "/")).dropLast()
            var folder = base
            for component in components {
                folder += [UInt8(ascii: "/")] + component
                let name = folder.map { CChar(bitPattern: $0) } + [0]
                if mkdir(name, 0o700) == 0 { made.append(folder) }
            }
        }
        self.made = [base] + made
        location = Location(role: .working, index: 0, path: String(cString: root))
    }

    /// Removes the folders it made, deepest first.
    func remove() {
        for folder in made.reversed() { rmdir(folder.map { CChar(bitPattern: $0) } + [0]) }
    }
}
