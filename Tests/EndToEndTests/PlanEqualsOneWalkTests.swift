import Foundation
import Testing

@testable import MicsyncKit

/// What micsync plans and applies equals one `rsync -aH` walk, however the plan is cut: the cases where it
/// did not, each named (the differential test checks them at random).
@Suite struct PlanEqualsOneWalkTests {
    /// WORKING `w` and BACKUP `b1` of one configuration, synced in this process as an action would, its plan
    /// cut into `parts`.
    @MainActor func sync(
        _ box: Sandbox, toWorking: Bool = false, deletion: RunOptions.Deletion = .never, parts: Int,
        exclude: [String] = []
    ) throws -> InProcessSync {
        for name in ["w", "b1"] { try box.makeDirectory(name) }
        let working = Location(role: .working, index: 0, path: box.path("w"))
        let backup = Location(role: .backup, index: 0, path: box.path("b1"))
        let configuration = Configuration(name: "main", working: [working], backups: [backup], exclude: exclude)
        var options = RunOptions()
        (options.modify, options.deletion, options.trash, options.progress) = (true, deletion, false, false)
        return InProcessSync(
            configuration, from: toWorking ? backup : working, to: toWorking ? working : backup, options: options,
            parts: parts, state: box.path("state"))
    }

    func inode(_ box: Sandbox, _ relative: String) -> UInt64? {
        var info = stat()
        return stat(box.path(relative), &info) == 0 ? UInt64(info.st_ino) : nil
    }

    @Test(arguments: ["cache/", "/cache/", "**/cache/", "cach?/", "- cache/"])
    @MainActor func aFolderOnlyAtTheDestinationIsKeptByADirectoryOnlyRuleInParts(rule: String) async throws {
        let box = try Sandbox()
        let sync = try sync(box, toWorking: true, deletion: .always, parts: 3, exclude: [rule])
        for folder in ["a", "b", "c", "d"] { try box.writeAlike("same", at: "\(folder)/f", in: ["b1", "w"]) }
        try box.write("kept by the rule", at: "w/cache/notes")
        try box.write("gone", at: "w/b/old")
        let plan = try await sync.plan()
        #expect(plan.deleted.map(\.displayName) == ["b/old"], "\(plan.deleted.map(\.displayName))")
        let ran = await sync.run()
        #expect(ran.error == nil, "\(ran.output)")
        #expect(box.read("w/cache/notes") == "kept by the rule", "work -D without trash keeps what the rule protects")
        #expect(!box.exists("w/b/old"))
    }

    @Test func anUnreadableFolderStopsEveryDeletion() async throws {
        // As a user who cannot read the folder (the planning dry runs in parts, where the machine has cores to
        // spare): rsync skips every deletion after an I/O error, and so does micsync, in every part.
        let box = try Sandbox()
        try box.standard(backups: 1, extra: ", \"maxDeletePercent\": 100")
        for folder in ["a", "b", "c", "d"] { try box.writeAlike("same", at: "\(folder)/f", in: ["b1", "w"]) }
        try box.write("secret", at: "b1/b/locked/x")
        for folder in ["a", "c", "d"] { try box.write("only here", at: "w/\(folder)/extra") }
        let result = try await box.expectRunUnprivileged(
            ["work", "-D", "--no-trash", "w"], unreadable: ["b1/b/locked"], status: 1)
        #expect(result.stderr.contains("IO error encountered -- skipping file deletion"), "\(result)")
        for folder in ["a", "c", "d"] { #expect(box.read("w/\(folder)/extra") == "only here", "\(result)") }
    }

    @MainActor @Test func tenThousandLongNamesAtTheTopArePlannedInOneWalk() async throws {
        // Their names would not fit on the command lines of parts: the cut gives way to one walk.
        let box = try Sandbox()
        let sync = try sync(box, parts: 2)
        let long = String(repeating: "n", count: 200)
        for number in 0..<10_000 { try box.makeDirectory("w/\(number)-\(long)") }
        let plan = try await sync.plan()
        #expect(plan.new.count == 10_000)
    }

    @Test func aRelinkIsAppliedWithBothNames() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        try box.writeAlike("one file", at: "a/x", in: ["w", "b1"])
        try box.writeAlike("one file", at: "b/y", in: ["w", "b1"])
        try FileManager.default.removeItem(atPath: box.path("w/b/y"))
        try FileManager.default.linkItem(atPath: box.path("w/a/x"), toPath: box.path("w/b/y"))
        let first = try await box.expectRun(["backup", "-m", "w"], status: 0)
        #expect(inode(box, "b1/a/x") == inode(box, "b1/b/y"), "\(first)")
        #expect(first.stdout.contains("0 copied (0 B), 1 overwritten, 0 deleted"), "\(first)")
        let second = try await box.expectRun(["backup", "-m", "w"], status: 0)
        #expect(second.stdout.contains("nothing to do"), "\(second)")
    }

    @Test func aNewNameLinkedToOneAlreadyThereEndsAsAPair() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        try box.writeAlike("one file", at: "a/x", in: ["w", "b1"])
        try FileManager.default.linkItem(atPath: box.path("w/a/x"), toPath: box.path("w/a/y"))
        let first = try await box.expectRun(["backup", "-m", "w"], status: 0)
        #expect(inode(box, "b1/a/x") == inode(box, "b1/a/y"), "\(first)")
        #expect(first.stdout.contains("1 copied (0 B), 0 overwritten"), "a link writes no bytes: \(first)")
        try await box.expectRun(["backup", "-m", "w"], status: 0, "a second run has nothing to do")
    }

    @MainActor @Test func aPairSplitBetweenPartsAndStoredAsTwoCopiesIsPlannedAsOneWalk() async throws {
        let box = try Sandbox()
        let sync = try sync(box, parts: 2)
        for folder in ["a", "b", "c"] { try box.writeAlike("same", at: "\(folder)/f", in: ["w", "b1"]) }
        try box.writeAlike("one file", at: "a/x", in: ["w", "b1"])
        try box.writeAlike("one file", at: "c/y", in: ["w", "b1"])
        try FileManager.default.removeItem(atPath: box.path("w/c/y"))
        try FileManager.default.linkItem(atPath: box.path("w/a/x"), toPath: box.path("w/c/y"))
        let plan = try await sync.plan()
        #expect(plan.modified.count == 1 && plan.links.count == 1, "\(plan.modified.map(\.displayName)) \(plan.links)")
        let ran = await sync.run()
        #expect(ran.error == nil && inode(box, "b1/a/x") == inode(box, "b1/c/y"), "\(ran.output)")
        #expect(try await sync.plan().modified.isEmpty)
    }

    @Test func aTypeChangeWithoutDeletionIsOneModification() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        try box.write("a file now", at: "w/t")
        for name in ["one", "two"] { try box.write(name, at: "b1/t/\(name)") }
        try box.write("in a folder now", at: "w/u/inner")
        try box.write("a file then", at: "b1/u")
        let result = try await box.expectRun(["backup", "-m", "w"], status: 0)
        #expect(result.stdout.contains("1 copied (15 B), 2 overwritten, 0 deleted"), "\(result)")
        #expect(box.read("b1/t") == "a file now" && box.read("b1/u/inner") == "in a folder now")
        let log = try await box.expectRun(["log"], status: 0)
        #expect(log.stdout.contains("1 copied (15 B), 2 overwritten, 0 deleted"), "log shows the run's words: \(log)")
    }

    @Test func theLocationRootsOwnModeAndTimeAreSynced() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        try box.writeAlike("same", at: "f", in: ["w", "b1"])
        chmod(box.path("w"), 0o750)
        try box.touch("w", secondsAgo: 86_400)
        try await box.expectRun(["backup", "-m", "w"], status: 0)
        let (here, there) = (
            try FileManager.default.attributesOfItem(atPath: box.path("w")),
            try FileManager.default.attributesOfItem(atPath: box.path("b1"))
        )
        #expect(there[.posixPermissions] as? Int == 0o750)
        #expect(there[.modificationDate] as? Date == here[.modificationDate] as? Date)
    }
}
