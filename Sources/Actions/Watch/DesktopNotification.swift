import Foundation

/// A desktop notification of an automatic run, where a desktop session can show one: `notify-send` on the
/// PATH and a session bus (`DBUS_SESSION_BUS_ADDRESS`, or the user's bus socket). Elsewhere, nothing: the
/// line on stdout and the journal say it all.
enum DesktopNotification {
    static func send(_ text: String, environment: [String: String] = ProcessInfo.processInfo.environment) {
        guard let notifySend = tool(environment), hasSessionBus(environment) else { return }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: notifySend)
        process.arguments = ["--app-name=micsync", "micsync", text]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return }
        process.waitUntilExit()
    }

    private static func tool(_ environment: [String: String]) -> String? {
        (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map { $0 + "/notify-send" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    private static func hasSessionBus(_ environment: [String: String]) -> Bool {
        if environment["DBUS_SESSION_BUS_ADDRESS"].map({ !$0.isEmpty }) == true { return true }
        let runtime = environment["XDG_RUNTIME_DIR"] ?? "/run/user/\(getuid())"
        return FileManager.default.fileExists(atPath: runtime + "/bus")
    }
}
