import Foundation
import Testing

/// A disc can carry anything in `.micsync/`: a symlink there never leads micsync's writes, reads or
/// deletions outside the location.
@Suite struct PlantedSymlinkTests {
    /// A sandbox whose `target` location (b1 unless given) holds a symlink at `planted` to a folder outside
    /// it, and a file `f` that differs from the other side's.
    func plantedBox(_ planted: String, in target: String = "b1") throws -> Sandbox {
        let box = try Sandbox()
        try box.standard(backups: 1)
        try box.write("precious", at: "outside/important/file")
        try box.write("new", at: target == "b1" ? "w/f" : "b1/f")
        try box.write("old, longer", at: "\(target)/f")
        try box.makeDirectory(((target + "/" + planted) as NSString).deletingLastPathComponent)
        try FileManager.default.createSymbolicLink(
            atPath: box.path(target + "/" + planted), withDestinationPath: box.path("outside"))
        return box
    }

    @Test(arguments: [".micsync", ".micsync/trash", ".micsync/partial", ".micsync/tmp"])
    func workAndTreeRefuseAWorkingLocationWithASymlinkInItsState(planted: String) async throws {
        for arguments in [["work", "-m", "-d", "w"], ["tree", "w"]] {
            let box = try plantedBox(planted, in: "w")
            try box.makeDirectory("b1/folder")
            let result = try await box.expectRun(arguments, input: "m\nd\n", status: 3, "\(arguments)")
            #expect(result.stderr.contains("\(box.path("w"))/\(planted) is a symlink"), "\(result)")
            #expect(
                box.tree("outside") == ["important/", "important/file"],
                "nothing written outside: \(box.tree("outside"))")
            #expect(box.read("w/f") == "old, longer" && !box.exists("w/folder"))
        }
    }

    @Test(arguments: [".micsync", ".micsync/trash", ".micsync/partial", ".micsync/tmp"])
    func everyActionRefusesALocationWithASymlinkInItsState(planted: String) async throws {
        for arguments in [
            ["backup", "-m", "w"], ["backup", "w"], ["transfer", "-m", "-D", "--from", "0", "--to", "1", "b2"],
        ] {
            let box = try plantedBox(planted)
            if arguments[0] == "transfer" {
                try box.write("new", at: "b2/f")
                try box.configure([("main", ["w"], ["b2", "b1"])])
            }
            let result = try await box.expectRun(arguments, input: "m\n", status: 3, "\(arguments)")
            #expect(result.stderr.contains("\(box.path("b1"))/\(planted) is a symlink"), "\(result)")
            #expect(
                box.tree("outside") == ["important/", "important/file"],
                "nothing written outside: \(box.tree("outside"))")
            #expect(box.read("b1/f") == "old, longer")
        }
    }

    @Test(arguments: [".micsync", ".micsync/trash"])
    func purgeAndRestoreNeverFollowASymlinkedTrash(planted: String) async throws {
        let box = try plantedBox(planted)
        try box.makeDirectory("outside/20260101T000000Z")
        try box.write("also precious", at: "outside/20260101T000000Z/kept")
        let purge = try await box.expectRun(["trash", "purge", "--yes"], status: 0, "a skipped location is a note")
        #expect(purge.stderr.contains("\(box.path("b1"))/\(planted) is a symlink"), "\(purge)")
        #expect(box.read("outside/important/file") == "precious")
        #expect(box.read("outside/20260101T000000Z/kept") == "also precious")
        try await box.expectRun(["trash", "restore", "--location", box.path("b1"), "20260101T000000Z"], status: 3)
        #expect(box.read("b1/kept") == nil, "nothing restored from outside")
    }

    @Test func purgeDeletesOnlyTimestampFoldersAndNeverFollowsASymlinkInside() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        try box.write("precious", at: "outside/important/file")
        try box.write("old", at: "b1/.micsync/trash/20260101T000000Z/old")
        try FileManager.default.createSymbolicLink(
            atPath: box.path("b1/.micsync/trash/20260101T000000Z/link"),
            withDestinationPath: box.path("outside/important"))
        try box.write("not trash", at: "b1/.micsync/trash/notes/keep")
        try await box.expectRun(["trash", "purge", "--yes"], status: 0)
        #expect(!box.exists("b1/.micsync/trash/20260101T000000Z"))
        #expect(box.read("b1/.micsync/trash/notes/keep") == "not trash")
        #expect(box.read("outside/important/file") == "precious")
    }
}
