import Foundation
import Testing

/// The overall progress line while applying: on a terminal only, unless --progress / --no-progress say otherwise.
@Suite struct ProgressTests {
    private func sandboxWithData() throws -> Sandbox {
        let box = try Sandbox()
        try box.standard(backups: 1)
        try box.write(String(repeating: "0123456789", count: 400_000), at: "w/big")
        return box
    }

    @Test func shownOnATerminal() async throws {
        let box = try sandboxWithData()
        let result = try await box.expectRunInTerminal(["backup", "w"], status: 0)
        #expect(result.stdout.contains(" left"), "\(result)")
        #expect(result.stdout.contains("4.00 MB of 4.00 MB  100%"), "\(result)")
        #expect(result.stdout.contains("BACKUP \(box.path("b1")): 1 copied"))
        #expect(box.read("b1/big")?.count == 4_000_000)
    }

    @Test func absentWithoutATerminal() async throws {
        let box = try sandboxWithData()
        let result = try await box.expectRun(["backup", "w"], status: 0)
        #expect(!result.stdout.contains(" left") && !result.stdout.contains("\r"), "\(result)")
        #expect(result.stdout.contains("1 copied"))
    }

    @Test func theFlagsOverrideTheTerminalCheck() async throws {
        let box = try sandboxWithData()
        let forced = try await box.expectRun(["backup", "--progress", "w"], status: 0)
        #expect(forced.stdout.contains(" left"), "\(forced)")

        try box.write("changed", at: "w/big")
        let quiet = try await box.expectRunInTerminal(["backup", "-m", "--no-progress", "w"], status: 0)
        #expect(!quiet.stdout.contains(" left"), "\(quiet)")
        #expect(quiet.stdout.contains("1 overwritten"))
    }

    /// At 30 columns the line is cut short of the last column, never wrapped onto a second row that every
    /// update would leave behind.
    @Test func cutToANarrowTerminal() async throws {
        let box = try sandboxWithData()
        let result = try await Binary.run(
            "/usr/bin/script", ["-qec", "stty cols 30 rows 40; micsync backup w", "/dev/null"],
            directory: box.root, environment: box.environment.merging(["PATH": Binary.path]) { $1 })
        let drawn = result.stdout.components(separatedBy: "\r\u{1B}[K").dropFirst().map {
            $0.prefix { $0 != "\r" && $0 != "\n" }
        }.filter { $0.first?.isNumber == true }
        #expect(!drawn.isEmpty && drawn.allSatisfy { $0.count <= 29 }, "\(drawn)")
        #expect(drawn.contains { $0.hasPrefix("4.00 MB of 4.00 MB  100%") }, "\(drawn)")
        #expect(box.read("b1/big")?.count == 4_000_000, "\(result)")
    }

    /// The "left" times of every progress line drawn, in seconds ("–:––" while no rate is known is skipped).
    private func timesLeft(_ output: String) -> [Int] {
        output.components(separatedBy: "\r").compactMap { segment in
            guard let range = segment.range(of: #"\d+:\d\d(:\d\d)? left"#, options: .regularExpression) else {
                return nil
            }
            return segment[range].dropLast(5).split(separator: ":").reduce(0) { $0 * 60 + Int($1)! }
        }
    }

    /// On a throttled copy (`--bwlimit`, in KiB/s), the time left falls as bytes arrive,
    /// and the total is what the run copies: the modified file, not the unchanged one beside it.
    @Test func theTimeLeftFallsAndTheTotalIsThePlan() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        try Data(repeating: 0x61, count: 1_000_000).write(to: URL(fileURLWithPath: box.path("w/unchanged")))
        try Data(repeating: 0x62, count: 2_000_000).write(to: URL(fileURLWithPath: box.path("w/big")))
        try await box.expectRun(["backup", "w"], status: 0)
        try Data(repeating: 0x63, count: 2_000_000).write(to: URL(fileURLWithPath: box.path("w/big")))
        try box.touch("w/big", secondsAgo: -60)
        let result = try await box.expectRunInTerminal(
            ["backup", "--bwlimit", "400", "w"], input: "m\n", status: 0)
        #expect(result.stdout.contains(" of 2.00 MB  "), "the plan's bytes, not the tree's 3 MB: \(result)")
        #expect(result.stdout.contains("  1 of 1 item  "), "and its items, as rsync checks them: \(result)")
        #expect(!result.stdout.contains("kB/s") && !result.stdout.contains("ETA"), "\(result)")
        let left = timesLeft(result.stdout)
        #expect(left.count >= 3, "\(result)")
        #expect(zip(left, left.dropFirst()).allSatisfy { $1 <= $0 }, "never rising: \(left)")
        #expect((left.first ?? 0) > (left.last ?? 0), "falling: \(left)")
        #expect(box.read("b1/big")?.first == "c")
    }

    /// `backup -m` at a terminal asks nothing and walks the tree once, as rsync alone would: its plan, and
    /// then a pass over what the plan found, with the plan's totals on the progress line.
    @Test func aRunWithoutQuestionsWalksTheTreeOnceAtATerminalToo() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        try Data(repeating: 0x61, count: 1_000_000).write(to: URL(fileURLWithPath: box.path("w/unchanged")))
        try await box.expectRun(["backup", "w"], status: 0)
        try Data(repeating: 0x62, count: 2_000_000).write(to: URL(fileURLWithPath: box.path("w/big")))
        let result = try await box.expectRunInTerminal(
            ["backup", "-m", "--print-commands", "--bwlimit", "800", "w"], status: 0)
        let commands = result.stdout.components(separatedBy: "\r\n").filter {
            ($0.hasPrefix("/") || $0.hasPrefix("printf ")) && $0.contains("rsync ")
        }
        // The plan, the pass over what it found, and the pass of the root's own time (`big` is new in it).
        #expect(commands.count == 3 && commands[0].contains("--dry-run"), "\(result)")
        #expect(commands.dropFirst().first?.contains("--files-from=-") == true, "only what the plan found: \(result)")
        #expect(commands.last?.contains("--exclude=/*") == true, "nothing below the root: \(result)")
        #expect(result.stdout.contains("2.00 MB of 2.00 MB  100%  1 of 1 item"), "\(result)")
        #expect(timesLeft(result.stdout).count >= 1, "\(result)")
        #expect(box.read("b1/big")?.count == 2_000_000)
    }
}
