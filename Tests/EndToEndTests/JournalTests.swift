import Foundation
import Testing

/// The run journal: one JSON line per run that was not a dry run and not cancelled.
@Suite struct JournalTests {
    @Test func aSuccessfulRunAppendsOneLine() async throws {
        let box = try Sandbox()
        try box.standard()
        try box.write("12345", at: "w/docs/a")
        try await box.expectRun(["backup", "-n", "w/docs"], status: 0)
        #expect(try box.journalEntries().isEmpty, "a dry run changes nothing")

        try await box.expectRun(["backup", "w/docs"], status: 0)
        let entry = try #require(try box.journalEntries().first)
        #expect(entry["action"] as? String == "backup")
        #expect(entry["configuration"] as? String == "main")
        #expect(entry["source"] as? String == box.path("w"))
        #expect(entry["destinations"] as? [String] == [box.path("b1"), box.path("b2")])
        #expect(entry["paths"] as? [String] == ["docs"])
        #expect(entry["copied"] as? Int == 2 && entry["overwritten"] as? Int == 0 && entry["deleted"] as? Int == 0)
        #expect(entry["bytes"] as? Int == 10)
        #expect(entry["exitCode"] as? Int == 0)
        let start = try #require(ISO8601DateFormatter().date(from: entry["start"] as? String ?? ""))
        let end = try #require(ISO8601DateFormatter().date(from: entry["end"] as? String ?? ""))
        #expect(start <= end)

        try await box.expectRun(["backup", "w/docs"], status: 0)
        let nothingToDo = try box.journalEntries()
        #expect(nothingToDo.count == 2, "nothing to do: a line too, the BACKUPs are current")
        #expect(nothingToDo.last?["copied"] as? Int == 0 && nothingToDo.last?["exitCode"] as? Int == 0)
        try box.write("changed!", at: "w/docs/a")
        try await box.expectRun(["backup", "-m", "w/docs"], status: 0)
        let second = try box.journalEntries()
        #expect(second.count == 3)
        #expect(second.last?["overwritten"] as? Int == 2)
    }

    /// An rsync on PATH that fails every run but those with one of `passing` (the real rsync runs those).
    private func failingRsync(in box: Sandbox, passing: [String]) throws -> [String: String] {
        let realRsync = try #require(
            ["/usr/bin/rsync", "/bin/rsync", "/usr/local/bin/rsync"]
                .first { FileManager.default.isExecutableFile(atPath: $0) })
        try box.write(
            """
            #!/bin/sh
            for argument in "$@"; do
              case "$argument" in \(passing.joined(separator: "|"))) exec \(realRsync) "$@";; esac
            done
            echo "rsync: simulated failure" >&2
            exit 11
            """, at: "fakebin/rsync")
        chmod(box.path("fakebin/rsync"), 0o755)
        return ["PATH": box.path("fakebin") + ":/usr/bin:/bin"]
    }

    @Test func aFailedRunIsJournaledWithItsExitCodeAndReason() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        try box.write("x", at: "w/x")
        // An rsync that plans for real and fails every run that would change something.
        let environment = try failingRsync(in: box, passing: ["--dry-run", "--version"])
        try await box.expectRun(["backup", "w"], environment: environment, status: 1)
        let entry = try #require(try box.journalEntries().first)
        #expect(entry["exitCode"] as? Int == 1)
        #expect(entry["copied"] as? Int == 0)
        #expect(entry["dryRun"] == nil, "a real run")
        let reason = try #require(entry["reason"] as? String, "\(entry)")
        #expect(reason.hasPrefix("rsync did not finish everything: BACKUP \(box.path("b1"))"), "\(reason)")
        #expect(reason.contains("rsync: simulated failure") && !reason.contains("\n"), "one line: \(reason)")
        #expect(!box.exists("b1/x"))

        let log = try await box.expectRun(["log"], status: 0)
        #expect(log.lines.count == 1 && log.stdout.contains("exit 1: rsync did not finish everything"), "\(log)")
        let json = try await box.expectRun(["log", "--json"], status: 0)
        #expect(json.stdout.contains("\"reason\" : \"rsync did not finish everything"), "\(json)")

        let status = try await box.expectRun(["status"], status: 0)
        #expect(
            status.stdout.contains("never") && !status.stdout.contains("just now"),
            "a failed run is no backup: \(status)")
    }

    @Test func aFailedDryRunIsJournaledAsOne() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        try box.write("x", at: "w/x")
        let environment = try failingRsync(in: box, passing: ["--version"])
        try await box.expectRun(["backup", "-n", "w"], environment: environment, status: 1)
        let entry = try #require(try box.journalEntries().first)
        #expect(entry["dryRun"] as? Bool == true, "\(entry)")
        let log = try await box.expectRun(["log"], status: 0)
        #expect(log.stdout.contains("  backup (dry run)  main: "), "\(log)")
    }

    @Test func aSkippedDestinationIsJournaledWithWhy() async throws {
        let box = try Sandbox()
        try box.write("a", at: "w/a")
        try box.makeDirectory("b1")
        try box.configure([("main", ["w"], ["b1", "b2"])])
        try await box.expectRun(["backup", "w"], status: 0)
        let entry = try #require(try box.journalEntries().first)
        #expect(entry["skipped"] as? [String] == ["\(box.path("b2")) (does not exist yet)"], "\(entry)")
        #expect(entry["exitCode"] as? Int == 0)
        let log = try await box.expectRun(["log"], status: 0)
        #expect(log.stdout.contains("not written: \(box.path("b2")) (does not exist yet)  exit 0"), "\(log)")
    }

    @Test func aCorruptLineIsSkippedWithAWarning() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        try box.write("x", at: "w/x")
        try await box.expectRun(["backup", "w"], status: 0)
        // After the good line: read from the end, the journal's newest lines are read first.
        let good = try String(contentsOfFile: box.journalFile, encoding: .utf8)
        try box.write(good + "{\"action\": \"backup\", truncated\nnot json at all\n", to: box.journalFile)

        for command in [["status"], ["log"], ["log", "--json"]] {
            let result = try await box.expectRun(command, status: 0)
            let warning = "\(box.journalFile): 2 lines are not journal entries; skipped"
            #expect(result.stderr.components(separatedBy: warning).count == 2, "\(command): once: \(result)")
            let good = ["status": "just now", "log": "1 copied", "log --json": "\"copied\" : 1"]
            #expect(result.stdout.contains(good[command.joined(separator: " ")]!), "the good line counts: \(result)")
        }
        #expect(try String(contentsOfFile: box.journalFile, encoding: .utf8).split(separator: "\n").count == 3)
    }

    @Test func aFIFOAtTheJournalsPathNeverKeepsARunWaiting() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        try box.write("x", at: "w/x")
        try box.makeDirectory("home/.local/state/micsync")
        #expect(mkfifo(box.journalFile, 0o644) == 0)
        for arguments in [["backup", "-m", "w"], ["log"], ["status"]] {
            let run = try Binary.start(Binary.micsync, arguments, directory: box.root, environment: box.environment)
            // A safety net only: the run must end by itself, long before.
            let ended = await waitUntil(60) { run.hasExited }
            if !ended { kill(run.pid, SIGKILL) }
            await run.finish()
            #expect(ended, "\(arguments) never ended: \(run.result)")
            run.result.expect(status: 0, "\(arguments)")
            #expect(run.result.stderr.contains("journal \(box.journalFile): it is a FIFO"), "\(run.result)")
        }
        #expect(box.read("b1/x") == "x")
    }

    @Test func aJournalLineIsShownEscaped() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        try box.write("x", at: "w/x")
        try await box.expectRun(["backup", "-m", "w"], status: 0)
        let line = try String(contentsOfFile: box.journalFile, encoding: .utf8)
            .replacingOccurrences(of: #""action":"backup""#, with: #""action":"backup\u001b]0;pwned\u0007""#)
            .replacingOccurrences(of: #""source":""#, with: #""source":"\u001b[2J\n"#)
        try line.write(toFile: box.journalFile, atomically: true, encoding: .utf8)
        let log = try await box.expectRun(["log"], status: 0)
        #expect(log.stdout.contains("backup\\x1b]0;pwned\\x07"), "\(log)")
        #expect(log.stdout.contains("\\x1b[2J\\n"), "\(log)")
        #expect(!log.stdout.contains("\u{1b}") && !log.stdout.contains("\u{7}"), "no raw escape sequence: \(log)")
    }
}
