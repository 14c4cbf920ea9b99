import Foundation
import Testing

/// rsync's everyday options on every sync action, and commands printed so that they can be pasted.
@Suite struct EverydayOptionTests {
    @Test(arguments: [
        ["backup", "w"], ["work", "--from", "0", "w"], ["transfer", "--to", "1", "b1"], ["tree", "--from", "0", "w"],
    ])
    func everySyncActionTakesThem(run: [String]) async throws {
        let box = try Sandbox()
        try box.standard()
        let options = ["-n", "--print-commands", "--exclude", "*.tmp", "--exclude", "cache/", "--bwlimit", "5M"]
        let result = try await box.expectRun([run[0]] + options + ["--checksum"] + run.dropFirst(), status: 0)
        for option in ["'--exclude=*.tmp'", "--exclude=cache/", "--bwlimit=5M", "--checksum"] {
            #expect(result.stdout.contains(" \(option) "), "\(option) in the rsync command: \(result)")
        }
    }

    @Test func excludeIsAddedToTheConfigurations() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1, extra: #", "exclude": ["*.log"]"#)
        for name in ["keep.txt", "skip.tmp", "old.log"] { try box.write(name, at: "w/\(name)") }
        try await box.expectRun(["backup", "--exclude", "*.tmp", "w"], status: 0)
        #expect(box.tree("b1") == ["keep.txt"])
    }

    @Test func aPrintedCommandCanBePastedAndRuns() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        try box.write("one", at: "w/docs/a b.txt")
        try box.write("two", at: "w/docs/c.txt")
        let result = try await box.expectRun(["backup", "--print-commands", "w/docs"], status: 0)
        let line = try #require(result.lines.first { $0.contains("--files-from=") }, "\(result)")
        #expect(line.hasPrefix("printf '%s\\0' "), "the list comes with the command: \(line)")
        #expect(!line.contains(".list"), "no temporary file that is gone: \(line)")

        try FileManager.default.removeItem(atPath: box.path("b1/docs"))
        let pasted = try await box.run("/bin/bash", ["-c", line])
        #expect(pasted.status == 0, "\(pasted)")
        #expect(box.read("b1/docs/a b.txt") == "one" && box.read("b1/docs/c.txt") == "two", "\(pasted)")
    }
}
