import Foundation
import Testing

/// What a run says: per destination what rsync did (bytes, time, what was declined), -q, --print-commands,
/// modified files newer at the destination, and what is left after an interruption.
@Suite struct RunReportTests {
    private func matches(_ text: String, _ pattern: String) -> Bool {
        text.range(of: pattern, options: .regularExpression) != nil
    }

    @Test func theSummarySaysBytesTimeAndWhatWasDeclined() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        try box.write("12345", at: "w/new")
        for name in ["m1", "m2", "m3"] {
            try box.write("new \(name)", at: "w/\(name)")
            try box.write("old", at: "b1/\(name)")
        }
        let result = try await box.expectRun(["backup", "w"], input: "n\n", status: 0)
        let b1 = box.path("b1")
        #expect(
            matches(
                result.stdout,
                "BACKUP \(b1): 1 copied \\(5 B\\), 0 overwritten, 0 deleted, 3 modified declined, in \\d+(\\.\\d)? s\n"),
            "\(result)")
        #expect(box.read("b1/m1") == "old")
    }

    @Test func decliningEverythingIsNeverNothingToDo() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        for name in ["m1", "m2"] {
            try box.write("new \(name)", at: "w/\(name)")
            try box.write("old", at: "b1/\(name)")
        }
        try box.write("stray", at: "w/other")
        let result = try await box.expectRun(["work", "-d", "w"], input: "n\nn\n", status: 0)
        #expect(!result.stdout.contains("nothing to do"), "\(result)")
        #expect(
            result.stdout.contains(
                "WORKING \(box.path("w")): 0 copied (0 B), 0 overwritten, 0 deleted, 2 modified declined, 1 deletions declined\n"
            ),
            "\(result)")
        try await box.expectRun(["backup", "w"], input: "m\n", status: 0)
        let again = try await box.expectRun(["backup", "w"], status: 0)
        #expect(again.stdout.contains("BACKUP \(box.path("b1")): nothing to do"), "\(again)")
    }

    @Test func anInterruptedRunSaysWhatIsLeftAndHowToFinish() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        try box.write("first", at: "w/0-small")
        for index in 1...3 {
            try Data(repeating: 0x61, count: 1_000_000).write(to: URL(fileURLWithPath: box.path("w/big\(index)")))
        }
        // Every pass throttled to 300 KiB/s, so that the signal arrives mid-copy.
        let run = try Binary.start(
            Binary.micsync, ["backup", "--bwlimit", "300", "w"], directory: box.root, environment: box.environment)
        defer { run.kill() }
        _ = await waitUntil { box.exists("b1/0-small") }
        #expect(box.exists("b1/0-small"), "the apply pass started")
        run.signal(SIGINT)
        await run.finish()
        run.result.expect(status: 130)
        #expect(matches(run.stderr, "interrupted: [1-3] of 4 items left at BACKUP \(box.path("b1"))"), "\(run.stderr)")
        #expect(run.stderr.contains("run the same command again to finish it"), "\(run.stderr)")

        try await box.expectRun(["backup", "w"], status: 0)
        #expect(box.tree("b1") == ["0-small", "big1", "big2", "big3"])
        #expect(box.read("b1/big3")?.count == 1_000_000)
    }

    /// work and transfer say which modified files are newer at the destination, in the list and the question.
    @Test(arguments: [("work", "b1", "w"), ("transfer", "b1", "b2")])
    func newerAtTheDestinationIsSaid(action: String, source: String, destination: String) async throws {
        let box = try Sandbox()
        try box.standard(backups: 2)
        for name in ["older.txt", "edited.txt"] {
            try box.write("backup copy of \(name)", at: "\(source)/\(name)")
            try box.write("\(name) here", at: "\(destination)/\(name)")
        }
        try box.touch("\(destination)/older.txt", secondsAgo: 7200)
        try box.touch("\(source)/edited.txt", secondsAgo: 7200)
        let arguments = [action, "--from", box.path(source), "--to", box.path(destination), source]
        let result = try await box.expectRun(arguments, input: "n\n", status: 0)
        #expect(result.stdout.contains("  modified (2), 1 newer at the destination:\n"), "\(result)")
        #expect(result.stdout.contains("    edited.txt  (newer at the destination)\n"), "\(result)")
        #expect(result.stdout.contains("    older.txt\n"), "\(result)")
        #expect(
            result.stderr.contains(
                "Overwrite 2 modified items in \(box.path(destination)) (1 newer at the destination)?"),
            "\(result)")
        #expect(box.read("\(destination)/edited.txt") == "edited.txt here")

        let json = try box.jsonObject(try await box.expectRun(arguments + ["-n", "--json"], status: 0).stdout)
        let items = try #require(
            ((json["destinations"] as? [[String: Any]])?.first?["modified"] as? [String: Any])?["items"]
                as? [[String: Any]])
        #expect(
            items.filter { $0["newerAtDestination"] as? Bool == true }.map { $0["path"] as? String } == ["edited.txt"])
    }

    @Test func quietKeepsQuestionsErrorsAndTheSummary() async throws {
        let box = try Sandbox()
        try box.makeDirectory("w")
        try box.makeDirectory("b1")
        try box.configure([("main", ["w"], ["b1", "unplugged"])])
        try box.write("a", at: "w/a")
        try box.write("new", at: "w/m")
        try box.write("older", at: "b1/m")
        let loud = try await box.expectRun(["backup", "-n", "w"], status: 0)
        #expect(loud.stderr.contains("note: skipping BACKUP \(box.path("unplugged")): does not exist yet"), "\(loud)")
        #expect(loud.stdout.contains("    a\n"), "\(loud)")

        let quiet = try await box.expectRun(["backup", "-q", "w"], input: "n\n", status: 0)
        #expect(!quiet.stderr.contains("note:"), "\(quiet)")
        #expect(quiet.stderr.contains("Overwrite 1 modified item in \(box.path("b1"))?"), "\(quiet)")
        #expect(quiet.stdout.split(separator: "\n").count == 1, "only the summary: \(quiet)")
        #expect(
            quiet.stdout.hasPrefix(
                "BACKUP \(box.path("b1")): 1 copied (1 B), 0 overwritten, 0 deleted, 1 modified declined"),
            "\(quiet)")

        let dry = try await box.expectRun(["backup", "-q", "-n", "w"], status: 0)
        #expect(
            dry.stdout == "BACKUP \(box.path("b1")): 1 modified (3 B to copy)\ndry run: nothing was changed\n", "\(dry)"
        )
        #expect(
            dry.stderr == "not written: BACKUP \(box.path("unplugged")) (does not exist yet)\n",
            "the end of the summary stays: \(dry)")

        let missing = try await box.expectRun(["backup", "-q", "w/nothing-here"], status: 3)
        #expect(missing.stderr.contains("not found"), "errors stay: \(missing)")
    }

    @Test func quietSilencesTheGuardWarningOfADryRun() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        try box.makeDirectory("b1/d")
        try box.makeDirectory("w/d")
        try box.write("x", at: "w/d/x")
        let loud = try await box.expectRun(["work", "-D", "-n", "w/d"], status: 0)
        #expect(loud.stderr.contains("note: without -n this run would be"), "\(loud)")
        let quiet = try await box.expectRun(["work", "-D", "-n", "-q", "w/d"], status: 0)
        #expect(quiet.stderr.isEmpty, "\(quiet)")
    }

    @Test func printCommandsPrintsWithoutAskingAndVerboseAsks() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        try box.write("a", at: "w/a")
        let printed = try await box.expectRun(["backup", "--print-commands", "w"], status: 0)
        let commands = printed.stdout.split(separator: "\n").filter { $0.contains("rsync ") }
        #expect(commands.count == 3, "the plan, the apply and the root's own time: \(printed)")
        #expect(!printed.stderr.contains("Run this command?"), "\(printed)")
        #expect(box.read("b1/a") == "a")

        try box.write("b", at: "w/b")
        let verbose = try await box.expectRun(["backup", "-v", "w"], input: "n\n", status: 0)
        #expect(verbose.stderr.contains("Run this command? [y]es / [n]o / [q]uit"), "\(verbose)")
        #expect(!box.exists("b1/b"))
    }
}
