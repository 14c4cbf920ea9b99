import Foundation

/// Which of two copies of a file was modified last.
enum NewerCopy: Equatable, Sendable {
    case source, destination, neither

    /// The one rule of "the same time": a difference of a second or less is the clock's grain (FAT keeps 2 s;
    /// a host tells whole seconds), not an edit, so it counts as neither. A copy that is not there, or is no
    /// file, counts as neither.
    init(source here: EntryFacts?, destination there: EntryFacts?) {
        guard let here, let there, here.kind != .directory, there.kind != .directory else {
            self = .neither
            return
        }
        let difference = there.modified - here.modified
        self = difference > 1_000_000_000 ? .destination : difference < -1_000_000_000 ? .source : .neither
    }
}

extension LocationBook {
    /// What each end of a run holds at each of `paths`, each end asked where it lives (one batch each);
    /// nil when an end cannot tell.
    func bothEnds(_ paths: [[UInt8]], source: Location, destination: Location) -> [(
        source: EntryFacts?, destination: EntryFacts?
    )]? {
        guard let here = entries(paths, in: source), let there = entries(paths, in: destination) else { return nil }
        return Array(zip(here, there))
    }

    /// Which copy of each of `list`'s files is newer, by position in `list` (directories are neither); all
    /// neither when an end cannot tell.
    func newerCopies(_ list: PathList, source: Location, destination: Location) -> [NewerCopy] {
        let ends = bothEnds(list.map { Array($0.path) }, source: source, destination: destination)
        return ends?.map { NewerCopy(source: $0.source, destination: $0.destination) }
            ?? Array(repeating: .neither, count: list.count)
    }

    /// Positions in `list` of the files whose copy at `destination` is newer than the source's: the ones an
    /// overwrite would replace with older data (a WORKING file edited after its last backup, say).
    func newer(_ list: PathList, at destination: Location, than source: Location) -> Set<Int> {
        let copies = newerCopies(list, source: source, destination: destination)
        return Set(copies.indices.filter { copies[$0] == .destination })
    }
}
