import Foundation
import MicsyncKit

/// What a restore brings back, worked out before anything is written: for each file, the copy to take and
/// the place it comes from; how many are already in place; what is in the target that did not exist then.
struct RestorePlan {
    /// Where copies come from: a location's current copies, or one of its trash folders.
    struct Source: Hashable {
        let location: Location
        let trash: String?

        var place: String { location.place(trash: trash) }
    }

    /// The copies to bring back, by where they come from: current copies first, then trash folders by time.
    var sources: [(source: Source, versions: [FileVersion])] = []
    /// Files whose wanted version is the one in the target already.
    var unchanged = 0
    /// Files in the target that the chosen time did not have (or that no chosen version names), by path in
    /// the location.
    var extra: [[UInt8]] = []
    /// Files in the target where a file coming back needs the place (inside a folder that becomes a file,
    /// or a file where a folder comes back): the runs replace them, keeping them in the trash.
    var inTheWay: [[UInt8]] = []

    /// `wanted`: the version of each file to have, by path in the location; `present`: what the target holds
    /// now, by the same paths.
    init(wanted: [[UInt8]: FileVersion], present: [[UInt8]: FileVersion]) {
        var bySource: [Source: [FileVersion]] = [:]
        for (path, version) in wanted {
            if let there = present[path], there.isIdentical(to: version, byContent: false) {
                unchanged += 1
            } else {
                bySource[Source(location: version.location, trash: version.trash), default: []].append(version)
            }
        }
        sources = bySource.map { ($0.key, $0.value.sorted { $0.path.lexicographicallyPrecedes($1.path) }) }
            .sorted {
                ($0.source.trash ?? "", $0.source.location.path) < ($1.source.trash ?? "", $1.source.location.path)
            }
        // In the way: a file where a folder comes back (a file coming back lies below it), or a file inside a
        // folder that becomes a file.
        let wantedFolders = Set(wanted.keys.flatMap(Self.parents))
        for path in present.keys.filter({ wanted[$0] == nil }).sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            if wantedFolders.contains(path) || Self.parents(of: path).contains(where: { wanted[$0] != nil }) {
                inTheWay.append(path)
            } else {
                extra.append(path)
            }
        }
    }

    /// The folders above `path`: `a/b/c` → `a`, `a/b`.
    private static func parents(of path: [UInt8]) -> [[UInt8]] {
        path.indices.filter { path[$0] == UInt8(ascii: "/") }.map { Array(path[..<$0]) }
    }

    var isEmpty: Bool { sources.isEmpty }
}
