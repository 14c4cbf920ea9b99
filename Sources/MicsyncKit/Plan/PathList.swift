/// A compact list of relative paths as raw bytes (names need not be valid UTF-8), each followed by a NUL,
/// with the size rsync reported. Its bytes are exactly what `rsync --from0 --files-from` reads, and a
/// million entries cost little more than their names.
public struct PathList: Sendable, Sequence {
    public struct Entry {
        /// The path relative to the location root; directories end with "/".
        public let path: ArraySlice<UInt8>
        public let size: Int64

        public var isDirectory: Bool { path.last == UInt8(ascii: "/") }
        public var displayName: String { DisplayName.readable(path) }
    }

    public private(set) var count = 0
    /// The NUL-terminated names, in rsync's order.
    private(set) var nulSeparated: [UInt8] = []
    private var sizes: [Int64] = []

    public init() {}

    public var isEmpty: Bool { count == 0 }
    public var totalSize: Int64 { sizes.reduce(0, +) }
    public var directoryCount: Int { filter(\.isDirectory).count }

    public mutating func append(_ path: some Collection<UInt8>, size: Int64) {
        nulSeparated.append(contentsOf: path)
        nulSeparated.append(0)
        sizes.append(size)
        count += 1
    }

    /// The list as `rsync --from0 --files-from` must get it: a directory without its trailing "/", since
    /// rsync recurses into a listed `dir/` and would copy what was declined or never planned.
    public var filesFrom: [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(nulSeparated.count)
        for entry in self {
            bytes.append(contentsOf: entry.isDirectory ? entry.path.dropLast() : entry.path)
            bytes.append(0)
        }
        return bytes
    }

    /// Approved deletions as the apply pass gets them. A path that is back at the source by now goes along
    /// as it is, so rsync copies it instead of deleting it; of the rest, only the outermost.
    public func deletions(missingFrom source: String) -> PathList {
        var present = PathList(), missing = PathList()
        for entry in self {
            if FileSystem.exists(source, entry.path) {
                present.append(entry.path, size: entry.size)
            } else {
                missing.append(entry.path, size: entry.size)
            }
        }
        var result = missing.outermost()
        for entry in present { result.append(entry.path, size: entry.size) }
        return result
    }

    /// The entries that lie in no other listed directory: deleting a directory (recursively) deletes the
    /// rest, and rsync would warn about the inner entries whose parent is already gone.
    public func outermost() -> PathList {
        var result = PathList()
        var enclosing: ArraySlice<UInt8>?
        for entry in sorted(by: { $0.path.lexicographicallyPrecedes($1.path) }) {
            if let enclosing, entry.path.starts(with: enclosing) { continue }
            result.append(entry.path, size: entry.size)
            enclosing = entry.isDirectory ? entry.path : nil
        }
        return result
    }

    public func makeIterator() -> Iterator { Iterator(list: self) }

    /// Walks the names in place: no array of slices, however long the list.
    public struct Iterator: IteratorProtocol {
        let list: PathList
        var start = 0, index = 0

        public mutating func next() -> Entry? {
            guard index < list.count, let end = list.nulSeparated[start...].firstIndex(of: 0) else { return nil }
            defer { start = end + 1; index += 1 }
            return Entry(path: list.nulSeparated[start..<end], size: list.sizes[index])
        }
    }
}

/// Names as people read them: valid UTF-8 as is, control characters and invalid bytes escaped.
public enum DisplayName {
    public static func readable(_ bytes: some Collection<UInt8>) -> String {
        if bytes.allSatisfy({ $0 >= 0x20 && $0 < 0x7f }) { return String(decoding: bytes, as: UTF8.self) }
        var result = ""
        var index = bytes.startIndex
        while index != bytes.endIndex {
            let rest = bytes[index...]
            var iterator = rest.makeIterator()
            var decoder = UTF8()
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                result += escaped(scalar)
                index = bytes.index(index, offsetBy: String(scalar).utf8.count)
            case .error, .emptyInput:
                result += "\\x" + hex(bytes[index])
                index = bytes.index(after: index)
            }
        }
        return result
    }

    private static func escaped(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\n": "\\n"
        case "\t": "\\t"
        case "\r": "\\r"
        case _ where scalar.value < 0x20 || scalar.value == 0x7f: "\\x" + hex(UInt8(scalar.value))
        default: String(scalar)
        }
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return digits.count == 1 ? "0" + digits : digits
    }
}
