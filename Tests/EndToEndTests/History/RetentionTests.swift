import Foundation
import MicsyncKit
import Testing

/// `trash purge --keep-…` and a configuration's `"keep"` over trash folders written with known times (their
/// names), with the journal saying which runs failed. Buckets are in local time: the runs set TZ=UTC.
@Suite struct RetentionTests {
    static let utc = ["TZ": "UTC"]

    /// 60 trash folders in BACKUP `b1`, one every 6 hours back from Wednesday 2026-03-11 18:00 UTC, newest
    /// first, each holding `docs/f` (which the WORKING and the BACKUP still have) with its own bytes.
    static func sixtyFolders(in box: Sandbox) async throws -> [String] {
        try box.writeAlike("now", at: "docs/f", in: ["w", "b1"])
        let newest = Date(timeIntervalSince1970: 1_773_252_000)
        return try (0..<60).map { number in
            let name = Self.name(newest.addingTimeInterval(-Double(number * 6 * 3600)))
            try box.write(String(repeating: "x", count: number + 1), at: "b1/.micsync/trash/\(name)/docs/f")
            return name
        }
    }

    static func name(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return formatter.string(from: date)
    }

    @Test func sixtyFoldersKeepExactlyTheNewestOfEachDayAndTheLastThree() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        let names = try await Self.sixtyFolders(in: box)
        let rules = ["--keep-daily", "7", "--keep-last", "3"]

        let dry = try await box.expectRun(["trash", "purge", "-n"] + rules, environment: Self.utc, status: 0)
        let freed = (0..<60).filter { ![0, 1, 2, 4, 8, 12, 16, 20, 24].contains($0) }.reduce(0) { $0 + $1 + 1 }
        #expect(
            dry.stdout.contains(
                "BACKUP \(box.path("b1")): 51 trash folders (51 files, \(ByteCount.readable(Int64(freed)))) go; 9 stay:"
            ),
            "\(dry)")
        #expect(dry.stdout.contains("would delete 51 trash folders"), "\(dry)")
        #expect(box.trashFolders("b1").count == 60, "-n deletes nothing")
        #expect(!FileManager.default.fileExists(atPath: box.path("b1/.micsync/lock")), "-n writes nothing")

        try await box.expectRun(["trash", "purge", "--yes"] + rules, environment: Self.utc, status: 0)
        #expect(box.trashFolders("b1") == [24, 20, 16, 12, 8, 4, 2, 1, 0].map { names[$0] })
    }

    @Test func aSpanOfFailedRunsNeverPushesGoodHistoryOut() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        let names = try await Self.sixtyFolders(in: box)
        // The eight newest folders (two days) are those of runs the journal says failed.
        let failed = try names.prefix(8).map { name in
            let start = try #require(ISO8601DateFormatter().date(from: Self.iso(name)))
            return try Self.journalLine(start: start, destination: box.path("b1"), exitCode: 1)
        }
        try box.write(failed.joined(separator: "\n") + "\n", to: box.journalFile)
        try await box.expectRun(
            ["trash", "purge", "--yes", "--keep-daily", "3", "--keep-last", "2"], environment: Self.utc, status: 0)
        #expect(box.trashFolders("b1") == [16, 12, 9, 8].map { names[$0] })
    }

    @Test func theLastVersionOfAFileThatExistsNowhereStaysUnlessPruned() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        let names = try await Self.sixtyFolders(in: box)
        try box.write("gone", at: "b1/.micsync/trash/\(names[50])/docs/gone.txt")
        try box.write("older", at: "b1/.micsync/trash/\(names[55])/docs/gone.txt")
        let kept = try await box.expectRun(
            ["trash", "purge", "--yes", "--keep-last", "1"], environment: Self.utc, status: 0)
        #expect(box.trashFolders("b1") == [names[50], names[0]], "\(kept)")
        try await box.expectRun(
            ["trash", "purge", "--yes", "--keep-last", "1", "--prune-deleted"], environment: Self.utc, status: 0)
        #expect(box.trashFolders("b1") == [names[0]])
    }

    @Test func aConfigurationsKeepIsAppliedAfterASuccessfulRunOnlyToTheLocationsItWrote() async throws {
        let box = try Sandbox()
        try box.standard(backups: 2, extra: #", "keep": {"last": 2}"#)
        for location in ["b1", "b2"] {
            for day in 1...4 { try box.write("old \(day)", at: "\(location)/.micsync/trash/2026010\(day)T120000Z/f") }
        }
        try box.write("one", at: "w/f")
        let first = try await box.expectRun(["backup", "-m", "--to", "0", "w"], status: 0)
        #expect(box.trashFolders("b1") == ["20260103T120000Z", "20260104T120000Z"], "\(first)")
        #expect(first.stderr.contains("let go of 2 trash folders (2 files, 10 B)"), "\(first)")
        #expect(box.trashFolders("b2").count == 4, "b2 was not written: \(first)")

        // A failed run (a file it cannot read) purges nothing; its own trash folder fills no rule's place.
        try box.write("two, changed", at: "w/f")
        try box.touch("w/f", secondsAgo: -5)
        try box.write("secret", at: "w/secret")
        let failed = try await box.expectRunUnprivileged(
            ["backup", "-m", "--to", "0", "w"], unreadable: ["w/secret"], status: 1)
        #expect(box.trashFolders("b1").count == 3, "\(failed)")
        let failedFolder = try #require(box.trashFolders("b1").last)

        try box.write("three", at: "w/f")
        try box.touch("w/f", secondsAgo: -10)
        chmod(box.path("w/secret"), 0o644)
        RecordedRuns.nextSecond()
        let succeeded = try await box.expectRun(["backup", "-m", "--to", "0", "w"], status: 0)
        let folders = box.trashFolders("b1")
        #expect(folders.count == 2 && folders.first == "20260104T120000Z", "\(folders) \(succeeded)")
        #expect(!folders.contains(failedFolder), "\(succeeded)")
        #expect(box.read("b1/.micsync/trash/\(folders.last ?? "")/f") == "two, changed", "\(succeeded)")
        #expect(succeeded.stderr.contains("let go of 2 trash folders"), "\(succeeded)")
        #expect(box.trashFolders("b2").count == 4, "b2 was not written")
    }

    @Test(arguments: [
        (#"{"dayly": 7}"#, #"configs[0].keep: unknown key "dayly"; did you mean "daily"?"#),
        (#"{"daily": 7, "daily": 3}"#, #"configs[0].keep: the key "daily" is given twice"#),
        (#"{"daily": 0}"#, "configs[0].keep.daily: must be a whole number of trash folders, 1 or more"),
        (#"{"within": "soon"}"#, "configs[0].keep.within: must be an age"),
        (#"{}"#, "configs[0].keep: gives no rule"),
        (#"7"#, "configs[0].keep: must be an object of rules"),
    ])
    func aKeepKeyThatIsNotRightIsAnErrorNamingTheEntry(keep: String, message: String) async throws {
        let box = try Sandbox()
        try box.standard(backups: 1, extra: ", \"keep\": \(keep)")
        let result = try await box.expectRun(["config", "check"], status: 2)
        #expect(result.stdout.contains(message) || result.stderr.contains(message), "\(result)")
    }

    /// `20260311T180000Z` as ISO 8601.
    static func iso(_ name: String) -> String {
        let c = Array(name)
        return String(c[0..<4]) + "-" + String(c[4..<6]) + "-" + String(c[6..<8]) + "T" + String(c[9..<11]) + ":"
            + String(c[11..<13]) + ":" + String(c[13..<15]) + "Z"
    }

    /// One journal line of a backup into `destination` that started at `start`.
    static func journalLine(start: Date, destination: String, exitCode: Int) throws -> String {
        let iso = ISO8601DateFormatter()
        let entry: [String: Any] = [
            "action": "backup", "configuration": "main", "source": "/w", "destinations": [destination],
            "paths": [""], "copied": 0, "overwritten": 1, "deleted": 0, "directoriesCreated": 0,
            "directoriesDeleted": 0, "bytes": 1, "start": iso.string(from: start),
            "end": iso.string(from: start.addingTimeInterval(1)), "exitCode": exitCode,
        ]
        return String(decoding: try JSONSerialization.data(withJSONObject: entry), as: UTF8.self)
    }
}
