import Foundation
import Testing

/// Config and state problems that must say why: a config that cannot be read, locations that overlap
/// through another mount, a state folder that cannot be made.
@Suite struct ConfigSafetyTests {
    @Test func aConfigThatCannotBeReadSaysWhy() throws {
        let box = try Sandbox()
        try box.makeDirectory("w")
        try box.makeDirectory("config-dir.json")
        let directory = try box.expectRun(["backup", "--config", box.path("config-dir.json"), "w"], status: 2)
        #expect(directory.stderr.contains("cannot read the config file: it is a directory, not a file"), "\(directory)")
    }

    @Test func locationsOverlappingThroughABindMountAreRefused() throws {
        guard getuid() == 0 else {
            Issue.record("needs root to bind-mount")
            return
        }
        let box = try Sandbox()
        try box.makeDirectory("w/inner")
        try box.makeDirectory("elsewhere")
        let mounted = try Binary.run(
            "/bin/mount", ["--bind", box.path("w/inner"), box.path("elsewhere")], input: "",
            directory: box.root, environment: [:])
        guard mounted.status == 0 else {
            Issue.record("cannot bind-mount here: \(mounted)")
            return
        }
        defer {
            _ = try? Binary.run(
                "/bin/umount", [box.path("elsewhere")], input: "", directory: box.root, environment: [:])
        }
        try box.configure([("main", ["w"], ["elsewhere"])])
        let result = try box.expectRun(["backup", "w"], status: 2)
        #expect(result.stderr.contains("overlaps (one contains the other)"), "\(result)")
    }

    @Test func aStateFolderThatCannotBeMadeIsAReadableErrorBeforeAnyQuestion() throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        try box.write("new", at: "w/f")
        try box.write("old, longer", at: "b1/f")
        try box.write("a file, not a folder", at: "state-file")
        let result = try box.expectRun(
            ["backup", "w"], input: "m\n", environment: ["XDG_STATE_HOME": box.path("state-file")], status: 1)
        #expect(
            result.stderr.contains("cannot create micsync's state folder") && result.stderr.contains("Not a directory"),
            "\(result)")
        #expect(!result.stderr.contains("Overwrite"), "checked before the first question")
        #expect(!result.stderr.contains("NSCocoaErrorDomain") && !result.stderr.contains("couldn’t"), "\(result)")
    }
}
