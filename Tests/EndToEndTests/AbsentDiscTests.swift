import Foundation
import Testing

/// A location is never created where a disc is missing: under the empty mount point of a disc that is not
/// plugged in, the folder would land on the system disc, and every run after would back up there.
@Suite(.enabled(if: DiscImage.ext4Unavailable == nil, "\(DiscImage.ext4Unavailable ?? "")"), .serialized)
struct AbsentDiscTests {
    @Test func aBackupUnderAnUnpluggedDiscsMountPointIsNeverCreated() async throws {
        let box = try Sandbox()
        // Where removable discs are mounted: below /mnt, on the system disc while the disc is out.
        let media = "/mnt/micsync-e2e-\(UUID().uuidString.prefix(8))"
        let disc = try await DiscImage(.ext4, in: box, mountPoint: media + "/discB")
        defer {
            disc.unmount()
            try? FileManager.default.removeItem(atPath: media)
        }
        let documents = media + "/discB/Documents"
        try box.makeDirectory("w")
        try box.write("a", at: "w/a")
        try box.write(
            #"{"configs": [{"name": "main", "work": ["\#(box.path("w"))"], "backup": ["\#(documents)"], "auto": "1s"}]}"#,
            to: box.configFile)

        // Plugged in: the question says where the folder would be made.
        let asked = try await box.expectRunInTerminal(
            ["backup", "w"], input: "n\n", environment: ["COLUMNS": "300"], status: 3)
        let device = try #require(disc.device)
        #expect(
            asked.stdout.contains("create it on \(device) (ext4, mounted at \(media)/discB, ")
                && asked.stdout.contains(" free)?"), "\(asked)")

        disc.unmount()
        for arguments in [["backup", "--create", "-m", "w"], ["backup", "-m", "w"]] {
            let refused = try await box.expectRun(arguments, status: 3)
            #expect(
                refused.stderr.contains("\(media)/discB is an empty folder on the system disc")
                    && refused.stderr.contains("not a mounted disc") && refused.stderr.contains("plug the disc in"),
                "\(arguments): \(refused)")
        }
        let atTerminal = try await box.expectRunInTerminal(["backup", "w"], input: "y\n", status: 3)
        #expect(!atTerminal.stdout.contains("create it"), "never asked: \(atTerminal)")
        let status = try await box.expectRun(["status"], status: 0)
        #expect(status.stdout.contains("not a mounted disc"), "\(status)")

        let watcher = try await WatchProcess(in: box)
        defer { watcher.kill() }
        #expect(await watcher.waitForRuns(2), "two automatic runs: \(watcher.stdout)")
        await watcher.stop()
        #expect(!FileManager.default.fileExists(atPath: documents), "nothing was created on the system disc")
        #expect((try? FileManager.default.contentsOfDirectory(atPath: media + "/discB")) == [])
    }
}
