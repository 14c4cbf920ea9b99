import Foundation

/// The marker id micsync wrote (or adopted) in each location, by path: `locations.json` in micsync's state
/// folder. A location listed here has been written to before; its marker must be there for it to be accessible.
public struct KnownLocations: Sendable {
    public let file: String

    public init(file: String = FileSystem.stateDirectory() + "/locations.json") {
        self.file = file
    }

    /// Path → id; empty when the file is missing or unreadable.
    public func all() -> [String: String] {
        guard let data = FileManager.default.contents(atPath: file),
            let ids = try? JSONDecoder().decode([String: String].self, from: data)
        else { return [:] }
        return ids
    }

    public func id(of location: Location) -> String? { all()[location.path] }

    /// Remembers `id` as the marker of `location` (written whole, then renamed into place).
    func remember(_ id: String, for location: Location) throws(MicsyncError) {
        var ids = all()
        guard ids[location.path] != id else { return }
        ids[location.path] = id
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            try FileManager.default.createDirectory(
                atPath: (file as NSString).deletingLastPathComponent,
                withIntermediateDirectories: true)
            try encoder.encode(ids).write(to: URL(fileURLWithPath: file), options: .atomic)
        } catch {
            throw .usage("cannot write micsync's list of locations \(file): \(error.localizedDescription)")
        }
    }
}
