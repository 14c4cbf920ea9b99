import Foundation

extension LocationBook {
    /// Those of `files` whose two copies no longer pass rsync's quick check (the same type and size, and for
    /// a file times within a second; a symlink's time is one of its attributes), each end asked where it
    /// lives: planned for their attributes alone (or to have a hard link made to them), their content
    /// changed since the plan, and nobody approved overwriting them. nil when an end cannot tell.
    func changedCopies(_ files: [[UInt8]], source: Location, destination: Location) -> Set<[UInt8]>? {
        guard let ends = bothEnds(files, source: source, destination: destination) else { return nil }
        return Set(
            zip(files, ends).compactMap { path, ends in
                guard let here = ends.source, let there = ends.destination, here.kind == there.kind,
                    here.size == there.size,
                    here.kind != .file || NewerCopy(source: here, destination: there) == .neither
                else { return path }
                return nil
            })
    }
}

extension PathList {
    /// The list without the entries whose paths are in `paths`.
    func removing(_ paths: Set<[UInt8]>) -> PathList {
        guard !paths.isEmpty else { return self }
        var kept = PathList()
        for entry in self where !paths.contains(Array(entry.path)) { kept.append(entry.path, size: entry.size) }
        return kept
    }
}
