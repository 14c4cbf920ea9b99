import Foundation
import Synchronization

/// One run per location, by one protocol whoever reaches it and how: an exclusive `flock` on `.micsync/lock`
/// inside the location, and the folder `.micsync/lock.d` holding the owner record (`LockOwner`). A run of
/// this machine takes both, in that order; a run over ssh takes both on the host (`RemoteLock`), or only the
/// folder where the host has no `flock(1)`. So every run that reaches the same directory meets the other,
/// whatever path it took (a symlink, a bind mount, another configuration, ssh from another machine), whoever
/// runs it (another user's state folder). A folder whose record says its holder kept the flock is taken
/// over by whoever holds the flock now: that holder is gone. Where `.micsync/` cannot be written (a
/// read-only disc), the lock is in micsync's state folder, keyed by the directory's device and inode, its
/// record in the lock file. A second run fails at once, naming the holder. The record goes when the lock is
/// let go; the flock goes with the process however it ends, and rsync holds it too (see `Rsync.run`).
public final class LocationLock {
    static let name = "lock"
    static let folderName = "lock.d"
    static let recordName = "owner"

    /// Open while a local lock is held; given to rsync as its stdin so that rsync holds it too. nil for a
    /// lock on another host.
    let descriptor: Int32?
    /// Lets go of it: once, by the run at its end or by a signal's handler, whichever comes first.
    let release: LockRelease

    init(descriptor: Int32?, release: LockRelease) {
        self.descriptor = descriptor
        self.release = release
    }

    deinit { release() }

    static func acquire(_ location: Location, fallbackFolder: String) throws(MicsyncError) -> LocationLock {
        let (descriptor, file, state) = try openLockFile(location, fallbackFolder: fallbackFolder)
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            let holder = state.map { recordFolder(in: $0).owner } ?? LockOwner(record: contents(of: descriptor))
            guard holder.isGone, freedSoon(descriptor) else {
                close(descriptor)
                state.map { _ = close($0) }
                throw refusal(location, holder: holder, file: file)
            }
        }
        let owner = LockOwner.thisRun(run: UUID().uuidString.lowercased(), holdingFlock: true)
        guard let state else {
            ftruncate(descriptor, 0)
            _ = owner.record.withCString { pwrite(descriptor, $0, strlen($0), 0) }
            return LocationLock(
                descriptor: descriptor,
                release: LockRelease {
                    ftruncate(descriptor, 0)
                    close(descriptor)
                })
        }
        do {
            try takeRecordFolder(in: state, for: location, owner: owner, file: file)
        } catch {
            close(descriptor)
            close(state)
            throw error
        }
        return LocationLock(
            descriptor: descriptor,
            release: LockRelease {
                removeRecordFolder(in: state, ifRun: owner.run)
                close(state)
                close(descriptor)
            })
    }

    /// Whether the flock on `descriptor` comes free within a few seconds, and is then taken: a run killed
    /// outright leaves its record, and its rsync (told by the kernel that micsync has gone) holds the flock
    /// for the moment it takes to stop.
    private static func freedSoon(_ descriptor: Int32) -> Bool {
        let deadline = ContinuousClock.now + .seconds(3)
        while ContinuousClock.now < deadline {
            usleep(50_000)
            if flock(descriptor, LOCK_EX | LOCK_NB) == 0 { return true }
        }
        return false
    }

    /// Makes `.micsync/lock.d` with `owner`'s record; the caller holds the flock. A folder there is taken over
    /// when its holder is provably gone; otherwise (a run over ssh from a host without `flock(1)`) the run
    /// is refused, naming it.
    private static func takeRecordFolder(
        in state: Int32, for location: Location, owner: LockOwner, file: String
    ) throws(MicsyncError) {
        if mkdirat(state, folderName, 0o755) != 0 {
            guard errno == EEXIST else { throw .io("cannot make \(file).d: \(String(cString: strerror(errno)))") }
            let (found, real) = recordFolder(in: state)
            guard real else { throw .notFound("\(file).d is not a real folder; micsync does not use this location") }
            guard found.heldFlock || found.isGone else {
                throw refusal(location, holder: found, file: file, unlockable: true)
            }
            removeRecordFolder(in: state, ifRun: found.run)
            guard mkdirat(state, folderName, 0o755) == 0 else {
                throw refusal(location, holder: recordFolder(in: state).owner, file: file)
            }
        }
        let folder = openat(state, folderName, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        let record =
            folder < 0 ? -1 : openat(folder, recordName, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        let written = record < 0 ? -1 : owner.record.withCString { write(record, $0, strlen($0)) }
        let reason = String(cString: strerror(errno))
        if record >= 0 { close(record) }
        if folder >= 0 { close(folder) }
        guard written >= 0 else {
            removeRecordFolder(in: state, ifRun: owner.run)
            throw .io("cannot write the lock's owner in \(file).d: \(reason)")
        }
    }

    /// The owner record in `.micsync/lock.d`, and whether that is a real folder (or absent).
    private static func recordFolder(in state: Int32) -> (owner: LockOwner, real: Bool) {
        let folder = openat(state, folderName, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard folder >= 0 else { return (LockOwner(record: ""), errno == ENOENT) }
        defer { close(folder) }
        let record = openat(folder, recordName, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
        guard record >= 0 else { return (LockOwner(record: ""), true) }
        defer { close(record) }
        var info = stat()
        guard fstat(record, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return (LockOwner(record: ""), true) }
        return (LockOwner(record: contents(of: record)), true)
    }

    /// Removes `.micsync/lock.d` and its record, when the record is still `run`'s (nil: whoever's).
    private static func removeRecordFolder(in state: Int32, ifRun run: String?) {
        let (owner, real) = recordFolder(in: state)
        guard real, run == nil || owner.run == run else { return }
        let folder = openat(state, folderName, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard folder >= 0 else { return }
        unlinkat(folder, recordName, 0)
        close(folder)
        unlinkat(state, folderName, AT_REMOVEDIR)
    }

    /// `location` is being written by another run (exit 5), or locked by a process that left no record;
    /// `unlockable`: no live flock shows its holder, so `micsync unlock` may remove it once the user knows
    /// that run is gone.
    static func refusal(
        _ location: Location, holder: LockOwner, file: String, unlockable: Bool = false
    ) -> MicsyncError {
        // A run killed outright leaves its record, and its rsync holds the flock until it ends.
        let ended = holder.isGone ? ", which has ended; its rsync may still be running" : ""
        let who =
            holder.namesSomeone
            ? "is being written by another micsync run (\(holder)\(ended), lock \(file))"
            : "is locked by another process (lock \(file))"
        return MicsyncError(
            .refused,
            "\(location.heading) \(who); try again when it has finished. Nothing was changed"
                + (unlockable
                    ? ". If no run writes there any more: micsync unlock \(RsyncInvocation.shellQuoted(location.path))"
                    : ""))
    }

    /// Whether `location` may hold a lock to unlock, asking no host: one on another host may; one here does
    /// when its record folder is there.
    public static func mayBeHeld(_ location: Location) -> Bool {
        location.remote != nil || FileSystem.exists(StateFolder(location).path + "/" + folderName)
    }

    /// `micsync unlock` of a location of this machine: removes the record folder that no live run holds (left
    /// by a run over ssh from a host without `flock(1)` whose machine crashed); what was done, in words. A
    /// flock needs no unlocking: it ends with its holder.
    static func unlock(_ location: Location) throws(MicsyncError) -> String {
        var info = stat()
        guard lstat(StateFolder(location).path + "/" + folderName, &info) == 0 else {
            return "\(location.heading) is not locked; nothing to do"
        }
        let (descriptor, file, state) = try openLockFile(location, fallbackFolder: nil)
        defer {
            close(descriptor)
            state.map { _ = close($0) }
        }
        guard let state else { return "\(location.heading) is not locked; nothing to do" }
        let (owner, _) = recordFolder(in: state)
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0, !owner.isAliveHere else {
            throw MicsyncError(
                .refused,
                "\(location.heading) is locked by a run that is still running (\(owner), lock \(file)); let it finish")
        }
        removeRecordFolder(in: state, ifRun: owner.run)
        return "unlocked \(location.heading) (it was held by \(owner))"
    }

    /// `.micsync/lock` opened without following a symlink anywhere, with `.micsync` itself; where
    /// `.micsync/` cannot be written, the lock file for the directory's device and inode in `fallbackFolder`
    /// (and no `.micsync`).
    private static func openLockFile(_ location: Location, fallbackFolder: String?) throws(MicsyncError)
        -> (Int32, String, Int32?)
    {
        try StateFolder(location).check()
        let inside = StateFolder(location).path + "/" + name
        let state: Int32
        do {
            state = try LocationMarker.openState(of: location, creating: true)
        } catch {
            guard isReadOnly(location), let fallbackFolder else { throw error }
            return try openInStateFolder(location, folder: fallbackFolder)
        }
        let descriptor = openat(state, name, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK, 0o644)
        guard descriptor >= 0 else {
            let failure = errno
            close(state)
            if failure == ELOOP { throw refusal(inside, "is a symlink") }
            guard isReadOnly(location), let fallbackFolder else {
                throw .io("cannot open the lock \(inside): \(String(cString: strerror(failure)))")
            }
            return try openInStateFolder(location, folder: fallbackFolder)
        }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            close(descriptor)
            close(state)
            throw refusal(inside, "is not a regular file")
        }
        return (descriptor, inside, state)
    }

    private static func isReadOnly(_ location: Location) -> Bool {
        Glibc.access(location.path, W_OK) != 0
    }

    private static func refusal(_ path: String, _ what: String) -> MicsyncError {
        .notFound("\(path) \(what); micsync does not use this location until it is removed")
    }

    private static func openInStateFolder(_ location: Location, folder: String) throws(MicsyncError)
        -> (Int32, String, Int32?)
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
        return (descriptor, file, nil)
    }

    /// What `descriptor` holds, at most 4 KiB of it.
    private static func contents(of descriptor: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = pread(descriptor, &buffer, buffer.count, 0)
        return count > 0 ? String(decoding: buffer[..<count], as: UTF8.self) : ""
    }
}

/// Lets go of one lock, once, whoever asks first: the run when it ends, or a signal's handler on its way out
/// (`LocationBook.close`).
final class LockRelease: Sendable {
    private let action: Mutex<(@Sendable () -> Void)?>

    init(_ action: @escaping @Sendable () -> Void) {
        self.action = Mutex(action)
    }

    func callAsFunction() {
        action.withLock { action in
            defer { action = nil }
            return action
        }?()
    }
}
