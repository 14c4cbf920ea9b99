import Foundation
import ReleaseKit
import Testing

@Suite struct SHA256Tests {
    @Test func knownDigests() {
        #expect(SHA256.hex(of: []) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(of: Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    /// Lengths around the 55/56/64-byte padding boundaries, against sha256sum.
    @Test(arguments: [1, 55, 56, 57, 63, 64, 65, 119, 120, 1000, 100_003])
    func sameAsSha256sum(length: Int) throws {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("sha256-\(UUID().uuidString)")
        try Data(bytes).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let expected = try run(["sha256sum", file.path], in: FileManager.default.temporaryDirectory).stdout.prefix(64)
        #expect(SHA256.hex(of: bytes) == String(expected))
    }
}
