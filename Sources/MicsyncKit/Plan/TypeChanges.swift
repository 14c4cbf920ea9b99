extension Plan {
    /// The plan with type changes sorted as modifications: an item rsync would create (a folder, a file, a
    /// symlink) where the destination already holds something of another type replaces that thing, so it
    /// is asked about and trashed like any overwrite, and so is everything planned below it. rsync's
    /// deletions to make way for it are part of that change, not deletions of their own. Nothing below a new
    /// folder that is not at the destination can be there either, so it is not looked up: a first backup of
    /// 100,000 files looks up its top folders only.
    func sortingTypeChanges(existsAtDestination: (ArraySlice<UInt8>) -> Bool) -> Plan {
        var result = self
        result.new = PathList()
        var replaced = Set<ArraySlice<UInt8>>(), absent = Set<ArraySlice<UInt8>>()
        for entry in new {
            let path = entry.isDirectory ? entry.path.dropLast() : entry.path
            if Self.lies(path, belowAnyOf: replaced) {
                result.modified.append(entry.path, size: entry.size)
            } else if Self.lies(path, belowAnyOf: absent) {
                result.new.append(entry.path, size: entry.size)
            } else if existsAtDestination(path) {
                replaced.insert(path)
                result.modified.append(entry.path, size: entry.size)
            } else {
                if entry.isDirectory { absent.insert(path) }
                result.new.append(entry.path, size: entry.size)
            }
        }
        guard !replaced.isEmpty else { return self }
        result.typeChanges = Set(replaced.map(Array.init))
        result.deleted = PathList()
        for entry in deleted {
            let path = entry.isDirectory ? entry.path.dropLast() : entry.path
            if !replaced.contains(path), !Self.lies(path, belowAnyOf: replaced) {
                result.deleted.append(entry.path, size: entry.size)
            }
        }
        return result
    }

    /// Whether `path` (without a directory's `/`) is, or lies below, a path where an item of another type
    /// replaces what the destination holds.
    func isReplaced(_ path: [UInt8]) -> Bool {
        guard !typeChanges.isEmpty else { return false }
        return typeChanges.contains(path)
            || path.indices.contains { path[$0] == UInt8(ascii: "/") && typeChanges.contains(Array(path[..<$0])) }
    }

    /// The new items that no new folder holds (a folder's path without its `/`): the only ones that can
    /// replace something at the destination, and so the only ones `sortingTypeChanges` looks up.
    func outermostNew() -> [[UInt8]] {
        var folders = Set<ArraySlice<UInt8>>(), outermost: [[UInt8]] = []
        for entry in new {
            let path = entry.isDirectory ? entry.path.dropLast() : entry.path
            guard !Self.lies(path, belowAnyOf: folders) else { continue }
            if entry.isDirectory { folders.insert(path) }
            outermost.append(Array(path))
        }
        return outermost
    }

    /// Whether a folder of `folders` holds `path`, one lookup per level of `path`.
    private static func lies(_ path: ArraySlice<UInt8>, belowAnyOf folders: Set<ArraySlice<UInt8>>) -> Bool {
        guard !folders.isEmpty else { return false }
        var index = path.startIndex
        while let slash = path[index...].firstIndex(of: UInt8(ascii: "/")) {
            if folders.contains(path[path.startIndex..<slash]) { return true }
            index = path.index(after: slash)
        }
        return false
    }
}
