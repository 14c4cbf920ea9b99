import Foundation
import Testing

/// A bind mount made by a test (root only), undone in its teardown whatever happened: `unmount()` in a
/// `defer`, lazily when a process still holds it.
final class BindMount {
    let target: String

    /// Mounts `source` at `target` (made first), read-only when asked; nil (with the issue recorded) where
    /// the test cannot mount.
    init?(_ source: String, at target: String, readOnly: Bool = false) throws {
        self.target = target
        guard getuid() == 0 else {
            Issue.record("needs root to bind-mount")
            return nil
        }
        try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
        let mounted = try Self.run(["--bind", source, target])
        guard mounted.status == 0 else {
            Issue.record("cannot bind-mount here: \(mounted)")
            return nil
        }
        if readOnly { try makeReadOnly() }
    }

    func makeReadOnly() throws {
        let remounted = try Self.run(["-o", "remount,bind,ro", target])
        #expect(remounted.status == 0, "\(remounted)")
    }

    func unmount() {
        if (try? Binary.run("/bin/umount", [target], directory: "/", environment: [:]))?.status != 0 {
            _ = try? Binary.run("/bin/umount", ["-l", target], directory: "/", environment: [:])
        }
    }

    private static func run(_ arguments: [String]) throws -> RunResult {
        try Binary.run("/bin/mount", arguments, directory: "/", environment: [:])
    }
}
