import Foundation
import MicsyncKit
import Testing

/// Mutated and truncated config files: every one is refused with exit 2 and one message, never a crash.
@Suite struct ConfigFuzzTests {
    static let valid = Array(
        """
        {"configs": [{"name": "main", "work": ["/tmp/w"], "backup": ["/tmp/b1", "/tmp/b2"], "exclude": ["*.tmp"],
                      "trash": true, "maxDeletePercent": 50}]}
        """.utf8)

    /// Six kinds of mutation, a hundred samples each, made once for both tests.
    static let samples = mutations(count: 600)

    /// Deterministic mutations, each of which leaves the file invalid. Sample `number` is of kind `number % 6`;
    /// the first of the big kinds is the biggest (nesting 100,000 deep, a 1 MiB key), the others stay
    /// under 10,000 so that the run stays fast.
    static func mutations(count: Int) -> [[UInt8]] {
        var generator = SplitMix(seed: 0x6d6963)
        let values = [
            "1", "-1e999", "true", "null", "{}", "[]", "\"\"", "[[[[1]]]]",
            "\"\(String(repeating: "x", count: 100_000))\"",
        ]
        let fields = ["name", "work", "backup", "exclude", "trash", "maxDeletePercent", "configs"]
        return (0..<count).map { number -> [UInt8] in
            let text = String(decoding: valid, as: UTF8.self)
            switch number % 6 {
            case 0: // truncated anywhere
                return Array(valid.prefix(Int(generator.next() % UInt64(valid.count - 1))))
            case 1: // a field given the wrong type
                let field = fields[Int(generator.next() % UInt64(fields.count))]
                let value = values[Int(generator.next() % UInt64(values.count))]
                let wrong =
                    field == "configs"
                    ? "{\"configs\": \(value)}"
                    : text.replacingOccurrences(of: "\"\(field)\": ", with: "\"\(field)\": \(value), \"_\(field)\": ")
                return Array(wrong.utf8)
            case 2: // an invalid UTF-8 byte inside the text
                var bytes = valid
                let byte = [0xFF, 0xC3, 0x80, 0xED][Int(generator.next() % 4)]
                bytes.insert(UInt8(byte), at: 1 + Int(generator.next() % UInt64(valid.count - 2)))
                return bytes
            case 3: // deep nesting
                let depth = number < 6 ? 100_000 : 100 + Int(generator.next() % 10_000)
                let nested = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
                return Array(("{\"configs\": " + nested + "}").utf8)
            case 4: // a byte flipped to a JSON structural character (not ",": Foundation allows a trailing one)
                var bytes = valid
                bytes[Int(generator.next() % UInt64(valid.count))] = Array("{}[]:\"".utf8)[Int(generator.next() % 6)]
                return bytes + Array("}".utf8)
            default: // a huge unknown key
                let length = number < 6 ? 1 << 20 : Int(generator.next() % 10_000)
                let key = "\"" + String(repeating: "k", count: length) + "\""
                return Array(text.replacingOccurrences(of: "\"trash\"", with: key).utf8)
            }
        }
    }

    /// One message, first naming the file; a config with several problems lists each on a line of its own.
    @Test func hundredsOfBrokenConfigsAreEachRefusedWithOneMessage() async throws {
        let box = try Sandbox()
        let configFile = box.path("fuzz.json")
        for (number, bytes) in Self.samples.enumerated() {
            try Data(bytes).write(to: URL(fileURLWithPath: configFile))
            do {
                _ = try ConfigLoader(file: configFile).load()
                Issue.record("sample \(number) was accepted: \(String(decoding: bytes.prefix(300), as: UTF8.self))")
            } catch {
                #expect(
                    error.status == .usage && error.message.hasPrefix(configFile + ":")
                        && error.message.split(separator: "\n").dropFirst().allSatisfy {
                            $0.hasPrefix("  " + configFile + ":")
                        },
                    "sample \(number): \(error.message.prefix(500))")
            }
        }
    }

    /// The same through the binary, for the first three samples of each kind (the biggest among them):
    /// exit 2, one message on stderr (a line per problem), no trap.
    @Test func theBinaryExitsTwoWithOneLine() async throws {
        let box = try Sandbox()
        let configFile = box.path("fuzz.json")
        for (number, bytes) in Self.samples.prefix(18).enumerated() {
            try Data(bytes).write(to: URL(fileURLWithPath: configFile))
            let result = try await box.expectRun(
                ["backup", "-n", "--config", configFile, "/tmp/w"], status: 2, "sample \(number)")
            let lines = result.stderr.split(separator: "\n")
            #expect(
                lines[0].hasPrefix("micsync: \(configFile):")
                    && lines.dropFirst().allSatisfy { $0.hasPrefix("  \(configFile):") },
                "sample \(number): \(result.description.prefix(2000))")
        }
    }
}

/// A small, seedable generator, so that every run checks the same samples.
struct SplitMix {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
