import Foundation
import Testing

/// `remind`: how old a BACKUP may get. `status` shows each BACKUP's age and marks an overdue one; `status
/// --strict` fails for a timer; a disc absent within its period is not overdue. Ages come from journal lines
/// the test writes, with times in the past (no clock is changed).
@Suite struct FreshnessTests {
    static let day: TimeInterval = 86_400

    /// WORKING `w`; BACKUPs `b1` (written 10 days ago, remind 7d from the configuration), `b2` (written
    /// 10 days ago, its own remind 30d), `b3` (absent, written 2 days ago).
    private func agedSetup() throws -> Sandbox {
        let box = try Sandbox()
        for name in ["w", "b1", "b2"] { try box.makeDirectory(name) }
        try box.write(
            """
            {"configs": [{"name": "main", "work": ["\(box.path("w"))"], "remind": "7d", "backup": [
              "\(box.path("b1"))", {"path": "\(box.path("b2"))", "remind": "30d"}, "\(box.path("b3"))"]}]}
            """, to: box.configFile)
        try writeJournal(
            box, [(box.path("b1"), 10 * Self.day), (box.path("b2"), 10 * Self.day), (box.path("b3"), 2 * Self.day)])
        return box
    }

    /// One successful backup journaled per (destination, how long ago it ended).
    private func writeJournal(_ box: Sandbox, _ runs: [(String, TimeInterval)]) throws {
        let lines = try runs.map { destination, ago in
            try RetentionTests.journalLine(start: Date() - ago - 1, destination: destination, exitCode: 0)
        }
        try box.write(lines.joined(separator: "\n") + "\n", to: box.journalFile)
    }

    @Test func statusShowsEachBackupsAgeAndMarksTheOverdueOne() async throws {
        let box = try agedSetup()
        let result = try await box.expectRun(["status"], environment: ["COLUMNS": "120"], status: 0)
        let rows = result.stdout.split(separator: "\n").map(String.init)
        let b1 = try #require(rows.first { $0.contains(box.path("b1")) }, "\(result)")
        let b2 = try #require(rows.first { $0.contains(box.path("b2")) }, "\(result)")
        let b3 = try #require(rows.first { $0.contains(box.path("b3")) }, "\(result)")
        #expect(b1.contains("  10 days ago, overdue"), "remind 7d: \(b1)")
        #expect(b2.contains("  10 days ago") && !b2.contains("overdue"), "its own remind 30d: \(b2)")
        #expect(b3.contains("  2 days ago") && !b3.contains("overdue"), "absent, but within its period: \(b3)")

        let json = try box.jsonObject(try await box.expectRun(["status", "--json"], status: 0).stdout)
        let locations = try #require(
            (json["configurations"] as? [[String: Any]])?.first?["locations"] as? [[String: Any]])
        let backups = locations.filter { $0["role"] as? String == "BACKUP" }
        #expect(backups.map { $0["overdue"] as? Bool } == [true, false, false], "\(backups)")
        #expect(backups.map { $0["remindSeconds"] as? Int } == [7 * 86_400, 30 * 86_400, 7 * 86_400], "\(backups)")
    }

    @Test func statusStrictExits3NamingTheOverdueBackupUntilItIsWritten() async throws {
        let box = try agedSetup()
        let strict = try await box.expectRun(["status", "--strict"], status: 3)
        #expect(
            strict.stderr.contains(
                "micsync: --strict: 1 BACKUP is overdue: BACKUP \(box.path("b1")) (last written 10 days ago; "
                    + "remind after 1 w) of \"main\""), "\(strict)")
        #expect(!strict.stderr.contains(box.path("b3")), "an absent disc within its period: \(strict)")

        try box.write("a", at: "w/a")
        try await box.expectRun(["backup", "--to", "0", "w"], status: 0)
        try await box.expectRun(["status", "--strict"], status: 0, "b1 was just written")
    }

    @Test func configShowSaysHowOldEachBackupMayGet() async throws {
        let box = try agedSetup()
        let show = try await box.expectRun(["config", "show"], status: 0)
        #expect(
            show.stdout.contains("  remind: BACKUP 0 after 1 w, BACKUP 1 after 30 d, BACKUP 2 after 1 w\n"), "\(show)")
        try box.standard(backups: 2, extra: #", "remind": "36h""#)
        let same = try await box.expectRun(["config", "show"], status: 0)
        #expect(same.stdout.contains("  remind: after 36 h\n"), "\(same)")
        try box.standard(backups: 1)
        let none = try await box.expectRun(["config", "show"], status: 0)
        #expect(none.stdout.contains("  remind: never\n"), "\(none)")
    }

    @Test func aRunWithNothingToDoKeepsABackupCurrent() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1, extra: #", "remind": "90s""#)
        try writeJournal(box, [(box.path("b1"), 600)])
        try await box.expectRun(["status", "--strict"], status: 3, "written 10 minutes ago, remind 90 s")
        try await box.expectRun(["backup", "w"], status: 0)
        try await box.expectRun(["status", "--strict"], status: 0, "nothing to do, but current")
    }

    @Test func aNeverWrittenBackupWithARemindIsOverdue() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1, extra: #", "remind": "1d""#)
        let strict = try await box.expectRun(["status", "--strict"], status: 3)
        #expect(strict.stderr.contains("BACKUP \(box.path("b1")) (never written; remind after 1 d)"), "\(strict)")
        try await box.expectRun(["status", "--strict", "--config-name", "main"], status: 3)
    }

    @Test func withoutRemindNothingIsOverdue() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        try await box.expectRun(["status", "--strict"], status: 0)
    }

    @Test(arguments: [
        (#""remind": "soon""#, "configs[0].remind: must be a duration longer than zero"),
        (#""remind": "0d""#, "configs[0].remind: must be a duration longer than zero"),
        (#""remind": 7"#, "configs[0].remind: must be a duration longer than zero"),
    ])
    func aBadRemindIsAConfigurationError(key: String, message: String) async throws {
        let box = try Sandbox()
        try box.standard(backups: 1, extra: ", " + key)
        let check = try await box.expectRun(["config", "check"], status: 2)
        #expect((check.stdout + check.stderr).contains(message), "\(check)")
        let status = try await box.expectRun(["status"], status: 2)
        #expect(status.stderr.contains(message), "the loader refuses it too: \(status)")
    }

    @Test func aBadBackupEntryNamesItsPlace() async throws {
        let box = try Sandbox()
        try box.makeDirectory("w")
        try box.write(
            """
            {"configs": [{"name": "main", "work": ["\(box.path("w"))"], "backup": [
              "\(box.path("b1"))", {"path": "\(box.path("b2"))", "remind": "7x"}, {"remind": "7d"},
              {"path": "\(box.path("b4"))", "remnd": "7d"}]}]}
            """, to: box.configFile)
        let check = try await box.expectRun(["config", "check"], status: 2)
        let text = check.stdout + check.stderr
        for message in [
            "configs[0].backup[1].remind: must be a duration longer than zero",
            "configs[0].backup[2]: missing \"path\"",
            "configs[0].backup[3]: unknown key \"remnd\"; did you mean \"remind\"?",
        ] {
            #expect(text.contains(message), "\(message): \(check)")
        }
    }
}
