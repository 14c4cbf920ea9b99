import Foundation

/// A temporary file holding the NUL-separated paths of one apply pass; removed when no longer referenced.
final class ListFile: Sendable {
    let path: String

    /// Reserves a new, empty list file.
    init() throws(MicsyncError) {
        path = Self.folder + "micsync-\(getpid())-\(UUID().uuidString).list"
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw Self.failure(path) }
        close(descriptor)
    }

    deinit { unlink(path) }

    private static var folder: String {
        let folder = NSTemporaryDirectory()
        return folder.hasSuffix("/") ? folder : folder + "/"
    }

    /// Fails the way a list file would, before the first question: no answer is wasted on a run that
    /// could not apply.
    static func probe() throws(MicsyncError) {
        _ = try ListFile()
    }

    /// Replaces the file's contents with `list`, as `rsync --from0 --files-from` reads it.
    func write(_ list: PathList) throws(MicsyncError) {
        let descriptor = open(path, O_WRONLY | O_TRUNC | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { throw Self.failure(path) }
        var output = LineWriter(descriptor: descriptor)
        list.writeFilesFrom(to: &output)
        output.flush()
        close(descriptor)
        guard !output.failed else { throw Self.failure(path) }
    }

    private static func failure(_ path: String) -> MicsyncError {
        .io(
            "cannot write the list of paths to \(path): \(String(cString: strerror(errno))) (set TMPDIR to "
                + "a writable folder)")
    }
}
