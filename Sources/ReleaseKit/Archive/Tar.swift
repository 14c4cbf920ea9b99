/// A POSIX tar (ustar, with pax headers for names longer than 100 bytes) written the same way every time:
/// entries in the given order, one mtime for all, owner and group 0 without names, modes 644/755.
struct Tar {
    struct TooLarge: Error, CustomStringConvertible {
        let path: String
        var description: String { "\(path) is too large for a tar archive (8 GiB at most)" }
    }

    private var bytes: [UInt8] = []
    let mtime: Int64

    init(mtime: Int64) { self.mtime = mtime }

    mutating func append(path: String, kind: TreeEntry.Kind) throws {
        switch kind {
        case .directory:
            try append(path: path + "/", type: "5", mode: 0o755)
        case .file(let contents, let executable):
            try append(path: path, type: "0", mode: executable ? 0o755 : 0o644, contents: contents)
        case .symlink(let target):
            try append(path: path, type: "2", mode: 0o777, link: target)
        }
    }

    /// The archive with its end marker, padded to whole 10 KiB records as tar writes them.
    func finished() -> [UInt8] {
        var archive = bytes + [UInt8](repeating: 0, count: 1024)
        archive += [UInt8](repeating: 0, count: (10240 - archive.count % 10240) % 10240)
        return archive
    }

    private mutating func append(path: String, type: Character, mode: Int, contents: [UInt8] = [], link: String = "")
        throws
    {
        var pax: [UInt8] = []
        if path.utf8.count > 100 { pax += Self.paxRecord("path", path) }
        if link.utf8.count > 100 { pax += Self.paxRecord("linkpath", link) }
        if !pax.isEmpty {
            try appendHeader(name: "././@PaxHeader", type: "x", mode: 0o644, size: pax.count, link: "", of: path)
            appendPadded(pax)
        }
        try appendHeader(name: path, type: type, mode: mode, size: contents.count, link: link, of: path)
        appendPadded(contents)
    }

    private mutating func appendHeader(
        name: String, type: Character, mode: Int, size: Int, link: String, of path: String
    ) throws {
        guard size < 1 << 33 else { throw TooLarge(path: path) }
        var header = [UInt8](repeating: 0, count: 512)
        func put(_ field: [UInt8], at offset: Int, width: Int) {
            header.replaceSubrange(offset..<offset + min(field.count, width), with: field.prefix(width))
        }
        func octal(_ value: Int, width: Int) -> [UInt8] {
            let digits = String(value, radix: 8)
            return Array((String(repeating: "0", count: width - 1 - digits.count) + digits).utf8)
        }
        put(Array(name.utf8), at: 0, width: 100)
        put(octal(mode, width: 8), at: 100, width: 8)
        put(octal(0, width: 8), at: 108, width: 8)
        put(octal(0, width: 8), at: 116, width: 8)
        put(octal(size, width: 12), at: 124, width: 12)
        put(octal(Int(mtime), width: 12), at: 136, width: 12)
        put(Array("        ".utf8), at: 148, width: 8)
        header[156] = type.asciiValue!
        put(Array(link.utf8), at: 157, width: 100)
        put(Array("ustar\u{0}00".utf8), at: 257, width: 8)
        let checksum = header.reduce(0) { $0 + Int($1) }
        put(octal(checksum, width: 7), at: 148, width: 7)
        bytes += header
    }

    private mutating func appendPadded(_ data: [UInt8]) {
        bytes += data
        bytes += [UInt8](repeating: 0, count: (512 - data.count % 512) % 512)
    }

    /// A pax extended header record: "<length> <key>=<value>\n", the length counting itself.
    static func paxRecord(_ key: String, _ value: String) -> [UInt8] {
        let body = " \(key)=\(value)\n"
        var length = body.utf8.count
        while length != body.utf8.count + String(length).count { length = body.utf8.count + String(length).count }
        return Array("\(length)\(body)".utf8)
    }
}
