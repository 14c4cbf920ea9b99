import Foundation
import Testing

/// The apply pass copies exactly what was planned and approved, even when the tree changes meanwhile.
@Suite struct ExactApplyTests {
    @Test func aDeclinedModificationInADirectoryWhoseTimeChangedStays() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        try box.write("new", at: "w/d/e")
        try box.write("old, longer", at: "b1/d/e")
        try box.write("n", at: "w/d/added")
        try box.touch("b1/d", secondsAgo: 7200)
        let result = try await box.expectRun(["backup", "w"], input: "n\n", status: 0)
        #expect(box.read("b1/d/e") == "old, longer")
        #expect(box.read("b1/d/added") == "n")
        #expect(
            result.stdout.contains("1 copied (1 B), 0 overwritten, 0 deleted, 1 modified declined, in "), "\(result)")
    }

    @Test func deletionsOfFilesAndWholeDirectories() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1, extra: ", \"maxDeletePercent\": 100")
        try box.writeAlike("k", at: "keep", in: ["b1", "w"])
        try box.write("x", at: "w/gone/deep/er/x")
        try box.write("y", at: "w/gone/y")
        try box.write("z", at: "w/z")
        let result = try await box.expectRun(["work", "-D", "w"], status: 0)
        #expect(box.tree("w") == ["keep"])
        #expect(result.stdout.contains("3 deleted, 3 directories deleted"), "\(result)")
    }

    @Test func aFileCreatedAfterPlanningIsNotCopiedUnasked() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        try box.write("changed, longer", at: "w/d/f")
        try box.write("old", at: "b1/d/f")
        try box.write("n", at: "w/newdir/one")
        let run = try Binary.start(Binary.micsync, ["backup", "w"], directory: box.root, environment: box.environment)
        defer { run.kill() }
        try await run.waitForStderr(containing: "Overwrite")
        try box.write("late", at: "w/newdir/late")
        try box.write("late", at: "w/late")
        try run.stdin.write(contentsOf: Data("m\n".utf8))
        await run.finish()
        run.result.expect(status: 0)
        #expect(box.tree("b1") == ["d/", "d/f", "newdir/", "newdir/one"])
        #expect(box.read("b1/d/f") == "changed, longer")
    }

    @Test func aFileApprovedForDeletionThatReappearedInTheSourceIsKept() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1, extra: ", \"maxDeletePercent\": 100")
        try box.writeAlike("k", at: "keep", in: ["b1", "w"])
        try box.write("stale", at: "w/back")
        try box.write("stale", at: "w/dir/inner")
        let run = try Binary.start(
            Binary.micsync, ["work", "-d", "w"], directory: box.root, environment: box.environment)
        defer { run.kill() }
        try await run.waitForStderr(containing: "Delete 3 items")
        try box.write("it came back", at: "b1/back")
        try box.write("so did this", at: "b1/dir/inner")
        try run.stdin.write(contentsOf: Data("d\n".utf8))
        await run.finish()
        run.result.expect(status: 0)
        // Neither deleted nor overwritten: that was not asked.
        #expect(box.read("w/back") == "stale")
        #expect(box.read("w/dir/inner") == "stale")
        #expect(run.stderr.contains("back in the source since the plan; kept:"), "\(run.stderr)")
        #expect(run.stdout.contains("0 deleted"), "\(run.stdout)")
    }
}
