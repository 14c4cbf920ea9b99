import Foundation

/// Random trees, filter rules and changes for the differential test, all from one seeded generator: folders,
/// files, empty folders, symlinks, hard-link groups within and across top-level folders, two copies of one
/// file that the source later links, odd names (a newline, a tab, bytes that are not UTF-8, ` => `, `*`,
/// `[x]`) and names the filter rules match; then changes on each side (new, modified, touched, chmod, a type
/// changed, deleted, renamed, linked, unlinked).
struct TreeGenerator {
    var random: SeededRandom

    static let names: [[UInt8]] =
        [
            "a", "b", "c", "docs", "x1", "y", "top1", "keep.log", "a.log", "n.tmp", "cache", "cachy", "tmp", ".hidden",
            "-dash", "sp ace", "tab\there", "new\nline", "back\\slash", "co:lon", "star*", "brack[et]", "ar => row",
            "li -> nk", "é", "deep",
        ].map { Array($0.utf8) } + [[0xFF, 0xFE, UInt8(ascii: "x")]]

    /// Filter rules, each a configuration's `exclude` entry as rsync's `--exclude` takes it; an include rule
    /// comes before the exclude it makes an exception to.
    static let filterRules: [[String]] = [
        ["cache/"], ["/cache/"], ["**/cache/"], ["cach?/"], ["- cache/"], ["*.log"], ["+ keep.log", "*.log"],
        ["*.tmp"], ["/top*"], ["tmp/"], ["**/x*"], ["docs/**/y"], ["/b/c"], ["deep/"],
    ]

    static let fileModes: [mode_t] = [0o644, 0o600, 0o755, 0o640, 0o444]
    static let folderModes: [mode_t] = [0o755, 0o700, 0o750, 0o775]

    mutating func filters() -> [String] {
        (0..<random.int(0...2)).flatMap { _ in random.pick(Self.filterRules) }
    }

    /// A random time in 2020–2021, to the nanosecond.
    mutating func time(_ tree: RawTree, _ path: [UInt8]) {
        tree.setTime(
            path, seconds: 1_580_000_000 + random.int(0...60_000_000), nanoseconds: random.int(0...999_999_999))
    }

    mutating func contents() -> [UInt8] { (0..<random.int(0...40)).map { _ in UInt8(random.int(32...126)) } }

    /// A name not yet in the folder `parent`.
    mutating func freshName(in tree: RawTree, _ parent: [UInt8]) -> [UInt8] {
        while true {
            var name = random.pick(Self.names)
            if random.chance(0.3) { name += Array("\(random.int(1...9))".utf8) }
            let path = parent.isEmpty ? name : parent + [UInt8(ascii: "/")] + name
            if !tree.exists(path) { return path }
        }
    }

    mutating func file(_ tree: RawTree, _ path: [UInt8]) {
        tree.write(path, contents(), mode: random.pick(Self.fileModes))
        time(tree, path)
    }

    mutating func symlink(_ tree: RawTree, _ path: [UInt8]) {
        tree.symlink(path, to: random.pick(Self.names + [Array("../a".utf8), Array("nowhere/x".utf8)]))
        time(tree, path)
    }

    /// A folder with up to a few entries, folders below it down to `depth`.
    mutating func folder(_ tree: RawTree, _ path: [UInt8], depth: Int) {
        tree.makeDirectory(path, mode: 0o755)
        for _ in 0..<random.int(0...(depth > 0 ? 4 : 2)) {
            let child = freshName(in: tree, path)
            switch random.int(0...9) {
            case 0...5: file(tree, child)
            case 6...7 where depth > 0: folder(tree, child, depth: depth - 1)
            case 8: symlink(tree, child)
            default: tree.makeDirectory(child, mode: random.pick(Self.folderModes))
            }
        }
        tree.chmod(path, random.pick(Self.folderModes))
    }

    /// The base tree both sides start from, its folders' times set last (what they hold changes them).
    mutating func base(_ tree: RawTree) {
        for _ in 0..<random.int(2...5) { folder(tree, freshName(in: tree, []), depth: 2) }
        for _ in 0..<random.int(0...3) { file(tree, freshName(in: tree, [])) }
        let files = tree.paths().filter { tree.status($0).map { $0.st_mode & S_IFMT == S_IFREG } ?? false }
        if !files.isEmpty {
            // Hard links, within a folder or across the top-level ones; and two copies the source will link.
            for _ in 0..<random.int(0...2) {
                tree.link(freshName(in: tree, randomFolder(tree)), to: random.pick(files))
            }
            if random.chance(0.5) {
                let original = random.pick(files), copy = freshName(in: tree, randomFolder(tree))
                tree.write(copy, tree.contents(original), mode: tree.status(original)!.st_mode & 0o7777)
                let info = tree.status(original)!
                tree.setTime(copy, seconds: info.st_mtim.tv_sec, nanoseconds: info.st_mtim.tv_nsec)
                copies.append((original, copy))
            }
        }
        settle(tree)
    }

    /// Pairs of separate copies of one file in the base tree, which `change` may make hard links.
    var copies: [([UInt8], [UInt8])] = []

    /// Every folder's time (and the root's) set anew, deepest first.
    mutating func settle(_ tree: RawTree) {
        for path in tree.paths().reversed() where tree.isDirectory(path) { time(tree, path) }
        time(tree, [])
    }

    mutating func randomFolder(_ tree: RawTree) -> [UInt8] {
        random.pick([[]] + tree.paths().filter { tree.isDirectory($0) })
    }

    /// `count` random changes of one side, each folder it touches keeping the time the change gives it.
    mutating func change(_ tree: RawTree, count: Int, onlyHere: Bool) {
        for _ in 0..<count {
            let paths = tree.paths()
            let existing = paths.isEmpty ? nil : random.pick(paths)
            switch random.int(0...13) {
            case 0, 1: file(tree, freshName(in: tree, randomFolder(tree)))
            case 2: folder(tree, freshName(in: tree, randomFolder(tree)), depth: 1)
            case 3: symlink(tree, freshName(in: tree, randomFolder(tree)))
            case 4, 5:
                // Modified: new content and time; sometimes the same size, only the time tells.
                guard let path = existing, tree.status(path).map({ $0.st_mode & S_IFMT == S_IFREG }) == true else {
                    continue
                }
                file(tree, path)
            case 6:
                guard let path = existing else { continue }
                tree.chmod(path, tree.isDirectory(path) ? random.pick(Self.folderModes) : random.pick(Self.fileModes))
            case 7:
                guard let path = existing else { continue }
                time(tree, path)
            case 8:
                // A type changed: a file or symlink becomes a folder, a folder a file or a symlink.
                guard let path = existing else { continue }
                let wasFolder = tree.isDirectory(path)
                tree.remove(path)
                if wasFolder {
                    random.chance(0.5) ? file(tree, path) : symlink(tree, path)
                } else {
                    folder(tree, path, depth: 1)
                }
            case 9:
                guard let path = existing else { continue }
                tree.remove(path)
            case 10:
                guard let path = existing else { continue }
                tree.rename(path, to: freshName(in: tree, randomFolder(tree)))
            case 11:
                // A new name for a file, anywhere: a hard link.
                let files = paths.filter { tree.status($0).map { $0.st_mode & S_IFMT == S_IFREG } ?? false }
                guard !files.isEmpty else { continue }
                tree.link(freshName(in: tree, randomFolder(tree)), to: random.pick(files))
            case 12:
                // Two copies made one file, or a hard link made a copy of its own.
                if !onlyHere, let (original, copy) = copies.first, tree.exists(original), tree.exists(copy),
                    tree.contents(original) == tree.contents(copy)
                {
                    tree.remove(copy)
                    tree.link(copy, to: original)
                } else if let path = existing, let info = tree.status(path), info.st_mode & S_IFMT == S_IFREG,
                    info.st_nlink > 1
                {
                    let contents = tree.contents(path)
                    tree.remove(path)
                    tree.write(path, contents, mode: info.st_mode & 0o7777)
                    tree.setTime(path, seconds: info.st_mtim.tv_sec, nanoseconds: info.st_mtim.tv_nsec)
                }
            default:
                // What the filter rules are about, often only on this side.
                let name = random.pick(
                    ["cache", "cachy", "tmp", "keep.log", "a.log", "x1", "deep"].map { Array($0.utf8) })
                let parent = randomFolder(tree)
                let path = parent.isEmpty ? name : parent + [UInt8(ascii: "/")] + name
                guard !tree.exists(path) else { continue }
                random.chance(0.6) ? folder(tree, path, depth: 1) : file(tree, path)
            }
        }
        if random.chance(0.3) { tree.chmod([], random.pick(Self.folderModes)) }
        if random.chance(0.5) { time(tree, []) }
        settleRecent(tree)
    }

    /// The folders the changes touched (the root too) get times of the past, as a tree holds when it is
    /// synced: rsync takes two times within one second as the same, so a folder changed in the second the
    /// run writes into it would keep the run's time, by rsync's own rule, not a difference of micsync's.
    mutating func settleRecent(_ tree: RawTree) {
        let recent = 1_700_000_000
        for path in tree.paths().reversed() + [[]] where tree.isDirectory(path) {
            if let info = tree.status(path), info.st_mtim.tv_sec > recent { time(tree, path) }
        }
    }
}
