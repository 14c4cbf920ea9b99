import Foundation
import Testing

/// `micsync watch --install` / `--uninstall`: the systemd user unit in the sandbox's XDG_CONFIG_HOME.
@Suite struct WatchServiceTests {
    @Test func installWritesTheUnitAndUninstallRemovesIt() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1, extra: #", "auto": "plugged""#)
        let unitFile = box.home + "/.config/systemd/user/micsync-watch.service"
        let installed = try await box.expectRun(
            ["watch", "--install", "--no-start", "--config", "home/.micsync.json", "--settle", "10", "-q"], status: 0)
        #expect(installed.stdout.contains("wrote \(unitFile)"), "\(installed)")
        let unit = try String(contentsOfFile: unitFile, encoding: .utf8)
        let micsync = URL(fileURLWithPath: Binary.micsync).resolvingSymlinksInPath().path
        let execStart = #"ExecStart="\#(micsync)" "watch" "--config" "\#(box.configFile)" "--settle" "10" "--quiet""#
        #expect(unit.contains("\n" + execStart + "\n"), "the service watches as typed: \(unit)")
        #expect(unit.contains("\nRestart=on-failure\n"), "\(unit)")
        #expect(unit.contains("\n[Install]\nWantedBy=default.target\n"), "\(unit)")

        let removed = try await box.expectRun(["watch", "--uninstall"], status: 0)
        #expect(!FileManager.default.fileExists(atPath: unitFile), "\(removed)")
        #expect(removed.stdout.contains("removed \(unitFile)"), "\(removed)")
        let again = try await box.expectRun(["watch", "--uninstall"], status: 0)
        #expect(again.stdout.contains("nothing to uninstall"), "\(again)")
    }

    /// A user service inherits nothing of the shell: what micsync reads is written into the unit, and said.
    @Test func installPassesTheEnvironmentTheServiceNeeds() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1, extra: #", "auto": "plugged""#)
        let passed = [
            "MICSYNC_CONFIG": box.configFile, "RSYNC_RSH": #"ssh -p 2222 -o "IdentityFile=~/my key" 100%$HOME"#,
            "SSH_AUTH_SOCK": "/run/user/1000/agent.sock",
        ]
        let installed = try await box.expectRun(["watch", "--install", "--no-start"], environment: passed, status: 0)
        let unit = try String(
            contentsOfFile: box.home + "/.config/systemd/user/micsync-watch.service", encoding: .utf8)
        let lines = [
            #"Environment="MICSYNC_CONFIG=\#(box.configFile)""#,
            #"Environment="XDG_CONFIG_HOME=\#(box.environment["XDG_CONFIG_HOME"]!)""#,
            #"Environment="XDG_STATE_HOME=\#(box.environment["XDG_STATE_HOME"]!)""#,
            #"Environment="RSYNC_RSH=ssh -p 2222 -o \"IdentityFile=~/my key\" 100%%$HOME""#,
            #"Environment="SSH_AUTH_SOCK=/run/user/1000/agent.sock""#,
        ]
        #expect(unit.contains("\nType=simple\n" + lines.joined(separator: "\n") + "\nExecStart="), "\(unit)")
        #expect(
            installed.stdout.contains(
                "the service gets MICSYNC_CONFIG, XDG_CONFIG_HOME, XDG_STATE_HOME, RSYNC_RSH, SSH_AUTH_SOCK as set here"
            ),
            "\(installed)")
    }

    @Test(.enabled(if: !FileManager.default.fileExists(atPath: "/run/systemd/system"), "systemd runs here"))
    func withoutSystemdInstallSaysWhatToAddToAutostart() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1, extra: #", "auto": "plugged""#)
        let installed = try await box.expectRun(["watch", "--install"], status: 0)
        #expect(installed.stdout.contains("systemd does not run here"), "\(installed)")
        #expect(installed.stdout.contains("autostart") && installed.stdout.contains(" watch"), "\(installed)")
    }

    @Test func quietWatchPrintsItsRunsButNotEachTimeItGoesBackToWaiting() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1, extra: #", "auto": "1s""#)
        let watcher = try await WatchProcess(in: box, ["-q"])
        defer { watcher.kill() }
        #expect(await watcher.waitForRuns(2), "due at once, then every second")
        let ended = await watcher.stop()
        #expect(watcher.runLines.count >= 2 && ended.stderr.contains("micsync watch: watching"), "\(ended)")
        #expect(!ended.stderr.contains(WatchProcess.waiting), "\(ended)")
    }

    @Test func watchWithoutAnAutoOrRemindKeyHasNothingToWatch() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        let refused = try await box.expectRun(["watch"], status: 2)
        #expect(
            refused.stderr.contains("has an \"auto\" or \"remind\" key, so there is nothing to watch"), "\(refused)")
    }

    @Test(arguments: [true, false])
    func aDesktopSessionGetsANotificationOfEachRun(sessionBus: Bool) async throws {
        let box = try Sandbox()
        try box.standard(backups: 1, extra: #", "auto": "1s""#)
        try box.write("one", at: "w/a")
        // notify-send as a desktop has it, recording what it was asked to show.
        try box.write(
            "#!/bin/sh\nprintf '%s\\n' \"$@\" >> \"\(box.path("notified"))\"\n", at: "desktop-bin/notify-send")
        chmod(box.path("desktop-bin/notify-send"), 0o755)
        try box.makeDirectory("runtime")
        var environment = ["PATH": box.path("desktop-bin") + ":/usr/bin:/bin", "XDG_RUNTIME_DIR": box.path("runtime")]
        if sessionBus { environment["DBUS_SESSION_BUS_ADDRESS"] = "unix:path=" + box.path("runtime/bus") }
        let watcher = try await WatchProcess(in: box, environment: environment)
        defer { watcher.kill() }
        // The second run starts once the first one's notification has been sent (or not).
        #expect(await watcher.waitForRuns(2), "due at once, then every second")
        await watcher.stop()
        let line = try #require(watcher.runLines.first)
        let shown = box.read("notified")
        if sessionBus {
            #expect(shown?.contains("micsync\n" + line.dropFirst(6) + "\n") == true, "\(shown ?? "nothing")")
        } else {
            #expect(shown == nil, "no session bus: no notification")
        }
    }
}
