import Foundation
import Testing

/// Locations that do not exist yet, markers, and what an ordinary Linux filesystem keeps.
@Suite struct LocationTests {
    /// A WORKING `w` and a BACKUP `disc/docs` not made yet (its parent exists: a mounted disc).
    private func newBackupSandbox() throws -> Sandbox {
        let box = try Sandbox()
        try box.write("report", at: "w/report")
        try box.makeDirectory("disc")
        try box.configure([("main", ["w"], ["disc/docs"])])
        return box
    }

    @Test func aNewBackupWithoutATerminalSaysHowToCreateIt() async throws {
        let box = try newBackupSandbox()
        let result = try await box.expectRun(["backup", "w"], status: 3)
        #expect(result.stderr.contains("BACKUP \(box.path("disc/docs")): does not exist yet"), "\(result)")
        #expect(
            result.stderr.contains("mkdir \(box.path("disc/docs"))") && result.stderr.contains("--create"), "\(result)")
        #expect(!box.exists("disc/docs"))
    }

    @Test func createMakesTheNewBackup() async throws {
        let box = try newBackupSandbox()
        try await box.expectRun(["backup", "--create", "w"], status: 0)
        #expect(box.read("disc/docs/report") == "report")
        #expect(
            FileManager.default.fileExists(atPath: box.path("disc/docs/.micsync/id")),
            "the first write leaves the marker")
    }

    @Test func onATerminalMicsyncAsksToCreateIt() async throws {
        let box = try newBackupSandbox()
        let no = try await box.expectRunInTerminal(
            ["backup", "w"], input: "n\n", environment: ["COLUMNS": "200"], status: 3)
        #expect(
            no.stdout.contains("BACKUP \(box.path("disc/docs")) does not exist yet; create it on /")
                && no.stdout.contains(" free)? [y]es / [n]o / [q]uit"), "the question says where it would land: \(no)")
        #expect(!box.exists("disc/docs"), "\(no)")
        let yes = try await box.expectRunInTerminal(["backup", "w"], input: "y\n", status: 0)
        #expect(box.read("disc/docs/report") == "report", "\(yes)")
    }

    @Test func aFolderWrittenBeforeAndNowMissingIsUnpluggedNotNew() async throws {
        let box = try newBackupSandbox()
        try await box.expectRun(["backup", "--create", "w"], status: 0)
        try FileManager.default.removeItem(atPath: box.path("disc/docs"))
        let result = try await box.expectRun(["backup", "--create", "w"], status: 3)
        #expect(
            result.stderr.contains("skipping BACKUP \(box.path("disc/docs")): not mounted? (the folder is missing)"),
            "\(result)")
        #expect(!box.exists("disc/docs"))
    }

    @Test func aSymlinkedStateFolderIsRefused() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        try box.write("a", at: "w/a")
        try box.makeDirectory("elsewhere")
        try FileManager.default.createSymbolicLink(
            atPath: box.path("b1/.micsync"), withDestinationPath: box.path("elsewhere"))
        let result = try await box.expectRun(["backup", "w"], status: 3)
        #expect(
            result.stderr.contains("skipping BACKUP \(box.path("b1")): \(box.path("b1"))/.micsync is a symlink"),
            "\(result)")
        #expect(!box.exists("b1/a"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: box.path("elsewhere")).isEmpty)
    }

    @Test func hardLinksAndSparseFilesAreKeptOnExt4() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        try box.write("linked", at: "w/one")
        try FileManager.default.linkItem(atPath: box.path("w/one"), toPath: box.path("w/two"))
        let sparse = try #require(
            FileHandle(
                forWritingAtPath: FileManager.default.createFile(atPath: box.path("w/sparse"), contents: nil)
                    ? box.path("w/sparse") : ""))
        try sparse.truncate(atOffset: 64 << 20)
        try sparse.close()
        try await box.expectRun(["backup", "w"], status: 0)
        var one = stat(), two = stat(), copy = stat()
        #expect(stat(box.path("b1/one"), &one) == 0 && stat(box.path("b1/two"), &two) == 0)
        #expect(one.st_ino == two.st_ino, "one file with two names")
        #expect(stat(box.path("b1/sparse"), &copy) == 0 && copy.st_size == 64 << 20)
        #expect(copy.st_blocks * 512 < 1 << 20, "64 MB of holes take no room: \(copy.st_blocks) blocks")
        let again = try await box.expectRun(["backup", "-v", "w"], status: 0)
        #expect(again.stdout.contains("nothing to do"), "\(again)")
    }

    @Test func configShowGivesEachLocationsFilesystemOrWhyNot() async throws {
        let box = try newBackupSandbox()
        let result = try await box.expectRun(["config", "show"], status: 0)
        #expect(result.stdout.contains("WORKING  0  \(box.path("w"))"), "\(result)")
        #expect(result.stdout.contains("ext4, ") && result.stdout.contains(" free"), "\(result)")
        #expect(result.stdout.contains("does not exist yet"), "\(result)")
    }
}
