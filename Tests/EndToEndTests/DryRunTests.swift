import Foundation
import Testing

/// A dry run writes nothing, anywhere: `-n`, `status`, `diff`, `verify` and completions make no state folder,
/// no state file, no probe folder, and change no time, on any location or in the state folder.
@Suite struct DryRunTests {
    @Test func aFirstDryRunAndEveryReadingCommandWriteNothingAnywhere() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        try box.write("new", at: "w/docs/a")
        try box.write("kept", at: "b1/old")
        let everything = ["w", "w/docs", "w/docs/a", "b1", "b1/old", "home"]
        for path in everything { try box.touch(path, secondsAgo: 100) }
        let before = box.path("before")
        _ = FileManager.default.createFile(atPath: before, contents: nil)
        let runs: [[String]] = [
            ["backup", "-n", "w"], ["work", "-n", "-D", "w"], ["status"], ["status", "--changes"], ["diff", "w"],
            ["verify", "w"], ["---completion", "work", "--", "--from", "2", "0", "micsync", "work", "--from", ""],
        ]
        for arguments in runs {
            let result = try await box.run(arguments)
            #expect(!result.killedBySignal && [0, 1].contains(result.status), "\(arguments): \(result)")
            let changed = try await box.run(
                "/usr/bin/find", [box.path("w"), box.path("b1"), box.home, "-newer", before])
            #expect(changed.stdout.isEmpty, "\(arguments) changed: \(changed.stdout)")
            #expect(!box.exists("home/.local/state"), "\(arguments) made the state folder")
            #expect(!box.exists("w/.micsync") && !box.exists("b1/.micsync"), "\(arguments) made micsync's folder")
        }
    }
}
