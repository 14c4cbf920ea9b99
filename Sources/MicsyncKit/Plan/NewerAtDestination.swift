import Foundation

extension PathList.Entry {
    /// Whether the copy at `destination` was modified more than a second later than the source's: one that an
    /// overwrite would replace with older data (a WORKING file edited after its last backup, say). A second
    /// or less is the clock's grain (FAT keeps 2 s), not an edit.
    public func isNewer(at destination: String, than source: String) -> Bool {
        guard !isDirectory, let there = FileSystem.status(destination, path), let here = FileSystem.status(source, path)
        else { return false }
        return Self.nanoseconds(there.st_mtim) - Self.nanoseconds(here.st_mtim) > 1_000_000_000
    }

    private static func nanoseconds(_ time: timespec) -> Int64 { Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec) }
}

extension PathList {
    /// Positions of the items whose copy at `destination` is newer than the source's.
    public func newer(at destination: String, than source: String) -> Set<Int> {
        Set(enumerated().filter { $0.element.isNewer(at: destination, than: source) }.map(\.offset))
    }
}
