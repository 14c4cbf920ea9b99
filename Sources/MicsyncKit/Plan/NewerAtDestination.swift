import Foundation

extension PathList {
    /// Positions of the items whose copy at `destination` was modified more than a second later than the
    /// source's: the ones an overwrite would replace with older data (a WORKING file edited after its last
    /// backup, say). A second or less is the clock's grain (FAT keeps 2 s), not an edit.
    public func newer(at destination: String, than source: String) -> Set<Int> {
        var positions = Set<Int>()
        for (position, entry) in enumerated() where !entry.isDirectory {
            guard let there = FileSystem.status(destination, entry.path),
                  let here = FileSystem.status(source, entry.path) else { continue }
            if nanoseconds(there.st_mtim) - nanoseconds(here.st_mtim) > 1_000_000_000 {
                positions.insert(position)
            }
        }
        return positions
    }

    private func nanoseconds(_ time: timespec) -> Int64 { Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec) }
}
