/// Paths as raw bytes inside Swift strings. A typed path need not be valid UTF-8, but a String must be:
/// each byte that is not part of valid UTF-8 is carried as the private-use scalar U+10FF00 + byte, and
/// turned back into that byte wherever the path meets the system (a system call, rsync's arguments).
public enum RawPath {
    static let base: UInt32 = 0x10FF00

    /// The command line as typed: each argument's bytes, invalid UTF-8 carried as above.
    public static func arguments(_ count: Int32, _ values: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>)
        -> [String]
    {
        (0..<Int(count)).map { index in
            guard let value = values[index] else { return "" }
            var length = 0
            while value[length] != 0 { length += 1 }
            return string(UnsafeRawBufferPointer(start: value, count: length))
        }
    }

    /// `bytes` as a string, each byte of invalid UTF-8 as its private-use scalar.
    public static func string(_ bytes: some Collection<UInt8>) -> String {
        if let valid = String(validating: bytes, as: UTF8.self) { return valid }
        var result = String.UnicodeScalarView()
        var rest = bytes[...]
        while !rest.isEmpty {
            var iterator = rest.makeIterator()
            var decoder = UTF8()
            if case .scalarValue(let scalar) = decoder.decode(&iterator) {
                result.append(scalar)
                rest = rest.dropFirst(String(scalar).utf8.count)
            } else {
                result.append(Unicode.Scalar(base + UInt32(rest.first!))!)
                rest = rest.dropFirst()
            }
        }
        return String(result)
    }

    /// The bytes `text` stands for.
    public static func bytes(_ text: String) -> [UInt8] {
        guard text.unicodeScalars.contains(where: { $0.value >= base && $0.value <= base + 0xFF }) else {
            return Array(text.utf8)
        }
        var result: [UInt8] = []
        for scalar in text.unicodeScalars {
            if scalar.value >= base, scalar.value <= base + 0xFF {
                result.append(UInt8(scalar.value - base))
            } else {
                result += String(scalar).utf8
            }
        }
        return result
    }

    /// Calls `body` with `text` as the NUL-terminated C string of its bytes.
    public static func withCString<T>(_ text: String, _ body: (UnsafePointer<CChar>) -> T) -> T {
        (bytes(text).map { CChar(bitPattern: $0) } + [0]).withUnsafeBufferPointer { body($0.baseAddress!) }
    }
}
