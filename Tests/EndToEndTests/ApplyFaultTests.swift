import Foundation
import Testing

/// Apply exactly what was approved, whatever changes meanwhile: each question is answered
/// only after the world changed under the waiting run.
@Suite struct ApplyFaultTests {
    /// Starts micsync, waits for `question`, runs `change`, then answers; the run must end with `status`.
    func answer(
        _ box: Sandbox, _ arguments: [String], at question: String, with reply: String, status: Int32,
        sourceLocation: SourceLocation = #_sourceLocation, after change: () throws -> Void
    ) async throws -> RunResult {
        let run = try Binary.start(Binary.micsync, arguments, directory: box.root, environment: box.environment)
        try await run.waitForStderr(containing: question)
        try change()
        try run.stdin.write(contentsOf: Data(reply.utf8))
        await run.finish()
        let result = run.result
        result.expect(status: status, sourceLocation: sourceLocation)
        return result
    }

    /// An unplugged disc: the location's directory moved away, an empty mount point left in its place.
    func unplug(_ box: Sandbox, _ location: String) throws {
        try FileManager.default.moveItem(atPath: box.path(location), toPath: box.path(location + "-unplugged"))
        try box.makeDirectory(location)
    }

    @Test func aSourceUnpluggedAtTheDeleteQuestionDeletesNothing() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1, extra: ", \"maxDeletePercent\": 100")
        for name in ["a", "b", "c"] {
            try box.writeAlike("same", at: name, in: ["b1", "w"])
        }
        try box.write("modified at the backup", at: "b1/m")
        try box.write("old", at: "w/m")
        try box.write("only here", at: "w/extra")
        let run = try await answer(box, ["work", "-d", "-m", "w"], at: "Delete 1 item", with: "d\n", status: 3) {
            try unplug(box, "b1")
        }
        #expect(box.tree("w") == ["a", "b", "c", "extra", "m"])
        #expect(box.read("w/m") == "old")
        #expect(run.stderr.contains("BACKUP \(box.path("b1")) is another directory than at the plan"), "\(run.stderr)")
    }

    @Test func aDestinationUnpluggedAtTheQuestionIsNotWrittenAndTheOthersAre() async throws {
        let box = try Sandbox()
        try box.standard(backups: 2)
        try box.write("new", at: "w/f")
        try box.write("old, longer", at: "b1/f")
        try box.write("old, longer", at: "b2/f")
        try box.write("n", at: "w/added")
        let run = try await answer(box, ["backup", "w"], at: "Overwrite", with: "m\nm\n", status: 1) {
            try unplug(box, "b1")
        }
        #expect(box.tree("b1").isEmpty, "the bare mount point is not written")
        #expect(box.read("b2/f") == "new" && box.read("b2/added") == "n")
        #expect(run.stderr.contains("BACKUP \(box.path("b1")) is another directory than at the plan"), "\(run.stderr)")
    }

    @Test func aDestinationUnpluggedBetweenTwoPassesGetsNoMore() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        try box.write("new", at: "w/f")
        try box.write("old, longer", at: "b1/f")
        try box.write("n", at: "w/added")
        let rsync = try #require(
            ["/usr/bin/rsync", "/bin/rsync"].first { FileManager.default.isExecutableFile(atPath: $0) })
        // An rsync that unplugs b1 right after the pass that creates new items.
        let script = [
            "#!/bin/sh",
            "\(rsync) \"$@\"; status=$?",
            "case \" $* \" in *\" --ignore-existing --ignore-missing-args \"*)",
            "    mv '\(box.path("b1"))' '\(box.path("b1-away"))'; mkdir '\(box.path("b1"))' ;;",
            "esac",
            "exit $status",
        ]
        try box.write(script.joined(separator: "\n") + "\n", at: "unplugging-bin/rsync")
        chmod(box.path("unplugging-bin/rsync"), 0o755)
        var environment = box.environment
        environment["PATH"] = box.path("unplugging-bin") + ":/usr/bin:/bin"
        let result = try await box.expectRun(["backup", "w"], input: "m\n", environment: environment, status: 1)
        #expect(box.read("b1-away/added") == "n" && box.read("b1-away/f") == "old, longer")
        #expect(box.tree("b1").isEmpty, "the bare mount point gets nothing: \(box.tree("b1"))")
        #expect(result.stderr.contains("is another directory than at the plan"), "\(result)")
    }

    @Test func aDestinationRemovedAtTheQuestionIsNotRecreated() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        try box.write("new", at: "w/f")
        try box.write("old, longer", at: "b1/f")
        let run = try await answer(box, ["backup", "w"], at: "Overwrite", with: "m\n", status: 3) {
            try FileManager.default.removeItem(atPath: box.path("b1"))
        }
        #expect(!box.exists("b1"))
        #expect(run.stderr.contains("is gone since the plan"), "\(run.stderr)")
    }

    @Test func aFileThatAppearedAtTheDestinationIsLeftAloneAndReported() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        try box.write("new", at: "w/f")
        try box.write("old, longer", at: "b1/f")
        try box.write("mine", at: "w/n")
        let run = try await answer(box, ["backup", "w"], at: "Overwrite", with: "n\n", status: 0) {
            try box.write("theirs, written meanwhile", at: "b1/n")
        }
        #expect(box.read("b1/n") == "theirs, written meanwhile")
        #expect(box.read("b1/f") == "old, longer")
        #expect(run.stderr.contains("appeared at the destination since the plan; left alone: n"), "\(run.stderr)")
        #expect(run.stdout.contains("0 copied"), "\(run.stdout)")
    }

    @Test func aFolderThatAppearedWhereANewFileWasPlannedIsLeftAlone() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        try box.write("new", at: "w/f")
        try box.write("old, longer", at: "b1/f")
        try box.write("mine", at: "w/n")
        let run = try await answer(box, ["backup", "w"], at: "Overwrite", with: "m\n", status: 0) {
            try box.write("theirs", at: "b1/n/inside")
        }
        #expect(box.read("b1/n/inside") == "theirs")
        #expect(box.read("b1/f") == "new")
        #expect(run.stderr.contains("appeared at the destination since the plan; left alone: n"), "\(run.stderr)")
    }

    /// A file whose permissions alone differ gets them updated, never its content: one edited meanwhile is
    /// left alone, whatever the answer about the modified files.
    @Test(arguments: ["n\n", "m\n"])
    func aFileWhoseAttributesAloneDifferedIsNotOverwrittenOnceEditedMeanwhile(reply: String) async throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        try box.write("new", at: "w/f")
        try box.write("old, longer", at: "b1/f")
        for (side, mode) in [("w", 0o644), ("b1", 0o600)] {
            try box.write("same", at: "\(side)/p")
            try FileManager.default.setAttributes(
                [.posixPermissions: mode, .modificationDate: Date(timeIntervalSince1970: 1_700_000_000)],
                ofItemAtPath: box.path("\(side)/p"))
        }
        try box.writeAlike("same", at: "q", in: ["w", "b1"])
        chmod(box.path("b1/q"), 0o600)
        let run = try await answer(box, ["backup", "w"], at: "Overwrite", with: reply, status: 0) {
            try box.write("edited after the plan", at: "w/p")
        }
        #expect(box.read("b1/p") == "same")
        #expect(
            run.stderr.contains("changed since the plan, when only their attributes differed; left alone: p"),
            "\(run.stderr)")
        let untouched = try FileManager.default.attributesOfItem(atPath: box.path("b1/q"))
        #expect(untouched[.posixPermissions] as? Int == 0o644, "an unchanged file still gets its attributes")
    }

    @Test func anApprovedOverwriteWhoseSourceVanishedDeletesNothing() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        try box.write("new", at: "w/f")
        try box.write("old, longer", at: "b1/f")
        try box.write("n", at: "w/gone")
        let run = try await answer(box, ["backup", "w"], at: "Overwrite", with: "m\n", status: 0) {
            try FileManager.default.removeItem(atPath: box.path("w/f"))
            try FileManager.default.removeItem(atPath: box.path("w/gone"))
        }
        #expect(box.read("b1/f") == "old, longer")
        #expect(!box.exists("b1/gone"))
        #expect(run.stdout.contains("0 copied (0 B), 0 overwritten, 0 deleted"), "\(run.stdout)")
    }

    @Test(arguments: ["n\n", "m\n"])
    func aTypeChangeIsAModificationAskedAndTrashed(reply: String) async throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        try box.write("a", at: "w/x/a")
        try box.write("a file where the source has a folder", at: "b1/x")
        try box.write("t", at: "w/target")
        try FileManager.default.createSymbolicLink(atPath: box.path("w/link"), withDestinationPath: "target")
        try box.write("a file where the source has a symlink", at: "b1/link")
        try box.write("d", at: "w/dir")
        try box.write("inside a folder where the source has a file", at: "b1/dir/inner")
        let result = try await box.expectRun(["backup", "w"], input: reply, status: 0)
        #expect(result.stdout.contains("modified (4)"), "x/, x/a, link, dir: \(result)")
        #expect(result.stderr.contains("Overwrite 4 modified items"), "\(result)")
        if reply == "n\n" {
            #expect(box.read("b1/x") == "a file where the source has a folder")
            #expect(box.read("b1/link") == "a file where the source has a symlink")
            #expect(box.read("b1/dir/inner") == "inside a folder where the source has a file")
        } else {
            #expect(box.read("b1/x/a") == "a")
            #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: box.path("b1/link"))) == "target")
            #expect(box.read("b1/dir") == "d")
            let trash = try #require(
                try FileManager.default.contentsOfDirectory(atPath: box.path("b1/.micsync/trash")).first)
            #expect(box.read("b1/.micsync/trash/\(trash)/x") == "a file where the source has a folder")
            #expect(box.read("b1/.micsync/trash/\(trash)/link") == "a file where the source has a symlink")
            #expect(box.read("b1/.micsync/trash/\(trash)/dir/inner") == "inside a folder where the source has a file")
        }
    }

    @Test func applyPassesKeepHardLinksAndSparseFiles() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        try box.write("linked", at: "w/one")
        try FileManager.default.linkItem(atPath: box.path("w/one"), toPath: box.path("w/two"))
        let sparse = open(box.path("w/sparse"), O_WRONLY | O_CREAT, 0o644)
        ftruncate(sparse, 64 * 1024 * 1024)
        close(sparse)
        // A modified file makes the run ask, so the new items go through the apply passes, not one whole pass.
        try box.write("new", at: "w/f")
        try box.write("old, longer", at: "b1/f")
        let result = try await box.expectRun(["backup", "w"], input: "n\n", status: 0)
        #expect(result.stderr.contains("Overwrite"), "\(result)")
        var one = stat(), two = stat(), hole = stat()
        #expect(stat(box.path("b1/one"), &one) == 0 && stat(box.path("b1/two"), &two) == 0)
        #expect(stat(box.path("b1/sparse"), &hole) == 0)
        #expect(one.st_ino == two.st_ino, "a hard link stays a hard link")
        #expect(hole.st_size == 64 * 1024 * 1024 && hole.st_blocks < 1024, "a sparse file stays sparse")
    }
}
