import Foundation
import Testing

/// `micsync watch` with `"auto": "plugged"` on real mounts: an ext4 image on a loop device plugged in and out
/// at a BACKUP's path, and a bind mount of an empty folder standing in for the wrong disc.
@Suite(.enabled(if: DiscImage.ext4Unavailable == nil, "\(DiscImage.ext4Unavailable ?? "")"), .serialized)
struct WatchPluggedTests {
    /// WORKING `w` holding `a`, BACKUP `disc` (an ext4 image, unplugged), backed up when plugged in.
    private func sandbox() async throws -> (Sandbox, DiscImage) {
        let box = try Sandbox()
        try box.write("one", at: "w/a")
        let disc = try await DiscImage(.ext4, in: box, mounted: false)
        try box.configure([("main", ["w"], ["disc"])], extra: #", "auto": "plugged""#)
        return (box, disc)
    }

    @Test func aDiscPluggedInIsBackedUpAndAgainWhenPluggedInAgain() async throws {
        let (box, disc) = try await sandbox()
        defer { disc.unmount() }
        let watcher = try await WatchProcess(in: box)
        defer { watcher.kill() }
        #expect(await watcher.waitUntilWaiting())
        #expect(box.tree("disc").isEmpty, "nothing runs before a disc is plugged in")

        try await disc.mount()
        #expect(await waitUntil(30) { box.read("disc/a") == "one" }, "backed up once plugged in: \(watcher.stdout)")
        #expect(await watcher.waitForRuns(1))
        #expect(
            watcher.runLines.first?.contains("backup main → \(box.path("disc")): 1 copied") == true, "\(watcher.stdout)"
        )

        try box.write("two", at: "w/b")
        try await watcher.afterItLooks { await disc.unplug() }
        #expect(box.tree("disc").isEmpty, "the bare mount point is never written: \(watcher.stdout)")
        #expect(watcher.runLines.count == 1, "unplugging runs nothing: \(watcher.stdout)")

        try await disc.mount()
        #expect(await waitUntil(30) { box.read("disc/b") == "two" }, "backed up again: \(watcher.stdout)")
        #expect(await watcher.waitForRuns(2))
        #expect(watcher.runLines.last?.contains(": 1 copied") == true, "\(watcher.stdout)")
        await watcher.stop().expect(status: 143, "SIGTERM ends watch")
        let journal = try box.journalEntries()
        #expect(journal.count == 2 && journal.allSatisfy { $0["automatic"] as? Bool == true }, "\(journal)")
    }

    /// A disc plugged in while the configuration file is broken (half-saved, say) is not backed up by a file
    /// that cannot be read: the run is said and journaled with why, and done once the file is fixed.
    @Test func aRunMissedWhileTheConfigurationIsBrokenIsDoneOnceItIsFixed() async throws {
        let (box, disc) = try await sandbox()
        defer { disc.unmount() }
        let watcher = try await WatchProcess(in: box)
        defer { watcher.kill() }
        #expect(await watcher.waitUntilWaiting())
        let good = try String(contentsOfFile: box.configFile, encoding: .utf8)
        try box.write("{\"configs\": [", to: box.configFile)
        try await watcher.afterItLooks { try await disc.mount() }
        #expect(box.read("disc/a") == nil, "not backed up by a file that cannot be read: \(watcher.stdout)")
        #expect(
            watcher.runLines.first?.contains("backup main: not done (exit 2)") == true
                && watcher.runLines.first?.contains("it runs once the file is fixed") == true, "\(watcher.stdout)")
        let missed = try #require(try box.journalEntries().last, "journaled")
        #expect(missed["exitCode"] as? Int == 2 && missed["automatic"] as? Bool == true, "\(missed)")
        #expect((missed["reason"] as? String)?.contains(box.configFile) == true, "\(missed)")

        try box.write(good, to: box.configFile)
        #expect(await waitUntil(30) { box.read("disc/a") == "one" }, "done once fixed: \(watcher.stdout)")
        #expect(await watcher.waitForRuns(2))
        #expect(watcher.runLines.last?.contains(": 1 copied") == true, "\(watcher.stdout)")
    }

    @Test func anEmptyFolderMountedAtTheDiscsPathIsNeverWritten() async throws {
        let (box, disc) = try await sandbox()
        defer { disc.unmount() }
        try await disc.mount()
        try await box.expectRun(["backup", "w"], status: 0, "a typed run leaves the disc's marker")
        await disc.unplug()
        try box.write("two", at: "w/b")
        try box.makeDirectory("empty")
        let watcher = try await WatchProcess(in: box)
        defer { watcher.kill() }

        let wrongDisc = try await watcher.afterItLooks {
            try #require(try BindMount(box.path("empty"), at: box.path("disc")))
        }
        defer { wrongDisc.unmount() }
        #expect(box.tree("empty").isEmpty, "another folder at the path is never written: \(watcher.stdout)")
        #expect(watcher.runLines.isEmpty, "\(watcher.stdout)")
        wrongDisc.unmount()

        try await disc.mount()
        #expect(await waitUntil(30) { box.read("disc/b") == "two" }, "the right disc is: \(watcher.stdout)")
        #expect(box.tree("empty").isEmpty)
        await watcher.stop().expect(status: 143)
    }

    @Test func anIntervalThatCameRoundWhileTheDiscWasAwayRunsWhenItIsPluggedIn() async throws {
        let (box, disc) = try await sandbox()
        defer { disc.unmount() }
        try box.configure([("main", ["w"], ["disc"])], extra: #", "auto": "1h""#)
        try await disc.mount()
        try await box.expectRun(["backup", "w"], status: 0, "a typed run leaves the disc's marker")
        await disc.unplug()
        try box.write("two", at: "w/b")
        let watcher = try await WatchProcess(in: box)
        defer { watcher.kill() }
        #expect(await watcher.waitForRuns(1), "due at once: never run by itself")
        #expect(
            watcher.runLines.first?.contains("not done (exit 3)") == true
                && watcher.runLines.first?.contains("not mounted?") == true, "\(watcher.stdout)")
        #expect(box.tree("disc").isEmpty, "the bare mount point is never written")

        try await disc.mount()
        #expect(await waitUntil(30) { box.read("disc/b") == "two" }, "the overdue backup runs: \(watcher.stdout)")
        #expect(await watcher.waitForRuns(2))
        #expect(watcher.runLines.last?.contains(": 1 copied") == true, "\(watcher.stdout)")
        await watcher.stop().expect(status: 143)
    }

    @Test func aSymlinkRepointedAtAnotherFolderIsNeverWritten() async throws {
        let (box, disc) = try await sandbox()
        defer { disc.unmount() }
        try FileManager.default.createSymbolicLink(atPath: box.path("link"), withDestinationPath: "disc")
        try box.configure([("main", ["w"], ["link"])], extra: #", "auto": "plugged""#)
        try await disc.mount()
        try await box.expectRun(["backup", "w"], status: 0, "a typed run leaves the disc's marker")
        await disc.unplug()
        try box.makeDirectory("other")
        try FileManager.default.removeItem(atPath: box.path("link"))
        try FileManager.default.createSymbolicLink(atPath: box.path("link"), withDestinationPath: "other")
        try box.write("two", at: "w/b")
        let watcher = try await WatchProcess(in: box)
        defer { watcher.kill() }

        try await watcher.afterItLooks { try await disc.mount() }
        #expect(box.tree("other").isEmpty, "the folder the symlink points at now is never written: \(watcher.stdout)")
        #expect(watcher.runLines.isEmpty, "\(watcher.stdout)")
        #expect(box.read("disc/b") == nil)

        // Pointed back at the disc, plugged in again: that is the disc micsync knows.
        try FileManager.default.removeItem(atPath: box.path("link"))
        try FileManager.default.createSymbolicLink(atPath: box.path("link"), withDestinationPath: "disc")
        await disc.unplug()
        try await disc.mount()
        #expect(await waitUntil(30) { box.read("disc/b") == "two" }, "\(watcher.stdout)")
        #expect(box.tree("other").isEmpty)
        await watcher.stop().expect(status: 143)
    }
}
