extension Plan {
    /// The plan with type changes sorted as modifications: an item rsync would create (a folder, a file, a
    /// symlink) where the destination already holds something, or a hard link it would make where the
    /// destination holds a folder or a symlink, replaces that thing, so it is asked about and trashed like
    /// any overwrite, and so is everything planned below it. rsync's deletions to make way for it are part of
    /// that change, not deletions of their own. `found` is what the destination holds at the
    /// `typeChangeCandidates()`.
    func sortingTypeChanges(_ found: [[UInt8]: ItemizedChange.Kind]) -> Plan {
        var result = self
        result.new = PathList()
        var replaced = Set<ArraySlice<UInt8>>()
        for entry in modified where links[Array(entry.path)] != nil {
            if let kind = found[Array(entry.path)], kind != .file { replaced.insert(entry.path) }
        }
        for entry in new {
            let path = entry.listedName
            if Self.lies(path, belowAnyOf: replaced) {
                result.modified.append(entry.path, size: entry.size)
            } else if found[Array(path)] != nil {
                replaced.insert(path)
                result.modified.append(entry.path, size: entry.size)
            } else {
                result.new.append(entry.path, size: entry.size)
            }
        }
        guard !replaced.isEmpty else { return self }
        result.typeChanges = Set(replaced.map(Array.init))
        result.deleted = PathList()
        for entry in deleted {
            let path = entry.listedName
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

    /// The paths where an item may replace something of another type (a folder's without its `/`): the new
    /// items that no new folder holds, and the hard links rsync would make in place of what is there. Nothing
    /// below a new folder can be at the destination (the folder is absent or replaced whole), so a first
    /// backup of 100,000 files looks up its top folders only.
    func typeChangeCandidates() -> [[UInt8]] {
        var folders = Set<ArraySlice<UInt8>>(), candidates: [[UInt8]] = []
        for entry in new {
            let path = entry.listedName
            guard !Self.lies(path, belowAnyOf: folders) else { continue }
            if entry.isDirectory { folders.insert(path) }
            candidates.append(Array(path))
        }
        for entry in modified where links[Array(entry.path)] != nil { candidates.append(Array(entry.path)) }
        return candidates
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
