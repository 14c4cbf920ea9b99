/// Text that micsync did not write, as people read it: a file name, a lock's owner record, a marker, a journal
/// line, a host's message. Valid UTF-8 stays as it is; control characters (an escape sequence's ESC first) and
/// the characters that reorder a line are shown as `\n`, `\t`, `\x1b`, `\u202e`, and a byte that is no
/// character at all as `\xFF`: nothing a disc, a host or a file supplies ever reaches the terminal as a
/// command to it.
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
                result += "\\x" + hex(bytes[index], uppercase: true)
                index = bytes.index(after: index)
            }
        }
        return result
    }

    /// `text` as one line people read, whatever it holds.
    public static func readable(_ text: String) -> String {
        readable(text.utf8)
    }

    private static func escaped(_ scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0x0a: "\\n"
        case 0x09: "\\t"
        case 0x0d: "\\r"
        case 0..<0x20, 0x7f: "\\x" + hex(UInt8(scalar.value), uppercase: false)
        // C1 controls (0x9b starts an escape sequence on some terminals) and the bidirectional overrides and
        // isolates, which make a line read otherwise than it is.
        case 0x80..<0xa0, 0x202a...0x202e, 0x2066...0x2069: "\\u" + digits(scalar.value, 4, uppercase: false)
        default: String(scalar)
        }
    }

    private static func hex(_ byte: UInt8, uppercase: Bool) -> String {
        digits(UInt32(byte), 2, uppercase: uppercase)
    }

    /// `value` in hexadecimal, at least `count` digits.
    private static func digits(_ value: UInt32, _ count: Int, uppercase: Bool) -> String {
        let digits = String(value, radix: 16, uppercase: uppercase)
        return String(repeating: "0", count: max(0, count - digits.count)) + digits
    }
}
