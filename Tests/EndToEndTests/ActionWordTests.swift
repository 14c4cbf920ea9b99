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
        (["trash", "lst"], "unknown command 'trash lst'; did you mean 'list'?"),
        (["config", "chek"], "unknown command 'config chek'; did you mean 'check'?"),
        (["trash", "frobnicate"], "unknown command 'trash frobnicate'; its commands are: list, restore, purge"),
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

    @Test func aNearConfigurationNameIsSuggested() async throws {
        let box = try Sandbox()
        for name in ["w", "b1", "d", "db"] { try box.makeDirectory(name) }
        try box.configure([("photos", ["w"], ["b1"]), ("documents", ["d"], ["db"])])
        let near = try await box.expectRun(["backup", "--config-name", "photo", "w"], status: 2)
        #expect(near.stderr == "micsync: no configuration is named \"photo\"; did you mean \"photos\"?\n", "\(near)")
        let far = try await box.expectRun(["status", "--config-name", "music"], status: 2)
        #expect(far.stderr.contains("the configurations are: \"photos\", \"documents\""), "\(far)")
    }

    /// `micsync` alone: what it is and where to start, not the whole help; the original's spelling last.
    @Test func aloneItPrintsAShortStart() async throws {
        let box = try Sandbox()
        let result = try await box.expectRun([], environment: ["COLUMNS": "120"], status: 0)
        #expect(result.lines.first == "micsync: keep the data on your discs and its backups in step, with rsync")
        #expect(result.lines.count < 20 && !result.stdout.contains("USAGE"), "short: \(result)")
        #expect(result.stdout.contains("Start here:\n  micsync config init "), "\(result)")
        for action in ["backup", "work", "transfer", "tree"] {
            #expect(result.lines.contains { $0.hasPrefix("  micsync \(action) PATH…") }, "\(action): \(result)")
        }
        #expect(result.lines.contains { $0.hasPrefix("  micsync help ") }, "\(result)")
        #expect(result.lines.last == "The original's spellings work too: micsync --backup -m PATH…", "\(result)")
        let narrow = try await box.expectRun([], environment: ["COLUMNS": "50"], status: 0)
        #expect(narrow.lines.allSatisfy { $0.count <= 50 }, "it fits: \(narrow)")
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
