/// The directory of a location on this machine: the only root the file system's per-file helpers take, and
/// only a local location gives one (`Location.local`), so that a system call on a remote location's
/// `host:/path` cannot be written by accident.
public struct LocalRoot: Sendable, Hashable {
    public let path: String

    fileprivate init(_ path: String) {
        self.path = path
    }
}

extension Location {
    /// Its directory when it is on this machine; nil for a location on another host, whose files only its
    /// host can be asked about (`LocationBook.entries`).
    public var local: LocalRoot? { remote == nil ? LocalRoot(path) : nil }
}
