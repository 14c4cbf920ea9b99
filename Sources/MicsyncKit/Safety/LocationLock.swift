import Foundation

/// One run per location: an exclusive `flock` on a lock file kept outside the locations (in micsync's state
/// folder), keyed by the location's real path. A second run that would write to the same location fails at
/// once, naming the process that holds it. The lock goes with the process, however it ends.
public final class LocationLock {
    /// Open while the lock is held; given to rsync as its stdin so that rsync holds it too.
    let descriptor: Int32

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// The folder of the lock files: `$XDG_STATE_HOME/micsync/locks` (default `~/.local/state/micsync/locks`).
    public static var folder: String { FileSystem.stateDirectory() + "/locks" }

    /// Locks every location of `locations` or none; throws exit 5 naming the holder.
    public static func acquire(_ locations: [Location]) throws(MicsyncError) -> [Location: LocationLock] {
        var locks: [Location: LocationLock] = [:]
        for location in locations { locks[location] = try acquire(location) }
        return locks
    }

    static func acquire(_ location: Location) throws(MicsyncError) -> LocationLock {
        try FileSystem.makeDirectories(folder, purpose: "the lock folder")
        let realPath = FileSystem.realPath(location.path) ?? location.path
        let file = folder + "/" + key(realPath) + ".lock"
        let descriptor = open(file, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw .io("cannot open the lock file \(file): \(String(cString: strerror(errno)))")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let holder =
                (try? String(contentsOfFile: file, encoding: .utf8))?
                .trimmingCharacters(in: .whitespacesAndNewlines) ?? "unknown"
            close(descriptor)
            throw MicsyncError(
                .refused,
                "\(location.heading) is being written by another "
                    + "micsync run (\(holder)); try again when it has finished. Nothing was changed")
        }
        let holder = "pid \(getpid()): " + CommandLine.arguments.joined(separator: " ") + "\n"
        ftruncate(descriptor, 0)
        _ = holder.withCString { pwrite(descriptor, $0, strlen($0), 0) }
        return LocationLock(descriptor: descriptor)
    }

    /// A file name for a path: readable tail plus a hash of the whole, so long paths stay short and distinct.
    static func key(_ path: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in path.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        let tail = path.split(separator: "/").last.map { String($0.prefix(40)) } ?? "root"
        let safe = String(tail.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "_" })
        return safe + "-" + String(hash, radix: 16)
    }
}
