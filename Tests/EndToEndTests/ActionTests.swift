import Foundation
import Testing

/// The four original actions, run for real against rsync on temporary trees.
@Suite struct ActionTests {
    @Test(arguments: [["backup"], ["--backup"]])
    func backupCopiesToEveryBackupInBothSpellings(spelling: [String]) async throws {
        let box = try Sandbox()
        try box.standard()
        try box.write("a", at: "w/docs/a.txt")
        try box.write("b", at: "w/docs/sub/b.txt")
        let result = try await box.expectRun(spelling + ["w/docs"], status: 0)
        for backup in ["b1", "b2"] {
            #expect(box.tree(backup) == ["docs/", "docs/a.txt", "docs/sub/", "docs/sub/b.txt"])
            #expect(box.read("\(backup)/docs/sub/b.txt") == "b")
        }
        #expect(result.stdout.contains("docs/a.txt"))
        #expect(
            result.stdout.contains(
                "BACKUP \(box.path("b1")): 2 copied (2 B), 0 overwritten, 0 deleted, 2 directories created, in "),
            "\(result)")
    }

    @Test func backupAsksBeforeOverwritingAndNeverDeletes() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        try box.write("new", at: "w/f")
        try box.write("old, longer", at: "b1/f")
        try box.write("only in backup", at: "b1/extra")
        let declined = try await box.expectRun(["backup", "w"], input: "n\n", status: 0)
        #expect(box.read("b1/f") == "old, longer")
        #expect(declined.stderr.contains("Overwrite 1 modified item"))
        #expect(declined.stdout.contains("modified (1):\n    f"))

        let approved = try await box.expectRun(["backup", "w"], input: "maybe\nMODIFY\n", status: 0)
        #expect(approved.stderr.contains("please answer modify, no, list or q"), "anything else asks again")
        #expect(box.read("b1/f") == "new")
        #expect(box.read("b1/extra") == "only in backup")

        try box.write("newer, much longer", at: "w/f")
        try await box.expectRun(["backup", "w"], input: "y\n", status: 0)
        #expect(box.read("b1/f") == "newer, much longer", "yes agrees to Modify")
    }

    @Test(arguments: [["backup", "-m"], ["--backup", "-m"]])
    func dashMOverwritesWithoutAsking(arguments: [String]) async throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        try box.write("new", at: "w/f")
        try box.write("old, longer", at: "b1/f")
        let result = try await box.expectRun(arguments + ["w/f"], status: 0)
        #expect(!result.stderr.contains("Overwrite"))
        #expect(box.read("b1/f") == "new")
        let folders = box.trashFolders("b1")
        #expect(folders.count == 1, "\(folders)")
        #expect(box.read("b1/.micsync/trash/\(folders.first ?? "")/f") == "old, longer", "the old copy is kept")
        #expect(result.stdout.contains("BACKUP \(box.path("b1")): 0 copied (0 B), 1 overwritten, "), "\(result)")
    }

    @Test func newFilesAreCopiedEvenWhenModificationsAreDeclined() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        try box.write("changed!", at: "w/f")
        try box.write("old", at: "b1/f")
        try box.write("n", at: "w/new")
        try await box.expectRun(["backup", "w"], input: "no\n", status: 0)
        #expect(box.read("b1/new") == "n")
        #expect(box.read("b1/f") == "old")
    }

    @Test(arguments: [["work", "-d"], ["--work", "-d"]])
    func workDeletesAfterAsking(arguments: [String]) async throws {
        let box = try Sandbox()
        try box.standard(backups: 1, extra: ", \"maxDeletePercent\": 100")
        try box.writeAlike("keep", at: "p/keep", in: ["b1", "w"])
        try box.write("stale", at: "w/p/stale")
        try box.write("stale", at: "w/p/staledir/x")
        let declined = try await box.expectRun(arguments + ["w/p"], input: "n\n", status: 0)
        #expect(box.exists("w/p/stale"))
        #expect(declined.stdout.contains("to delete (3):"), "\(declined)")

        try await box.expectRun(arguments + ["w/p"], input: "delete\n", status: 0)
        #expect(box.tree("w") == ["p/", "p/keep"])
    }

    @Test(arguments: [["work", "-D"], ["--work", "-D"], ["work", "-d", "-D"]])
    func workDashCapitalDDeletesWithoutAsking(arguments: [String]) async throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        try box.writeAlike("keep", at: "keep", in: ["b1", "w"])
        try box.writeAlike("keep too", at: "keep2", in: ["b1", "w"])
        try box.write("stale", at: "w/stale")
        let result = try await box.expectRun(arguments + ["w"], status: 0)
        #expect(!result.stderr.contains("Delete"))
        #expect(box.tree("w") == ["keep", "keep2"])
    }

    @Test func workWithoutDeleteFlagsNeverDeletes() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        try box.write("b", at: "b1/new")
        try box.write("stale", at: "w/stale")
        try await box.expectRun(["work", "w"], status: 0)
        #expect(box.tree("w") == ["new", "stale"])
    }

    @Test(arguments: [["transfer"], ["--transfer"]])
    func transferCopiesBetweenBackups(spelling: [String]) async throws {
        let box = try Sandbox()
        try box.standard(backups: 3)
        try box.write("x", at: "b1/x")
        try box.write("stale", at: "b3/stale")
        // Typed in b1: it is the source; the destinations are picked from the menu.
        let result = try await box.expectRun(spelling + ["-D", "--force", "b1"], input: "1 2\n", status: 0)
        #expect(result.stderr.contains("1: \(box.path("b2"))"), "\(result)")
        #expect(box.tree("b2") == ["x"])
        #expect(box.tree("b3") == ["x"])
        #expect(box.tree("w") == [])
    }

    @Test func transferWithFlagsAsksNothing() async throws {
        let box = try Sandbox()
        try box.standard(backups: 3)
        try box.write("x", at: "b2/x")
        try await box.expectRun(["transfer", "--from", "1", "--to", box.path("b3"), "w"], status: 0)
        #expect(box.tree("b3") == ["x"])
        #expect(box.tree("b1") == [])
    }

    @Test(arguments: [["tree"], ["--tree"]])
    func treeCopiesDirectoriesOnly(spelling: [String]) async throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        try box.write("file", at: "b1/photos/2024/summer/img.jpg")
        try box.write("file", at: "b1/photos/top.txt")
        try box.write("mine", at: "w/photos/local.txt")
        try await box.expectRun(spelling + ["w/photos"], status: 0)
        #expect(box.tree("w") == ["photos/", "photos/2024/", "photos/2024/summer/", "photos/local.txt"])
    }

    @Test func treeDashSHidesCreatedDirectories() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        try box.makeDirectory("b1/a/b")
        let shown = try await box.expectRun(["tree", "-n", "w"], status: 0)
        #expect(shown.lines.contains("    a/b/"), "\(shown)")
        let hidden = try await box.expectRun(["tree", "-s", "w"], status: 0)
        #expect(!hidden.lines.contains("    a/") && !hidden.lines.contains("    a/b/"), "\(hidden)")
        #expect(box.tree("w") == ["a/", "a/b/"], "created, only not listed")
    }

    @Test func dryRunChangesNothing() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        try box.write("new", at: "w/new")
        try box.write("v2 longer", at: "w/mod")
        try box.write("v1", at: "b1/mod")
        try box.write("stale", at: "w/stale")
        for arguments in [["backup", "-n", "w"], ["--backup", "--dry-run", "w"], ["work", "-D", "-n", "w"]] {
            let result = try await box.expectRun(arguments, status: 0)
            #expect(result.stdout.contains("dry run: nothing was changed"))
        }
        #expect(box.tree("b1") == ["mod"])
        #expect(box.read("b1/mod") == "v1")
        #expect(box.tree("w") == ["mod", "new", "stale"])
    }

    @Test func severalPathsGoInOneRun() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        try box.write("1", at: "w/a/one")
        try box.write("2", at: "w/b/two")
        try box.write("3", at: "w/c/three")
        let result = try await box.expectRun(["backup", "-v", "w/a", "w/b/two"], input: "y\n", status: 0)
        #expect(box.tree("b1") == ["a/", "a/one", "b/", "b/two"])
        let planCommands = result.stdout.split(separator: "\n").filter { $0.contains("--dry-run") }
        #expect(planCommands.count == 1)
        #expect(planCommands.first?.contains("\(box.path("w"))/./a \(box.path("w"))/./b/two") == true)
    }

    @Test func theLocationRootMeansTheWholeLocation() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        try box.write("1", at: "w/x/one")
        try box.write("2", at: "w/two")
        try await box.expectRun(["backup", box.path("w") + "/"], status: 0)
        #expect(box.tree("b1") == ["two", "x/", "x/one"])
    }

    @Test func pathsTypedInABackupStillGoFromWorkingToBackup() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        try box.write("1", at: "w/docs/one")
        try await box.expectRun(["backup", "docs"], in: box.path("b1"), status: 0)
        #expect(box.tree("b1") == ["docs/", "docs/one"])
    }

    @Test func inaccessibleBackupIsSkippedWithANote() async throws {
        let box = try Sandbox()
        try box.makeDirectory("w")
        try box.makeDirectory("b1")
        try box.configure([("main", ["w"], ["b1", "unplugged"])])
        try box.write("1", at: "w/one")
        let result = try await box.expectRun(["backup", "w"], status: 0)
        #expect(result.stderr.contains("skipping BACKUP \(box.path("unplugged")): does not exist yet"), "\(result)")
        #expect(box.tree("b1") == ["one"])
        #expect(!box.exists("unplugged"))
    }

    @Test func verboseAsksBeforeEachCommandThatChangesFiles() async throws {
        let box = try Sandbox()
        try box.standard(backups: 2)
        try box.write("1", at: "w/one")
        // b1's creating pass and the pass of its root's own attributes, then b2's creating pass.
        let result = try await box.expectRun(["backup", "-v", "w"], input: "yes\nyes\nno\n", status: 0)
        #expect(result.stderr.components(separatedBy: "Run this command?").count == 4, "\(result)")
        #expect(result.stdout.contains("--files-from="))
        #expect(box.tree("b1") == ["one"])
        #expect(box.tree("b2") == [])
    }

    @Test func verboseQuitCancelsBeforeAnyDestinationChangesEvenWithoutAPlan() async throws {
        let box = try Sandbox()
        try box.standard(backups: 2)
        try box.write("1", at: "w/one")
        try await box.expectRun(["backup", "-m", "-v", "w"], input: "y\nq\n", status: 4)
        #expect(box.tree("b1") == [] && box.tree("b2") == [])
    }

    @Test func verboseCommandsCanBePastedIntoAShell() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        try box.write("1", at: "w/it's here/one")
        let result = try await box.expectRun(["backup", "-v", "-n", "w/it's here"], status: 0)
        let command = try #require(result.stdout.split(separator: "\n").first { $0.contains("--dry-run") })
        let pasted = try await Binary.run(
            "/bin/sh", ["-c", String(command)], input: "", directory: "/", environment: [:])
        #expect(pasted.status == 0, "\(pasted)")
        #expect(pasted.stdout.contains("it's here/one"), "\(pasted)")
    }

    @Test func typedPathsWithAColonOrALeadingDashAreNeverHostsOrOptions() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        try box.write("c", at: "w/host:path")
        try box.write("d", at: "w/-n")
        try await box.expectRun(["backup", "w/host:path", "w/-n"], status: 0)
        #expect(box.tree("b1") == ["-n", "host:path"])
    }
}
