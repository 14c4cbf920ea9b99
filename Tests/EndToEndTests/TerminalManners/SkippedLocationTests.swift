import Foundation
import Testing

/// A skipped location is never silent at the end, `--strict` makes it fail, and `-n --create` creates nothing.
@Suite struct SkippedLocationTests {
    /// WORKING `w` with a file, BACKUP `b1` plugged in, BACKUP `b2` unplugged (never created).
    private func oneUnplugged() throws -> Sandbox {
        let box = try Sandbox()
        try box.write("a", at: "w/a")
        try box.makeDirectory("b1")
        try box.configure([("main", ["w"], ["b1", "b2"])])
        return box
    }

    @Test func theFinalSummaryNamesTheUnpluggedBackup() async throws {
        let box = try oneUnplugged()
        let result = try await box.expectRun(["backup", "w"], status: 0)
        let last = result.stderr.split(separator: "\n").last.map(String.init) ?? ""
        #expect(last == "not written: BACKUP \(box.path("b2")) (does not exist yet)", "\(result)")
        #expect(box.read("b1/a") == "a")
    }

    @Test func strictTurnsASkippedBackupIntoExit3() async throws {
        let box = try oneUnplugged()
        let result = try await box.expectRun(["backup", "--strict", "w"], status: 3)
        #expect(result.stderr.contains("not written: BACKUP \(box.path("b2"))"), "\(result)")
        #expect(result.stderr.contains("micsync: --strict: 1 location was not written"), "\(result)")
        #expect(box.read("b1/a") == "a", "the plugged-in BACKUP is still written")
        try await box.expectRun(["backup", "--strict", "-n", "w"], status: 3, "a dry run tells a timer as well")

        try box.makeDirectory("b2")
        try await box.expectRun(["backup", "--strict", "w"], status: 0, "nothing skipped")
        #expect(box.read("b2/a") == "a")
    }

    @Test func aBackupTheUserDidNotSelectIsNotSkipped() async throws {
        let box = try oneUnplugged()
        let result = try await box.expectRun(["backup", "--strict", "--to", "0", "w"], status: 0)
        #expect(!result.stderr.contains("not written"), "b2 was not selected: \(result)")
        #expect(box.read("b1/a") == "a")
        let json = try box.jsonObject(
            try await box.expectRun(["backup", "-n", "--json", "--to", box.path("b1"), "w"], status: 0).stdout)
        #expect((json["skipped"] as? [Any])?.isEmpty == true, "\(json)")
    }

    @Test func aDryRunWithCreateTouchesNothing() async throws {
        let box = try oneUnplugged()
        let result = try await box.expectRun(["backup", "-n", "--create", "w"], status: 0)
        #expect(!box.exists("b2"), "the new BACKUP is not made by a dry run: \(result)")
        #expect(result.stdout.contains("BACKUP \(box.path("b2"))"), "its plan is shown: \(result)")
        #expect(result.stdout.contains("a"), "\(result)")
        #expect(result.stdout.contains("dry run: nothing was changed"))
        #expect(box.tree("b1").isEmpty)

        let json = try box.jsonObject(
            try await box.expectRun(["backup", "-n", "--create", "--json", "w"], status: 0).stdout)
        let planned = (json["destinations"] as? [[String: Any]])?.compactMap {
            ($0["location"] as? [String: Any])?["path"] as? String
        }
        #expect(planned == [box.path("b1"), box.path("b2")], "\(json)")
        #expect((json["skipped"] as? [Any])?.isEmpty == true, "planned, so not skipped: \(json)")
        #expect(!box.exists("b2"))

        try await box.expectRun(["backup", "--create", "w"], status: 0)
        #expect(box.read("b2/a") == "a")
    }
}
