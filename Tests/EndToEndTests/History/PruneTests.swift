import Foundation
import Testing

/// `backup --prune`: what left the WORKING leaves each BACKUP too, asked like a deletion, into the trash,
/// under the mass-delete guard; `backup` alone never deletes.
@Suite struct PruneTests {
    /// WORKING `w` and BACKUP `b1` alike with `docs/a` and `docs/b`; then `docs/b` renamed in `w`.
    private func renamed() async throws -> Sandbox {
        let box = try Sandbox()
        try box.standard(backups: 1)
        for name in ["a", "b"] { try box.writeAlike(name, at: "docs/\(name)", in: ["w", "b1"]) }
        try FileManager.default.moveItem(atPath: box.path("w/docs/b"), toPath: box.path("w/docs/b2"))
        return box
    }

    @Test func backupAloneNeverDeletes() async throws {
        let box = try await renamed()
        let result = try await box.expectRun(["backup", "w"], status: 0)
        #expect(box.tree("b1/docs") == ["a", "b", "b2"], "\(result)")
        #expect(!result.stderr.contains("Delete"), "\(result)")
    }

    @Test func pruneAsksAndMovesWhatLeftTheWorkingToTheTrash() async throws {
        let box = try await renamed()
        let dry = try await box.expectRun(["backup", "-n", "--prune", "w"], status: 0)
        #expect(dry.stdout.contains("to delete (1):\n    docs/b"), "\(dry)")
        #expect(box.tree("b1/docs") == ["a", "b"], "-n changes nothing")

        let declined = try await box.expectRun(["backup", "--prune", "w"], input: "n\n", status: 0)
        #expect(declined.stderr.contains("Delete 1 item in \(box.path("b1"))? [d]elete / [n]o"), "\(declined)")
        #expect(box.tree("b1/docs") == ["a", "b", "b2"], "\(declined)")

        let pruned = try await box.expectRun(["backup", "--prune", "w"], input: "d\n", status: 0)
        #expect(box.tree("b1/docs") == ["a", "b2"], "\(pruned)")
        let trash = try #require(box.trashFolders("b1").first, "\(pruned)")
        #expect(box.read("b1/.micsync/trash/\(trash)/docs/b") == "b", "kept in the BACKUP's trash")
    }

    @Test func pruneIsUnderTheMassDeleteGuard() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        for number in 0..<12 { try box.writeAlike("\(number)", at: "docs/f\(number)", in: ["w", "b1"]) }
        for number in 0..<12 { try FileManager.default.removeItem(atPath: box.path("w/docs/f\(number)")) }

        let refused = try await box.expectRun(["backup", "--prune", "w/docs"], input: "d\n", status: 5)
        #expect(refused.stderr.contains("is empty while"), "\(refused)")
        #expect(box.tree("b1/docs").count == 12, "\(refused)")

        try box.write("new", at: "w/docs/new")
        let asked = try await box.expectRun(["backup", "--prune", "w/docs"], input: "n\n", status: 0)
        #expect(asked.stderr.contains("this deletes 100% (12 of 12 files)"), "\(asked)")
        #expect(box.tree("b1/docs").count == 13, "\(asked)")

        try FileManager.default.removeItem(atPath: box.path("w/docs/new"))
        try await box.expectRun(["backup", "--prune", "--force", "w/docs"], input: "d\n", status: 0)
        #expect(box.tree("b1/docs").isEmpty, "--force goes past the guard")
        #expect(
            try await box.expectRun(["backup", "--force", "w"], status: 2).stderr.contains("--force goes with --prune"))
    }
}
