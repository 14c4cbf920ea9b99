import Foundation
import Testing

/// `trash list TIMESTAMP` shows the files of one run's trash; `trash purge --older-than` takes 12h, 30d, 2w.
@Suite struct TrashListTests {
    /// A sandbox whose b1 trash holds one run's overwritten files.
    private func trashed() async throws -> (Sandbox, String) {
        let box = try Sandbox()
        try box.standard(backups: 1)
        try box.write("old a", at: "b1/docs/a.txt")
        try box.write("old b, longer", at: "b1/b.txt")
        try box.write("new a, much longer", at: "w/docs/a.txt")
        try box.write("new b, much much longer", at: "w/b.txt")
        try await box.expectRun(["backup", "-m", "w"], status: 0)
        let timestamp = try #require(
            try FileManager.default.contentsOfDirectory(atPath: box.path("b1/.micsync/trash")).first)
        return (box, timestamp)
    }

    @Test func listsTheFilesOfOneRunsTrash() async throws {
        let (box, timestamp) = try await trashed()
        let result = try await box.expectRun(["trash", "list", timestamp], status: 0)
        #expect(result.stdout.contains("BACKUP \(box.path("b1")), trash \(timestamp): 2 files, 18 B"), "\(result)")
        #expect(result.stdout.contains("  b.txt       13 B\n"), "\(result)")
        #expect(result.stdout.contains("  docs/a.txt  5 B\n"), "\(result)")

        let json = try JSONSerialization.jsonObject(
            with: Data(try await box.expectRun(["trash", "list", "--json", timestamp], status: 0).stdout.utf8))
        let files = try #require((json as? [[String: Any]])?.first?["files"] as? [[String: Any]])
        #expect(files.map { $0["path"] as? String } == ["b.txt", "docs/a.txt"])
        #expect(files.map { $0["size"] as? Int } == [13, 5])

        let counts = try await box.expectRun(["trash", "list", "b1"], status: 0)
        #expect(counts.stdout.contains("\(timestamp)  2 files  18 B"), "without a TIMESTAMP, the counts: \(counts)")
    }

    @Test func aLongListIsPagedOnATerminal() async throws {
        let (box, timestamp) = try await trashed()
        let pager = box.path("pager.sh")
        try box.write("#!/bin/sh\necho called >> '\(box.path("pager-calls"))'\ncat\n", to: pager)
        chmod(pager, 0o755)
        for index in 0..<100 { try box.write("x", at: "b1/.micsync/trash/\(timestamp)/many/f\(index)") }
        let result = try await box.expectRunInTerminal(
            ["trash", "list", timestamp], environment: ["PAGER": pager], status: 0)
        #expect(box.read("pager-calls") == "called\n", "\(result)")
        #expect(result.stdout.contains("many/f99"), "\(result)")
    }

    @Test func anUnknownTimestampSaysWhatThereIs() async throws {
        let (box, timestamp) = try await trashed()
        let result = try await box.expectRun(["trash", "list", "20200101T000000Z"], status: 3)
        #expect(result.stderr.contains("no accessible location has trash 20200101T000000Z"), "\(result)")
        #expect(result.stderr.contains(timestamp), "\(result)")
    }

    @Test(arguments: [
        ("12h", true), ("30d", false), ("2w", false), ("1", true), ("0h", true), ("90m", true), ("1500m", false),
        ("90s", true), ("90000s", false),
    ])
    func purgeTakesAnAge(age: String, purgesTheOldOne: Bool) async throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        let now = ISO8601DateFormatter.string(
            from: Date(), timeZone: TimeZone(identifier: "UTC")!,
            formatOptions: [.withYear, .withMonth, .withDay, .withTime, .withTimeZone])
        let recent = now.replacingOccurrences(of: "-", with: "").replacingOccurrences(of: ":", with: "")
        let dayAgo = Date(timeIntervalSinceNow: -86_400 - 60)
        let old = ISO8601DateFormatter.string(
            from: dayAgo, timeZone: TimeZone(identifier: "UTC")!,
            formatOptions: [.withYear, .withMonth, .withDay, .withTime, .withTimeZone]
        )
        .replacingOccurrences(of: "-", with: "").replacingOccurrences(of: ":", with: "")
        try box.write("r", at: "b1/.micsync/trash/\(recent)/r")
        try box.write("o", at: "b1/.micsync/trash/\(old)/o")
        let result = try await box.expectRun(["trash", "purge", "--older-than", age, "--yes"], status: 0)
        #expect(box.exists("b1/.micsync/trash/\(old)") != purgesTheOldOne, "\(age): \(result)")
        #expect(box.exists("b1/.micsync/trash/\(recent)") || age == "0h", "\(age): \(result)")
    }

    @Test(arguments: ["3x", "-2d", "d", "12 h", "1.5d", "30S"])
    func aBadAgeIsAUsageError(age: String) async throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        let result = try await box.expectRun(["trash", "purge", "--older-than=\(age)"], status: 2)
        #expect(
            result.stderr.contains("--older-than takes an age: 90s, 30m, 12h, 1d, 2w (a bare number counts days)"),
            "\(result)")
    }
}
