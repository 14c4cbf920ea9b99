import Foundation

extension ItemizedChange {
    /// Whether what rsync itemized is really done at `destination`, asked after a pass that failed: rsync
    /// itemizes a file before it writes it, so on a read-only or full disc the line is there and the file
    /// is not. A copied file is done when it is there whole, with the source's size and time (an overwrite
    /// that failed leaves the old file, often of the same size); a deletion when the item is gone.
    func isDone(from source: Location, at destination: Location) -> Bool {
        let isDirectory = path.last == UInt8(ascii: "/")
        let relative = isDirectory ? Array(path.dropLast()) : path
        switch change {
        case .deleted: return !FileSystem.exists(destination.path, relative)
        case .new, .modified:
            guard let there = FileSystem.status(destination.path, relative) else { return false }
            guard !isDirectory else { return true }
            guard Int64(there.st_size) == size else { return false }
            guard let original = FileSystem.status(source.path, relative) else { return true }
            return there.st_mtim.tv_sec == original.st_mtim.tv_sec
        case .attributesOnly, .unchanged: return true
        }
    }
}
