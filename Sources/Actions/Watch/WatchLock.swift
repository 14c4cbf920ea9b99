import Foundation
import MicsyncKit

/// One watcher per state folder: a second `micsync watch` of the same user would see the same discs and
/// start every run twice (each refused by the other's location lock, or run again right after). An
/// exclusive `flock` on `watch.lock` in micsync's state folder, held for the watcher's life.
final class WatchLock {
    private let descriptor: Int32

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    static func acquire(in state: StateHome) throws(MicsyncError) -> WatchLock {
        let file = state.path + "/watch.lock"
        try? FileManager.default.createDirectory(atPath: state.path, withIntermediateDirectories: true)
        let descriptor = open(file, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw .io("cannot open the watcher's lock \(file): \(String(cString: strerror(errno)))")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            var buffer = [UInt8](repeating: 0, count: 256)
            let count = max(0, pread(descriptor, &buffer, buffer.count, 0))
            let holder = String(decoding: buffer[..<count], as: UTF8.self).trimmingCharacters(
                in: .whitespacesAndNewlines)
            close(descriptor)
            throw MicsyncError(
                .refused,
                "another micsync watch is running (\(holder.isEmpty ? "holder unknown" : holder), lock \(file)); "
                    + "one watcher runs every automatic backup, so this one does not start")
        }
        let record = "pid \(getpid())\n"
        ftruncate(descriptor, 0)
        _ = record.withCString { pwrite(descriptor, $0, strlen($0), 0) }
        return WatchLock(descriptor: descriptor)
    }
}
