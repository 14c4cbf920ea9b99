import Foundation
import Testing

/// File names with every kind of odd byte, round-tripped through backup, modify, delete, trash and restore.
@Suite struct OddNameTests {
    /// Each name as raw bytes (the last is not UTF-8), with how micsync lists it.
    static let names: [(bytes: [UInt8], shown: String)] =
        [
            ("with space", "with space"), ("new\nline", #"new\nline"#), ("tab\there", #"tab\there"#),
            (#"back\slash"#, #"back\slash"#), ("-leading", "-leading"), ("co:lon", "co:lon"),
            ("café", "café"), ("日本", "日本"),
        ].map { (Array($0.0.utf8), $0.1) } + [(Array("bad".utf8) + [0xFF], #"bad\xFF"#)]

    @Test func oddNamesSurviveBackupModifyDeleteTrashAndRestore() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        try box.makeDirectory("w/odd")
        for (index, name) in Self.names.enumerated() { try box.writeFile(name.bytes, in: "w/odd", "one \(index)") }

        let backup = try await box.expectRun(["backup", "w"], status: 0)
        for (index, name) in Self.names.enumerated() {
            #expect(box.readFile(name.bytes, in: "b1/odd") == "one \(index)", "\(name.shown)")
            #expect(backup.stdout.contains("\n    odd/\(name.shown)\n"), "listed as \(name.shown):\n\(backup)")
        }

        for (index, name) in Self.names.enumerated() {
            try box.writeFile(name.bytes, in: "w/odd", "two, longer \(index)")
        }
        let modify = try await box.expectRun(["backup", "w"], input: "m\n", status: 0)
        #expect(modify.stderr.contains("Overwrite \(Self.names.count) modified items"), "\(modify)")
        let modifyTrash = try #require(box.trashFolders("b1").first)
        for (index, name) in Self.names.enumerated() {
            #expect(modify.stdout.contains("\n    odd/\(name.shown)\n"), "listed as \(name.shown):\n\(modify)")
            #expect(box.readFile(name.bytes, in: "b1/odd") == "two, longer \(index)", "\(name.shown)")
            #expect(
                box.readFile(name.bytes, in: "b1/.micsync/trash/\(modifyTrash)/odd") == "one \(index)", "\(name.shown)")
        }

        for name in Self.names { try box.removeFile(name.bytes, in: "b1/odd") }
        let delete = try await box.expectRun(["work", "-D", "--force", "w/odd"], status: 0)
        #expect(box.tree("w") == ["odd/"], "\(delete)")
        let deleteTrash = try #require(box.trashFolders("w").first)
        let list = try await box.expectRun(["trash", "list", "w"], status: 0)
        #expect(list.stdout.contains("\(deleteTrash)  \(Self.names.count) files"), "\(list)")

        let restore = try await box.expectRun(["trash", "restore", deleteTrash, "--location", "w"], status: 0)
        for (index, name) in Self.names.enumerated() {
            #expect(restore.stdout.contains("\n    odd/\(name.shown)\n"), "listed as \(name.shown):\n\(restore)")
            #expect(box.readFile(name.bytes, in: "w/odd") == "two, longer \(index)", "\(name.shown)")
        }
    }

    /// A path typed on the command line reaches rsync intact, whatever it holds (a name that is not UTF-8
    /// cannot be typed to a Swift program: its arguments arrive as Strings).
    @Test(arguments: names.filter { String(validating: $0.bytes, as: UTF8.self) != nil }.map(\.bytes))
    func oneOddPathRestoresAlone(name: [UInt8]) async throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        try box.writeFile(name, in: "w", "new")
        try box.writeFile(name, in: "b1", "old, longer")
        try box.write("other", at: "b1/other")
        try await box.expectRun(["backup", "-m", "w"], status: 0)
        let folder = try #require(box.trashFolders("b1").first)
        try box.removeFile(name, in: "b1")

        let typed = box.path("b1/") + String(decoding: name, as: UTF8.self)
        try await box.expectRun(["trash", "restore", folder, typed], status: 0)
        #expect(box.readFile(name, in: "b1") == "old, longer")
        #expect(box.tree("b1").count == 2)
    }
}

/// Files named by raw bytes: Foundation's String paths cannot hold a name that is not UTF-8.
extension Sandbox {
    func writeFile(_ name: [UInt8], in directory: String, _ contents: String) throws {
        let descriptor = open(cPath(name, in: directory), O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw POSIXError(.EIO) }
        defer { close(descriptor) }
        let bytes = Array(contents.utf8)
        guard Glibc.write(descriptor, bytes, bytes.count) == bytes.count else { throw POSIXError(.EIO) }
    }

    func readFile(_ name: [UInt8], in directory: String) -> String? {
        let descriptor = open(cPath(name, in: directory), O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = Glibc.read(descriptor, &buffer, buffer.count)
        return count < 0 ? nil : String(decoding: buffer.prefix(count), as: UTF8.self)
    }

    func removeFile(_ name: [UInt8], in directory: String) throws {
        guard unlink(cPath(name, in: directory)) == 0 else { throw POSIXError(.ENOENT) }
    }

    private func cPath(_ name: [UInt8], in directory: String) -> [CChar] {
        (Array(path(directory + "/").utf8) + name + [0]).map { CChar(bitPattern: $0) }
    }
}
