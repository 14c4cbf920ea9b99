import Foundation
import MicsyncKit

/// `micsync watch --install` / `--uninstall`: the systemd user unit that keeps a watcher running in the
/// user's session, `$XDG_CONFIG_HOME/systemd/user/micsync-watch.service` (default `~/.config/…`), where
/// systemd looks for it too.
struct UserService {
    static let unitName = "micsync-watch.service"
    let environment: [String: String]
    let terminal: Terminal

    var unitFile: String {
        let configHome =
            environment["XDG_CONFIG_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil }
            ?? FileSystem.homeDirectory + "/.config"
        return configHome + "/systemd/user/" + Self.unitName
    }

    /// What the service needs of this shell's environment, which a systemd user service does not inherit: the
    /// config file and state folder it reads, how it reaches hosts (the ssh command, the agent holding the key).
    static let passedVariables = ["MICSYNC_CONFIG", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "RSYNC_RSH", "SSH_AUTH_SOCK"]

    /// Those of them set here, with their values.
    var passed: [(name: String, value: String)] {
        Self.passedVariables.compactMap { name in environment[name].flatMap { $0.isEmpty ? nil : (name, $0) } }
    }

    /// Whether systemd manages this machine (sd_booted's test), so that `systemctl --user` can work.
    var systemdRuns: Bool { FileManager.default.fileExists(atPath: "/run/systemd/system") }

    /// The unit: this very micsync (an absolute path, as systemd needs), restarted when it fails but not
    /// when restarting cannot help (a configuration error, another watcher running); SIGTERM's exit 143 is
    /// a clean stop.
    static func unit(command: [String], environment: [(name: String, value: String)]) -> String {
        let assignments = environment.map { "Environment=" + quoted("\($0.name)=\($0.value)", expanding: false) + "\n" }
        return """
            [Unit]
            Description=micsync: back up when a known disc is plugged in, and on a schedule
            Documentation=man:micsync(1)

            [Service]
            Type=simple
            \(assignments.joined())ExecStart=\(command.map { quoted($0) }.joined(separator: " "))
            Restart=on-failure
            RestartSec=30
            RestartPreventExitStatus=2 5
            SuccessExitStatus=143

            [Install]
            WantedBy=default.target

            """
    }

    /// A word of `ExecStart=` (or, not `expanding`, an `Environment=` assignment, where `$` means nothing) as
    /// systemd reads it: quoted, with `%` and `$` kept literal.
    static func quoted(_ word: String, expanding: Bool = true) -> String {
        var escaped = word.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "%", with: "%%").replacingOccurrences(of: "\n", with: "\\n")
        if expanding { escaped = escaped.replacingOccurrences(of: "$", with: "$$") }
        return "\"\(escaped)\""
    }

    /// A word as a shell reads it: as it is when it is plain, else in single quotes.
    static func shellQuoted(_ word: String) -> String {
        let plain =
            !word.isEmpty && word.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "/._-+=:".contains($0)) }
        return plain ? word : "'" + word.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }

    func install(command: [String], start: Bool) throws(MicsyncError) {
        let folder = (unitFile as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try Data(Self.unit(command: command, environment: passed).utf8).write(
                to: URL(fileURLWithPath: unitFile), options: .atomic)
        } catch {
            throw .io("cannot write \(unitFile): \(error.localizedDescription)")
        }
        terminal.print("wrote \(unitFile)")
        if !passed.isEmpty {
            terminal.print(
                "the service gets \(passed.map(\.name).joined(separator: ", ")) as set here (its Environment= lines); "
                    + "install again after changing them")
        }
        guard start else {
            return terminal.print(
                "start it with: systemctl --user daemon-reload && systemctl --user enable --now \(Self.unitName)")
        }
        guard systemdRuns else {
            terminal.print(
                "systemd does not run here, so nothing was started; add this command to your session's autostart "
                    + "(your desktop's startup applications, or ~/.xprofile): "
                    + command.map(Self.shellQuoted).joined(separator: " "))
            return
        }
        try systemctl(["daemon-reload"])
        try systemctl(["enable", Self.unitName])
        // A watcher already running was started from the old file: restart runs the one just written.
        try systemctl(["restart", Self.unitName])
        terminal.print("enabled and started \(Self.unitName); see it with: systemctl --user status \(Self.unitName)")
    }

    func uninstall() throws(MicsyncError) {
        guard FileManager.default.fileExists(atPath: unitFile) else {
            return terminal.print("nothing to uninstall: \(unitFile) does not exist")
        }
        if systemdRuns { try systemctl(["disable", "--now", Self.unitName]) }
        do {
            try FileManager.default.removeItem(atPath: unitFile)
        } catch {
            throw .io("cannot remove \(unitFile): \(error.localizedDescription)")
        }
        if systemdRuns { try systemctl(["daemon-reload"]) }
        terminal.print("removed \(unitFile)" + (systemdRuns ? " (stopped and disabled)" : ""))
    }

    private func systemctl(_ arguments: [String]) throws(MicsyncError) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["systemctl", "--user"] + arguments
        let errors = Pipe()
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw .notFound("cannot run systemctl: \(error.localizedDescription)")
        }
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw .io(
                "systemctl --user \(arguments.joined(separator: " ")) failed: "
                    + message.trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }
}
