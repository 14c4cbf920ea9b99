import Foundation
import TestSupport
import Testing

/// `micsync verify`: a copy corrupted on the disc, same size and same time, is found; nothing is changed.
@Suite struct VerifyTests {
    /// WORKING and both BACKUPs hold the same two photos with the same times; then one byte of b1's copy of
    /// `photos/b.raw` is flipped in place and its time put back, as bit rot would leave it.
    func corruptedBackup() throws -> Sandbox {
        let box = try Sandbox()
        try box.standard()
        let content = String(repeating: "0123456789abcdef", count: 4096)
        for location in ["w", "b1", "b2"] {
            try box.write(content, at: "\(location)/photos/a.raw")
            try box.write(content + "b", at: "\(location)/photos/b.raw")
            try box.touch("\(location)/photos/a.raw", secondsAgo: 1000)
            try box.touch("\(location)/photos/b.raw", secondsAgo: 1000)
        }
        let rotten = try FileHandle(forUpdating: URL(fileURLWithPath: box.path("b1/photos/b.raw")))
        try rotten.seek(toOffset: 30_000)
        try rotten.write(contentsOf: Data("X".utf8))
        try rotten.close()
        try box.touch("b1/photos/b.raw", secondsAgo: 1000)
        return box
    }

    @Test(arguments: ["verify", "--verify"])
    func findsACorruptedByteOfEqualSizeAndTime(spelling: String) async throws {
        let box = try corruptedBackup()
        try await box.expectRun(["diff", "w/photos"], status: 0, "the quick check sees nothing")

        let result = try await box.expectRun([spelling, "w/photos"], status: 1)
        #expect(result.stdout.contains("compared by content"), "\(result)")
        #expect(
            result.stdout.contains(
                """
                BACKUP \(box.path("b1")):
                  differing (1):
                    photos/b.raw  (same modification time)
                """), "\(result)")
        #expect(result.stdout.contains("BACKUP \(box.path("b2")): identical"), "\(result)")
        let rotten = try #require(box.read("b1/photos/b.raw"))
        #expect(rotten.contains("X"), "verify never repairs")
        #expect(!FileManager.default.fileExists(atPath: box.journalFile), "a read-only run journals nothing")
    }

    @Test func everyBackupIntactExitsZero() async throws {
        let box = try Sandbox()
        try box.standard()
        try box.write("same", at: "w/docs/a")
        try await box.expectRun(["backup", "w/docs"], status: 0)
        let result = try await box.expectRun(["verify", "b2/docs"], status: 0)
        #expect(result.stdout.contains("BACKUP \(box.path("b1")): identical"), "\(result)")
        #expect(result.stdout.contains("BACKUP \(box.path("b2")): identical"), "\(result)")
    }

    @Test func jsonNamesTheCorruptedCopy() async throws {
        let box = try corruptedBackup()
        let result = try await box.expectRun(["verify", "--json", "w/photos"], status: 1)
        let json = try box.jsonObject(result.stdout)
        #expect(json["checksum"] as? Bool == true)
        let backups = try #require(json["backups"] as? [[String: Any]])
        let differing = backups.map { (($0["differing"] as? [String: Any])?["items"] as? [[String: Any]]) ?? [] }
        #expect(differing.map(\.count) == [1, 0], "\(result)")
        #expect(differing[0].first?["path"] as? String == "photos/b.raw")
        #expect(differing[0].first?["newer"] as? String == "same")
    }

    @Test func anUnreadableCopyIsAFailure() async throws {
        let box = try corruptedBackup()
        let result = try await box.expectRunUnprivileged(
            ["verify", "w/photos"], unreadable: ["w/photos/a.raw"], status: 1)
        #expect(result.stdout.contains("photos/a.raw  (cannot be read in WORKING \(box.path("w")))"), "\(result)")
    }

    @Test func answersToHelpInBothSpellings() async throws {
        let box = try Sandbox()
        for arguments in [["verify", "--help"], ["--verify", "--help"], ["help", "verify"]] {
            let result = try await box.expectRun(arguments, status: 0, "\(arguments)")
            #expect(result.stdout.contains("bit rot") && result.stdout.contains("Examples:"), "\(arguments): \(result)")
        }
    }
}
