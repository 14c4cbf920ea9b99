import Foundation
import Testing

/// Faults that must never lose data, crash or hang: a killed micsync, a full disc, an output
/// that cannot be written, signals and endless input at a question, planted symlinks in `.micsync`.
@Suite struct FaultTests {
    @Test func killingMicsyncKillsItsRsyncAndLeavesNoTemporaryFileAmongTheUsersFiles() async throws {
        let box = try Sandbox()
        let run = try await box.backupMidCopy(of: "big.bin")
        defer { run.kill() }
        #expect(!rsyncProcesses(mentioning: box.path("b1")).isEmpty)
        run.signal(SIGKILL)
        // The watchdog ends it within about a second; a copy that went on to its end would leave b1/big.bin.
        #expect(await waitUntil { rsyncProcesses(mentioning: box.path("b1")).isEmpty }, "rsync is gone")
        await run.finish()
        run.result.expect(killedBy: SIGKILL)
        #expect(box.tree("b1").allSatisfy { !$0.contains("big.bin.") && !$0.hasPrefix(".big") }, "\(box.tree("b1"))")
        #expect(!box.exists("b1/big.bin"), "no half file in the user's place")
        try box.write("left by a run killed with its rsync", at: "b1/.micsync/tmp/big.bin.Xy12Ab")
        try await box.expectRun(["backup", "w"], status: 0, "the lock went with rsync")
        #expect(box.read("b1/big.bin")?.count == 16 * 1024 * 1024)
        #expect(!box.exists("b1/.micsync/tmp/big.bin.Xy12Ab"), "a stale temporary file is cleared by the next run")
    }

    /// A copy cut short leaves its half in `.micsync/partial`, to go on from; once its source is gone, the
    /// next run of that location removes it, and `status` shows it meanwhile.
    @Test func aHalfCopiedFileWhoseSourceIsGoneIsRemovedByTheNextRun() async throws {
        let box = try Sandbox()
        let run = try await box.backupMidCopy(of: "big.bin")
        defer { run.kill() }
        run.signal(SIGINT)
        await run.finish()
        run.result.expect(status: 130)
        #expect(box.exists("b1/.micsync/partial/big.bin"), "\(box.tree("b1/.micsync"))")
        let status = try await box.expectRun(["status"], status: 0)
        #expect(status.stdout.contains(".micsync holds") && status.stdout.contains("of half-copied files"), "\(status)")
        try FileManager.default.removeItem(atPath: box.path("w/big.bin"))
        try box.write("small", at: "w/other")
        let next = try await box.expectRun(["backup", "w"], status: 0)
        #expect(!box.exists("b1/.micsync/partial/big.bin"), "\(next)")
        #expect(box.read("b1/other") == "small")
        let after = try await box.expectRun(["status"], status: 0)
        #expect(!after.stdout.contains("half-copied"), "\(after)")
    }

    @Test func aFullDiscIsNamedWithItsFreeSpaceAndTheFileThatDidNotFit() async throws {
        if let unavailable = DiscImage.ext4Unavailable {
            Issue.record("cannot mount a small filesystem: \(unavailable)")
            return
        }
        let box = try Sandbox()
        try box.makeDirectory("w")
        let small = try await DiscImage(.ext4, in: box, image: "small.img", mountPoint: "small")
        defer { small.unmount() }
        try box.configure([("main", ["w"], ["small"])])
        try Data(repeating: 0x61, count: 1024 * 1024).write(to: URL(fileURLWithPath: box.path("w/a-small.bin")))
        try Data(repeating: 0x62, count: 12 * 1024 * 1024).write(to: URL(fileURLWithPath: box.path("w/b-big.bin")))
        // Past the check of free space before writing, so that rsync meets the full disc.
        let result = try await box.expectRun(["backup", "--ignore-space", "w"], status: 1)
        #expect(result.stderr.contains("BACKUP \(box.path("small")): the disc is full"), "\(result)")
        #expect(result.stderr.contains("free") && result.stderr.contains("b-big.bin did not fit"), "\(result)")
        #expect(result.stdout.contains("1 copied"), "counts what landed, not the plan: \(result)")
        #expect(box.read("small/a-small.bin")?.count == 1024 * 1024)
        #expect(!box.exists("small/b-big.bin"))
        let journal = try String(contentsOfFile: box.journalFile, encoding: .utf8)
        #expect(journal.contains(#""copied":1"#) && journal.contains(#""exitCode":1"#), "\(journal)")
    }

    @Test(arguments: ["/dev/full", "closed"])
    func anOutputThatCannotBeWrittenEndsTheRunCleanly(output: String) async throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        try box.write("new", at: "w/f")
        try box.write("old, longer", at: "b1/f")
        let redirect = output == "closed" ? ">&-" : "> /dev/full"
        let command = "'\(Binary.micsync)' backup w \(redirect)"
        let result = try await Binary.run(
            "/bin/sh", ["-c", command], input: "m\n", directory: box.root, environment: box.environment)
        result.expect(status: 1)
        #expect(!result.stderr.contains("Fatal error") && !result.stderr.contains("Backtrace"), "\(result)")
        #expect(result.stderr.contains("cannot write to standard output"), "\(result)")
        #expect(box.read("b1/f") == "old, longer", "nothing changes when the plan could not be shown")
    }

    @Test func aReadOnlyCommandWhoseOutputIsLostSaysSo() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        let result = try await Binary.run(
            "/bin/sh", ["-c", "'\(Binary.micsync)' trash list > /dev/full"], input: "",
            directory: box.root, environment: box.environment)
        result.expect(status: 1)
        #expect(result.stderr.contains("cannot write to standard output (No space left on device)"), "\(result)")
    }

    @Test func aBrokenPipeStopsTheListingButNotTheApply() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        for number in 0..<300 { try box.write("\(number)", at: "w/f\(number)") }
        // micsync's own exit status, not head's.
        let command = "'\(Binary.micsync)' backup -m w | head -c 10; exit ${PIPESTATUS[0]}"
        let result = try await Binary.run(
            "/bin/bash", ["-c", command], input: "", directory: box.root, environment: box.environment)
        result.expect(status: 0, "the apply went on")
        #expect(!result.stderr.contains("Fatal error"), "\(result)")
        #expect(box.tree("b1").count == 300)
    }

    @Test(arguments: [(SIGQUIT, Int32(130)), (SIGHUP, Int32(129))])
    func aSignalAtAQuestionEndsAtOnceWithoutABacktrace(signal: Int32, expected: Int32) async throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        try box.write("new", at: "w/f")
        try box.write("old, longer", at: "b1/f")
        let run = try Binary.start(Binary.micsync, ["backup", "w"], directory: box.root, environment: box.environment)
        try await run.waitForStderr(containing: "Overwrite")
        run.signal(signal)
        #expect(await waitUntil(5) { run.hasExited }, "no hang")
        await run.finish()
        run.result.expect(status: expected)
        #expect(!run.stderr.contains("Backtrace") && !run.stderr.contains("Fatal"), "\(run.stderr)")
        #expect(box.read("b1/f") == "old, longer")
    }

    @Test(arguments: ["yes banana |", "cat /dev/zero |", "yes l |"])
    func anInputThatNeverAnswersCancelsAfterTenTries(feeder: String) async throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        try box.write("new", at: "w/f")
        try box.write("old, longer", at: "b1/f")
        let command = "\(feeder) '\(Binary.micsync)' backup w"
        let started = Date()
        let result = try await Binary.run(
            "/bin/sh", ["-c", command], input: "", directory: box.root, environment: box.environment)
        result.expect(status: 4)
        #expect(result.stderr.contains("no valid answer after 10 tries"))
        #expect(Date().timeIntervalSince(started) < 20)
        #expect(box.read("b1/f") == "old, longer")
    }

    @Test func aWorkingLocationHoldingMicsyncsStateNeverSyncsIt() async throws {
        let box = try Sandbox()
        try box.makeDirectory("b1")
        try box.write("mine", at: "home/doc")
        try box.configure([("main", ["home"], ["b1"])])
        try await box.expectRun(["backup", "home"], status: 0)
        #expect(box.read("b1/doc") == "mine")
        #expect(!box.exists("b1/.local/state/micsync"), "\(box.tree("b1"))")
        try box.write("theirs", at: "b1/doc2")
        let before = try String(contentsOfFile: box.journalFile, encoding: .utf8)
        let back = try await box.expectRun(["work", "-D", "-m", "home"], status: 0)
        #expect(!back.stdout.contains(".local"), "micsync's state is never listed: \(back)")
        let after = (try? String(contentsOfFile: box.journalFile, encoding: .utf8)) ?? ""
        #expect(after.hasPrefix(before) && after.count > before.count, "the journal was kept and added to")
    }
}

/// The lock of a destination is held by its rsync, and what can fail before rsync starts fails before any
/// question; extended attributes go along.
@Suite struct LockAndAttributeTests {
    @Test func rsyncHoldsTheLocationsLockWhileItLivesEvenAfterMicsyncIsKilled() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        try box.write("new", at: "w/f")
        // An "rsync" slow to die: deaf to the SIGTERM that micsync's death sends, it lives on with what it
        // inherited from micsync.
        try box.write(
            "#!/bin/sh\ntrap '' TERM\necho $$ > \(box.path("rsync.pid"))\nexec sleep 30\n", at: "deaf-bin/rsync")
        let rsync = try #require(
            ["/usr/bin/rsync", "/bin/rsync"].first { FileManager.default.isExecutableFile(atPath: $0) })
        try box.write(
            "#!/bin/sh\n[ \"$1\" = --version ] && exec \(rsync) --version\n"
                + "case \" $* \" in *\" --dry-run \"*) exec \(rsync) \"$@\" ;; esac\n"
                + "exec \(box.path("deaf-bin/rsync.sh")) \"$@\"\n",
            at: "deaf-bin/rsync-front")
        chmod(box.path("deaf-bin/rsync"), 0o755)
        try FileManager.default.moveItem(atPath: box.path("deaf-bin/rsync"), toPath: box.path("deaf-bin/rsync.sh"))
        try FileManager.default.moveItem(atPath: box.path("deaf-bin/rsync-front"), toPath: box.path("deaf-bin/rsync"))
        chmod(box.path("deaf-bin/rsync"), 0o755)
        var environment = box.environment
        environment["PATH"] = box.path("deaf-bin") + ":/usr/bin:/bin"
        // The plan is real rsync; the writing pass, which holds the lock, is the deaf one.
        let run = try Binary.start(
            Binary.micsync, ["backup", "-m", "w"], directory: box.root, environment: environment)
        defer { run.kill() }
        _ = await waitUntil(60) { box.read("rsync.pid") != nil }
        let deaf = try #require(
            box.read("rsync.pid").flatMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) })
        run.signal(SIGKILL)
        await run.finish()
        run.result.expect(killedBy: SIGKILL)
        let second = try await box.expectRun(["backup", "-m", "w"], status: 5, "the lock lives on in rsync")
        #expect(second.stderr.contains("being written by another micsync run"), "\(second)")
        kill(deaf, SIGKILL)
        #expect(await waitUntil { !isAlive(deaf) })
        try await box.expectRun(["backup", "-m", "w"], status: 0, "gone with it")
    }

    @Test func aTemporaryFolderThatCannotBeWrittenFailsBeforeAnyQuestion() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        try box.write("new", at: "w/f")
        try box.write("old, longer", at: "b1/f")
        let result = try await box.expectRun(
            ["backup", "w"], input: "m\n", environment: ["TMPDIR": box.path("no-such-folder")], status: 1)
        #expect(
            result.stderr.contains("cannot write the list of paths") && result.stderr.contains("TMPDIR"), "\(result)")
        #expect(!result.stderr.contains("Overwrite"))
        #expect(box.read("b1/f") == "old, longer")
    }

    /// Extended attributes are kept only where asked for: rsync's -a leaves them out, and reading them costs
    /// every run.
    @Test(arguments: [("", [String](), false), (", \"xattrs\": true", [], true), ("", ["--xattrs"], true)])
    func extendedAttributesAreKeptWhenAskedFor(extra: String, flags: [String], kept: Bool) async throws {
        let box = try Sandbox()
        try box.standard(backups: 1, extra: extra)
        try box.write("with an attribute", at: "w/f")
        let set = try await Binary.run(
            "/usr/bin/setfattr", ["-n", "user.micsync-test", "-v", "kept", box.path("w/f")], input: "",
            directory: box.root, environment: [:])
        try #require(set.status == 0, "\(set)")
        let result = try await box.expectRun(["backup", "--print-commands"] + flags + ["w"], status: 0)
        #expect(result.stdout.contains(" --xattrs ") == kept, "\(result)")
        #expect(!result.stdout.contains(" --acls "), "\(result)")
        let get = try await Binary.run(
            "/usr/bin/getfattr", ["--only-values", "-n", "user.micsync-test", box.path("b1/f")],
            input: "", directory: box.root, environment: [:])
        #expect((get.stdout == "kept") == kept, "\(get)")
    }
}
