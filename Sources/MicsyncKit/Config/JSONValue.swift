import Foundation

/// A parsed JSON document that keeps the types apart (a `true` is never the number 1), so that
/// validation can say exactly which entry has the wrong type.
indirect enum JSONValue: Decodable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    /// How a user would name this value's type in an error message.
    var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "a list"
        case .object: "an object"
        }
    }

    /// Parses `data`; a syntax error names its line and column.
    static func parse(_ data: Data) throws(SyntaxError) -> JSONValue {
        do {
            // JSONSerialization reports where the syntax breaks; JSONDecoder keeps booleans apart from numbers.
            _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            if let comma = TrailingCommas.first(in: data) {
                throw SyntaxError(detail: "a comma before a closing bracket around character \(comma).", data: data)
            }
            return try JSONDecoder().decode(JSONValue.self, from: data)
        } catch let error as SyntaxError {
            throw error
        } catch {
            let detail = (error as NSError).userInfo["NSDebugDescription"] as? String ?? "not valid JSON"
            throw SyntaxError(detail: detail, data: data)
        }
    }

    struct SyntaxError: Error {
        let detail: String
        let data: Data

        /// "line L, column C" from the byte offset in Foundation's "around character N."
        var location: (line: Int, column: Int)? {
            guard let range = detail.range(of: #"character (\d+)"#, options: .regularExpression),
                let offset = Int(detail[range].dropFirst("character ".count))
            else { return nil }
            let before = data.prefix(min(offset, data.count))
            let line = before.count { $0 == UInt8(ascii: "\n") } + 1
            let column = before.count - (before.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0) + 1
            return (line, column)
        }

        /// Foundation's message without its "around character N" tail.
        var reason: String {
            let trimmed = detail.replacingOccurrences(
                of: #"\s*around character \d+\.?"#, with: "",
                options: .regularExpression)
            return trimmed.trimmingCharacters(in: CharacterSet(charactersIn: ". ")).lowercased()
        }
    }
}
