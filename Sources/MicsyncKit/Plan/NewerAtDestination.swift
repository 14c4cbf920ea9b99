import Foundation

/// Which of two copies of a file was modified last.
enum NewerCopy: Equatable, Sendable {
    case source, destination, neither

    /// Compares the modification times of `relative` under `source` and under `destination`; a copy that is
    /// not there counts as neither.
    init(of relative: some Collection<UInt8>, source: String, destination: String) {
        guard let here = FileSystem.status(source, relative), let there = FileSystem.status(destination, relative)
        else {
            self = .neither
            return
        }
        self.init(source: here, destination: there)
    }

    /// The one rule of "the same time": a difference of a second or less is the clock's grain (FAT keeps 2 s),
    /// not an edit, so it counts as neither.
    init(source here: stat, destination there: stat) {
        let difference = Self.nanoseconds(there.st_mtim) - Self.nanoseconds(here.st_mtim)
        self = difference > 1_000_000_000 ? .destination : difference < -1_000_000_000 ? .source : .neither
    }

    private static func nanoseconds(_ time: timespec) -> Int64 {
        Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }
}

extension PathList.Entry {
    /// Whether the copy at `destination` is the newer one: one that an overwrite would replace with older data
    /// (a WORKING file edited after its last backup, say).
    func isNewer(at destination: String, than source: String) -> Bool {
        !isDirectory && NewerCopy(of: path, source: source, destination: destination) == .destination
    }
}

extension PathList {
    /// Positions of the items whose copy at `destination` is newer than the source's.
    func newer(at destination: String, than source: String) -> Set<Int> {
        Set(enumerated().filter { $0.element.isNewer(at: destination, than: source) }.map(\.offset))
    }
}
