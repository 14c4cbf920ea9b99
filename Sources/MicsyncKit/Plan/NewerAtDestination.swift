import Foundation

extension PathList {
    /// Positions of the items whose copy at `destination` was modified later than the source's: the ones an
    /// overwrite would replace with older data (a WORKING file edited after its last backup, say).
    public func newer(at destination: String, than source: String) -> Set<Int> {
        var positions = Set<Int>()
        for (position, entry) in enumerated() where !entry.isDirectory {
            guard let there = FileSystem.status(destination, entry.path),
                  let here = FileSystem.status(source, entry.path) else { continue }
            if (there.st_mtim.tv_sec, there.st_mtim.tv_nsec) > (here.st_mtim.tv_sec, here.st_mtim.tv_nsec) {
                positions.insert(position)
            }
        }
        return positions
    }
}
