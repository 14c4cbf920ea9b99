import Foundation
import Testing

/// The trash of every action, and `micsync trash list|restore|purge`, with real rsync on real trees.
@Suite struct TrashTests {
    // MARK: What each action keeps

    @Test(arguments: [(["backup", "-m"], ""), (["backup"], "m\n")])
    func backupKeepsWhatItOverwrites(arguments: [String], input: String) async throws {
        let box = try Sandbox()
        try box.standard()
        try box.write("new", at: "w/docs/f")
        try box.write("old, longer", at: "b1/docs/f")
        try await box.expectRun(arguments + ["w"], input: input, status: 0)
        #expect(box.read("b1/docs/f") == "new")
        let folders = box.trashFolders("b1")
        #expect(folders.count == 1)
        #expect(folders.allSatisfy { $0.wholeMatch(of: /\d{8}T\d{6}Z/) != nil }, "\(folders)")
        #expect(box.read("b1/.micsync/trash/\(folders[0])/docs/f") == "old, longer")
        #expect(box.trashFolders("b2").isEmpty, "nothing was overwritten in b2")
        #expect(box.tree("b1") == ["docs/", "docs/f"], "the trash is never listed or synced")
    }

    @Test(arguments: [(["work", "-d"], "delete\n"), (["work", "-D"], ""), (["--work", "-D", "--force"], "")])
    func workKeepsWhatItDeletes(arguments: [String], input: String) async throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        for name in ["a", "b", "c"] { try box.writeAlike(name, at: "p/\(name)", in: ["b1", "w"]) }
        try box.write("stale", at: "w/p/sub/stale")
        try await box.expectRun(arguments + ["w/p"], input: input, status: 0)
        #expect(box.tree("w") == ["p/", "p/a", "p/b", "p/c"])
        let folders = box.trashFolders("w")
        #expect(folders.count == 1)
        #expect(box.read("w/.micsync/trash/\(folders.first ?? "")/p/sub/stale") == "stale")
    }

    @Test func workKeepsWhatItOverwrites() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        try box.write("from backup", at: "b1/f")
        try box.write("working copy", at: "w/f")
        try await box.expectRun(["work", "-m", "w"], status: 0)
        #expect(box.read("w/f") == "from backup")
        #expect(box.read("w/.micsync/trash/\(box.trashFolders("w").first ?? "")/f") == "working copy")
    }

    @Test func transferKeepsWhatItDeletes() async throws {
        let box = try Sandbox()
        try box.standard()
        for name in ["a", "b", "c"] {
            try box.write(name, at: "b1/\(name)")
            try box.write(name, at: "b2/\(name)")
        }
        try box.write("extra", at: "b2/extra")
        try await box.expectRun(["transfer", "-D", "b1"], status: 0)
        #expect(box.tree("b2") == ["a", "b", "c"])
        #expect(box.read("b2/.micsync/trash/\(box.trashFolders("b2").first ?? "")/extra") == "extra")
    }

    /// What a tree that touched files would overwrite or delete (and so trash), answering yes to any question
    /// it asked: tree leaves all of it alone.
    @Test func treeTrashesNothing() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        try box.write("backup", at: "b1/d/f")
        try box.write("working, longer", at: "w/d/f")
        try box.write("only in working", at: "w/d/mine")
        try box.makeDirectory("b1/d/new")
        try await box.expectRun(["tree", "w"], input: "m\nd\n", status: 0)
        #expect(box.tree("w") == ["d/", "d/f", "d/mine", "d/new/"])
        #expect(box.read("w/d/f") == "working, longer")
        #expect(box.read("w/d/mine") == "only in working")
        #expect(!box.exists("w/.micsync/trash"), "\(box.trashFolders("w"))")
    }

    /// Nor does tree replace a file with the BACKUP's folder of the same name.
    @Test func treeLeavesAFileWhereTheBackupHasAFolder() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        try box.write("inside a folder", at: "b1/d/clash/inner")
        try box.write("a file where the backup has a folder", at: "w/d/clash")
        let preview = try await box.expectRun(["tree", "-n", "w"], status: 0)
        #expect(!preview.stdout.contains("clash"), "the plan agrees with the run: \(preview)")
        let result = try await box.expectRun(["tree", "w"], status: 0)
        #expect(box.read("w/d/clash") == "a file where the backup has a folder", "\(result)")
        #expect(!box.exists("w/.micsync/trash"), "\(box.trashFolders("w"))")
    }

    @Test(arguments: [(", \"trash\": false", [String]()), ("", ["--no-trash"])])
    func trashCanBeSwitchedOff(extra: String, flags: [String]) async throws {
        let box = try Sandbox()
        try box.standard(backups: 1, extra: extra)
        try box.write("new", at: "w/f")
        try box.write("old, longer", at: "b1/f")
        try box.write("x", at: "b1/g")
        try box.write("y", at: "b1/h")
        try await box.expectRun(["backup", "-m"] + flags + ["w"], status: 0)
        try box.write("only in working", at: "w/stale")
        try await box.expectRun(["work", "-D"] + flags + ["w"], status: 0)
        #expect(box.read("b1/f") == "new")
        #expect(box.tree("w") == ["f", "g", "h"], "w/stale deleted")
        #expect(!box.exists("b1/.micsync/trash"))
        #expect(!box.exists("w/.micsync/trash"))
    }

    // MARK: trash list

    @Test func listShowsCountAndSizePerLocation() async throws {
        let box = try Sandbox()
        try box.standard()
        try box.configure([("main", ["w"], ["b1", "b2", "unplugged"])])
        try box.write("new", at: "w/f")
        try box.write("new", at: "w/d/g")
        try box.write(String(repeating: "x", count: 1500), at: "b1/f")
        try box.write(String(repeating: "y", count: 500), at: "b1/d/g")
        try await box.expectRun(["backup", "-m", "w"], status: 0)
        let folder = try #require(box.trashFolders("b1").first)

        let list = try await box.expectRun(["trash", "list"], status: 0)
        #expect(list.stdout.contains("BACKUP \(box.path("b1")):\n  \(folder)  2 files  2.00 KB"), "\(list)")
        #expect(list.stdout.contains("WORKING \(box.path("w")): no trash"), "\(list)")
        #expect(list.stdout.contains("BACKUP \(box.path("b2")): no trash"), "\(list)")
        #expect(list.stdout.contains("BACKUP \(box.path("unplugged")): not accessible"), "\(list)")

        let one = try await box.expectRun(["trash", "list", "b1/d"], status: 0)
        #expect(one.stdout.hasPrefix("BACKUP \(box.path("b1")):\n  \(folder)  2 files  2.00 KB  "), "\(one)")
        #expect(one.stdout.hasSuffix("  just now\n") && one.lines.count == 2, "its local time and age: \(one)")

        let json = try box.jsonObject(try await box.expectRun(["trash", "list", "--json", "b1"], status: 0).stdout)
        let location = try #require((json["locations"] as? [[String: Any]])?.first)
        let trash = try #require((location["trash"] as? [[String: Any]])?.first)
        #expect(trash["timestamp"] as? String == folder)
        #expect(trash["files"] as? Int == 2)
        #expect(trash["bytes"] as? Int == 2000)
    }

    // MARK: trash restore

    @Test func restoreBringsDeletedFilesBack() async throws {
        let (box, folder) = try await Sandbox.deletedIntoTrash()
        #expect(box.tree("w") == ["p/", "p/keep"])

        try box.touch("w/p", secondsAgo: 3600)
        let one = try await box.expectRun(["trash", "restore", folder, "w/p/gone/one"], status: 0)
        #expect(one.stdout.contains("new (2):\n    p/gone/\n    p/gone/one"), "\(one)")
        #expect(box.tree("w") == ["p/", "p/gone/", "p/gone/one", "p/keep"])

        try await box.expectRun(["trash", "restore", folder], status: 0)
        #expect(box.read("w/p/gone/one") == "one")
        #expect(box.read("w/p/two") == "two")
        #expect(box.trashFolders("w") == [folder], "the trash stays until purged, and nothing was overwritten")
    }

    /// A backup -m that overwrote `b1/f` ("zero") with "first": the sandbox, and the trash folder keeping "zero".
    private func backupOverwroteAFile() async throws -> (Sandbox, String) {
        let box = try Sandbox()
        try box.standard(backups: 1)
        try box.write("first", at: "w/f")
        try box.write("zero", at: "b1/f")
        try await box.expectRun(["backup", "-m", "w"], status: 0)
        let folder = try #require(box.trashFolders("b1").first)
        return (box, folder)
    }

    @Test func restoreAsksBeforeOverwritingAndTrashesWhatItOverwrites() async throws {
        let (box, folder) = try await backupOverwroteAFile()

        let declined = try await box.expectRun(
            ["trash", "restore", "--location", "b1", folder], input: "n\n", status: 0)
        #expect(declined.stderr.contains("Overwrite 1 modified item"), "\(declined)")
        #expect(declined.stdout.contains("modified (1):\n    f"), "\(declined)")
        #expect(box.read("b1/f") == "first")
        #expect(box.trashFolders("b1") == [folder])

        try await box.expectRun(["trash", "restore", folder, "b1/f"], status: 4)
        #expect(box.read("b1/f") == "first")

        try await box.expectRun(["trash", "restore", folder, "b1/f"], input: "m\n", status: 0)
        #expect(box.read("b1/f") == "zero")
        let folders = box.trashFolders("b1")
        #expect(folders.count == 2, "\(folders)")
        #expect(box.read("b1/.micsync/trash/\(folders.last ?? "")/f") == "first")
        #expect(box.read("b1/.micsync/trash/\(folder)/f") == "zero")
    }

    /// A restore writes like any run, so the journal records it like any run.
    @Test func restoreIsJournaled() async throws {
        let (box, folder) = try await backupOverwroteAFile()
        #expect(box.read("b1/.micsync/trash/\(folder)/f") == "zero")

        try await box.expectRun(["trash", "restore", "-m", folder, "b1/f"], status: 0)
        #expect(box.read("b1/f") == "zero")
        let lines = try String(contentsOfFile: box.journalFile, encoding: .utf8).split(separator: "\n")
        let restore = try #require(lines.last { $0.contains("\"action\":\"restore\"") }, "\(lines)")
        let entry = try box.jsonObject(String(restore))
        #expect(entry["destinations"] as? [String] == [box.path("b1")])
        #expect(entry["overwritten"] as? Int == 1 && entry["exitCode"] as? Int == 0, "\(entry)")
        #expect(lines.count == 2, "the backup's line, then the restore's")
    }

    @Test func restoreDeclinedKeepsAFileInADirectory() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        try box.write("first", at: "w/d/f")
        try box.write("zero", at: "b1/d/f")
        try await box.expectRun(["backup", "-m", "w"], status: 0)
        let folder = try #require(box.trashFolders("b1").first)
        try box.touch("b1/d", secondsAgo: 3600)
        try await box.expectRun(["trash", "restore", folder, "b1/d/f"], input: "n\n", status: 0)
        #expect(box.read("b1/d/f") == "first")
    }

    @Test func restoreWithDashMOverwritesWithoutAskingAndDryRunChangesNothing() async throws {
        let (box, folder) = try await backupOverwroteAFile()
        let dry = try await box.expectRun(["trash", "restore", "-n", folder], status: 0)
        #expect(dry.stdout.contains("modified (1):\n    f"), "\(dry)")
        #expect(box.read("b1/f") == "first")
        let forced = try await box.expectRun(["trash", "restore", "-m", folder], status: 0)
        #expect(!forced.stderr.contains("Overwrite"))
        #expect(box.read("b1/f") == "zero")
    }

    @Test func unknownTimestampListsTheAvailableOnes() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        try box.write("new", at: "w/f")
        try box.write("old, longer", at: "b1/f")
        try await box.expectRun(["backup", "-m", "w"], status: 0)
        let folder = try #require(box.trashFolders("b1").first)
        for arguments in [
            ["20000101T000000Z"], ["20000101T000000Z", "b1/f"], ["--location", "b1", "20000101T000000Z"],
        ] {
            let result = try await box.expectRun(["trash", "restore"] + arguments, status: 3)
            #expect(result.stderr.contains("20000101T000000Z") && result.stderr.contains(folder), "\(result)")
        }
        try await box.expectRun(["trash", "restore", folder, "b1/nothing"], status: 3)
    }

    // MARK: trash purge

    @Test func purgeOlderThanKeepsRecentTrash() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        try box.write("new", at: "w/f")
        try box.write("old, longer", at: "b1/f")
        try await box.expectRun(["backup", "-m", "w"], status: 0)
        let recent = try #require(box.trashFolders("b1").first)
        try box.write("ancient", at: "b1/.micsync/trash/20200101T000000Z/old")

        let declined = try await box.expectRun(["trash", "purge", "--older-than", "30"], input: "n\n", status: 0)
        #expect(declined.stdout.contains("20200101T000000Z  1 file  7 B"), "\(declined)")
        #expect(!declined.stdout.contains(recent), "\(declined)")
        #expect(declined.stderr.contains("Delete 1 trash folder (1 file, 7 B)?"), "\(declined)")
        #expect(box.trashFolders("b1") == ["20200101T000000Z", recent])

        try await box.expectRun(["trash", "purge", "--older-than", "30"], status: 4)
        #expect(box.trashFolders("b1").count == 2)

        try await box.expectRun(["trash", "purge", "--older-than", "30"], input: "d\n", status: 0)
        #expect(box.trashFolders("b1") == [recent])
    }

    @Test func purgeYesDeletesEveryTrashFolderWithoutAsking() async throws {
        let box = try Sandbox()
        try box.standard()
        try box.write("new", at: "w/f")
        try box.write("old, longer", at: "b1/f")
        try box.write("old, longer", at: "b2/f")
        try await box.expectRun(["backup", "-m", "w"], status: 0)
        try box.write("ancient", at: "b1/.micsync/trash/20200101T000000Z/old")

        try await box.expectRun(["trash", "purge", "--yes", "b2"], status: 0)
        #expect(box.trashFolders("b2").isEmpty)
        #expect(box.trashFolders("b1").count == 2)

        let all = try await box.expectRun(["trash", "purge", "--yes"], status: 0)
        #expect(!all.stderr.contains("Delete"), "\(all)")
        #expect(all.stdout.contains("deleted 2 trash folders"), "\(all)")
        #expect(box.trashFolders("b1").isEmpty)
        #expect(box.read("b1/f") == "new")
        #expect(try await box.expectRun(["trash", "purge"], status: 0).stdout == "nothing to purge\n")
    }

    // MARK: usage

    @Test(arguments: [
        ["trash", "restore"], ["trash", "purge", "--older-than", "-1"],
        ["trash", "purge", "--older-than", "soon"], ["trash", "list", "--config-name", "nope"],
    ])
    func usageErrorsExit2(arguments: [String]) async throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        let result = try await box.expectRun(arguments, status: 2)
        #expect(!result.stderr.isEmpty)
    }

    @Test(arguments: ["list", "restore", "purge"])
    func helpHasExamples(subcommand: String) async throws {
        let box = try Sandbox()
        let result = try await box.expectRun(["help", "trash", subcommand], status: 0)
        #expect(result.stdout.contains("Examples:\n  micsync trash \(subcommand)"), "\(result)")
    }
}

extension Sandbox {
    /// `work -D` deleted `w/p/gone/one` and `w/p/two` into WORKING w's trash: the sandbox and that folder.
    static func deletedIntoTrash() async throws -> (Sandbox, String) {
        let box = try Sandbox()
        try box.standard(backups: 1)
        try box.writeAlike("keep", at: "p/keep", in: ["b1", "w"])
        try box.write("one", at: "w/p/gone/one")
        try box.write("two", at: "w/p/two")
        try await box.expectRun(["work", "-D", "--force", "w"], status: 0)
        return (box, try #require(box.trashFolders("w").first))
    }

    /// The trash folder names of the location at `relative`, oldest first.
    func trashFolders(_ relative: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path(relative + "/.micsync/trash"))) ?? []).sorted()
    }
}
