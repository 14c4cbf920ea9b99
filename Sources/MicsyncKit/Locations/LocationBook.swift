import Foundation
import Synchronization

/// Everything one run knows and does about its locations, in one place: whether each is accessible and why
/// not (its identity marker against the id remembered for it), making it ready to be written (its
/// `.micsync/`, its marker) once per run, its lock, and its filesystem profile. micsync's state folder
/// comes in here, so a test points it into its sandbox; the known locations are read once per run.
public final class LocationBook: Sendable {
    public let state: StateHome
    public let known: KnownLocations
    private let ready = Mutex<Set<Location>>([])

    public init(state: StateHome = StateHome()) {
        self.state = state
        known = KnownLocations(file: state.knownLocations)
    }

    /// Throws when a state file that guards the locations cannot be read: nothing is written then.
    public func check() throws(MicsyncError) {
        try known.check()
        try probe.checkCache()
    }

    public func access(_ location: Location) -> LocationAccess {
        location.access(known: known)
    }

    /// `micsync adopt`: takes the location as it is now as the one micsync knows, with a new marker.
    public func adopt(_ location: Location) throws(MicsyncError) {
        try location.adopt(known: known)
    }

    /// The filesystem prober, caching in this run's state folder.
    var probe: FilesystemProbe { FilesystemProbe(cacheFile: state.filesystemCache) }

    /// What the filesystem of `location` can hold.
    public func profile(_ location: Location) -> FilesystemProfile {
        location.site.profile(probe: probe)
    }

    /// The bytes free at `location`.
    public func freeBytes(_ location: Location) -> Int64? {
        location.site.freeBytes()
    }

    /// Locks every location of `locations` or none; throws exit 5 naming the holder.
    public func lock(_ locations: [Location]) throws(MicsyncError) -> [Location: LocationLock] {
        var locks: [Location: LocationLock] = [:]
        for location in locations { locks[location] = try location.site.lock(fallbackFolder: state.locks) }
        return locks
    }

    /// Makes `location` ready to be written, the first time this run writes there: its micsync folders
    /// checked and made, its marker left and remembered.
    func prepareForWriting(_ location: Location) throws(MicsyncError) {
        guard !ready.withLock({ $0.contains(location) }) else { return }
        try known.check()
        try location.site.prepareForWriting()
        try location.claim(known: known)
        ready.withLock { _ = $0.insert(location) }
    }
}
