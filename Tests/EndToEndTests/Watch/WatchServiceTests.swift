import Foundation
import Testing

/// `micsync watch --install` / `--uninstall`: the systemd user unit in the sandbox's XDG_CONFIG_HOME.
@Suite struct WatchServiceTests {
    @Test func installWritesTheUnitAndUninstallRemovesIt() throws {
        let box = try Sandbox()
        try box.standard(backups: 1, extra: #", "auto": "plugged""#)
        let unitFile = box.home + "/.config/systemd/user/micsync-watch.service"
        let installed = try box.expectRun(
            ["watch", "--install", "--no-start", "--config", "home/.micsync.json"], status: 0)
        #expect(installed.stdout.contains("wrote \(unitFile)"), "\(installed)")
        let unit = try String(contentsOfFile: unitFile, encoding: .utf8)
        let micsync = URL(fileURLWithPath: Binary.micsync).resolvingSymlinksInPath().path
        #expect(unit.contains("\nExecStart=\"\(micsync)\" \"watch\" \"--config\" \"\(box.configFile)\"\n"), "\(unit)")
        #expect(unit.contains("\nRestart=on-failure\n"), "\(unit)")
        #expect(unit.contains("\n[Install]\nWantedBy=default.target\n"), "\(unit)")

        let removed = try box.expectRun(["watch", "--uninstall"], status: 0)
        #expect(!FileManager.default.fileExists(atPath: unitFile), "\(removed)")
        #expect(removed.stdout.contains("removed \(unitFile)"), "\(removed)")
        let again = try box.expectRun(["watch", "--uninstall"], status: 0)
        #expect(again.stdout.contains("nothing to uninstall"), "\(again)")
    }

    @Test(.enabled(if: !FileManager.default.fileExists(atPath: "/run/systemd/system"), "systemd runs here"))
    func withoutSystemdInstallSaysWhatToAddToAutostart() throws {
        let box = try Sandbox()
        try box.standard(backups: 1, extra: #", "auto": "plugged""#)
        let installed = try box.expectRun(["watch", "--install"], status: 0)
        #expect(installed.stdout.contains("systemd does not run here"), "\(installed)")
        #expect(installed.stdout.contains("autostart") && installed.stdout.contains(" watch"), "\(installed)")
    }

    @Test func watchWithoutAnAutoKeyHasNothingToWatch() throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        let refused = try box.expectRun(["watch"], status: 2)
        #expect(refused.stderr.contains("has an \"auto\" key, so there is nothing to watch"), "\(refused)")
    }
}
