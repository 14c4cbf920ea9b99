import Foundation
import Testing

/// `micsync watch` with an interval of a few seconds, in real time: runs when due, never deletes, keeps
/// what it overwrites, never runs what another run holds, and ends cleanly on SIGTERM mid-copy.
@Suite(.serialized)
struct WatchScheduleTests {
    @Test func anIntervalRunsAgainWhenDueNeverDeletingAndKeepingWhatItOverwrites() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1, extra: #", "auto": "2s""#)
        try box.write("v1", at: "w/f")
        try box.write("only in the backup", at: "b1/keep")
        let watcher = try await WatchProcess(in: box)
        defer { watcher.kill() }
        #expect(await waitUntil(30) { box.read("b1/f") == "v1" }, "never run: due at once: \(watcher.stdout)")

        // Written whole, then moved in: a run never sees the file half written.
        try box.write("version two", at: "staging/f")
        #expect(rename(box.path("staging/f"), box.path("w/f")) == 0)
        #expect(await waitUntil(30) { box.read("b1/f") == "version two" }, "runs again when due: \(watcher.stdout)")
        #expect(await watcher.waitForRuns(2))
        #expect(watcher.runLines.contains { $0.hasSuffix("1 overwritten") }, "\(watcher.stdout)")
        #expect(box.read("b1/keep") == "only in the backup", "an automatic run never deletes")
        let trash = box.tree("b1/.micsync/trash").filter { $0.hasSuffix("/f") }
        #expect(trash.count == 1, "\(box.tree("b1/.micsync/trash"))")
        #expect(trash.first.map { box.read("b1/.micsync/trash/" + $0) } == "v1", "the overwritten file is in the trash")
        await watcher.stop().expect(status: 143)
        let automatic = try box.journalEntries().filter { $0["automatic"] as? Bool == true }
        #expect(automatic.count >= 2, "every automatic run is journaled, nothing to do too: \(automatic)")

        let log = try await box.expectRun(["log"], status: 0)
        #expect(log.lines.first?.contains("  backup (auto)  ") == true, "the log marks automatic runs: \(log)")
        let status = try await box.expectRun(["status"], status: 0)
        #expect(
            status.stdout.contains("\n  auto: every 2 s\n  last automatic run: just now (exit 0); next: "), "\(status)")
        let json = try box.jsonObject(try await box.expectRun(["status", "--json"], status: 0).stdout)
        let auto = try #require((json["configurations"] as? [[String: Any]])?.first?["auto"] as? [String: Any])
        let lastRun = try #require(auto["lastRun"] as? String, "\(auto)")
        let nextDue = try #require(auto["nextDue"] as? String, "\(auto)")
        #expect(lastRun == automatic.last?["start"] as? String, "\(auto)")
        #expect(nextDue > lastRun && auto["lastRunExitCode"] as? Int == 0, "\(auto)")
    }

    /// A run line never reads like full success when a BACKUP was left out: it names it, with why.
    @Test func aRunLineNamesWhatWasNotWritten() async throws {
        let box = try Sandbox()
        try box.write("a", at: "w/a")
        try box.makeDirectory("b1")
        try box.configure([("main", ["w"], ["b1", "b2"])], extra: #", "auto": "1h""#)
        let watcher = try await WatchProcess(in: box)
        defer { watcher.kill() }
        #expect(await watcher.waitForRuns(1), "due at once: \(watcher.stdout)")
        let line = watcher.runLines.first ?? ""
        #expect(
            line.hasSuffix("1 copied (1 B), 0 overwritten; not written: \(box.path("b2")) (does not exist yet)"),
            "\(line)")
        await watcher.stop().expect(status: 143)
    }

    @Test func aSecondWatcherIsRefused() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1, extra: #", "auto": "plugged""#)
        let watcher = try await WatchProcess(in: box)
        defer { watcher.kill() }
        let second = try await box.expectRun(["watch"], status: 5)
        #expect(
            second.stderr.contains(
                "another micsync watch is running (pid \(watcher.running.pid)"), "\(second)")
        await watcher.stop().expect(status: 143)
    }

    @Test func aRunHoldingTheBackupMakesTheAutomaticRunWaitForItsNextTurn() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1, extra: #", "auto": "1s""#)
        try box.write("new", at: "w/f")
        try box.write("old, longer", at: "b1/f")
        let typed = try Binary.start(
            Binary.micsync, ["backup", "w"], directory: box.root, environment: box.environment)
        defer { typed.kill() }
        try await typed.waitForStderr(containing: "Overwrite")

        let watcher = try await WatchProcess(in: box)
        defer { watcher.kill() }
        #expect(await watcher.waitForRuns(2), "it tries when due, and again at the next due time: \(watcher.stdout)")
        #expect(
            watcher.runLines.prefix(2).allSatisfy {
                $0.contains("not done (exit 5)") && $0.contains("another micsync run")
            },
            "\(watcher.stdout)")
        #expect(box.read("b1/f") == "old, longer", "the automatic run wrote nothing")

        try typed.stdin.write(contentsOf: Data("m\n".utf8))
        await typed.finish()
        typed.result.expect(status: 0, "the typed run goes on once answered")
        let afterTyped = watcher.runLines.count
        #expect(await waitUntil(30) { watcher.runLines.count > afterTyped + 1 })
        await watcher.stop()
        #expect(box.read("b1/f") == "new")
        #expect(
            watcher.runLines.dropFirst(afterTyped + 1).allSatisfy { $0.hasSuffix("nothing to do") }, "\(watcher.stdout)"
        )
        let trash = box.tree("b1/.micsync/trash").filter { !$0.hasSuffix("/") }
        #expect(trash.count == 1, "only the typed run overwrote: \(trash)")
    }

    @Test func sigtermDuringAnAutomaticRunEndsWatchCleanly() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1, extra: #", "auto": "1h""#)
        try Data(repeating: 0x61, count: 16 * 1024 * 1024).write(to: URL(fileURLWithPath: box.path("w/big")))
        let watcher = try await WatchProcess(in: box, environment: try box.slowRsyncEnvironment())
        defer { watcher.kill() }
        #expect(
            await waitUntil(30) {
                !((try? FileManager.default.contentsOfDirectory(atPath: box.path("b1/.micsync/tmp"))) ?? []).isEmpty
            }, "rsync writes its temporary file under .micsync/tmp")

        let typed = try await box.expectRun(["backup", "-m", "w"], status: 5, "the automatic run holds the BACKUP")
        #expect(
            typed.stderr.contains("pid \(watcher.running.pid): "), "names the watcher: \(typed)")

        let ended = await watcher.stop()
        ended.expect(status: 143, "SIGTERM ends watch after the run in progress stopped")
        #expect(ended.stdout.contains("not done (exit 143)"), "\(ended)")
        #expect(
            ended.stderr.contains("the next automatic run finishes it")
                && !ended.stderr.contains("run the same command again"), "\(ended)")
        #expect(rsyncProcesses(mentioning: box.root).isEmpty, "no rsync left behind")
        #expect(box.tree("b1").filter { !$0.hasPrefix(".micsync") }.isEmpty, "nothing half-done among the data")
        try await box.expectRun(["backup", "w"], status: 0, "the lock was released")
        #expect(box.exists("b1/big"))
    }
}
