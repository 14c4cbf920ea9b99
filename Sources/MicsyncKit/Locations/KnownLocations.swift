import Foundation
import Synchronization

/// The marker id micsync wrote (or adopted) in each location, keyed by the location as its configuration
/// spells it (never by where a symlink points today): `locations.json` in micsync's state folder. A location
/// listed here has been written to before; its marker must be there for it to be accessible. Read once, on
/// the first question (and kept up to date by what this run remembers): a file that cannot be read makes
/// every location's identity unknown, never "never written".
public final class KnownLocations: Sendable {
    let file: StateFile<[String: String]>
    private let ids = Mutex<Result<[String: String], MicsyncError>?>(nil)

    public init(file: String) {
        self.file = StateFile(path: file, consequence: "every disc is then adopted anew on its next run")
    }

    /// Every remembered id by location, read on the first call.
    private func all() throws(MicsyncError) -> [String: String] {
        let file = file
        return try ids.withLock { ids in
            if ids == nil { ids = Result { () throws(MicsyncError) in try file.read() ?? [:] } }
            return ids!
        }.get()
    }

    /// Throws when the file could not be read: nothing may be written to a location then.
    public func check() throws(MicsyncError) {
        _ = try all()
    }

    /// The id remembered for `location`; nil when micsync never wrote there. Throws when unknown.
    public func id(of location: Location) throws(MicsyncError) -> String? {
        try all()[location.identityKey]
    }

    /// Remembers `id` as the marker of `location`, under the file's lock and re-reading it first (another
    /// run may have added its own locations meanwhile); never over a file that cannot be read.
    func remember(_ id: String, for location: Location) throws(MicsyncError) {
        try check()
        let now = try file.update(from: [:]) { $0[location.identityKey] = id }
        ids.withLock { $0 = .success(now) }
    }
}
