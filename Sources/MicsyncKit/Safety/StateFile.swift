import Foundation

/// One of the JSON files micsync keeps in its state folder (the known locations, the filesystem cache).
/// What it remembers guards the user's data, so it is never lost by accident: changed under a lock of its
/// own (so that runs changing it at once never lose each other's entries), written whole (temporary file,
/// fsync, rename), read with a size limit, and a file that cannot be read is an error naming it, the reason
/// and the way out, never an empty start that would lower a guard.
struct StateFile<Content: Codable & Sendable & Equatable>: Sendable {
    static var sizeLimit: Int { 16 * 1024 * 1024 }

    let path: String
    /// What the file remembers, for the way out: "every disc is then adopted anew on its next run".
    let consequence: String

    /// The file's content; nil when there is no file yet.
    func read() throws(MicsyncError) -> Content? {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            // ENOTDIR: a parent is no folder, so there is no such file (the journal's folder check says why).
            if errno == ENOENT || errno == ENOTDIR { return nil }
            throw unreadable(String(cString: strerror(errno)))
        }
        let data: Data
        switch FileSystem.contents(of: path, limit: Self.sizeLimit) {
        case .success(let contents): data = contents
        case .failure(let reason): throw unreadable(reason.description)
        }
        guard !data.isEmpty else { throw unreadable("it is empty") }
        do {
            return try JSONDecoder().decode(Content.self, from: data)
        } catch {
            throw unreadable("it is not what micsync wrote (truncated or damaged)")
        }
    }

    /// Reads the file anew under its lock, lets `change` change what it holds (`empty` when there is no file
    /// yet) and writes it back when it changed; returns what the file holds now.
    @discardableResult
    func update(from empty: Content, _ change: (inout Content) -> Void) throws(MicsyncError) -> Content {
        try FileSystem.makeDirectories(folder, purpose: "micsync's state folder")
        let lock = try lockFile()
        defer { close(lock) }
        let before = try read() ?? empty
        var after = before
        change(&after)
        if after != before { try write(after) }
        return after
    }

    private var folder: String { (path as NSString).deletingLastPathComponent }

    /// `PATH.lock`, held (`flock`) while the file is read and written back. Another run holds it for a few
    /// milliseconds; one that holds it for ten seconds is no micsync run.
    private func lockFile() throws(MicsyncError) -> Int32 {
        let file = path + ".lock"
        let descriptor = open(file, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw failure("cannot open its lock \(file): \(String(cString: strerror(errno)))")
        }
        let deadline = ContinuousClock.now + .seconds(10)
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR, ContinuousClock.now < deadline else {
                close(descriptor)
                throw failure("its lock \(file) stays held by another process")
            }
            usleep(2_000)
        }
        return descriptor
    }

    /// Replaces the file with `content`, whole or not at all (the caller holds the lock).
    private func write(_ content: Content) throws(MicsyncError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let temporary = path + ".new-\(getpid())"
        let bytes: Data
        do { bytes = try encoder.encode(content) } catch { throw failure(error.localizedDescription) }
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw failure(String(cString: strerror(errno))) }
        let written = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
        let synced = written == bytes.count && fsync(descriptor) == 0
        let reason = String(cString: strerror(errno))
        close(descriptor)
        guard synced, rename(temporary, path) == 0 else {
            unlink(temporary)
            throw failure(synced ? String(cString: strerror(errno)) : reason)
        }
        // The rename itself survives a power cut only once the folder is synced.
        let directory = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if directory >= 0 {
            fsync(directory)
            close(directory)
        }
    }

    private func unreadable(_ reason: String) -> MicsyncError {
        .io(
            "cannot read micsync's state file \(path): \(reason); nothing was changed. Move it away "
                + "(`mv \(RsyncInvocation.shellQuoted(path)) \(RsyncInvocation.shellQuoted(path + ".bad"))`) to "
                + "start afresh: \(consequence)")
    }

    private func failure(_ reason: String) -> MicsyncError {
        .io("cannot write micsync's state file \(path): \(reason)")
    }
}
