import Foundation

/// One run per location: an exclusive `flock` on `.micsync/lock` inside the location itself, so that every
/// run reaching the same directory meets it, whatever path it took (a symlink, a bind mount, another
/// configuration), whoever runs it (another user's state folder). Where `.micsync/` cannot be written (a
/// read-only disc), the lock is in micsync's state folder, keyed by the directory's device and inode. A
/// second run fails at once, naming the holder. The lock goes with the process, however it ends, and rsync
/// holds it too (see `Rsync.run`).
public final class LocationLock {
    static let name = "lock"

    /// Open while a local lock is held; given to rsync as its stdin so that rsync holds it too. nil for a
    /// lock on another host, which `release` lets go.
    let descriptor: Int32?
    private let release: (@Sendable () -> Void)?

    private init(descriptor: Int32) {
        self.descriptor = descriptor
        release = nil
    }

    /// A lock held elsewhere (on another host) until `release` is called, when the run lets it go.
    init(release: @escaping @Sendable () -> Void) {
        descriptor = nil
        self.release = release
    }

    deinit {
        if let descriptor { close(descriptor) }
        release?()
    }

    static func acquire(_ location: Location, fallbackFolder: String) throws(MicsyncError) -> LocationLock {
        let (descriptor, file) = try openLockFile(location, fallbackFolder: fallbackFolder)
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let holder = Self.holder(descriptor)
            close(descriptor)
            throw MicsyncError(
                .refused,
                "\(location.heading) is being written by another micsync run (\(holder), lock \(file)); "
                    + "try again when it has finished. Nothing was changed")
        }
        let record = "host \(Self.hostName), pid \(getpid()): \(CommandLine.arguments.joined(separator: " "))\n"
        ftruncate(descriptor, 0)
        _ = record.withCString { pwrite(descriptor, $0, strlen($0), 0) }
        return LocationLock(descriptor: descriptor)
    }

    /// `.micsync/lock` opened without following a symlink anywhere; where `.micsync/` cannot be written,
    /// the state folder's lock file for the directory's device and inode.
    private static func openLockFile(_ location: Location, fallbackFolder: String) throws(MicsyncError)
        -> (Int32, String)
    {
        try StateFolder(location).check()
        let inside = StateFolder(location).path + "/" + name
        let state: Int32
        do {
            state = try LocationMarker.openState(of: location, creating: true)
        } catch {
            guard isReadOnly(location) else { throw error }
            return try openInStateFolder(location, folder: fallbackFolder)
        }
        defer { close(state) }
        let descriptor = openat(state, name, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK, 0o644)
        guard descriptor >= 0 else {
            if errno == ELOOP { throw refusal(inside, "is a symlink") }
            guard isReadOnly(location) else {
                throw .io("cannot open the lock \(inside): \(String(cString: strerror(errno)))")
            }
            return try openInStateFolder(location, folder: fallbackFolder)
        }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            close(descriptor)
            throw refusal(inside, "is not a regular file")
        }
        return (descriptor, inside)
    }

    private static func isReadOnly(_ location: Location) -> Bool {
        Glibc.access(location.path, W_OK) != 0
    }

    private static func refusal(_ path: String, _ what: String) -> MicsyncError {
        .notFound("\(path) \(what); micsync does not use this location until it is removed")
    }

    private static func openInStateFolder(_ location: Location, folder: String) throws(MicsyncError) -> (Int32, String)
    {
        try FileSystem.makeDirectories(folder, purpose: "the lock folder")
        var info = stat()
        guard stat(location.path, &info) == 0 else {
            throw .notFound("cannot lock \(location.heading): \(String(cString: strerror(errno)))")
        }
        let file = folder + "/dev\(info.st_dev)-ino\(info.st_ino).lock"
        let descriptor = Foundation.open(file, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw .io("cannot open the lock file \(file): \(String(cString: strerror(errno)))")
        }
        return (descriptor, file)
    }

    /// What the holder wrote into the lock: host, pid and command.
    private static func holder(_ descriptor: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = pread(descriptor, &buffer, buffer.count, 0)
        let text = count > 0 ? String(decoding: buffer[..<count], as: UTF8.self) : ""
        let line = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return line.isEmpty ? "holder unknown" : line
    }

    static var hostName: String {
        var buffer = [CChar](repeating: 0, count: 256)
        return gethostname(&buffer, buffer.count) == 0 ? String(cString: buffer) : "unknown host"
    }
}
