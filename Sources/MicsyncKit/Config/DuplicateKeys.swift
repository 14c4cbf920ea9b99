import Foundation

/// The first key given twice in one object of a JSON document, with the entry holding it
/// (`configs[1]`): JSON decoders keep one of the two silently, and a safety setting must never depend on
/// which. Run on a document that already parsed, so it only follows strings, brackets and commas.
struct DuplicateKeys {
    private enum Container {
        case object(entry: String, keys: Set<String>, key: String?, expectingKey: Bool)
        case array(entry: String, index: Int)

        var entry: String {
            switch self {
            case .object(let entry, _, _, _), .array(let entry, _): entry
            }
        }
    }

    /// The duplicated key and its entry ("" for the top level); nil when every key is given once.
    static func first(in data: [UInt8]) -> (key: String, entry: String)? {
        var stack: [Container] = []
        var position = 0
        /// The entry a value starting now would have.
        func childEntry() -> String {
            switch stack.last {
            case .object(let entry, _, let key?, _): entry.isEmpty ? key : entry + "." + key
            case .array(let entry, let index): "\(entry)[\(index)]"
            default: ""
            }
        }
        while position < data.count {
            let byte = data[position]
            switch byte {
            case UInt8(ascii: "\""):
                let (text, end) = string(in: data, from: position)
                position = end
                if case .object(let entry, var keys, _, true) = stack.last {
                    if keys.contains(text) { return (text, entry) }
                    keys.insert(text)
                    stack[stack.count - 1] = .object(entry: entry, keys: keys, key: text, expectingKey: false)
                }
                continue
            case UInt8(ascii: "{"):
                stack.append(.object(entry: childEntry(), keys: [], key: nil, expectingKey: true))
            case UInt8(ascii: "["):
                stack.append(.array(entry: childEntry(), index: 0))
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                _ = stack.popLast()
            case UInt8(ascii: ","):
                switch stack.last {
                case .object(let entry, let keys, _, _):
                    stack[stack.count - 1] = .object(entry: entry, keys: keys, key: nil, expectingKey: true)
                case .array(let entry, let index):
                    stack[stack.count - 1] = .array(entry: entry, index: index + 1)
                case nil: break
                }
            default: break
            }
            position += 1
        }
        return nil
    }

    /// The string starting at the quote at `start`, decoded enough to compare keys, and the index after it.
    private static func string(in data: [UInt8], from start: Int) -> (String, Int) {
        var bytes: [UInt8] = []
        var position = start + 1
        while position < data.count, data[position] != UInt8(ascii: "\"") {
            if data[position] == UInt8(ascii: "\\"), position + 1 < data.count {
                bytes.append(contentsOf: data[position...(position + 1)])
                position += 2
            } else {
                bytes.append(data[position])
                position += 1
            }
        }
        let raw = String(decoding: bytes, as: UTF8.self)
        // Keys that differ only in escaping (`"trash"` and `"tr\u0061sh"`) are the same key.
        let decoded = (try? JSONDecoder().decode(String.self, from: Data(("\"" + raw + "\"").utf8))) ?? raw
        return (decoded, position + 1)
    }
}
