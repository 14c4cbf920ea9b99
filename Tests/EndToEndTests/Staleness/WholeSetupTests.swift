import Foundation
import Testing

/// `micsync backup` without paths backs up the whole setup, and paths of several configurations are each
/// handled in their own configuration.
@Suite struct WholeSetupTests {
    /// "docs": WORKING `w1` → BACKUP `b1`; "photos": WORKINGs `w2`, `w3` → BACKUP `b2`; a file in each WORKING.
    private func twoConfigurations() throws -> Sandbox {
        let box = try Sandbox()
        for name in ["w1", "w2", "w3", "b1", "b2"] { try box.makeDirectory(name) }
        try box.write("doc", at: "w1/doc")
        try box.write("photo", at: "w2/photo")
        try box.write("raw", at: "w3/raw")
        try box.configure([("docs", ["w1"], ["b1"]), ("photos", ["w2", "w3"], ["b2"])])
        return box
    }

    @Test func backupWithoutPathsBacksUpEveryWorkingOfEveryConfiguration() async throws {
        let box = try twoConfigurations()
        let dry = try await box.expectRun(["backup", "-n"], status: 0)
        #expect(box.tree("b1").isEmpty && box.tree("b2").isEmpty, "a dry run changes nothing: \(dry)")
        for line in ["configuration docs:", "configuration photos:", "backup: from WORKING \(box.path("w3"))"] {
            #expect(dry.stdout.contains(line), "\(line): \(dry)")
        }
        #expect(dry.stdout.components(separatedBy: "dry run: nothing was changed").count == 4, "\(dry)")

        try await box.expectRun(["backup"], status: 0)
        #expect(box.read("b1/doc") == "doc" && box.read("b2/photo") == "photo" && box.read("b2/raw") == "raw")
        let runs = try box.journalEntries().map { $0["source"] as? String }
        #expect(runs == [box.path("w1"), box.path("w2"), box.path("w3")], "one run per WORKING: \(runs)")
    }

    @Test func configNameAloneBacksUpThatConfigurationInTheOriginalSpellingToo() async throws {
        let box = try twoConfigurations()
        try await box.expectRun(["--backup", "-m", "--config-name", "photos"], status: 0)
        #expect(box.read("b2/photo") == "photo" && box.read("b2/raw") == "raw")
        #expect(box.tree("b1").isEmpty, "docs is not backed up")

        try await box.expectRun(["--backup", "-m"], status: 0)
        #expect(box.read("b1/doc") == "doc")
    }

    @Test func pathsOfSeveralConfigurationsAreEachBackedUpInTheirOwn() async throws {
        let box = try twoConfigurations()
        try box.write("modified", at: "b1/doc")
        let result = try await box.expectRun(["backup", "-m", "w1/doc", "w2/photo"], status: 0)
        #expect(box.read("b1/doc") == "doc", "\(result)")
        #expect(box.read("b2/photo") == "photo")
        #expect(!box.exists("b2/raw"), "only the paths given")
        let paths = try box.journalEntries().map { $0["paths"] as? [String] }
        #expect(paths == [["doc"], ["photo"]], "\(paths)")
    }

    @Test func aFailedConfigurationDoesNotStopTheNextAndSetsTheExitStatus() async throws {
        let box = try twoConfigurations()
        try FileManager.default.removeItem(atPath: box.path("w2"))
        let result = try await box.expectRun(["backup"], status: 3)
        #expect(box.read("b1/doc") == "doc" && box.read("b2/raw") == "raw", "\(result)")
        #expect(result.stderr.contains("micsync: 1 of 3 runs did not end well, as said above: photos"), "\(result)")
    }

    @Test func otherActionsStillNeedAPath() async throws {
        let box = try twoConfigurations()
        let result = try await box.expectRun(["work"], status: 2)
        #expect(result.stderr.contains("give at least one path"), "\(result)")
    }
}
