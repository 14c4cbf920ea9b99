import Foundation

/// Foundation's JSON reader accepts `["/a",]`; JSON does not, and a config that another tool
/// reads differently must not pass `config check`. Finds the first comma that closes a list or an object.
enum TrailingCommas {
    /// The byte offset of the first trailing comma outside strings, nil when there is none.
    static func first(in data: Data) -> Int? {
        var inString = false, escaped = false
        var comma: Int?
        for (offset, byte) in data.enumerated() {
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""):
                inString = true
                comma = nil
            case UInt8(ascii: ","): comma = offset
            case UInt8(ascii: "]"), UInt8(ascii: "}"): if let comma { return comma }
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"): break
            default: comma = nil
            }
        }
        return nil
    }
}
