import Foundation
import MicsyncCLI
import MicsyncKit

/// One run's trash at one location, `LOCATION/.micsync/trash/TIMESTAMP`: how many files it keeps, how large.
struct TrashFolder: Encodable {
    let timestamp: String
    let files: Int
    let bytes: Int64

    init(_ timestamp: String, in location: Location) {
        self.timestamp = timestamp
        let kept = CommandContext.current.locations.trashFiles(location, timestamp)
        (files, bytes) = (kept.count, kept.reduce(0) { $0 + $1.size })
    }

    /// One a purge weighed.
    init(_ size: TrashFolderSize) {
        (timestamp, files, bytes) = (size.name, size.files, size.bytes)
    }

    /// Every trash folder of `location`, oldest first.
    static func all(in location: Location) -> [TrashFolder] {
        location.trashTimestamps.map { TrashFolder($0, in: location) }
    }

    /// When the run that filled it started, from its name; nil for a name micsync did not make.
    var date: Date? { Trash.date(of: timestamp) }

    /// One aligned line per folder: timestamp, file count, size, and the run's local time and age.
    static func lines(_ folders: [TrashFolder], style: Style) -> [String] {
        var table = TextTable()
        table.rows = folders.map { folder in
            [
                .init(folder.timestamp), .init(plural(folder.files, "file", "files")),
                .init(ByteCount.readable(folder.bytes)), .init(folder.date.map(TimeWords.local) ?? ""),
                .init(folder.date.map { TimeWords.ago($0) } ?? ""),
            ]
        }
        return table.lines(style: style)
    }
}

extension Location {
    /// Its trash folders by name, oldest first, as its site tells them.
    var trashTimestamps: [String] { CommandContext.current.locations.trashTimestamps(self) }

    /// The trash folder named `timestamp`; exit 3 listing the ones there are when there is none.
    func trashFolder(_ timestamp: String) throws(MicsyncError) -> String {
        let timestamps = trashTimestamps
        guard timestamps.contains(timestamp) else {
            throw .notFound(
                "no trash \(timestamp) in \(heading); "
                    + (timestamps.isEmpty
                        ? "it has no trash" : "it has:\n" + timestamps.map { "  " + $0 }.joined(separator: "\n")))
        }
        return try Trash.source(timestamp, in: self, locations: CommandContext.current.locations).path
    }
}

extension [Location] {
    /// Those whose trash has `timestamp`; exit 3 naming each one's trash when none has it.
    func holdingTrash(_ timestamp: String) throws(MicsyncError) -> [Location] {
        let holding = filter { $0.trashTimestamps.contains(timestamp) }
        guard holding.isEmpty else { return holding }
        throw .notFound("no accessible location has trash \(timestamp); the trash there is:\n" + trashLines)
    }

    /// One line per location: the trash folders it has.
    var trashLines: String {
        map { location in
            let timestamps = location.trashTimestamps
            return "  \(location.heading): " + (timestamps.isEmpty ? "no trash" : timestamps.joined(separator: " "))
        }.joined(separator: "\n")
    }
}
