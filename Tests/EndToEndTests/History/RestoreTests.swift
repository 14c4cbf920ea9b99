import Foundation
import Testing

/// `micsync restore`: which version it picks, what it says before its runs, and what it refuses.
@Suite struct RestoreTests {
    /// `w/docs/f` backed up as "one", then "two, longer", then "three!": two versions in b1's trash.
    private func threeVersions() async throws -> Sandbox {
        let box = try Sandbox()
        try box.standard(backups: 1)
        for (number, text) in ["one", "two, longer", "three!"].enumerated() {
            try box.write(text, at: "w/docs/f")
            try box.touch("w/docs/f", secondsAgo: Double(-10 * number))
            RecordedRuns.nextSecond()
            try await box.expectRun(["backup", "-m", "w"], status: 0)
        }
        return box
    }

    @Test func withoutAVersionItTakesTheNewestThatDiffersAndAgainUndoesIt() async throws {
        let box = try await threeVersions()
        let first = try await box.expectRun(["restore", "w/docs/f"], input: "m\n", status: 0)
        #expect(box.read("w/docs/f") == "two, longer", "\(first)")
        #expect(first.stdout.contains("restore docs/f into WORKING \(box.path("w")):\n  docs/f (from "), "\(first)")
        #expect(first.stderr.contains("Overwrite 1 modified item"), "asked like work: \(first)")
        let trash = try #require(box.trashFolders("w").last)
        #expect(box.read("w/.micsync/trash/\(trash)/docs/f") == "three!", "\(first)")
        let entries = try box.journalEntries()
        #expect(entries.last?["action"] as? String == "restore", "\(entries)")

        RecordedRuns.nextSecond()
        let undone = try await box.expectRun(["restore", "-m", "w/docs/f"], status: 0)
        #expect(box.read("w/docs/f") == "three!", "the newest other version is the one just replaced: \(undone)")
        try await box.expectRun(["restore", "-m", "--version", "2", "w/docs/f"], status: 0)
        #expect(box.read("w/docs/f") == "one")
        let none = try await box.expectRun(["restore", "--version", "9", "w/docs/f"], status: 3)
        #expect(none.stderr.contains("has 3 versions (0 to 2)"), "\(none)")
    }

    @Test func aFileWhereAFolderIsNowComesBackAndWhatIsInTheWayGoesToTheTrash() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        try box.write("file t", at: "w/docs/t")
        try box.write("a", at: "w/docs/a")
        try await box.expectRun(["backup", "-m", "w"], status: 0)
        RecordedRuns.nextSecond()
        let then = RecordedRuns.now()
        RecordedRuns.nextSecond()
        try FileManager.default.removeItem(atPath: box.path("w/docs/t"))
        try box.write("in", at: "w/docs/t/inner")
        try box.write("later", at: "w/docs/later")
        try await box.expectRun(["backup", "-m", "w"], status: 0)

        let dry = try await box.expectRun(["restore", "-n", "--at", then, "w/docs"], status: 0)
        #expect(dry.stdout.contains("in the way of what comes back, replaced if you say so (1):\n    docs/t/inner"))
        #expect(dry.stdout.contains("not there then, left alone (-d deletes them) (1):\n    docs/later"), "\(dry)")
        #expect(box.read("w/docs/t/inner") == "in", "-n changes nothing")

        let restored = try await box.expectRun(["restore", "-m", "--at", then, "w/docs"], status: 0)
        #expect(box.read("w/docs/t") == "file t", "\(restored)")
        #expect(box.read("w/docs/later") == "later", "\(restored)")
        let trash = try #require(box.trashFolders("w").last, "\(restored)")
        #expect(box.read("w/.micsync/trash/\(trash)/docs/t/inner") == "in", "\(restored)")
    }

    @Test(arguments: [
        (["restore", "--at", "1d", "--version", "1", "w/docs/f"], 2, "give --at TIME or --version N, not both"),
        (["restore", "-d", "w/docs/f"], 2, "-d deletes what did not exist at a time"),
        (["restore", "--at", "someday", "w/docs/f"], 2, "--at takes 2026-12-01"),
        (["restore", "w/docs"], 2, "docs is a folder: give --at TIME"),
        (["restore", "--to", "w/elsewhere", "w/docs/f"], 2, "overlaps WORKING"),
        (["restore", "--to", "nowhere", "w/docs/f"], 3, "--to nowhere: no such folder here"),
        (["restore", "--from", "b9", "w/docs/f"], 2, "--from b9 is not a location of \"main\""),
        (["restore", "--at", "2001-01-01", "w/docs/f"], 3, "docs/f did not exist at 2001-01-01 00:00:00"),
    ])
    func whatItRefusesItSays(arguments: [String], status: Int32, message: String) async throws {
        let box = try await threeVersions()
        try box.makeDirectory("w/elsewhere")
        let result = try await box.expectRun(arguments, status: status)
        #expect(result.stderr.contains(message), "\(result)")
        #expect(box.read("w/docs/f") == "three!", "nothing changed")
    }
}
