/// The file counts of rsync's `--stats` block, which a planning dry run prints at its end: what the sender's
/// file list held (filters applied), what would be created and what deleted. Counted by rsync on the walk it
/// makes anyway, at either end of an ssh link.
struct RsyncStats: Sendable, Equatable {
    /// Everything but directories: what the delete guard weighs.
    var listedFiles: Int?
    var createdFiles = 0
    var deletedFiles = 0

    /// Reads one line of rsync's output; lines that are not file counts change nothing. Itemized names can't
    /// pass for one: each starts with its change code, and rsync escapes a newline in a name.
    mutating func read(_ line: some Collection<UInt8>) {
        guard line.first == UInt8(ascii: "N") else { return }
        let text = String(decoding: line, as: UTF8.self)
        if let count = Self.nonDirectories(text, after: "Number of files: ") {
            listedFiles = count
        } else if let count = Self.nonDirectories(text, after: "Number of created files: ") {
            createdFiles = count
        } else if let count = Self.nonDirectories(text, after: "Number of deleted files: ") {
            deletedFiles = count
        }
    }

    /// The count in `Number of files: 1,234 (reg: 1,000, dir: 200, link: 34)` less its directories. rsync
    /// groups digits with `,` or `.`, as the locale has it; a count of nought has no parenthesis.
    static func nonDirectories(_ line: String, after label: String) -> Int? {
        guard line.hasPrefix(label) else { return nil }
        let rest = line.dropFirst(label.count)
        let total = rest.prefix { $0 != " " }
        guard let all = number(total) else { return nil }
        let directories = rest.range(of: "dir: ").flatMap { found in
            number(rest[found.upperBound...].prefix { $0.isNumber || $0 == "," || $0 == "." })
        }
        return all - (directories ?? 0)
    }

    /// The counts of another part of the same scope added.
    mutating func add(_ part: RsyncStats) {
        listedFiles = listedFiles.flatMap { mine in part.listedFiles.map { mine + $0 } }
        createdFiles += part.createdFiles
        deletedFiles += part.deletedFiles
    }

    /// The files of the scope at the source (the list) and at the destination (what the list finds there,
    /// plus what only the destination holds); nil when rsync printed no counts.
    var scopeFiles: (source: Int, destination: Int)? {
        listedFiles.map { ($0, $0 - createdFiles + deletedFiles) }
    }

    private static func number(_ digits: Substring) -> Int? {
        let plain = digits.filter { $0 != "," && $0 != "." }
        return plain.isEmpty ? nil : Int(plain)
    }
}
