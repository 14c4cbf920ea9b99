import Foundation
import Testing

/// `micsync diff`: both directions, by quick check or by content, changing nothing.
@Suite struct DiffTests {
    @Test func showsBothDirectionsAndChangesNothing() async throws {
        let box = try Sandbox()
        try box.standard()
        try box.writeAlike("same", at: "docs/same", in: ["w", "b1"])
        try box.write("same", at: "b2/docs/same")
        try box.touch("w/docs/same", secondsAgo: 100)
        try box.touch("b1/docs/same", secondsAgo: 100)
        try box.touch("b2/docs/same", secondsAgo: 100)
        try box.write("only in working", at: "w/docs/mine")
        try box.write("only in backup", at: "b1/docs/theirs")
        try box.write("short", at: "w/docs/changed")
        try box.write("longer text", at: "b1/docs/changed")
        try box.touch("w/docs/changed", secondsAgo: 50)
        try box.touch("b1/docs/changed", secondsAgo: 100)
        let before = (box.tree("w"), box.tree("b1"))

        let result = try await box.expectRun(["diff", "b1/docs"], status: 1, "differences found")
        #expect(
            result.stdout.contains(
                """
                BACKUP \(box.path("b1")):
                  only in WORKING (1):
                    docs/mine
                  only in BACKUP (1):
                    docs/theirs
                  differing (1):
                    docs/changed  (newer in WORKING)
                """), "\(result)")
        #expect(
            result.stdout.contains(
                "BACKUP \(box.path("b2")):\n  only in WORKING (2):\n    docs/changed\n"
                    + "    docs/mine"),
            "\(result)")
        #expect(box.tree("w") == before.0 && box.tree("b1") == before.1)

        let same = try await box.expectRun(["diff", "w/docs/same"], status: 0, "nothing differs")
        #expect(same.stdout.contains("BACKUP \(box.path("b1")): identical"), "\(same)")

        try box.touch("b1/docs/changed", secondsAgo: 10)
        let backupNewer = try await box.expectRun(["diff", "w/docs/changed"], status: 1)
        #expect(backupNewer.stdout.contains("docs/changed  (newer in BACKUP)"), "\(backupNewer)")
    }

    @Test func aPathOnlyInTheBackupIsOnlyInTheBackup() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        try box.write("gone", at: "b1/old/file")
        let result = try await box.expectRun(["diff", "w/old"], status: 1)
        #expect(result.stdout.contains("only in BACKUP (2):\n    old/\n    old/file"), "\(result)")
        try await box.expectRun(["diff", "w/nowhere"], status: 3)
    }

    @Test func checksumFindsSameSizeAndTimeWithOtherContent() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        try box.write("aaaa", at: "w/file")
        try box.write("bbbb", at: "b1/file")
        try box.touch("w/file", secondsAgo: 500)
        try box.touch("b1/file", secondsAgo: 500)

        let quick = try await box.expectRun(["diff", "w"], status: 0)
        #expect(quick.stdout.contains("BACKUP \(box.path("b1")): identical"), "\(quick)")
        let content = try await box.expectRun(["diff", "--checksum", "w"], status: 1)
        #expect(content.stdout.contains("by content"))
        #expect(content.stdout.contains("differing (1):\n    file  (same modification time)"), "\(content)")
    }

    @Test func jsonListsEachSide() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        try box.write("12345", at: "w/mine")
        try box.write("123", at: "b1/theirs")
        try box.write("old", at: "w/both")
        try box.write("new!", at: "b1/both")
        try box.touch("w/both", secondsAgo: 100)
        let result = try await box.expectRun(["diff", "--json", "w"], status: 1)
        let json = try box.jsonObject(result.stdout)
        #expect((json["working"] as? [String: Any])?["path"] as? String == box.path("w"))
        let side = try #require((json["backups"] as? [[String: Any]])?.first)
        let onlyInWorking = try #require(side["onlyInWorking"] as? [String: Any])
        #expect(onlyInWorking["count"] as? Int == 1 && onlyInWorking["bytes"] as? Int == 5)
        let theirs = try #require((side["onlyInBackup"] as? [String: Any])?["items"] as? [[String: Any]])
        #expect(theirs.first?["path"] as? String == "theirs")
        let differing = try #require((side["differing"] as? [String: Any])?["items"] as? [[String: Any]])
        #expect(differing.count == 1 && differing.first?["path"] as? String == "both")
        #expect(differing.first?["newer"] as? String == "BACKUP", "\(result)")
    }

    @Test func skipsAnUnpluggedBackup() async throws {
        let box = try Sandbox()
        try box.makeDirectory("w")
        try box.makeDirectory("b1")
        try box.configure([("main", ["w"], ["b1", "unplugged"])])
        try box.write("x", at: "w/x")
        let result = try await box.expectRun(["diff", "w"], status: 1)
        #expect(result.stderr.contains("skipping BACKUP \(box.path("unplugged"))"))
        #expect(!result.stdout.contains("unplugged"))
    }
}
