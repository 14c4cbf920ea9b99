import Foundation

/// What is at one path of a location, as `lstat` tells it (a symlink itself, not what it points to).
struct EntryFacts: Sendable, Equatable {
    let kind: ItemizedChange.Kind
    /// The permission bits (`0o7777` at most).
    let permissions: UInt32
    let size: Int64
    /// The modification time in nanoseconds since the epoch; whole seconds from a host that tells no more.
    let modified: Int64

    /// From a raw `st_mode` (type and permission bits), as `lstat` and `stat -c %f` give it.
    init(mode: UInt32, size: Int64, modified: Int64) {
        kind =
            switch mode & UInt32(S_IFMT) {
            case UInt32(S_IFREG): .file
            case UInt32(S_IFDIR): .directory
            case UInt32(S_IFLNK): .symlink
            default: .other
            }
        permissions = mode & 0o7777
        self.size = size
        self.modified = modified
    }
}

/// The per-file questions about a location's entries (is it there, of which type, mode, size and time),
/// answered where the location lives: by a system call here for a directory of this machine, by its host
/// for one on another host. Many paths make one question, so that a host is asked once per batch, never
/// once per file.
protocol EntryQuestions: Sendable {
    /// What is at each of `relativePaths` (raw bytes below the root; empty for the root itself), in their
    /// order, nil where nothing is; nil as a whole when it cannot tell (a host that does not answer).
    func entries(_ relativePaths: [[UInt8]]) -> [EntryFacts?]?
    /// The positions in `relativePaths` of what is there but cannot be opened for reading (a symlink is
    /// read as a link, and counts as readable); nil when it cannot tell.
    func unreadable(_ relativePaths: [[UInt8]]) -> Set<Int>?
}

extension LocationBook {
    /// What `location` holds at each of `relativePaths`, asked where it lives; nil when it cannot tell.
    func entries(_ relativePaths: [[UInt8]], in location: Location) -> [EntryFacts?]? {
        relativePaths.isEmpty ? [] : site(location).entries(relativePaths)
    }

    /// The positions in `relativePaths` of what `location` holds but cannot be read; nil when it cannot tell.
    func unreadable(_ relativePaths: [[UInt8]], in location: Location) -> Set<Int>? {
        relativePaths.isEmpty ? [] : site(location).unreadable(relativePaths)
    }

    /// Whether `location`'s directory is there; nil when it cannot tell.
    public func exists(_ location: Location) -> Bool? {
        entries([[]], in: location).map { $0[0] != nil }
    }
}
