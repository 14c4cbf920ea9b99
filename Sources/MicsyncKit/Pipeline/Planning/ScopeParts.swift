import Foundation

/// A whole location's scope in parts, each planned by a dry run of its own at the same time (the fpsync idea:
/// one rsync walks with about one core, however many the machine has), which together plan exactly what one
/// walk plans. The root part lists the root as one walk does, without going below it (`--dirs`): the root's
/// own attributes, its files and symlinks, its folders' own lines and, with deletion, what only the
/// destination holds there, judged by the run's filters against what is really there (a `cache/` rule keeps
/// a folder that only the destination has, as one walk keeps it). Each other part is a run of the source's
/// folders, each with all it holds (its own line is the root part's). No filter rule is added, so the run's
/// own rules apply to every entry as in one walk. A folder that left the source since the cut is nothing
/// (`--ignore-missing-args`); one that appeared since is the root part's alone, as in a walk that had passed
/// it.
struct ScopeParts: Sendable {
    enum Part: Sendable, Equatable {
        /// The scope as one dry run plans it.
        case whole
        /// The root's own entries, not what its folders hold.
        case root
        /// These folders of the root (raw names), each with all it holds but its own line.
        case folders([[UInt8]])
    }

    let parts: [Part]

    /// The scope in one dry run.
    static let whole = ScopeParts(parts: [.whole])

    private init(parts: [Part]) {
        self.parts = parts
    }

    /// The root part and up to `count` parts of the folders of `source`; one whole part when it holds fewer
    /// than two folders.
    init(source: LocalRoot, count: Int) {
        let folders = Self.folders(of: source)
        guard count > 1, folders.count >= 2 else {
            parts = [.whole]
            return
        }
        parts = [.root] + Self.runs(folders, count: min(count, folders.count)).map { .folders($0) }
    }

    /// `folders` in rsync's order (by name), cut into `count` runs of about as many each.
    static func runs(_ folders: [[UInt8]], count: Int) -> [[[UInt8]]] {
        let ordered = folders.sorted { $0.lexicographicallyPrecedes($1) }
        return (0..<count).map { run in
            Array(ordered[(run * ordered.count / count)..<((run + 1) * ordered.count / count)])
        }.filter { !$0.isEmpty }
    }

    /// The folders of `source` by raw name (not a symlink to one), `.micsync` left out.
    static func folders(of source: LocalRoot) -> [[UInt8]] {
        guard let stream = RawPath.withCString(source.path, { opendir($0) }) else { return [] }
        defer { closedir(stream) }
        var folders: [[UInt8]] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix { $0 != 0 }) }
            guard name != Array(".".utf8), name != Array("..".utf8), name != Array(StateFolder.name.utf8) else {
                continue
            }
            let type = entry.pointee.d_type
            if type == UInt8(DT_DIR)
                || (type == UInt8(DT_UNKNOWN)
                    && FileSystem.status(source, name).map { $0.st_mode & S_IFMT == S_IFDIR } == true)
            {
                folders.append(name)
            }
        }
        return folders
    }
}

extension ItemizedChange {
    /// Whether it is an entry of the root itself (`name`, `name/`), not something below one.
    var isAtTop: Bool { !relativePath.contains(UInt8(ascii: "/")) }
}
