/// A compact list of relative paths as raw bytes (names need not be valid UTF-8), with the size rsync
/// reported for each. Entries are packed as `[size, LEB128][name][NUL]` into blocks of about 1 MiB that are
/// never copied as the list grows, so a million entries cost little more than their names.
public struct PathList: Sendable, Sequence {
    public struct Entry {
        /// The path relative to the location root; directories end with "/".
        public let path: ArraySlice<UInt8>
        public let size: Int64

        var isDirectory: Bool { path.last == UInt8(ascii: "/") }
        var displayName: String { DisplayName.readable(path) }
        /// The path as `rsync --files-from` must read it: a directory without its trailing "/", since rsync
        /// recurses into a listed `dir/` and would copy what was declined or never planned.
        var listedName: ArraySlice<UInt8> { isDirectory ? path.dropLast() : path }
    }

    static let blockSize = 1 << 20

    public private(set) var count = 0
    private(set) var totalSize: Int64 = 0
    private var blocks: [[UInt8]] = []

    init() {}

    /// The location root alone (`./`), as the pass that syncs its own attributes lists it.
    static var root: PathList {
        var list = PathList()
        list.append(ItemizedChange.root, size: 0)
        return list
    }

    public var isEmpty: Bool { count == 0 }
    var directoryCount: Int { count(where: \.isDirectory) }
    /// The bytes of the files listed (a directory counts nothing).
    var fileBytes: Int64 { reduce(0) { $0 + ($1.isDirectory ? 0 : $1.size) } }

    public mutating func append(_ path: some Collection<UInt8>, size: Int64) {
        let needed = path.count + 11
        if blocks.isEmpty || blocks[blocks.count - 1].count + needed > blocks[blocks.count - 1].capacity {
            var block: [UInt8] = []
            block.reserveCapacity(Swift.max(Self.blockSize, needed))
            blocks.append(block)
        }
        let last = blocks.count - 1
        var value = UInt64(Swift.max(size, 0))
        repeat {
            blocks[last].append(UInt8(value & 0x7F) | (value > 0x7F ? 0x80 : 0))
            value >>= 7
        } while value > 0
        blocks[last].append(contentsOf: path)
        blocks[last].append(0)
        count += 1
        totalSize += size
    }

    /// Writes the list as `rsync --from0 --files-from` must read it: NUL-separated, each its `listedName`.
    func writeFilesFrom(to output: inout LineWriter) {
        for entry in self {
            output.write(entry.listedName)
            output.write(CollectionOfOne(0))
        }
    }

    /// Approved deletions as the deletion pass gets them: only those still absent from `source` (asked where
    /// it lives), the outermost of each folder; and the readable names of those back in the source meanwhile
    /// (kept). A folder that only the destination holds, yet was not planned for deletion (a rule protects
    /// something in it), is deleted whole in their place, as one walk deletes it (what the rule protects
    /// stays): rsync takes a listed path below a folder the source lacks for one whose parent vanished. nil
    /// when the source cannot tell.
    func deletions(missingFrom source: Location, in book: LocationBook) -> (deletions: PathList, returned: [String])? {
        var folders: [ArraySlice<UInt8>] = [], seen = Set<ArraySlice<UInt8>>()
        for entry in self {
            let path = entry.listedName
            for slash in path.indices where path[slash] == UInt8(ascii: "/") && seen.insert(path[..<slash]).inserted {
                folders.append(path[..<slash])
            }
        }
        guard let found = book.entries(map { Array($0.listedName) } + folders.map(Array.init), in: source) else {
            return nil
        }
        let absent = Set(zip(folders, found.dropFirst(count)).compactMap { $1 == nil ? $0 : nil })
        var missing = PathList(), returned: [String] = []
        for (entry, there) in zip(self, found) {
            guard there == nil else {
                returned.append(entry.displayName)
                continue
            }
            let path = entry.listedName
            if let slash = path.indices.first(where: { path[$0] == UInt8(ascii: "/") && absent.contains(path[..<$0]) })
            {
                missing.append(path[...slash], size: 0)
            } else {
                missing.append(entry.path, size: entry.size)
            }
        }
        return (missing.outermost(), returned)
    }

    /// The entries that lie in no other listed directory: deleting a directory (recursively) deletes the
    /// rest, and rsync would warn about the inner entries whose parent is already gone.
    func outermost() -> PathList {
        var result = PathList()
        var enclosing: ArraySlice<UInt8>?
        for entry in sortedByPath() {
            if let enclosing, entry.path.starts(with: enclosing) { continue }
            result.append(entry.path, size: entry.size)
            enclosing = entry.isDirectory ? entry.path : nil
        }
        return result
    }

    /// The same entries in byte order of their paths, each once: a folder before what it holds.
    func sortedByPath() -> PathList {
        var result = PathList()
        var last: ArraySlice<UInt8>?
        for entry in sorted(by: { $0.path.lexicographicallyPrecedes($1.path) }) where entry.path != last {
            result.append(entry.path, size: entry.size)
            last = entry.path
        }
        return result
    }

    public func makeIterator() -> Iterator { Iterator(blocks: blocks) }

    /// Walks the entries in place, block by block.
    public struct Iterator: IteratorProtocol {
        let blocks: [[UInt8]]
        var block = 0, offset = 0

        public mutating func next() -> Entry? {
            while block < blocks.count, offset >= blocks[block].count {
                block += 1
                offset = 0
            }
            guard block < blocks.count else { return nil }
            let bytes = blocks[block]
            var size: UInt64 = 0, shift: UInt64 = 0
            while true {
                let byte = bytes[offset]
                offset += 1
                size |= UInt64(byte & 0x7F) << shift
                shift += 7
                if byte & 0x80 == 0 { break }
            }
            let end = bytes[offset...].firstIndex(of: 0)!
            defer { offset = end + 1 }
            return Entry(path: bytes[offset..<end], size: Int64(size))
        }
    }
}
