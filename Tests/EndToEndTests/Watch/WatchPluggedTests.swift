import Foundation
import Testing

/// `micsync watch` with `"auto": "plugged"` on real mounts: an ext4 image on a loop device plugged in and out
/// at a BACKUP's path, and a bind mount of an empty folder standing in for the wrong disc.
@Suite(.enabled(if: DiscImage.ext4Unavailable == nil, "\(DiscImage.ext4Unavailable ?? "")"), .serialized)
struct WatchPluggedTests {
    /// WORKING `w` holding `a`, BACKUP `disc` (an ext4 image, unplugged), backed up when plugged in.
    private func sandbox() throws -> (Sandbox, DiscImage) {
        let box = try Sandbox()
        try box.write("one", at: "w/a")
        let disc = try DiscImage(.ext4, in: box, mounted: false)
        try box.configure([("main", ["w"], ["disc"])], extra: #", "auto": "plugged""#)
        return (box, disc)
    }

    @Test func aDiscPluggedInIsBackedUpAndAgainWhenPluggedInAgain() throws {
        let (box, disc) = try sandbox()
        defer { disc.unmount() }
        let watcher = try WatchProcess(in: box)
        defer { watcher.stop() }
        #expect(box.tree("disc").isEmpty, "nothing runs before a disc is plugged in")

        try disc.mount()
        #expect(waitUntil(30) { box.read("disc/a") == "one" }, "backed up once plugged in: \(watcher.stdout)")
        #expect(watcher.waitForRuns(1))
        #expect(
            watcher.runLines.first?.contains("backup main → \(box.path("disc")): 1 copied") == true, "\(watcher.stdout)"
        )

        disc.unmount()
        try box.write("two", at: "w/b")
        usleep(1_500_000)
        #expect(box.tree("disc").isEmpty, "the bare mount point is never written: \(watcher.stdout)")
        #expect(watcher.runLines.count == 1, "unplugging runs nothing: \(watcher.stdout)")

        try disc.mount()
        #expect(waitUntil(30) { box.read("disc/b") == "two" }, "backed up again: \(watcher.stdout)")
        #expect(watcher.waitForRuns(2))
        #expect(watcher.runLines.last?.contains(": 1 copied") == true, "\(watcher.stdout)")
        let result = watcher.stop()
        result.expect(status: 143, "SIGTERM ends watch")
        let journal = try box.journalEntries()
        #expect(journal.count == 2 && journal.allSatisfy { $0["automatic"] as? Bool == true }, "\(journal)")
    }

    @Test func anEmptyFolderMountedAtTheDiscsPathIsNeverWritten() throws {
        let (box, disc) = try sandbox()
        defer { disc.unmount() }
        try disc.mount()
        try box.expectRun(["backup", "w"], status: 0, "a typed run leaves the disc's marker")
        disc.unmount()
        try box.write("two", at: "w/b")
        try box.makeDirectory("empty")
        let watcher = try WatchProcess(in: box)
        defer { watcher.stop() }

        let wrongDisc = try #require(try BindMount(box.path("empty"), at: box.path("disc")))
        defer { wrongDisc.unmount() }
        usleep(1_500_000)
        #expect(box.tree("empty").isEmpty, "another folder at the path is never written: \(watcher.stdout)")
        #expect(watcher.runLines.isEmpty, "\(watcher.stdout)")
        wrongDisc.unmount()

        try disc.mount()
        #expect(waitUntil(30) { box.read("disc/b") == "two" }, "the right disc is: \(watcher.stdout)")
        #expect(box.tree("empty").isEmpty)
    }

    @Test func anIntervalThatCameRoundWhileTheDiscWasAwayRunsWhenItIsPluggedIn() throws {
        let (box, disc) = try sandbox()
        defer { disc.unmount() }
        try box.configure([("main", ["w"], ["disc"])], extra: #", "auto": "1h""#)
        try disc.mount()
        try box.expectRun(["backup", "w"], status: 0, "a typed run leaves the disc's marker")
        disc.unmount()
        try box.write("two", at: "w/b")
        let watcher = try WatchProcess(in: box)
        defer { watcher.stop() }
        #expect(watcher.waitForRuns(1), "due at once: never run by itself")
        #expect(
            watcher.runLines.first?.contains("not done (exit 3)") == true
                && watcher.runLines.first?.contains("not mounted?") == true, "\(watcher.stdout)")
        #expect(box.tree("disc").isEmpty, "the bare mount point is never written")

        try disc.mount()
        #expect(waitUntil(30) { box.read("disc/b") == "two" }, "the overdue backup runs: \(watcher.stdout)")
        #expect(watcher.waitForRuns(2))
        #expect(watcher.runLines.last?.contains(": 1 copied") == true, "\(watcher.stdout)")
    }

    @Test func aSymlinkRepointedAtAnotherFolderIsNeverWritten() throws {
        let (box, disc) = try sandbox()
        defer { disc.unmount() }
        try FileManager.default.createSymbolicLink(atPath: box.path("link"), withDestinationPath: "disc")
        try box.configure([("main", ["w"], ["link"])], extra: #", "auto": "plugged""#)
        try disc.mount()
        try box.expectRun(["backup", "w"], status: 0, "a typed run leaves the disc's marker")
        disc.unmount()
        try box.makeDirectory("other")
        try FileManager.default.removeItem(atPath: box.path("link"))
        try FileManager.default.createSymbolicLink(atPath: box.path("link"), withDestinationPath: "other")
        try box.write("two", at: "w/b")
        let watcher = try WatchProcess(in: box)
        defer { watcher.stop() }

        try disc.mount()
        usleep(1_500_000)
        #expect(box.tree("other").isEmpty, "the folder the symlink points at now is never written: \(watcher.stdout)")
        #expect(watcher.runLines.isEmpty, "\(watcher.stdout)")
        #expect(box.read("disc/b") == nil)

        // Pointed back at the disc, plugged in again: that is the disc micsync knows.
        try FileManager.default.removeItem(atPath: box.path("link"))
        try FileManager.default.createSymbolicLink(atPath: box.path("link"), withDestinationPath: "disc")
        disc.unmount()
        try disc.mount()
        #expect(waitUntil(30) { box.read("disc/b") == "two" }, "\(watcher.stdout)")
        #expect(box.tree("other").isEmpty)
    }
}
