import Foundation
import Testing

/// rsync never outlives micsync: every rsync process a run started (rsync forks: a receiver, a generator)
/// is gone when micsync exits, and after `kill -9` the location's lock stays held until the last one is.
@Suite struct RsyncLifetimeTests {
    /// Sends `signal` to micsync and returns the rsync processes writing `destination` that are alive the
    /// moment it has exited.
    func rsyncLeft(after signal: Int32, to run: RunningProcess, writing destination: String) async -> [Int32] {
        run.signal(signal)
        await run.waitForExit()
        let left = rsyncProcesses(mentioning: destination)
        await run.finish()
        return left
    }

    @Test func afterSIGTERMMidCopyNoRsyncOfTheRunIsLeft() async throws {
        let box = try Sandbox()
        let run = try await box.backupMidCopy(of: "big", ["backup", "-m", "w"])
        defer { run.kill() }
        #expect(rsyncProcesses(mentioning: box.path("b1")).count > 1, "rsync forked")
        let left = await rsyncLeft(after: SIGTERM, to: run, writing: box.path("b1"))
        run.result.expect(status: 143)
        #expect(left.isEmpty, "rsync processes alive when micsync had exited: \(left)")
    }

    @Test func afterSIGINTMidPlanNoDryRunIsLeft() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        // Planning made slow: the dry runs compare contents (--checksum) of two large sparse files.
        for side in ["w", "b1"] {
            let file = try FileHandle(forWritingTo: URL(fileURLWithPath: box.path(side + "/big")).creatingFile())
            try file.truncate(atOffset: 4 << 30)
            try file.close()
        }
        let rsync = try #require(
            ["/usr/bin/rsync", "/bin/rsync"].first { FileManager.default.isExecutableFile(atPath: $0) })
        try box.write(
            "#!/bin/sh\ncase \" $* \" in *\" --dry-run \"*) exec \(rsync) --checksum \"$@\";; esac\nexec \(rsync) \"$@\"\n",
            at: "plan-bin/rsync")
        chmod(box.path("plan-bin/rsync"), 0o755)
        var environment = box.environment
        environment["PATH"] = box.path("plan-bin") + ":/usr/bin:/bin"
        let run = try Binary.start(Binary.micsync, ["backup", "w"], directory: box.root, environment: environment)
        defer { run.kill() }
        #expect(await waitUntil { rsyncProcesses(mentioning: box.path("b1")).count > 1 }, "planning runs")
        try await Task.sleep(for: .milliseconds(300))
        #expect(!rsyncProcesses(mentioning: box.path("b1")).isEmpty, "still planning when interrupted")
        let left = await rsyncLeft(after: SIGINT, to: run, writing: box.path("b1"))
        run.result.expect(status: 130)
        #expect(left.isEmpty, "dry-run rsync processes alive when micsync had exited: \(left)")
    }

    @Test func afterKillingMicsyncTheLockIsHeldUntilTheLastRsyncProcessIsGone() async throws {
        let box = try Sandbox()
        let run = try await box.backupMidCopy(of: "big", ["backup", "-m", "w"])
        defer { run.kill() }
        #expect(rsyncProcesses(mentioning: box.path("b1")).count > 1, "rsync forked")
        let lock = open(box.path("b1/.micsync/lock"), O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        #expect(lock >= 0, "the lock is on the location")
        defer { close(lock) }
        run.signal(SIGKILL)
        // From micsync's death until its last rsync process is gone, the lock is never free: each time it is
        // found free, no rsync process of the run may be seen alive after.
        var freeWhileRsyncLived: [Int32] = []
        #expect(
            await waitUntil {
                let free = flock(lock, LOCK_EX | LOCK_NB) == 0
                if free { flock(lock, LOCK_UN) }
                let alive = rsyncProcesses(mentioning: box.path("b1"))
                if free && !alive.isEmpty { freeWhileRsyncLived = alive }
                return free && alive.isEmpty
            }, "rsync ends, and the lock with it")
        #expect(
            freeWhileRsyncLived.isEmpty, "the lock was free while these rsync processes lived: \(freeWhileRsyncLived)")
        await run.finish()
        run.result.expect(killedBy: SIGKILL)
        try await box.expectRun(["backup", "-m", "w"], status: 0, "free once the last one is gone")
        #expect(box.read("b1/big")?.count == 16 * 1024 * 1024)
    }
}

extension URL {
    /// This file's URL, after creating it empty.
    fileprivate func creatingFile() -> URL {
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        return self
    }
}
