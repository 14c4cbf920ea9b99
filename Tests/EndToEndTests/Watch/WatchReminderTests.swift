import Foundation
import Testing

/// `micsync watch` tells once when a BACKUP is overdue by its `remind` (a line, a journal entry, a desktop
/// notification where there is one), never again for the same overdue period, even after a restart, and
/// never about a disc merely absent within its period. Ages come from journal lines the test writes.
@Suite(.serialized)
struct WatchReminderTests {
    @Test func anOverdueBackupIsToldOnceAndAnAbsentDiscWithinItsPeriodNever() async throws {
        let box = try Sandbox()
        try box.makeDirectory("w")
        try box.makeDirectory("b1")
        try box.configure([("main", ["w"], ["b1", "b2", "b3"])], extra: #", "remind": "7d", "auto": "1s""#)
        let day: TimeInterval = 86_400
        let lines = try [("b1", day), ("b2", 10 * day), ("b3", 2 * day)].map { name, ago in
            // Ended `ago` before now (a journal line ends a second after its start).
            try RetentionTests.journalLine(start: Date() - ago - 1, destination: box.path(name), exitCode: 0)
        }
        try box.write(lines.joined(separator: "\n") + "\n", to: box.journalFile)

        let overdue = "BACKUP \(box.path("b2")) (last written 10 days ago; remind after 1 w) of \"main\" is overdue"
        for _ in 1...2 {
            let watcher = try await WatchProcess(in: box)
            defer { watcher.kill() }
            #expect(await waitUntil(30) { watcher.runLines.filter { $0.contains(": nothing to do") }.count >= 3 })
            await watcher.stop().expect(status: 143)
            let told = watcher.runLines.filter { $0.contains("overdue") }
            #expect(told.count <= 1 && told.allSatisfy { $0.contains(overdue) }, "b2, never twice: \(watcher.stdout)")
        }
        let journal = try box.journalEntries().filter { $0["action"] as? String == "overdue" }
        #expect(journal.count == 1, "one reminder, across two watchers: \(journal)")
        #expect(journal.first?["destinations"] as? [String] == [box.path("b2")], "\(journal)")
        #expect(journal.first?["exitCode"] as? Int == 3, "no success: it does not make the BACKUP current")
        let log = try await box.expectRun(["log"], environment: ["COLUMNS": "200"], status: 0)
        #expect(log.stdout.contains("  overdue  "), "\(log)")
        let status = try await box.expectRun(["status", "--strict"], status: 3, "still overdue")
        #expect(status.stderr.contains(box.path("b2")) && !status.stderr.contains(box.path("b3")), "\(status)")
    }

    @Test func theFirstWatcherTellsIt() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        try box.configure([("main", ["w"], ["b1", "gone"])], extra: #", "remind": "90s""#)
        try box.write(
            try RetentionTests.journalLine(start: Date() - 601, destination: box.path("gone"), exitCode: 0) + "\n",
            to: box.journalFile)
        let watcher = try await WatchProcess(in: box)
        defer { watcher.kill() }
        let line = "BACKUP \(box.path("gone")) (last written 10 min ago; remind after 90 s) of \"main\" is overdue"
        #expect(await waitUntil(30) { watcher.stdout.contains(line) }, "\(watcher.stdout)")
        #expect(watcher.running.stderr.contains("micsync watch: main: backs up only when told; reminds of an overdue"))
        await watcher.stop().expect(status: 143)
    }
}
