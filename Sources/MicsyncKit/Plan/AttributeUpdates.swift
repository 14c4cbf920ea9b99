import Foundation

extension PathList {
    /// The update pass's list without the files planned for their attributes alone whose two copies no longer
    /// pass rsync's quick check (same size, times within a second): their content changed since the plan, and
    /// nobody approved overwriting them. Also returns the readable names of those left alone.
    func droppingChanged(_ attributesOnly: PathList, source: String, destination: String) -> (PathList, [String]) {
        var changed = Set<[UInt8]>(), names: [String] = []
        for entry in attributesOnly where !entry.isDirectory && !Self.copiesMatch(entry.path, source, destination) {
            changed.insert(Array(entry.path))
            names.append(entry.displayName)
        }
        guard !changed.isEmpty else { return (self, []) }
        var kept = PathList()
        for entry in self where !changed.contains(Array(entry.path)) { kept.append(entry.path, size: entry.size) }
        return (kept, names)
    }

    private static func copiesMatch(_ relative: some Collection<UInt8>, _ source: String, _ destination: String) -> Bool
    {
        guard let here = FileSystem.status(source, relative), let there = FileSystem.status(destination, relative)
        else { return false }
        return here.st_size == there.st_size && NewerCopy(source: here, destination: there) == .neither
    }
}
