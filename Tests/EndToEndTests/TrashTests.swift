import Foundation
import Testing

/// The trash of every action, and `micsync trash list|restore|purge`, with real rsync on real trees.
@Suite struct TrashTests {
    // MARK: What each action keeps

    @Test(arguments: [(["backup", "-m"], ""), (["backup"], "m\n")])
    func backupKeepsWhatItOverwrites(arguments: [String], input: String) throws {
        let box = try Sandbox()
        try box.standard()
        try box.write("new", at: "w/docs/f")
        try box.write("old, longer", at: "b1/docs/f")
        let result = try box.run(arguments + ["w"], input: input)
        #expect(result.status == 0, "\(result)")
        #expect(box.read("b1/docs/f") == "new")
        let folders = box.trashFolders("b1")
        #expect(folders.count == 1)
        #expect(folders.allSatisfy { $0.wholeMatch(of: /\d{8}T\d{6}Z/) != nil }, "\(folders)")
        #expect(box.read("b1/.micsync/trash/\(folders[0])/docs/f") == "old, longer")
        #expect(box.trashFolders("b2").isEmpty, "nothing was overwritten in b2")
        #expect(box.tree("b1") == ["docs/", "docs/f"], "the trash is never listed or synced")
    }

    @Test(arguments: [(["work", "-d"], "delete\n"), (["work", "-D"], ""), (["--work", "-D", "--force"], "")])
    func workKeepsWhatItDeletes(arguments: [String], input: String) throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        for name in ["a", "b", "c"] {
            try box.write(name, at: "b1/p/\(name)")
            try box.write(name, at: "w/p/\(name)")
        }
        try box.write("stale", at: "w/p/sub/stale")
        let result = try box.run(arguments + ["w/p"], input: input)
        #expect(result.status == 0, "\(result)")
        #expect(box.tree("w") == ["p/", "p/a", "p/b", "p/c"])
        let folders = box.trashFolders("w")
        #expect(folders.count == 1)
        #expect(box.read("w/.micsync/trash/\(folders.first ?? "")/p/sub/stale") == "stale")
    }

    @Test func workKeepsWhatItOverwrites() throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        try box.write("from backup", at: "b1/f")
        try box.write("working copy", at: "w/f")
        let result = try box.run(["work", "-m", "w"])
        #expect(result.status == 0, "\(result)")
        #expect(box.read("w/f") == "from backup")
        #expect(box.read("w/.micsync/trash/\(box.trashFolders("w").first ?? "")/f") == "working copy")
    }

    @Test func transferKeepsWhatItDeletes() throws {
        let box = try Sandbox()
        try box.standard()
        for name in ["a", "b", "c"] {
            try box.write(name, at: "b1/\(name)")
            try box.write(name, at: "b2/\(name)")
        }
        try box.write("extra", at: "b2/extra")
        let result = try box.run(["transfer", "-D", "b1"])
        #expect(result.status == 0, "\(result)")
        #expect(box.tree("b2") == ["a", "b", "c"])
        #expect(box.read("b2/.micsync/trash/\(box.trashFolders("b2").first ?? "")/extra") == "extra")
    }

    @Test func treeTrashesNothing() throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        try box.write("backup", at: "b1/d/f")
        try box.write("working, longer", at: "w/d/f")
        try box.makeDirectory("b1/d/new")
        let result = try box.run(["tree", "w"])
        #expect(result.status == 0, "\(result)")
        #expect(box.tree("w") == ["d/", "d/f", "d/new/"])
        #expect(box.read("w/d/f") == "working, longer")
        #expect(!box.exists("w/.micsync/trash"))
    }

    @Test(arguments: [(", \"trash\": false", [String]()), ("", ["--no-trash"])])
    func trashCanBeSwitchedOff(extra: String, flags: [String]) throws {
        let box = try Sandbox()
        try box.standard(backups: 1, extra: extra)
        try box.write("new", at: "w/f")
        try box.write("old, longer", at: "b1/f")
        try box.write("x", at: "b1/g")
        try box.write("y", at: "b1/h")
        #expect(try box.run(["backup", "-m"] + flags + ["w"]).status == 0)
        #expect(try box.run(["work", "-D"] + flags + ["w"]).status == 0)
        #expect(box.read("b1/f") == "new")
        #expect(box.tree("w") == ["f", "g", "h"])
        #expect(!box.exists("b1/.micsync/trash"))
        #expect(!box.exists("w/.micsync/trash"))
    }

    // MARK: trash list

    @Test func listShowsCountAndSizePerLocation() throws {
        let box = try Sandbox()
        try box.standard()
        try box.configure([("main", ["w"], ["b1", "b2", "unplugged"])])
        try box.write("new", at: "w/f")
        try box.write("new", at: "w/d/g")
        try box.write(String(repeating: "x", count: 1500), at: "b1/f")
        try box.write(String(repeating: "y", count: 500), at: "b1/d/g")
        #expect(try box.run(["backup", "-m", "w"]).status == 0)
        let folder = try #require(box.trashFolders("b1").first)

        let list = try box.run(["trash", "list"])
        #expect(list.status == 0, "\(list)")
        #expect(list.stdout.contains("BACKUP \(box.path("b1")):\n  \(folder)  2 files  2.00 KB"), "\(list)")
        #expect(list.stdout.contains("WORKING \(box.path("w")): no trash"), "\(list)")
        #expect(list.stdout.contains("BACKUP \(box.path("b2")): no trash"), "\(list)")
        #expect(list.stdout.contains("BACKUP \(box.path("unplugged")): not accessible"), "\(list)")

        let one = try box.run(["trash", "list", "b1/d"])
        #expect(one.stdout == "BACKUP \(box.path("b1")):\n  \(folder)  2 files  2.00 KB\n", "\(one)")

        let json = try box.jsonObject(try box.run(["trash", "list", "--json", "b1"]).stdout)
        let location = try #require((json["locations"] as? [[String: Any]])?.first)
        let trash = try #require((location["trash"] as? [[String: Any]])?.first)
        #expect(trash["timestamp"] as? String == folder)
        #expect(trash["files"] as? Int == 2)
        #expect(trash["bytes"] as? Int == 2000)
    }

    // MARK: trash restore

    @Test func restoreBringsDeletedFilesBack() throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        try box.write("keep", at: "b1/p/keep")
        try box.write("keep", at: "w/p/keep")
        try box.write("one", at: "w/p/gone/one")
        try box.write("two", at: "w/p/two")
        #expect(try box.run(["work", "-D", "--force", "w"]).status == 0)
        #expect(box.tree("w") == ["p/", "p/keep"])
        let folder = try #require(box.trashFolders("w").first)

        try box.touch("w/p", secondsAgo: 3600)
        let one = try box.run(["trash", "restore", folder, "w/p/gone/one"])
        #expect(one.status == 0, "\(one)")
        #expect(one.stdout.contains("new (2):\n    p/gone/\n    p/gone/one"), "\(one)")
        #expect(box.tree("w") == ["p/", "p/gone/", "p/gone/one", "p/keep"])

        let all = try box.run(["trash", "restore", folder])
        #expect(all.status == 0, "\(all)")
        #expect(box.read("w/p/gone/one") == "one")
        #expect(box.read("w/p/two") == "two")
        #expect(box.trashFolders("w") == [folder], "the trash stays until purged, and nothing was overwritten")
    }

    @Test func restoreAsksBeforeOverwritingAndTrashesWhatItOverwrites() throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        try box.write("first", at: "w/f")
        try box.write("zero", at: "b1/f")
        #expect(try box.run(["backup", "-m", "w"]).status == 0)
        let folder = try #require(box.trashFolders("b1").first)

        let declined = try box.run(["trash", "restore", "--location", "b1", folder], input: "n\n")
        #expect(declined.status == 0, "\(declined)")
        #expect(declined.stderr.contains("Overwrite 1 modified item"), "\(declined)")
        #expect(declined.stdout.contains("modified (1):\n    f"), "\(declined)")
        #expect(box.read("b1/f") == "first")
        #expect(box.trashFolders("b1") == [folder])

        let cancelled = try box.run(["trash", "restore", folder, "b1/f"])
        #expect(cancelled.status == 4, "\(cancelled)")
        #expect(box.read("b1/f") == "first")

        let approved = try box.run(["trash", "restore", folder, "b1/f"], input: "m\n")
        #expect(approved.status == 0, "\(approved)")
        #expect(box.read("b1/f") == "zero")
        let folders = box.trashFolders("b1")
        #expect(folders.count == 2, "\(folders)")
        #expect(box.read("b1/.micsync/trash/\(folders.last ?? "")/f") == "first")
        #expect(box.read("b1/.micsync/trash/\(folder)/f") == "zero")
    }

    @Test func restoreDeclinedKeepsAFileInADirectory() throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        try box.write("first", at: "w/d/f")
        try box.write("zero", at: "b1/d/f")
        #expect(try box.run(["backup", "-m", "w"]).status == 0)
        let folder = try #require(box.trashFolders("b1").first)
        try box.touch("b1/d", secondsAgo: 3600)
        let declined = try box.run(["trash", "restore", folder, "b1/d/f"], input: "n\n")
        #expect(declined.status == 0, "\(declined)")
        #expect(box.read("b1/d/f") == "first")
    }

    @Test func restoreWithDashMOverwritesWithoutAskingAndDryRunChangesNothing() throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        try box.write("first", at: "w/f")
        try box.write("zero", at: "b1/f")
        #expect(try box.run(["backup", "-m", "w"]).status == 0)
        let folder = try #require(box.trashFolders("b1").first)
        let dry = try box.run(["trash", "restore", "-n", folder])
        #expect(dry.status == 0, "\(dry)")
        #expect(dry.stdout.contains("modified (1):\n    f"), "\(dry)")
        #expect(box.read("b1/f") == "first")
        let forced = try box.run(["trash", "restore", "-m", folder])
        #expect(forced.status == 0, "\(forced)")
        #expect(!forced.stderr.contains("Overwrite"))
        #expect(box.read("b1/f") == "zero")
    }

    @Test func unknownTimestampListsTheAvailableOnes() throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        try box.write("new", at: "w/f")
        try box.write("old, longer", at: "b1/f")
        #expect(try box.run(["backup", "-m", "w"]).status == 0)
        let folder = try #require(box.trashFolders("b1").first)
        for arguments in [
            ["20000101T000000Z"], ["20000101T000000Z", "b1/f"], ["--location", "b1", "20000101T000000Z"],
        ] {
            let result = try box.run(["trash", "restore"] + arguments)
            #expect(result.status == 3, "\(result)")
            #expect(result.stderr.contains("20000101T000000Z") && result.stderr.contains(folder), "\(result)")
        }
        let missing = try box.run(["trash", "restore", folder, "b1/nothing"])
        #expect(missing.status == 3, "\(missing)")
    }

    // MARK: trash purge

    @Test func purgeOlderThanKeepsRecentTrash() throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        try box.write("new", at: "w/f")
        try box.write("old, longer", at: "b1/f")
        #expect(try box.run(["backup", "-m", "w"]).status == 0)
        let recent = try #require(box.trashFolders("b1").first)
        try box.write("ancient", at: "b1/.micsync/trash/20200101T000000Z/old")

        let declined = try box.run(["trash", "purge", "--older-than", "30"], input: "n\n")
        #expect(declined.status == 0, "\(declined)")
        #expect(declined.stdout.contains("20200101T000000Z  1 file  7 B"), "\(declined)")
        #expect(!declined.stdout.contains(recent), "\(declined)")
        #expect(declined.stderr.contains("Delete 1 trash folder (1 file, 7 B)?"), "\(declined)")
        #expect(box.trashFolders("b1") == ["20200101T000000Z", recent])

        let cancelled = try box.run(["trash", "purge", "--older-than", "30"])
        #expect(cancelled.status == 4, "\(cancelled)")
        #expect(box.trashFolders("b1").count == 2)

        let approved = try box.run(["trash", "purge", "--older-than", "30"], input: "d\n")
        #expect(approved.status == 0, "\(approved)")
        #expect(box.trashFolders("b1") == [recent])
    }

    @Test func purgeYesDeletesEveryTrashFolderWithoutAsking() throws {
        let box = try Sandbox()
        try box.standard()
        try box.write("new", at: "w/f")
        try box.write("old, longer", at: "b1/f")
        try box.write("old, longer", at: "b2/f")
        #expect(try box.run(["backup", "-m", "w"]).status == 0)
        try box.write("ancient", at: "b1/.micsync/trash/20200101T000000Z/old")

        let one = try box.run(["trash", "purge", "--yes", "b2"])
        #expect(one.status == 0, "\(one)")
        #expect(box.trashFolders("b2").isEmpty)
        #expect(box.trashFolders("b1").count == 2)

        let all = try box.run(["trash", "purge", "--yes"])
        #expect(all.status == 0, "\(all)")
        #expect(!all.stderr.contains("Delete"), "\(all)")
        #expect(all.stdout.contains("deleted 2 trash folders"), "\(all)")
        #expect(box.trashFolders("b1").isEmpty)
        #expect(box.read("b1/f") == "new")
        #expect(try box.run(["trash", "purge"]).stdout == "nothing to purge\n")
    }

    // MARK: usage

    @Test(arguments: [
        ["trash", "restore"], ["trash", "purge", "--older-than", "-1"],
        ["trash", "purge", "--older-than", "soon"], ["trash", "list", "--config-name", "nope"],
    ])
    func usageErrorsExit2(arguments: [String]) throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        let result = try box.run(arguments)
        #expect(result.status == 2, "\(result)")
        #expect(!result.stderr.isEmpty)
    }

    @Test(arguments: ["list", "restore", "purge"])
    func helpHasExamples(subcommand: String) throws {
        let box = try Sandbox()
        let result = try box.run(["help", "trash", subcommand])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("Examples:\n  micsync trash \(subcommand)"), "\(result)")
    }
}

extension Sandbox {
    /// The trash folder names of the location at `relative`, oldest first.
    func trashFolders(_ relative: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path(relative + "/.micsync/trash"))) ?? []).sorted()
    }
}
