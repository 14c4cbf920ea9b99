import Foundation
import Testing

/// Nothing lost: the mass-delete guard, one run per location,
/// interruption, and partial transfers.
@Suite struct SafetyTests {
    @Test func anEmptyBackupNeverEmptiesTheWorkingLocation() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        for name in ["a", "b", "c/d"] { try box.write(name, at: "w/photos/\(name)") }
        try box.makeDirectory("b1/photos/lost+found") // the disc is not mounted: an empty mount point
        let refused = try await box.expectRun(["work", "-D", "w/photos"], status: 5)
        #expect(refused.stderr.contains("is empty") && refused.stderr.contains("--force"), "\(refused)")
        #expect(box.tree("w/photos") == ["a", "b", "c/", "c/d"])

        try await box.expectRun(["work", "-D", "--force", "--no-trash", "w/photos"], status: 0)
        #expect(box.tree("w/photos") == ["lost+found/"])
    }

    @Test func deletingMoreThanMaxDeletePercentIsRefusedWithoutAskingAndSaidWhenAsking() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        for number in 0..<20 { try box.write("\(number)", at: "w/f\(number)") }
        for number in 0..<8 {
            try box.write("\(number)", at: "b1/f\(number)")
            // The same time on both sides, however slowly the files were written: only deletions differ.
            let sameTime: [FileAttributeKey: Any] = [.modificationDate: Date(timeIntervalSince1970: 1_700_000_000)]
            for side in ["w", "b1"] {
                try FileManager.default.setAttributes(sameTime, ofItemAtPath: box.path("\(side)/f\(number)"))
            }
        }
        let refused = try await box.expectRun(["work", "-D", "w"], status: 5)
        #expect(refused.stderr.contains("12 of 20 files") && refused.stderr.contains("maxDeletePercent"), "\(refused)")
        #expect(box.tree("w").count == 20)

        let dryRun = try await box.expectRun(["work", "-D", "-n", "w"], status: 0)
        #expect(dryRun.stderr.contains("would be refused"))

        let asked = try await box.expectRun(["work", "-d", "w"], input: "n\n", status: 0)
        #expect(asked.stderr.contains("this deletes 60% (12 of 20 files) of \(box.path("w"))"), "\(asked)")
        #expect(asked.stderr.contains("Delete 12 items"), "\(asked)")
        #expect(box.tree("w").count == 20)

        try box.standard(backups: 1, extra: ", \"maxDeletePercent\": 60")
        try await box.expectRun(["work", "-D", "w"], status: 0)
        #expect(box.tree("w") == (0..<8).map { "f\($0)" }.sorted())
    }

    @Test func theGuardWeighsOnlyWhatTheRunWouldTouchLeavingExcludedFilesOut() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1, extra: ", \"exclude\": [\"*.tmp\"]")
        // The BACKUP holds 2 of the 20 files that count; 300 excluded files sit beside them at both ends.
        for number in 0..<20 { try box.write("\(number)", at: "w/f\(number)") }
        for number in 0..<2 { try box.writeAlike("\(number)", at: "f\(number)", in: ["w", "b1"]) }
        for number in 0..<300 { try box.writeAlike("x", at: "cache/\(number).tmp", in: ["w", "b1"]) }
        let refused = try await box.expectRun(["work", "-D", "w"], status: 5)
        #expect(refused.stderr.contains("90% (18 of 20 files)"), "\(refused)")
        #expect(box.tree("w").count == 20 + 1 + 300)

        // An excluded file alone is no source: the disc looks unmounted, whatever the excluded file is.
        try FileManager.default.removeItem(atPath: box.path("b1/f0"))
        try FileManager.default.removeItem(atPath: box.path("b1/f1"))
        try box.write("swap", at: "b1/.session.swp")
        let empty = try await box.expectRun(["work", "-D", "--exclude", "*.swp", "w"], status: 5)
        #expect(empty.stderr.contains("is empty"), "\(empty)")
        #expect(box.tree("w").count == 20 + 1 + 300)
    }

    @Test func aHandfulOfDeletionsIsNeverRefused() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        for number in 0..<9 { try box.write("\(number)", at: "w/f\(number)") }
        try box.write("kept", at: "b1/f0")
        let result = try await box.expectRun(["work", "-m", "-D", "w"], status: 0)
        #expect(box.tree("w") == ["f0"])
        #expect(result.stdout.contains("8 deleted"), "\(result)")
    }

    @Test func aSecondRunOnTheSameDestinationFailsAtOnceNamingTheFirst() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        // The first run holds b1 while it waits for its answer.
        try await box.whileARunWaits { try await box.run(["backup", "-m", "w"]) }
    }

    @Test(arguments: [(SIGINT, Int32(130)), (SIGTERM, Int32(143)), (SIGHUP, Int32(129)), (SIGQUIT, Int32(130))])
    func aSignalMidTransferKeepsTheOldCopyAndLeavesNothingBehind(signal: Int32, expected: Int32) async throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        let size = 8 * 1024 * 1024
        try Data(repeating: 0x61, count: size).write(to: URL(fileURLWithPath: box.path("w/big")))
        try box.write("the good old copy", at: "b1/big")
        // rsync slowed to 1 MB/s, so that the signal arrives mid-transfer.
        try box.write("#!/bin/sh\nexec \(try rsyncPath()) --bwlimit=1000 \"$@\"\n", at: "slow-bin/rsync")
        chmod(box.path("slow-bin/rsync"), 0o755)
        var environment = box.environment
        environment["PATH"] = box.path("slow-bin") + ":/usr/bin:/bin"
        let run = try Binary.start(
            Binary.micsync, ["backup", "-m", "w"], directory: box.root, environment: environment)
        defer { run.kill() }
        let copying = await waitUntil {
            ((try? FileManager.default.contentsOfDirectory(atPath: box.path("b1/.micsync/tmp")))?.contains {
                $0.hasPrefix("big.")
            } ?? false)
        }
        #expect(copying, "rsync writes its temporary file")
        run.signal(signal)
        await run.finish()
        run.result.expect(status: expected)
        #expect(box.read("b1/big") == "the good old copy")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: box.path("b1")).filter { $0 != ".micsync" }
        #expect(leftovers == ["big"], "no rsync temp file is left behind")
        #expect(run.stdout.contains("BACKUP \(box.path("b1")):"), "reports what was done: \(run.stdout)")
        #expect(run.stderr.contains("run the same command again"), "\(run.stderr)")
    }

    @Test func anUnreadableSourceFileIsNamedAndTheRestIsCopied() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        try box.write("secret", at: "w/secret")
        try box.write("fine", at: "w/fine")
        let result = try await box.expectRunUnprivileged(["backup", "w"], unreadable: ["w/secret"], status: 1)
        #expect(result.stderr.contains("secret") && result.stderr.contains("Permission denied"), "\(result)")
        #expect(result.stderr.contains("partial transfer"), "\(result)")
        #expect(box.read("b1/fine") == "fine")
        #expect(!box.exists("b1/secret"))
    }

    func rsyncPath() throws -> String {
        let candidates = ["/usr/bin/rsync", "/bin/rsync", "/usr/local/bin/rsync"]
        return try #require(candidates.first { FileManager.default.isExecutableFile(atPath: $0) })
    }
}
