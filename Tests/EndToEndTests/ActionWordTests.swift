import Foundation
import Testing

/// Mistakes in the action word: a suggestion or the list of actions, exit 2, nothing run.
@Suite struct ActionWordTests {
    @Test(arguments: [
        (["bakup", "w"], "unknown action 'bakup'; did you mean 'backup'?"),
        (["trnsfer", "w"], "unknown action 'trnsfer'; did you mean 'transfer'?"),
        (["--bakup", "w"], "unknown action '--bakup'; did you mean '--backup'?"),
        (["frobnicate", "w"], "unknown action 'frobnicate'; the actions are: backup, work, transfer, tree"),
        (["w/a"], "unknown action 'w/a': give the action before the paths"),
        (["help", "NOSUCH"], "unknown action 'NOSUCH'; the actions are:"),
        (["help", "bakup"], "unknown action 'bakup'; did you mean 'backup'?"),
        (["help", "trash", "lst"], "unknown command 'trash lst'; did you mean 'list'?"),
        (["--backup", "--work", "w"], "two actions at once (--backup and --work); give one"),
        (["backup", "--work", "w"], "two actions at once (backup and --work); give one"),
        (["-m", "--work", "--backup", "w"], "two actions at once (--work and --backup); give one"),
        (["work", "-m", "--transfer", "w"], "two actions at once (work and --transfer); give one"),
    ])
    func isAUsageError(arguments: [String], message: String) async throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        try box.write("a", at: "w/a")
        let result = try await box.expectRun(arguments, status: 2)
        #expect(result.stderr.contains("micsync: " + message), "\(result)")
        #expect(result.stdout.isEmpty, "\(result)")
        #expect(box.tree("b1").isEmpty, "nothing ran")
    }

    @Test func helpOfRealCommandsStillWorks() async throws {
        let box = try Sandbox()
        for arguments in [["help", "backup"], ["help", "trash", "purge"], ["help"], ["backup", "--help"]] {
            let result = try await box.expectRun(arguments, status: 0, "\(arguments)")
            #expect(result.stdout.contains("USAGE:"), "\(arguments): \(result)")
        }
    }

    @Test func theOriginalSpellingStillRuns() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        try box.write("a", at: "w/a")
        try await box.expectRun(["-m", "--backup", "w"], status: 0)
        #expect(box.read("b1/a") == "a")
    }

    /// `--config` and `--config-name` may come before the command, even one of a group (`trash list`), and
    /// a configuration named like an action is still only a name.
    @Test func theConfigOptionsMayComeBeforeTheCommand() async throws {
        let box = try Sandbox()
        try box.makeDirectory("w")
        try box.makeDirectory("b1")
        let file = try box.configure([("backup", ["w"], ["b1"])], to: box.path("elsewhere.json"))
        try box.write("a", at: "w/a")
        let backup = try await box.expectRun(
            ["--config", file, "--config-name", "backup", "work", "-d", "-n", "w"], status: 0)
        #expect(backup.stdout.contains("work: from BACKUP \(box.path("b1"))"), "\(backup)")
        let copied = try await box.expectRun(["--config=\(file)", "backup", "w"], status: 0)
        #expect(box.read("b1/a") == "a", "\(copied)")
        let listed = try await box.expectRun(["--config", file, "trash", "list"], status: 0)
        #expect(listed.stdout.contains("BACKUP \(box.path("b1"))"), "\(listed)")
    }
}
