import Foundation
import MicsyncKit

/// Where a restore writes: the WORKING holding the path, where each file goes back to its place; or a
/// folder of one's choice (`--to DIR`), which receives the path under its own name (DIR/NAME).
struct RestoreTarget {
    let location: Location
    /// The path restored, relative to its location ("" for the whole location).
    let relative: String
    /// What the target leaves out of a path in the location: the restored path's parent folder for a
    /// `--to` folder, nothing for the WORKING.
    let anchor: [UInt8]

    /// The WORKING holding the scope's path (asking which, when it was typed in a BACKUP and there are
    /// several), or `directory`: an existing folder outside every location of the configuration.
    init(scope: Scope, directory: String?, context: RunContext) throws {
        relative = scope.relativePaths[0]
        guard let directory else {
            let chooser = LocationChooser(
                scope: scope, questions: context.questions, resolver: PathResolver(base: FileSystem.currentDirectory),
                locations: context.locations)
            location = try chooser.one(.working, named: [], purpose: "destination")
            anchor = []
            return
        }
        let folder = PathResolver(base: FileSystem.currentDirectory).location(directory)
        var isDirectory: ObjCBool = false
        guard folder.hasPrefix("/"), FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory),
            isDirectory.boolValue
        else {
            throw MicsyncError.notFound("--to \(directory): no such folder here; make it first (mkdir)")
        }
        let location = Location(role: .working, index: 0, path: folder)
        if let overlapping = scope.configuration.locations.first(where: {
            $0.contains(folder) || location.contains($0.path)
        }) {
            throw MicsyncError.usage(
                "--to \(folder) overlaps \(overlapping.heading): give a folder outside the locations "
                    + "(without --to, restore puts files back in their place)")
        }
        self.location = location
        let bytes = RawPath.bytes(relative)
        anchor = bytes.lastIndex(of: UInt8(ascii: "/")).map { Array(bytes[..<$0]) } ?? []
    }

    var heading: String { location.heading }

    /// `path` (in the location) as the target names it.
    func inTarget(_ path: [UInt8]) -> [UInt8] {
        anchor.isEmpty ? path : Array(path.dropFirst(anchor.count + 1))
    }

    /// `path` as the target names it, the other way round.
    func inLocation(_ path: [UInt8]) -> [UInt8] {
        anchor.isEmpty ? path : anchor + [UInt8(ascii: "/")] + path
    }

    /// `source` (a location, or one of its trash folders) as a restore into the target copies from it:
    /// from the restored path's parent for a `--to` folder, so that the path arrives under its own name.
    func anchored(_ source: Location) -> Location {
        guard !anchor.isEmpty else { return source }
        return Location(role: source.role, index: source.index, path: source.path + "/" + RawPath.string(anchor))
    }

    /// The files the target holds now at and below the path, by path in the location: read with the
    /// history when the target is one of its locations, else asked.
    func present(in history: History, locations: LocationBook) throws -> [[UInt8]: FileVersion] {
        if let own = history.locations.first(where: { $0.location == location }) {
            return Dictionary(uniqueKeysWithValues: own.versions.filter { $0.trash == nil }.map { ($0.path, $0) })
        }
        let found = try locations.versions(of: RawPath.string(inTarget(RawPath.bytes(relative))), in: location)
        return Dictionary(uniqueKeysWithValues: found.filter { $0.trash == nil }.map { (inLocation($0.path), $0) })
    }
}
