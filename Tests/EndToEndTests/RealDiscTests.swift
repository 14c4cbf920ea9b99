import Foundation
import Testing

/// micsync on real exFAT (exfat-fuse) and NTFS (ntfs-3g) filesystems, loop-mounted from small images.
@Suite(.enabled(if: DiscImage.available, "\(DiscImage.unavailable ?? "")"), .serialized)
struct RealDiscTests {
    /// A WORKING `w` with what FAT-like discs cannot all hold, backed up to the disc's folder `disc/b`.
    private func sandbox(_ kind: DiscImage.Kind) async throws -> (Sandbox, DiscImage) {
        let box = try Sandbox()
        let disc = try await DiscImage(kind, in: box)
        try box.makeDirectory("disc/b")
        try box.write("a", at: "w/dir/a")
        try box.write("b", at: "w/dir/sub/b")
        try box.write("colon", at: "w/x:y")
        try box.write("upper", at: "w/Case.txt")
        try box.write("lower", at: "w/case.txt")
        try FileManager.default.createSymbolicLink(atPath: box.path("w/link"), withDestinationPath: "dir/a")
        try box.configure([("main", ["w"], ["disc/b"])])
        return (box, disc)
    }

    /// A first backup lists new folders whole, but not onto a disc with limits: a name it cannot hold inside a
    /// new folder is left out, never handed to rsync to fail on.
    @Test func aNameTheDiscCannotHoldInsideANewFolderIsLeftOut() async throws {
        let box = try Sandbox()
        let disc = try await DiscImage(.exfat, in: box)
        defer { disc.unmount() }
        try box.makeDirectory("disc/b")
        try box.write("ok", at: "w/new/ok")
        try box.write("colon", at: "w/new/x:y")
        try box.configure([("main", ["w"], ["disc/b"])])
        let result = try await box.expectRun(["backup", "w"], status: 1)
        #expect(box.tree("disc/b") == ["new/", "new/ok"], "\(result)")
        #expect(result.stdout.contains("    new/x:y  (its name has ':', which exfat refuses)"), "\(result)")
        #expect(!result.stderr.contains("rsync did not finish"), "nothing failed in rsync: \(result)")
    }

    @Test(arguments: DiscImage.Kind.foreign)
    func firstBackupThenNothingToDoThenWorkBack(kind: DiscImage.Kind) async throws {
        let (box, disc) = try await sandbox(kind)
        defer { disc.unmount() }
        // exfat cannot hold all of w: exit 1.
        let first = try await box.expectRun(["backup", "w"], status: kind == .exfat ? 1 : 0)
        switch kind {
        case .exfat:
            #expect(box.tree("disc/b") == ["dir/", "dir/a", "dir/sub/", "dir/sub/b"], "\(first)")
            #expect(first.stdout.contains("cannot be stored on \(box.path("disc/b")) (exfat) (4):"), "\(first)")
            #expect(first.stdout.contains("    link  (a symlink; exfat cannot hold symlinks)"), "\(first)")
            #expect(first.stdout.contains("    x:y  (its name has ':', which exfat refuses)"), "\(first)")
            #expect(first.stdout.contains("    Case.txt  (differs only in case from case.txt"), "\(first)")
            #expect(first.stdout.contains("    case.txt  (differs only in case from Case.txt"), "\(first)")
            #expect(first.stderr.contains("4 items on BACKUP \(box.path("disc/b")) cannot be stored"), "\(first)")
            #expect(first.stderr.contains("rename them, or add them to \"exclude\""), "\(first)")
            let journal = try #require(box.read("home/.local/state/micsync/journal.jsonl"))
            #expect(journal.contains("\"cannotBeStored\":[") && journal.contains("x:y (its name has"), "\(journal)")
            let json = try box.jsonObject(try await box.expectRun(["backup", "-n", "--json", "w"], status: 1).stdout)
            let destination = try #require((json["destinations"] as? [[String: Any]])?.first)
            let unstorable = try #require(destination["cannotStore"] as? [String: Any])
            #expect(unstorable["count"] as? Int == 4, "\(json)")
            let quiet = try await box.expectRun(["backup", "-q", "-n", "w"], status: 1)
            #expect(quiet.stdout.contains("BACKUP \(box.path("disc/b")): 4 cannot be stored\n"), "\(quiet)")
            let diff = try await box.expectRun(["diff", "w"], status: 1)
            #expect(!diff.stdout.contains("identical"), "a case pair is never identical: \(diff)")
            #expect(diff.stdout.contains("cannot be stored on \(box.path("disc/b")) (4):"), "\(diff)")
        case .ntfs, .ext4:
            #expect(
                box.tree("disc/b") == ["Case.txt", "case.txt", "dir/", "dir/a", "dir/sub/", "dir/sub/b", "link", "x:y"])
            #expect(!first.stdout.contains("cannot be stored"), "\(first)")
        }
        #expect(box.read("disc/b/dir/sub/b") == "b")

        // Right after a successful run: nothing to copy, no command to confirm (stdin is closed).
        let second = try await box.expectRun(["backup", "-v", "w"], status: kind == .exfat ? 1 : 0)
        #expect(second.stdout.contains("nothing to do"), "\(second)")
        #expect(!second.stderr.contains("Run this command?"), "\(second)")
        #expect(!second.stdout.contains("new ("), "\(second)")
        #expect(!second.stdout.contains("modified ("), "\(second)")

        // Back from the disc: what it holds comes back with ordinary permissions; then nothing to do.
        try FileManager.default.removeItem(atPath: box.path("w/dir"))
        try await box.expectRun(["work", "w"], status: 0)
        #expect(box.read("w/dir/sub/b") == "b")
        let mode = try #require(
            try FileManager.default.attributesOfItem(atPath: box.path("w/dir/a"))[.posixPermissions] as? Int)
        #expect(mode & 0o111 == 0, "a file from \(kind) is not made executable: \(String(mode, radix: 8))")
        let mirror = try await box.expectRun(["work", "-D", "w"], status: 0)
        if kind == .exfat {
            #expect(
                mirror.stderr.contains(
                    "4 items are not deleted: BACKUP \(box.path("disc/b")) (exfat) cannot hold them"),
                "\(mirror)")
        }
        #expect(
            box.read("w/x:y") == "colon" && box.read("w/Case.txt") == "upper" && box.read("w/case.txt") == "lower",
            "what the disc cannot hold is never deleted from the WORKING: \(mirror)")
        #expect(FileManager.default.fileExists(atPath: box.path("w/link")))
        let again = try await box.expectRun(["work", "-v", "w"], status: 0)
        #expect(again.stdout.contains("nothing to do") && !again.stderr.contains("Run this command?"), "\(again)")
    }

    @Test(arguments: DiscImage.Kind.foreign)
    func unpluggedDiscIsNeverWrittenNorReadAndCanBeAdopted(kind: DiscImage.Kind) async throws {
        let box = try Sandbox()
        let disc = try await DiscImage(kind, in: box)
        defer { disc.unmount() }
        try box.write("a", at: "w/a")
        try box.write("b", at: "w/docs/b")
        try box.configure([("main", ["w"], ["disc"])])
        try await box.expectRun(["backup", "w"], status: 0)
        #expect(box.exists("disc/docs/b"))
        let note = "BACKUP \(box.path("disc")): not mounted? (its micsync marker is missing)"

        await disc.unplug()
        // WORKING → bare mount point: nothing written on the system disc.
        let backup = try await box.expectRun(["backup", "w"], status: 3)
        #expect(backup.stderr.contains("skipping " + note), "\(backup)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: box.path("disc")).isEmpty)
        // Bare mount point → WORKING: nothing deleted, with or without asking.
        for deleting in ["-d", "-D"] {
            let work = try await box.expectRun(["work", deleting, "w"], input: "d\n", status: 3)
            #expect(work.stderr.contains(note), "\(work)")
            #expect(box.tree("w") == ["a", "docs/", "docs/b"], "\(work)")
        }
        let status = try await box.expectRun(["status"], status: 0)
        #expect(status.stdout.contains("not mounted? (its micsync marker is missing)"), "\(status)")
        #expect(status.stdout.contains("micsync adopt"), "\(status)")

        // Plugged in again: the same disc is used again.
        try await disc.mount()
        try await box.expectRun(["backup", "w"], status: 0)

        // Reformatted: the marker is gone until the disc is adopted.
        await disc.unplug()
        try await disc.format()
        try await disc.mount()
        let refused = try await box.expectRun(["backup", "w"], status: 3)
        #expect(refused.stderr.contains(note), "\(refused)")
        #expect(box.tree("disc").isEmpty, "\(box.tree("disc"))")
        let adopt = try await box.expectRun(["adopt", box.path("disc")], status: 0)
        #expect(adopt.stdout.contains("adopted BACKUP \(box.path("disc"))"), "\(adopt)")
        try await box.expectRun(["backup", "w"], status: 0)
        #expect(box.read("disc/docs/b") == "b")
    }

    @Test func aDiscUnpluggedDuringTheQuestionIsNotWritten() async throws {
        let box = try Sandbox()
        let disc = try await DiscImage(.exfat, in: box)
        defer { disc.unmount() }
        try box.write("old", at: "w/doc")
        try box.configure([("main", ["w"], ["disc"])])
        try await box.expectRun(["backup", "w"], status: 0)
        try box.write("newer and longer", at: "w/doc")
        try box.write("new", at: "w/other")
        let running = try Binary.start(
            Binary.micsync, ["backup", "w"], directory: box.root, environment: box.environment)
        try await running.waitForStderr(containing: "Overwrite 1 modified item")
        await disc.unplug()
        try running.stdin.write(contentsOf: Data("m\n".utf8))
        await running.finish()
        running.result.expect(status: 3)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: box.path("disc")).isEmpty, "nothing on the system disc")
    }
}
