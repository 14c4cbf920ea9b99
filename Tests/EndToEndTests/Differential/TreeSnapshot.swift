import Foundation

@testable import MicsyncKit

/// What a tree holds, as the differential test compares two: for each path its type, permissions, size,
/// content (hashed), symlink target and modification time; the groups of names that are hard links of one
/// file; the root's own permissions and time.
struct TreeSnapshot {
    struct Entry: Equatable {
        var kind: UInt32
        var mode: UInt32
        var size: Int64 = 0
        var content: UInt64 = 0
        var target: [UInt8] = []
        var modified: Int64
    }

    private(set) var entries: [[UInt8]: Entry] = [:]
    private(set) var links: Set<[[UInt8]]> = []
    private(set) var root: Entry?

    init(_ tree: RawTree) {
        var inodes: [UInt64: [[UInt8]]] = [:]
        root = tree.status([]).map { Self.entry($0) }
        for path in tree.paths() {
            guard let info = tree.status(path) else { continue }
            var entry = Self.entry(info)
            switch info.st_mode & S_IFMT {
            case S_IFREG:
                entry.size = Int64(info.st_size)
                entry.content = Self.hash(tree.contents(path))
                if info.st_nlink > 1 { inodes[UInt64(info.st_ino), default: []].append(path) }
            case S_IFLNK: entry.target = tree.target(path)
            default: break
            }
            entries[path] = entry
        }
        links = Set(inodes.values.filter { $0.count > 1 }.map { $0.sorted { $0.lexicographicallyPrecedes($1) } })
    }

    private static func entry(_ info: stat) -> Entry {
        Entry(
            kind: UInt32(info.st_mode & S_IFMT), mode: UInt32(info.st_mode & 0o7777),
            modified: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec))
    }

    /// FNV-1a: enough to tell two small files apart.
    private static func hash(_ bytes: [UInt8]) -> UInt64 {
        bytes.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
    }

    /// What differs from `expected`, one line each (at most `limit`), names shown readably. Two times both
    /// after `runs` are alike: each is when the run at hand changed what neither run has a time for (a
    /// folder only the destination holds, which a deletion in it changed).
    func differences(from expected: TreeSnapshot, runs: Int64, limit: Int = 12) -> [String] {
        func differ(_ entry: Entry?, _ other: Entry?) -> Bool {
            guard var entry, let other else { return entry != nil || other != nil }
            if entry.modified > runs, other.modified > runs { entry.modified = other.modified }
            return entry != other
        }
        var lines: [String] = []
        if differ(root, expected.root) {
            lines.append("the root: \(Self.describe(root)) instead of \(Self.describe(expected.root))")
        }
        let paths = Set(entries.keys).union(expected.entries.keys).sorted { $0.lexicographicallyPrecedes($1) }
        for path in paths where differ(entries[path], expected.entries[path]) {
            lines.append(
                "\(DisplayName.readable(path)): \(Self.describe(entries[path])) instead of "
                    + Self.describe(expected.entries[path]))
        }
        for group in links.symmetricDifference(expected.links) {
            let names = group.map { DisplayName.readable($0) }.joined(separator: ", ")
            lines.append("hard links \(names): \(links.contains(group) ? "only here" : "missing")")
        }
        return Array(lines.prefix(limit)) + (lines.count > limit ? ["… and \(lines.count - limit) more"] : [])
    }

    private static func describe(_ entry: Entry?) -> String {
        guard let entry else { return "nothing" }
        let kind =
            switch mode_t(entry.kind) {
            case S_IFREG: "file \(entry.size) B #\(String(entry.content, radix: 16).prefix(6))"
            case S_IFDIR: "folder"
            case S_IFLNK: "symlink to \(DisplayName.readable(entry.target))"
            default: "other"
            }
        return "\(kind) \(String(entry.mode, radix: 8)) @\(entry.modified)"
    }
}
