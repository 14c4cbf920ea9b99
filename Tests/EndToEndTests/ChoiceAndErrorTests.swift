import Foundation
import Testing

/// Menus, cancelling, and every error row of the exit-code table.
@Suite struct ChoiceAndErrorTests {
    /// WORKINGs w0, w1 and BACKUPs b0, b1 in one configuration.
    func twoByTwo() throws -> Sandbox {
        let box = try Sandbox()
        for name in ["w0", "w1", "b0", "b1"] { try box.makeDirectory(name) }
        try box.configure([("pair", ["w0", "w1"], ["b0", "b1"])])
        return box
    }

    @Test func menusAreNumberedFromZeroAndAnswerTheQuestion() async throws {
        let box = try twoByTwo()
        try box.write("from w1", at: "w1/docs/f")
        try box.makeDirectory("b0/docs")
        // Typed in a BACKUP with two WORKINGs: which WORKING is the source?
        let result = try await box.expectRun(["backup", "b0/docs"], input: "7\n1\n", status: 0)
        #expect(result.stderr.contains("0: \(box.path("w0"))\n  1: \(box.path("w1"))"), "\(result)")
        #expect(result.stderr.contains("please choose one of 0, 1"), "an invalid answer asks again")
        #expect(box.read("b0/docs/f") == "from w1")
        #expect(box.read("b1/docs/f") == "from w1")
    }

    @Test func workAsksForBothEndsOrTakesFlags() async throws {
        let box = try twoByTwo()
        try box.write("b1's", at: "b1/f")
        try box.makeDirectory("b0")
        let asked = try await box.expectRun(["work", box.path("w0")], input: "1\n", status: 0)
        #expect(asked.stderr.contains("Which BACKUP is the source?"))
        #expect(box.read("w0/f") == "b1's")

        let flagged = try await box.expectRun(
            ["work", "--from", box.path("b1"), "--to", "1", box.path("b0")], status: 0)
        #expect(flagged.stderr.isEmpty, "\(flagged)")
        #expect(box.read("w1/f") == "b1's")
    }

    @Test(arguments: ["q\n", "Q\n", "quit\n", ""])
    func quitOrNoAnswerCancelsBeforeAnythingChanges(input: String) async throws {
        let box = try twoByTwo()
        try box.write("x", at: "b0/f")
        let result = try await box.expectRun(["work", box.path("w0")], input: input, status: 4)
        #expect(result.stderr.contains("cancelled"))
        #expect(box.tree("w0") == [])
    }

    @Test func cancellingTheSecondQuestionChangesNothingAtTheFirstDestination() async throws {
        let box = try Sandbox()
        try box.standard(backups: 2)
        try box.write("new!", at: "w/f")
        try box.write("old", at: "b1/f")
        try box.write("old", at: "b2/f")
        try box.write("n", at: "w/added")
        // b2's copy of g differs too: its plan is another, and asked about on its own.
        try box.write("g, new", at: "w/g")
        try box.write("g", at: "b2/g")
        try await box.expectRun(["backup", "w"], input: "m\nq\n", status: 4)
        #expect(box.read("b1/f") == "old")
        #expect(box.tree("b1") == ["f"])
    }

    @Test func pathsInSeveralConfigurationsAskWhichOrTakeConfigName() async throws {
        let box = try Sandbox()
        for name in ["w", "b1", "b2"] { try box.makeDirectory(name) }
        try box.configure([("first", ["w"], ["b1"]), ("second", ["w"], ["b2"])])
        try box.write("1", at: "w/f")
        let asked = try await box.expectRun(["backup", "w"], input: "1\n", status: 0)
        #expect(asked.stderr.contains("0: first") && asked.stderr.contains("1: second"), "\(asked)")
        #expect(box.tree("b2") == ["f"] && box.tree("b1") == [])

        try await box.expectRun(["backup", "--config-name", "first", "w"], status: 0)
        #expect(box.tree("b1") == ["f"])

        let unknown = try await box.expectRun(["backup", "--config-name", "third", "w"], status: 2)
        #expect(unknown.stderr.contains("\"first\", \"second\""))
    }

    @Test func rsyncFailureIsReportedWithItsMessageAndExitOne() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        try box.write("cannot go in", at: "w/locked/x")
        try box.makeDirectory("b1/locked")
        try box.write("fine", at: "w/y")
        // A folder nobody may write into, root included (immutable), so that rsync fails on one file.
        let lock = getuid() == 0 ? ["/usr/bin/chattr", "+i"] : ["/bin/chmod", "555"]
        let unlock = getuid() == 0 ? ["/usr/bin/chattr", "-i"] : ["/bin/chmod", "755"]
        let locked = try await Binary.run(
            lock[0], [lock[1], box.path("b1/locked")], input: "", directory: box.root, environment: [:])
        try #require(locked.status == 0, "\(locked)")
        let result = try await box.expectRun(["backup", "-m", "w"], status: 1)
        // Open again, so that the sandbox can be removed.
        try await Binary.run(unlock[0], [unlock[1], box.path("b1/locked")], directory: box.root, environment: [:])
            .expect(status: 0)
        #expect(result.stderr.contains("rsync exit 23: partial transfer"), "\(result)")
        #expect(result.stderr.contains("locked/x"), "\(result)")
        #expect(box.read("b1/y") == "fine")
    }

    @Test(arguments: [
        (["backup", "--bogus", "w"], "micsync: unknown option '--bogus'"),
        (["backup", "-D", "w"], "micsync: unknown option '-D'"),
        (["tree", "-m", "w"], "micsync: unknown option '-m'"),
        (["work"], "give at least one path"),
        (["frobnicate"], "unknown action 'frobnicate'"),
    ])
    func usageErrorsExitTwo(arguments: [String], message: String) async throws {
        let box = try Sandbox()
        try box.standard()
        let result = try await box.expectRun(arguments, status: 2)
        #expect(result.stderr.contains(message), "\(result)")
    }

    @Test func configErrorsExitTwoAndNameThePlace() async throws {
        let box = try Sandbox()
        try box.write(
            "{\"configs\": [{\"name\": \"a\", \"work\": [\"/w\"], \"backup\": [\"/b\"], \"trsh\": false}]}",
            to: box.configFile)
        let unknownKey = try await box.expectRun(["backup", "/w"], status: 2)
        #expect(
            unknownKey.stderr.contains("\(box.configFile): configs[0]: unknown key \"trsh\"; did you mean \"trash\"?"),
            "\(unknownKey)")

        try box.write("{\n\"configs\": [\n}", to: box.configFile)
        let syntax = try await box.expectRun(["backup", "/w"], status: 2)
        #expect(syntax.stderr.contains("line 3, column 1"), "\(syntax)")
        #expect(syntax.stderr.split(separator: "\n").count == 1)
    }

    @Test func missingConfigExitsTwoAndSaysHowToCreateOne() async throws {
        let box = try Sandbox()
        let result = try await box.expectRun(["backup", "/w"], status: 2)
        #expect(result.stderr.contains("micsync config init"))
        #expect(result.stderr.contains(".micsync.json"))
    }

    @Test func configIsFoundThroughFlagEnvironmentXdgAndHome() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        try box.write("1", at: "w/f")
        let original = try String(contentsOfFile: box.configFile, encoding: .utf8)
        try FileManager.default.moveItem(atPath: box.configFile, toPath: box.path("elsewhere.json"))
        try await box.expectRun(["backup", "-n", "--config", "elsewhere.json", "w"], status: 0)
        try await box.expectRun(
            ["backup", "-n", "w"], environment: ["MICSYNC_CONFIG": box.path("elsewhere.json")], status: 0)
        try box.write(original, to: box.home + "/.config/micsync/config.json")
        try await box.expectRun(["backup", "-n", "w"], status: 0)
    }

    @Test(arguments: [
        (["backup", "/nowhere/at/all"], "is not inside any configuration"),
        (["backup", "w/missing"], "not found in the source"),
        (["work", "--from", "1", "w"], "is not accessible"),
    ])
    func notFoundExitsThree(arguments: [String], message: String) async throws {
        let box = try Sandbox()
        try box.makeDirectory("w")
        try box.makeDirectory("b0")
        try box.configure([("main", ["w"], ["b0", "unplugged"])])
        let result = try await box.expectRun(arguments, status: 3)
        #expect(result.stderr.contains(message), "\(result)")
    }

    @Test func noAccessibleBackupExitsThree() async throws {
        let box = try Sandbox()
        try box.makeDirectory("w")
        try box.configure([("main", ["w"], ["gone1", "gone2"])])
        let result = try await box.expectRun(["backup", "w"], status: 3)
        #expect(result.stderr.contains("no BACKUP of configuration \"main\" is accessible"))
    }

    @Test func pathsInDifferentLocationsAreRefused() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        try box.write("1", at: "w/f")
        try box.write("1", at: "b1/g")
        let result = try await box.expectRun(["backup", "w/f", "b1/g"], status: 2)
        #expect(result.stderr.contains("must be in the same location"))
    }

    @Test func versionAndHelp() async throws {
        let box = try Sandbox()
        let version = try await box.expectRun(["--version"], status: 0)
        #expect(version.stdout.range(of: #"^\d+\.\d+\.\d+\n$"#, options: .regularExpression) != nil)
        let help = try await box.expectRun(["help", "work"], status: 0)
        #expect(help.stdout.contains("Examples:") && help.stdout.contains("-D"))
        let root = try await box.expectRun(["--help"], status: 0)
        for action in ["backup", "work", "transfer", "tree"] { #expect(root.stdout.contains(action)) }
    }

    @Test func missingRsyncIsAClearError() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        let result = try await box.expectRun(["backup", "w"], environment: ["PATH": box.path("empty-bin")], status: 2)
        #expect(result.stderr.contains("rsync was not found"))
    }

    @Test func oldRsyncIsAClearError() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        try box.write("#!/bin/sh\necho 'rsync  version 3.1.2  protocol version 31'\n", at: "old-bin/rsync")
        chmod(box.path("old-bin/rsync"), 0o755)
        let result = try await box.expectRun(["backup", "w"], environment: ["PATH": box.path("old-bin")], status: 2)
        #expect(result.stderr.contains("version 3.1.2") && result.stderr.contains("3.1.3"))
    }
}
