import Foundation
import Testing

/// micsync's own folders are outside every sync by construction: `.micsync` at a location's root and in any
/// location nested in it, and the state folder where a location holds it; no exclude pattern brings them back.
@Suite struct BoundaryTests {
    /// Config one `w1 → b1`, config two `w1/proj → b2`; two has run both ways, so `w1/proj/.micsync` holds its
    /// marker, lock and a trash folder with what its `work` replaced.
    func nestedLocations(_ box: Sandbox) async throws {
        for name in ["w1/proj", "b1", "b2"] { try box.makeDirectory(name) }
        try box.configure([("one", ["w1"], ["b1"]), ("two", ["w1/proj"], ["b2"])])
        try box.write("top", at: "w1/top")
        try box.write("old", at: "w1/proj/doc")
        try await box.expectRun(["backup", "-m", "--config-name", "two", "w1/proj"], status: 0)
        try box.write("newer in b2", at: "b2/doc")
        try box.touch("b2/doc", secondsAgo: -5)
        try await box.expectRun(["work", "-m", "--config-name", "two", "w1/proj"], status: 0)
        #expect(box.read("w1/proj/doc") == "newer in b2")
    }

    /// Everything below `relative`'s `.micsync`, as `find` lists it.
    func ownFolder(_ box: Sandbox, _ relative: String) -> [String] {
        (FileManager.default.subpaths(atPath: box.path(relative + "/.micsync")) ?? []).sorted()
    }

    @Test func aLocationNestedInAnotherConfigurationsLocationKeepsItsOwnFolder() async throws {
        let box = try Sandbox()
        try await nestedLocations(box)
        let inner = ownFolder(box, "w1/proj")
        #expect(inner.contains("id") && inner.contains { $0.hasPrefix("trash/") }, "\(inner)")
        let marker = box.read("w1/proj/.micsync/id")

        let backup = try await box.expectRun(["backup", "-m", "--config-name", "one", "w1"], status: 0)
        #expect(!box.exists("b1/proj/.micsync"), "the inner location's folder is not copied: \(backup)")
        #expect(box.read("b1/proj/doc") == "newer in b2")

        let work = try await box.expectRun(["work", "-D", "--no-trash", "--config-name", "one", "w1"], status: 0)
        #expect(ownFolder(box, "w1/proj") == inner, "neither deleted nor overwritten: \(work)")
        #expect(box.read("w1/proj/.micsync/id") == marker)

        for command in [["diff", "w1"], ["verify", "w1"], ["status", "--changes"]] {
            let result = try await box.expectRun(command + ["--config-name", "one"], status: 0)
            #expect(!result.stdout.contains(".micsync/"), "\(command): \(result)")
        }
    }

    @Test func workingAtHomeConvergesAroundTheStateFolder() async throws {
        let box = try Sandbox()
        try box.makeDirectory("b1")
        try box.write("from the backup", at: "b1/notes")
        let config = try box.configure([("home", ["home"], ["b1"])], to: box.path("config.json"))
        // The first run makes the state folder in the WORKING, which the BACKUP has never seen.
        let first = try await box.expectRun(["work", "-D", "--config", config, "home"], status: 0)
        #expect(box.read("home/notes") == "from the backup", "\(first)")
        #expect(box.exists("home/.local/state/micsync/journal.jsonl"), "the state folder is kept")
        let second = try await box.expectRun(["work", "-D", "--config", config, "home"], status: 0)
        #expect(second.stdout.contains("nothing to do"), "\(second)")
        #expect(!second.stdout.contains(".local"), "\(second)")
    }

    @Test(arguments: ["!", "clear"])
    func anExcludeThatClearsTheListIsRefusedOnTheCommandLine(pattern: String) async throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        try box.write("a", at: "w/a")
        try await box.expectRun(["work", "-m", "w"], status: 0)
        let marker = box.read("w/.micsync/id")
        let refused = try await box.expectRun(["work", "-D", "--no-trash", "--exclude", pattern, "w"], status: 2)
        #expect(refused.stderr.contains("\"\(pattern)\" would clear the list"), "\(refused)")
        #expect(refused.stderr.contains("- \(pattern)"), "how to leave out a file of that name: \(refused)")
        #expect(box.read("w/.micsync/id") == marker, "micsync's folder is kept")
    }

    @Test func anExcludeThatClearsTheListIsAConfigurationError() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1, extra: ", \"exclude\": [\"*.tmp\", \"!\"]")
        try box.write("a", at: "w/a")
        let check = try await box.expectRun(["config", "check"], status: 2)
        #expect(check.stdout.contains("configs[0].exclude[1]") || check.stderr.contains("configs[0].exclude[1]"))
        #expect((check.stdout + check.stderr).contains("would clear the list"), "\(check)")
        let run = try await box.expectRun(["backup", "-m", "w"], status: 2)
        #expect(run.stderr.contains("configs[0].exclude[1]"), "\(run)")
        #expect(box.tree("b1").isEmpty, "nothing written")
    }
}
