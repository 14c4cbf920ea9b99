import Foundation

/// What one location holds of a path: every file at and below it, current copies and trash.
public struct LocationVersions: Sendable {
    public let location: Location
    public let versions: [FileVersion]
}

/// Every version of the files at and below one path that the locations asked hold: what `versions` lists
/// and `restore` picks from.
public struct History: Sendable {
    /// Each location's versions, in the order they are to be believed (see `current(at:)`).
    public let locations: [LocationVersions]

    /// Every file path any location holds, in path order.
    public var paths: [[UInt8]] {
        Set(locations.flatMap { $0.versions.map(\.path) }).sorted { $0.lexicographicallyPrecedes($1) }
    }

    /// Every version of `path`, newest first, identical ones grouped (by size and modification time, or
    /// by content with `byContent`).
    public func groups(of path: [UInt8], byContent: Bool) -> [VersionGroup] {
        var groups: [VersionGroup] = []
        for version in locations.flatMap(\.versions) where version.path == path {
            if let index = groups.firstIndex(where: { $0.copies[0].isIdentical(to: version, byContent: byContent) }) {
                groups[index].copies.append(version)
            } else {
                groups.append(VersionGroup(copies: [version]))
            }
        }
        return groups.sorted { $0.isNewer(than: $1) }
    }

    /// The version of each file that was current at `time`: the first location, in order, whose record
    /// says what the path was then decides (see `LocationVersions.answer`); a path no record places there
    /// is left out.
    public func current(at time: Date) -> [[UInt8]: FileVersion] {
        var chosen: [[UInt8]: FileVersion] = [:]
        let byPath = locations.map { Dictionary(grouping: $0.versions, by: \.path) }
        for path in paths {
            for (location, versions) in zip(locations, byPath) {
                let answer = location.answer(versions[path] ?? [], at: time)
                if case .version(let version) = answer { chosen[path] = version }
                if answer != .unknown { break }
            }
        }
        return chosen
    }
}

extension LocationVersions {
    /// What one location's record says a path was at some time.
    enum Answer: Equatable {
        case version(FileVersion)
        /// It was not there.
        case absent
        /// This location cannot tell: it never held the path, or it is a WORKING, whose files change
        /// without micsync keeping what they were.
        case unknown
    }

    /// The version of one path (`versions`, all of it in this location) current at `time`: the first one
    /// replaced after `time` (or else the current copy), if it had come by then. A version came no earlier
    /// than its modification time, its arrival on the filesystem, and the replacing of the version before
    /// it here (the run that did that wrote this one). Only a BACKUP, which micsync alone writes, knows
    /// when a path was not there.
    func answer(_ versions: [FileVersion], at time: Date) -> Answer {
        let never = location.role == .backup && !versions.isEmpty ? Answer.absent : .unknown
        let byReplacement = versions.sorted { ($0.replaced ?? .distantFuture) < ($1.replaced ?? .distantFuture) }
        guard let index = byReplacement.firstIndex(where: { ($0.replaced ?? .distantFuture) > time }) else {
            return never
        }
        let version = byReplacement[index]
        let previous = index > 0 ? byReplacement[index - 1].replaced : nil
        let came = [version.modified, version.arrived, previous].compactMap { $0 }.max()!
        return came <= time ? .version(version) : never
    }
}

/// Identical copies of one version of a file, in one or several places.
public struct VersionGroup: Sendable {
    public var copies: [FileVersion]

    /// The earliest modification time of its copies: when this content became current.
    public var modified: Date { copies.map(\.modified).min()! }

    /// When it was replaced: its first copy to go to a trash (the others went later, as runs carried the
    /// change on); nil while a copy is current.
    public var replaced: Date? {
        copies.contains { $0.trash == nil } ? nil : copies.compactMap(\.replaced).min()
    }

    public var size: Int64 { copies[0].size }
    public var kind: FileVersion.Kind { copies[0].kind }

    /// Newest first: a current version before any replaced one, then by replacement, then by modification.
    func isNewer(than other: VersionGroup) -> Bool {
        let (mine, theirs) = (replaced ?? .distantFuture, other.replaced ?? .distantFuture)
        return mine != theirs ? mine > theirs : modified > other.modified
    }
}
