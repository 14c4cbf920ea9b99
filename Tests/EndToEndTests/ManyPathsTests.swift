import Foundation
import Testing

/// Many typed paths at once: every one reaches the run, options among them still count.
@Suite struct ManyPathsTests {
    @Test func twoHundredTypedPathsWithOptionsBetweenThemAllArrive() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        for number in 0..<200 { try box.write("\(number)", at: "w/f\(number)") }
        try box.write("not typed", at: "w/other")
        let paths = (0..<200).map { "w/f\($0)" }
        try await box.expectRun(
            ["backup"] + paths[..<100] + ["--config-name", "main", "-m"] + paths[100...], status: 0)
        #expect(box.tree("b1").count == 200 && !box.exists("b1/other"), "\(box.tree("b1").count)")
    }
}

/// A typed name that is not valid UTF-8 reaches its file, byte for byte.
@Suite struct RawPathArgumentTests {
    @Test func aTypedNameThatIsNotUTF8IsSynced() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        let name: [UInt8] = Array("caf".utf8) + [0xE9]
        let path = Array(box.path("w/").utf8) + name + [0]
        let descriptor = path.withUnsafeBufferPointer {
            $0.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT, 0o644) }
        }
        #expect(descriptor >= 0)
        _ = "latin-1".withCString { write(descriptor, $0, 7) }
        close(descriptor)
        try box.write("not typed", at: "w/other")
        let command = "'\(Binary.micsync)' backup \"$(printf 'w/caf\\351')\""
        let result = try await Binary.run(
            "/bin/sh", ["-c", command], input: "", directory: box.root, environment: box.environment)
        result.expect(status: 0)
        #expect(result.stdout.contains("caf\\xE9"), "listed readably: \(result)")
        let copied = Array(box.path("b1/").utf8) + name + [0]
        var info = stat()
        #expect(
            copied.withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { lstat($0.baseAddress!, &info) } }
                == 0)
        #expect(!box.exists("b1/other"))
    }
}
