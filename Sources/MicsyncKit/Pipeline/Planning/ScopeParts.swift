import Foundation

/// A whole location's scope in parts, each planned by a dry run of its own at the same time (the fpsync idea:
/// one rsync walks with about one core, however many the machine has). The entries of the location's root
/// (the source's, and with deletion the destination's too) are cut into runs of neighbours that hold about
/// as many folders each, and each run is the sources of one dry run: no filter rule is added, so the run's
/// own filters apply as they do to one walk, and every entry lies in exactly one part. An entry that left
/// the source since the cut is one to delete (`--delete-missing-args`, with deletion) or nothing (without);
/// one that appeared since is planned by the next run, as by a walk that had passed it.
struct ScopeParts: Sendable {
    enum Part: Sendable, Equatable {
        /// The scope as one dry run plans it.
        case whole
        /// These entries of the root (raw names), each with all it holds; `onlyAtDestination` of them are
        /// not in the source, and rsync counts each such name as a file of the source.
        case entries([[UInt8]], onlyAtDestination: Int)
    }

    /// More entries than this would make command lines too long to be worth it.
    static let mostEntries = 10_000

    let parts: [Part]

    /// The scope in one dry run.
    static let whole = ScopeParts(parts: [.whole])

    private init(parts: [Part]) {
        self.parts = parts
    }

    /// Up to `count` parts of the root `sourceRoot`, with `destinationRoot`'s own entries when `deleting`;
    /// one whole part when the root holds fewer than two folders or too many entries.
    init(sourceRoot: String, destinationRoot: String, deleting: Bool, count: Int) {
        guard count > 1 else {
            parts = [.whole]
            return
        }
        var entries = Self.entries(of: sourceRoot)
        var onlyAtDestination: Set<[UInt8]> = []
        if deleting {
            for (name, isFolder) in Self.entries(of: destinationRoot) where entries[name] == nil {
                entries[name] = isFolder
                onlyAtDestination.insert(name)
            }
        }
        let folders = entries.values.count(where: { $0 })
        guard folders >= 2, entries.count <= Self.mostEntries else {
            parts = [.whole]
            return
        }
        parts = Self.runs(entries, count: min(count, folders)).map { names in
            .entries(names, onlyAtDestination: names.count(where: onlyAtDestination.contains))
        }
    }

    /// The entries in rsync's order (files first, then folders, each by name), cut into `count` runs where
    /// each run but the last ends after its share of the folders.
    static func runs(_ entries: [[UInt8]: Bool], count: Int) -> [[[UInt8]]] {
        let ordered = entries.sorted { left, right in
            left.value == right.value ? left.key.lexicographicallyPrecedes(right.key) : !left.value
        }
        let folders = entries.values.count(where: { $0 })
        var runs: [[[UInt8]]] = [[]]
        var foldersSeen = 0
        for (name, isFolder) in ordered {
            runs[runs.count - 1].append(name)
            guard isFolder else { continue }
            foldersSeen += 1
            if runs.count < count, foldersSeen >= runs.count * folders / count { runs.append([]) }
        }
        return runs.filter { !$0.isEmpty }
    }

    /// The entries of `directory` by raw name, each marked whether it is a folder (not a symlink to one);
    /// `.micsync` left out.
    static func entries(of directory: String) -> [[UInt8]: Bool] {
        guard let stream = RawPath.withCString(directory, { opendir($0) }) else { return [:] }
        defer { closedir(stream) }
        var entries: [[UInt8]: Bool] = [:]
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix { $0 != 0 }) }
            guard name != Array(".".utf8), name != Array("..".utf8), name != Array(StateFolder.name.utf8) else {
                continue
            }
            let type = entry.pointee.d_type
            entries[name] =
                type == UInt8(DT_DIR)
                || (type == UInt8(DT_UNKNOWN)
                    && FileSystem.status(directory, name).map { $0.st_mode & S_IFMT == S_IFDIR } == true)
        }
        return entries
    }
}
