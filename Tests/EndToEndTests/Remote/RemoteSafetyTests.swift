import Foundation
import Testing

/// Names no remote shell reads, the lock on the host, and comparisons of a remote BACKUP.
@Suite(.sshServer) struct RemoteSafetyTests {
    @Test func hostileNamesArriveByteExactAndNothingRunsOnTheHost() async throws {
        let remote = try RemoteSandbox()
        let box = remote.box
        // A command that ran would leave this in the host shell's folder, root's home.
        let token = "pwned-\(UUID().uuidString.prefix(8))"
        let pwned = String(cString: getpwuid(0).pointee.pw_dir) + "/" + token
        defer { unlink(pwned) }
        let names = [
            "$(touch \(token))", "semi;colon", "it's \"quoted\"", "back`touch \(token)`tick", "-rf",
            "star*", "what?", "[ab]", "new\nline", "back\\slash", "  spaces  ",
        ]
        for (number, name) in names.enumerated() { try box.write("\(number)", to: box.path("w/") + name) }
        // The location's own path is hostile too: quoted once in micsync's script, sent inside rsync's protocol.
        let folder = "nas $(touch \(token)) 'x'"
        try box.makeDirectory(folder)
        try remote.configure(work: [box.path("w")], backup: [remote.remote(folder)])
        let result = try await remote.expectRun(["backup", "-m", "w"], status: 0)
        for (number, name) in names.enumerated() {
            #expect(
                (try? String(contentsOfFile: box.path(folder + "/") + name, encoding: .utf8)) == "\(number)",
                "\(name.debugDescription): \(result)")
        }
        #expect(Set(box.tree(folder)) == Set(names), "nothing more, nothing less: \(box.tree(folder))")
        #expect(!FileManager.default.fileExists(atPath: pwned), "nothing ran on the host")
    }

    @Test func aLockHeldFromAnotherMachineRefusesTheRun() async throws {
        let remote = try RemoteSandbox()
        let box = remote.box
        try box.write("a", at: "w/a")
        try box.write(
            "host=other-laptop pid=4242 started=2026-12-05T00:00:00Z run=x\n", at: "nas/.micsync/lock.d/owner")
        let refused = try await remote.expectRun(["backup", "-m", "w"], status: 5)
        #expect(refused.stderr.contains("host other-laptop, pid 4242"), "names the holder: \(refused)")
        #expect(refused.stderr.contains("micsync unlock"), "says the way out: \(refused)")
        #expect(!box.exists("nas/a"), "nothing written")
        #expect(box.exists("nas/.micsync/lock.d/owner"), "another machine's lock is never broken by itself")
    }

    /// A record of this machine (its host name, machine id, boot id and PID namespace) naming a pid that no
    /// process has (above the kernel's limit), or of `machine`.
    func record(machine: String? = nil) throws -> String {
        var name = [CChar](repeating: 0, count: 256)
        gethostname(&name, name.count)
        let hostName = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let thisMachine = try String(contentsOfFile: "/etc/machine-id", encoding: .utf8)
        let boot = try String(contentsOfFile: "/proc/sys/kernel/random/boot_id", encoding: .utf8)
        let namespace = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/ns/pid")
        return """
            host=\(hostName)
            pid=99999999
            start=12345
            machine=\(machine ?? thisMachine.trimmingCharacters(in: .whitespacesAndNewlines))
            boot=\(boot.trimmingCharacters(in: .whitespacesAndNewlines))
            pidns=\(namespace)
            run=gone

            """
    }

    @Test func aLockOfThisMachineWhoseRunIsGoneIsTakenOver() async throws {
        let remote = try RemoteSandbox()
        let box = remote.box
        try box.write("a", at: "w/a")
        try box.write(try record(), at: "nas/.micsync/lock.d/owner")
        let result = try await remote.expectRun(["backup", "-m", "w"], status: 0)
        #expect(box.read("nas/a") == "a", "\(result)")
        #expect(!box.exists("nas/.micsync/lock.d"), "let go at the end")
    }

    @Test func theSameRecordFromAnotherMachineWithTheSameHostNameIsNeverTakenOver() async throws {
        let remote = try RemoteSandbox()
        let box = remote.box
        try box.write("a", at: "w/a")
        try box.write(try record(machine: "0123456789abcdef0123456789abcdef"), at: "nas/.micsync/lock.d/owner")
        let refused = try await remote.expectRun(["backup", "-m", "w"], status: 5)
        #expect(refused.stderr.contains("pid 99999999"), "\(refused)")
        #expect(!box.exists("nas/a"))
        #expect(box.exists("nas/.micsync/lock.d/owner"), "a pid of another machine proves nothing")
    }

    @Test func twoClientsWithSeparateStateFoldersMeetTheHostsLock() async throws {
        let remote = try RemoteSandbox()
        let box = remote.box
        let first = try await remote.backupWaitingAtItsQuestion()
        // Another user (another state folder, as another laptop would have), the same host folder.
        let otherHome = box.path("other-home")
        try FileManager.default.createDirectory(atPath: otherHome, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: box.configFile, toPath: otherHome + "/.micsync.json")
        let second = try await box.expectRun(
            ["backup", "-m", "w"],
            environment: remote.ssh.environment.merging([
                "HOME": otherHome, "XDG_STATE_HOME": otherHome + "/state", "XDG_CONFIG_HOME": otherHome + "/config",
            ]) { $1 }, status: 5)
        #expect(second.stderr.contains("is being written by another micsync run"), "\(second)")
        try first.stdin.write(contentsOf: Data("n\n".utf8))
        await first.finish()
        #expect(box.read("nas/a") == "old", "\(first.result)")
        #expect(!box.exists("nas/.micsync/lock.d"), "let go: \(first.result)")
    }

    @Test func diffAndVerifyFindAFlippedByteOnTheHost() async throws {
        let remote = try RemoteSandbox()
        let box = remote.box
        let content = String(repeating: "0123456789abcdef", count: 1024)
        try box.write(content, at: "w/photo.raw")
        try box.touch("w/photo.raw", secondsAgo: 1000)
        try await remote.expectRun(["backup", "-m", "w"], status: 0)
        try await remote.expectRun(["diff", "w"], status: 0, "identical")
        let rotten = try FileHandle(forUpdating: URL(fileURLWithPath: box.path("nas/photo.raw")))
        try rotten.seek(toOffset: 5000)
        try rotten.write(contentsOf: Data("X".utf8))
        try rotten.close()
        try box.touch("nas/photo.raw", secondsAgo: 1000)
        let verify = try await remote.expectRun(["verify", "w"], status: 1)
        #expect(verify.stdout.contains("photo.raw  (same modification time)"), "\(verify)")
        try box.write("changed", at: "nas/photo.raw")
        let diff = try await remote.expectRun(["diff", "w"], status: 1)
        #expect(diff.stdout.contains("photo.raw"), "\(diff)")
    }
}

/// Deleting on a host: the mass-delete guard counts a remote location's files there, and the host's rsync
/// keeps what the rules keep.
@Suite(.sshServer) struct RemoteDeleteGuardTests {
    @Test func deletingMostOfARemoteBackupIsRefused() async throws {
        let remote = try RemoteSandbox()
        let box = remote.box
        try box.makeDirectory("b1")
        try remote.configure(work: [box.path("w")], backup: [box.path("b1"), remote.remote("nas")])
        try box.write("kept", at: "b1/kept")
        for number in 0..<20 { try box.write("\(number)", at: "nas/old-\(number)") }
        let result = try await remote.expectRun(
            ["transfer", "-D", "--from", box.path("b1"), "--to", remote.remote("nas"), box.path("b1")], status: 5)
        #expect(result.stderr.contains("more than maxDeletePercent"), "\(result)")
        #expect(box.tree("nas").count == 20, "nothing deleted on the host")
    }

    @Test func aFewDeletionsFromARemoteSourceAreNotTakenForAnEmptyDisc() async throws {
        let remote = try RemoteSandbox()
        let box = remote.box
        for number in 0..<12 { try box.writeAlike("\(number)", at: "f\(number)", in: ["w", "nas"]) }
        try await remote.expectRun(["backup", "-m", "w"], status: 0)
        try FileManager.default.removeItem(atPath: box.path("nas/f0"))
        try FileManager.default.removeItem(atPath: box.path("nas/f1"))
        let result = try await remote.expectRun(["work", "-D", "w"], status: 0)
        #expect(!box.exists("w/f0") && !box.exists("w/f1") && box.exists("w/f2"), "\(result)")
    }

    /// The host's rsync deletes by the same rules as this one's: a folder that a directory-only exclude keeps
    /// stays when a deletion beside it empties what holds it (rsync hands the rules to a receiver over ssh
    /// only with `--delete`).
    @Test func whatARuleKeepsOnTheHostStaysWhenItsFolderLosesEverythingElse() async throws {
        let remote = try RemoteSandbox()
        let box = remote.box
        try box.write("both", at: "b/x")
        try box.write("both", at: "wr/x")
        try box.write("gone from the BACKUP", at: "wr/a/old.tmp")
        try box.write("kept by the rule", at: "wr/a/cache/keep")
        try remote.configure(work: [remote.remote("wr")], backup: [box.path("b")])
        let result = try await remote.expectRun(["work", "-D", "--exclude", "cache/", remote.remote("wr")], status: 0)
        #expect(box.read("wr/a/cache/keep") == "kept by the rule", "\(result)")
        #expect(!box.exists("wr/a/old.tmp"), "\(result)")
        #expect(result.stdout.contains("1 deleted") && !result.stdout.contains("directories deleted"), "\(result)")
        #expect(box.trashFolders("wr").count == 1, "\(box.tree("wr/.micsync"))")
    }
}
