import Foundation
import Testing

/// Config and state problems that must say why: a config that cannot be read, locations that overlap
/// through another mount, a state folder that cannot be made.
@Suite struct ConfigSafetyTests {
    @Test func aConfigThatCannotBeReadSaysWhy() async throws {
        let box = try Sandbox()
        try box.makeDirectory("w")
        try box.makeDirectory("config-dir.json")
        let directory = try await box.expectRun(["backup", "--config", box.path("config-dir.json"), "w"], status: 2)
        #expect(directory.stderr.contains("cannot read the config file: it is a directory, not a file"), "\(directory)")
    }

    @Test func aFIFOGivenAsTheConfigIsRefusedWithoutWaiting() async throws {
        let box = try Sandbox()
        try box.makeDirectory("w")
        #expect(mkfifo(box.path("config.fifo"), 0o600) == 0)
        let run = try Binary.start(
            Binary.micsync, ["config", "check", "--config", box.path("config.fifo")], directory: box.root,
            environment: box.environment)
        defer { run.kill() }
        // A hang is for ever: the bound is only where the test stops waiting for it.
        #expect(await waitUntil(30) { run.hasExited }, "no hang on a FIFO nobody writes")
        run.kill()
        await run.finish().expect(status: 2)
        #expect((run.stdout + run.stderr).contains("it is a FIFO (named pipe), not a file"), "\(run.result)")
    }

    @Test func devZeroAsTheConfigIsRefusedWithinAnAddressSpaceLimit() async throws {
        let box = try Sandbox()
        let limited = try await box.run(
            "/usr/bin/prlimit", ["--as=\(1 << 30)", Binary.micsync, "status", "--config", "/dev/zero"])
        limited.expect(status: 2)
        #expect(limited.stderr.contains("/dev/zero: cannot read the config file: it is a device"), "\(limited)")
        #expect(!limited.stderr.contains("Fatal error"), "\(limited)")
    }

    @Test func aKeyGivenTwiceInOneEntryIsAnError() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1, extra: ", \"trash\": false, \"exclude\": [], \"trash\": true")
        let result = try await box.expectRun(["config", "check"], status: 2)
        #expect(result.stdout.contains("configs[0]: the key \"trash\" is given twice"), "\(result)")
        try await box.expectRun(["backup", "-m", "w"], status: 2, "no run on a config whose safety is ambiguous")
    }

    @Test func aControlCharacterInAPathIsAnError() async throws {
        let box = try Sandbox()
        try box.makeDirectory("w")
        try box.write(
            #"{"configs": [{"name": "m", "work": ["w"], "backup": ["b\u0000/etc"]}]}"#, to: box.configFile)
        let result = try await box.expectRun(["config", "check"], status: 2)
        #expect(
            result.stdout.contains("configs[0].backup[0]: the path holds a control character (U+0000)"), "\(result)")
    }

    @Test func locationsOverlappingThroughABindMountAreRefused() async throws {
        let box = try Sandbox()
        try box.makeDirectory("w/inner")
        guard let bind = try BindMount(box.path("w/inner"), at: box.path("elsewhere")) else { return }
        defer { bind.unmount() }
        try box.configure([("main", ["w"], ["elsewhere"])])
        let result = try await box.expectRun(["backup", "w"], status: 2)
        #expect(result.stderr.contains("overlaps (one contains the other)"), "\(result)")
    }

    @Test func aStateFolderThatCannotBeMadeIsAReadableErrorBeforeAnyQuestion() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        try box.write("new", at: "w/f")
        try box.write("old, longer", at: "b1/f")
        try box.write("a file, not a folder", at: "state-file")
        let result = try await box.expectRun(
            ["backup", "w"], input: "m\n", environment: ["XDG_STATE_HOME": box.path("state-file")], status: 1)
        #expect(
            result.stderr.contains("cannot create micsync's state folder") && result.stderr.contains("Not a directory"),
            "\(result)")
        #expect(!result.stderr.contains("Overwrite"), "checked before the first question")
        #expect(!result.stderr.contains("NSCocoaErrorDomain") && !result.stderr.contains("couldn’t"), "\(result)")
    }
}
