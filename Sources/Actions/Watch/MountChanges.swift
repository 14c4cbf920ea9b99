import Foundation
import MicsyncKit

/// The mount table's changes, as the kernel signals them: `poll` on `/proc/self/mountinfo` wakes with
/// POLLPRI (and POLLERR) when something was mounted or unmounted since the last poll. No busy loop: the
/// watcher sleeps in `poll` until a change or its next due time.
final class MountChanges {
    static let table = "/proc/self/mountinfo"
    private let descriptor: Int32

    init() throws(MicsyncError) {
        descriptor = open(Self.table, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw .io("cannot watch the mounts (\(Self.table): \(String(cString: strerror(errno))))")
        }
    }

    deinit { close(descriptor) }

    /// Waits until the mounts change (true) or `timeout` passes (false); nil waits for a change only.
    func wait(_ timeout: TimeInterval?) -> Bool {
        let milliseconds = timeout.map { Int32(clamping: Int(max(0, $0 * 1000).rounded(.up))) } ?? -1
        var watched = pollfd(fd: descriptor, events: Int16(POLLPRI), revents: 0)
        while true {
            let ready = poll(&watched, 1, milliseconds)
            if ready < 0, errno == EINTR { continue }
            return ready > 0 && watched.revents & Int16(POLLPRI | POLLERR) != 0
        }
    }

    /// Lets a burst of changes end (a disc mounts several partitions, a desktop mounts and remounts): waits
    /// `settle` after the last change seen, at most ten times, so that the first run sees the disc as it
    /// will stay.
    func settle(_ settle: TimeInterval) {
        var rounds = 0
        while rounds < 10, wait(settle) { rounds += 1 }
    }
}
