import Foundation
import Testing

/// One lock protocol for a location, whoever reaches it and how: a run on the machine that holds the folder
/// and a run over ssh, two clients of one host name, two host names of one folder; a lock let go on every way
/// out, its holder's text shown escaped.
@Suite(.serialized, .sshServer) struct LockProtocolTests {
    /// `backup -m w` of a 4 MiB file, written slowly (250 KB/s), with the configuration `config`: returned once
    /// its rsync writes its temporary file in `nas/.micsync/tmp`.
    func slowBackup(_ remote: RemoteSandbox, config: String) async throws -> RunningProcess {
        let box = remote.box
        let run = try Binary.start(
            Binary.micsync, ["backup", "-m", "--bwlimit", "250", "--config", config, "w"], directory: box.root,
            environment: box.environment.merging(remote.ssh.environment) { $1 })
        #expect(
            await waitUntil(120) {
                !((try? FileManager.default.contentsOfDirectory(atPath: box.path("nas/.micsync/tmp"))) ?? []).isEmpty
            }, "the first run writes")
        return run
    }

    @Test(arguments: [true, false])
    func aRunOnTheFoldersMachineAndARunOverSshExcludeEachOther(localFirst: Bool) async throws {
        let remote = try RemoteSandbox()
        let box = remote.box
        try Data(repeating: 0x61, count: 4 << 20).write(to: URL(fileURLWithPath: box.path("w/big")))
        let overSsh = box.configFile
        let here = try box.configure([("main", ["w"], ["nas"])], to: box.path("here.json"))
        let first = try await slowBackup(remote, config: localFirst ? here : overSsh)
        defer { first.kill() }
        let temporary = try FileManager.default.contentsOfDirectory(atPath: box.path("nas/.micsync/tmp"))
        let second = try await remote.expectRun(
            ["backup", "-m", "--config", localFirst ? overSsh : here, "w"], status: 5)
        #expect(second.stderr.contains("is being written by another micsync run"), "\(second)")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: box.path("nas/.micsync/tmp")) == temporary,
            "the first run's temporary file is left alone")
        await first.finish()
        first.result.expect(status: 0, "the first run is not disturbed")
        #expect(box.read("nas/big")?.count == 4 << 20)
        #expect(!box.exists("nas/.micsync/lock.d"), "let go at the end")
    }

    @Test(arguments: ["testhost", "noflockhost"])
    func twoClientsOfOneHostNameInTwoPidNamespacesExcludeEachOther(host: String) async throws {
        let remote = try RemoteSandbox()
        let box = remote.box
        try remote.configure(work: [box.path("w")], backup: [remote.remote("nas", host: host)])
        let first = try await remote.backupWaitingAtItsQuestion()
        defer { first.kill() }
        // Its pid means nothing in another PID namespace: never evidence that the first run is gone.
        let second = try await Binary.run(
            "/usr/bin/unshare", ["--pid", "--fork", "--mount-proc", Binary.micsync, "backup", "-m", "w"],
            directory: box.root, environment: box.environment.merging(remote.ssh.environment) { $1 })
        second.expect(status: 5)
        #expect(second.stderr.contains("is being written by another micsync run"), "\(second)")
        #expect(box.read("nas/a") == "old", "the second run wrote nothing")
        try first.stdin.write(contentsOf: Data("m\n".utf8))
        await first.finish()
        first.result.expect(status: 0)
        #expect(box.read("nas/a") == "new!")
        #expect(!box.exists("nas/.micsync/lock.d"), "let go at the end")
    }

    /// Whether micsync (`pid`) has taken over SIGINT: a handler catches it.
    func handlesInterrupt(_ pid: pid_t) -> Bool {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("SigCgt:") }),
            let mask = UInt64(line.dropFirst("SigCgt:".count).trimmingCharacters(in: .whitespaces), radix: 16)
        else { return false }
        return mask & (1 << (UInt64(SIGINT) - 1)) != 0
    }

    @Test func ctrlCAtAnyInstantOfARemoteRunLeavesNoLockAndSaysInterrupted() async throws {
        let remote = try RemoteSandbox()
        let box = remote.box
        try box.write("old", at: "w/a")
        try await remote.expectRun(["backup", "-m", "w"], status: 0)
        try box.write("new!", at: "w/a")
        try box.touch("w/a", secondsAgo: -5)
        // Across the first second: connecting, asking for the facts, taking the host's lock, at the question.
        for delay in [0, 20, 40, 60, 80, 100, 150, 200, 250, 300, 400, 500, 600, 800, 1000] {
            let run = try Binary.start(
                Binary.micsync, ["backup", "w"], directory: box.root,
                environment: box.environment.merging(remote.ssh.environment) { $1 })
            let pid = run.pid
            #expect(await waitUntil(30) { handlesInterrupt(pid) || run.hasExited })
            usleep(useconds_t(delay * 1000))
            kill(pid, SIGINT)
            // A safety net only: the run ends long before.
            let ended = await waitUntil(60) { run.hasExited }
            if !ended { kill(pid, SIGKILL) }
            await run.finish()
            let result = run.result
            result.expect(status: 130, "SIGINT after \(delay) ms")
            #expect(result.stderr.contains("interrupted"), "after \(delay) ms: \(result)")
            #expect(!result.stderr.contains("cannot reach"), "after \(delay) ms: \(result)")
            #expect(!box.exists("nas/.micsync/lock.d"), "after \(delay) ms: the host's lock is let go: \(result)")
            #expect(remote.ssh.clientProcesses.isEmpty, "after \(delay) ms: \(remote.ssh.clientProcesses)")
            #expect(box.read("nas/a") == "old")
        }
    }

    @Test func oneFolderNamedTwiceIsLockedOnceAndWrittenOnce() async throws {
        let remote = try RemoteSandbox()
        let box = remote.box
        try box.write("a", at: "w/a")
        for other in [remote.remote("nas", host: "aliashost"), box.path("nas")] {
            try remote.configure(work: [box.path("w")], backup: [remote.remote("nas"), other])
            let result = try await remote.expectRun(["backup", "-m", "w"], status: 0)
            #expect(result.stderr.contains("BACKUP \(other) is the same folder as BACKUP"), "\(result)")
            #expect(box.read("nas/a") == "a")
            #expect(!box.exists("nas/.micsync/lock.d"))
            try FileManager.default.removeItem(atPath: box.path("nas/a"))
        }
    }

    /// An owner record that would set the window's title and clear the screen, were it printed as it is.
    let hostileRecord = "host=evil\u{1b}]0;pwned\u{07}\npid=1\u{1b}[2J\n"

    func expectEscaped(_ text: String, _ comment: Comment, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(text.contains("evil\\x1b]0;pwned\\x07"), comment, sourceLocation: sourceLocation)
        #expect(!text.contains("\u{1b}") && !text.contains("\u{07}"), comment, sourceLocation: sourceLocation)
    }

    @Test func aHostsLockRecordIsShownEscaped() async throws {
        let remote = try RemoteSandbox()
        let box = remote.box
        try box.write("a", at: "w/a")
        try box.write(hostileRecord, at: "nas/.micsync/lock.d/owner")
        let refused = try await remote.expectRun(["backup", "-m", "w"], status: 5)
        expectEscaped(refused.stderr, "the refusal: \(refused)")
        let unlocked = try await remote.expectRun(["unlock", remote.remote("nas")], status: 0)
        expectEscaped(unlocked.stdout, "unlock: \(unlocked)")
    }

    @Test func aLockHereWithAForeignRecordIsShownEscapedAndUnlocked() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        try box.write("a", at: "w/a")
        try await box.expectRun(["backup", "-m", "w"], status: 0)
        try box.write(hostileRecord, at: "b1/.micsync/lock.d/owner")
        let holder = try Binary.start(
            "/usr/bin/flock", [box.path("b1/.micsync/lock"), "-c", "echo held; exec cat"], directory: box.root,
            environment: [:])
        #expect(await waitUntil { holder.stdout.contains("held") })
        let refused = try await box.expectRun(["backup", "-m", "w"], status: 5)
        expectEscaped(refused.stderr, "the refusal: \(refused)")
        let inUse = try await box.expectRun(["unlock", "b1"], status: 5)
        expectEscaped(inUse.stderr, "a live flock is never unlocked: \(inUse)")
        await holder.finish()
        // Its holder kept no flock: whether it still runs is for the user to say.
        let stillRefused = try await box.expectRun(["backup", "-m", "w"], status: 5)
        #expect(stillRefused.stderr.contains("micsync unlock"), "\(stillRefused)")
        let unlocked = try await box.expectRun(["unlock", "b1"], status: 0)
        expectEscaped(unlocked.stdout, "unlock: \(unlocked)")
        try box.write("b", at: "w/b")
        try await box.expectRun(["backup", "-m", "w"], status: 0)
        #expect(box.read("b1/b") == "b")
    }

    @Test func aLockHeldByAnotherProcessNamesNoOldRun() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        try box.write("a", at: "w/a")
        try await box.expectRun(["backup", "-m", "w"], status: 0)
        #expect(!box.exists("b1/.micsync/lock.d"), "the owner record goes with the lock")
        let holder = try Binary.start(
            "/usr/bin/flock", [box.path("b1/.micsync/lock"), "-c", "echo held; exec cat"], directory: box.root,
            environment: [:])
        defer { holder.kill() }
        #expect(await waitUntil { holder.stdout.contains("held") })
        let refused = try await box.expectRun(["backup", "-m", "w"], status: 5)
        #expect(refused.stderr.contains("is locked by another process"), "\(refused)")
        #expect(!refused.stderr.contains("pid "), "no old run is named: \(refused)")
    }

    @Test func aHostThatFloodsIsStoppedAndSaysSo() async throws {
        let remote = try RemoteSandbox()
        let box = remote.box
        try box.write("a", at: "w/a")
        try remote.configure(work: [box.path("w")], backup: [remote.remote("nas", host: "floodhost")])
        let result = try await remote.expectRun(["backup", "-m", "w"], status: 3)
        #expect(result.stderr.contains("floodhost answered too much (more than 1 MiB)"), "\(result)")
        #expect(!result.stderr.contains("host key"), "not a host-key problem: \(result)")
        #expect(remote.ssh.clientProcesses.isEmpty, "\(remote.ssh.clientProcesses)")
    }

    @Test func aHostsMessageIsShownEscaped() async throws {
        let remote = try RemoteSandbox()
        let box = remote.box
        try box.write("a", at: "w/a")
        try remote.configure(work: [box.path("w")], backup: [remote.remote("nas", host: "hostilehost")])
        for arguments in [["status"], ["backup", "-m", "w"]] {
            let result = try await remote.box.run(arguments, environment: remote.ssh.environment)
            let all = result.stdout + result.stderr
            #expect(all.contains("\\x1b]0;pwned\\x07\\x1b[2J"), "\(arguments): \(result)")
            #expect(!all.contains("\u{1b}") && !all.contains("\u{07}"), "\(arguments): \(result)")
        }
    }
}
