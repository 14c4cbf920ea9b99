/// One line of rsync's `--out-format='%i %l %n<TAB>%n%L'` output: what happens to one path.
struct ItemizedChange: Sendable, Equatable {
    enum Change: Sendable, Equatable {
        /// `unchanged` is itemized only with `-ii`, which plans for a destination with limits use.
        case new, modified, deleted, attributesOnly, unchanged
    }

    /// The type rsync gives the item (X of YXcstpoguax); `other` for devices, specials and deletions.
    enum Kind: Sendable, Equatable {
        case file, directory, symlink, other
    }

    let change: Change
    /// Relative to the location root, raw bytes with rsync's `\#ooo` escapes decoded; directories end with
    /// "/", and the location root itself is "./".
    let path: [UInt8]
    let size: Int64
    let kind: Kind
    /// For a hard link rsync makes (`hf… b => a`): the path of the name it links to, which must be in the
    /// same pass for the link to be made.
    let leader: [UInt8]?

    init(change: Change, path: [UInt8], size: Int64, kind: Kind = .other, leader: [UInt8]? = nil) {
        self.change = change
        self.path = path
        self.size = size
        self.kind = kind
        self.leader = leader
    }

    /// The rsync options that make it print lines this parser reads. The name comes twice, a tab between,
    /// then what `%L` adds (` -> target` for a symlink, ` => name` for a hard link): a name may hold a tab or
    /// ` => ` (rsync escapes neither), but only one cut makes the two copies equal.
    static let outputFormat = ["--itemize-changes", "--out-format=%i %l %n\t%n%L"]

    /// The path rsync gives the location root itself.
    static let root = Array("./".utf8)

    /// Parses one output line (without its newline); nil for lines that itemize nothing (rsync's own
    /// messages).
    static func parse(_ line: some Collection<UInt8>) -> ItemizedChange? {
        let bytes = Array(line)
        // %i is 11 characters ("*deleting" padded), then " %l %n…": digits, one space, the name.
        guard bytes.count > 14, bytes[11] == UInt8(ascii: " ") else { return nil }
        var cursor = 12
        while cursor < bytes.count, bytes[cursor] == UInt8(ascii: " ") { cursor += 1 }
        let digitsStart = cursor
        while cursor < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[cursor]) { cursor += 1 }
        guard cursor > digitsStart, cursor < bytes.count - 1, bytes[cursor] == UInt8(ascii: " "),
            let size = Int64(String(decoding: bytes[digitsStart..<cursor], as: UTF8.self)),
            let (name, suffix) = nameAndSuffix(bytes[(cursor + 1)...])
        else { return nil }
        let linked = bytes[0] == UInt8(ascii: "h") && suffix.starts(with: " => ".utf8)
        guard let change = change(of: bytes[0..<11], linking: linked) else { return nil }
        let kind: Kind =
            switch bytes[1] {
            case UInt8(ascii: "f"): .file
            case UInt8(ascii: "d"): .directory
            case UInt8(ascii: "L"): .symlink
            default: .other
            }
        return ItemizedChange(
            change: change, path: decodeEscapes(name), size: size, kind: kind,
            leader: linked ? decodeEscapes(suffix.dropFirst(4)) : nil)
    }

    /// `NAME<TAB>NAME<SUFFIX>` cut into the name and the suffix: at the first tab where the two copies match
    /// and what follows is empty or a `%L` suffix.
    private static func nameAndSuffix(_ text: ArraySlice<UInt8>) -> (ArraySlice<UInt8>, ArraySlice<UInt8>)? {
        let start = text.startIndex
        for tab in text.indices where text[tab] == UInt8(ascii: "\t") {
            let length = tab - start
            let copyEnd = tab + 1 + length
            guard length > 0, copyEnd <= text.endIndex, text[start..<tab].elementsEqual(text[(tab + 1)..<copyEnd])
            else { continue }
            let suffix = text[copyEnd...]
            if suffix.isEmpty || suffix.starts(with: " -> ".utf8) || suffix.starts(with: " => ".utf8) {
                return (text[start..<tab], suffix)
            }
        }
        return nil
    }

    /// YXcstpoguax: Y is the update type, X the file type, the rest one letter per attribute. An `h` that
    /// links no name (`hf..t...... b`, no ` => a`) is a name already linked to a file whose other name rsync
    /// itemized, and it changes as that file does: its content with the file's size or time, else only its
    /// attributes.
    static func change(of itemize: ArraySlice<UInt8>, linking: Bool = false) -> Change? {
        let text = Array(String(decoding: itemize, as: UTF8.self))
        if text.starts(with: "*deleting") { return .deleted }
        guard let update = text.first, "<>ch.".contains(update) else { return nil }
        if text.dropFirst(2).starts(with: "+++++++") { return .new }
        let followsItsFile = update == "h" && !linking
        guard update == "." || followsItsFile else { return .modified }
        if text.dropFirst(2).allSatisfy({ $0 == " " }) { return .unchanged }
        return followsItsFile && text.dropFirst(2).prefix(3).contains(where: { $0 != "." && $0 != " " })
            ? .modified : .attributesOnly
    }

    /// rsync writes a byte it will not print as `\#ooo` (octal), and a literal backslash before `#ooo` too,
    /// so decoding every such escape gives back the exact name.
    static func decodeEscapes(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            if bytes[index] == UInt8(ascii: "\\"), index + 4 < bytes.endIndex, bytes[index + 1] == UInt8(ascii: "#"),
                let value = octal(bytes[(index + 2)...(index + 4)])
            {
                result.append(value)
                index += 5
            } else {
                result.append(bytes[index])
                index += 1
            }
        }
        return result
    }

    private static func octal(_ digits: ArraySlice<UInt8>) -> UInt8? {
        var value = 0
        for digit in digits {
            guard (UInt8(ascii: "0")...UInt8(ascii: "7")).contains(digit) else { return nil }
            value = value * 8 + Int(digit - UInt8(ascii: "0"))
        }
        return value <= 255 ? UInt8(value) : nil
    }
}
