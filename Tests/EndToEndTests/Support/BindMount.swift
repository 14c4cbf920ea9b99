import Foundation
import Testing

/// A bind mount made by a test (root only), undone in its teardown whatever happened: `unmount()` in a
/// `defer`, lazily when a process still holds it. The mounts are `mount(2)` calls of the test runner's own.
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
        guard mount(source, target, nil, UInt(MS_BIND), nil) == 0 else {
            Issue.record("cannot bind-mount here: \(String(cString: strerror(errno)))")
            return nil
        }
        if readOnly { makeReadOnly() }
    }

    func makeReadOnly() {
        let remounted = mount(nil, target, nil, UInt(MS_REMOUNT | MS_BIND | MS_RDONLY), nil)
        #expect(remounted == 0, "cannot make \(target) read-only: \(String(cString: strerror(errno)))")
    }

    func unmount() {
        if umount2(target, 0) != 0 { umount2(target, Int32(MNT_DETACH)) }
    }
}
