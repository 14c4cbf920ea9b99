import Foundation
import Synchronization

/// Everything one run knows and does about its locations, in one place: whether each is accessible and why
/// not (its identity marker against the id remembered for it), making it ready to be written (its
/// `.micsync/`, its marker) once per run, its lock, and its filesystem profile. micsync's state folder
/// comes in here, so a test points it into its sandbox; the known locations are read once per run.
public final class LocationBook: Sendable {
    public let state: StateHome
    public let known: KnownLocations
    /// The run's ssh, for locations on other hosts.
    let hosts: RemoteHosts
    /// The locations made ready to be written in this run, and whether their trash root was made too.
    private let ready = Mutex<[Location: Bool]>([:])
    /// How to let go of each lock this book gave out; closed once the run ends (or a signal ends it), after
    /// which no lock is taken.
    private let held = Mutex<(closed: Bool, releases: [LockRelease])>((false, []))

    public init(
        state: StateHome = StateHome(), environment: [String: String] = ProcessInfo.processInfo.environment
    ) {
        self.state = state
        known = KnownLocations(file: state.knownLocations)
        hosts = RemoteHosts(environment: environment)
    }

    /// Asks each host once for the facts of all of `locations` it holds, before they are looked at one by
    /// one: one round trip per host, however many of its folders a configuration names.
    public func prefetch(_ locations: [Location]) {
        let remote = Dictionary(grouping: Set(locations).filter { $0.remote != nil }) { $0.remote!.connectionKey }
        for group in remote.values where group.count > 1 {
            hosts.prefetchFacts(of: group, on: group[0].remote!)
        }
    }

    /// How micsync reaches `location`: the one place its kind is chosen.
    func site(_ location: Location) -> any LocationSite {
        guard let remote = location.remote else { return LocalDirectory(location: location) }
        return RemoteDirectory(location: location, remote: remote, hosts: hosts)
    }

    /// Lets go of every lock the run still holds (their records removed, on a host too) and ends what it
    /// opened to reach its locations (the shared ssh connections, any ssh still running): called once when it
    /// is done, or by a signal's handler at any instant; the book is not used after.
    public func close() {
        let releases = held.withLock { held in
            held.closed = true
            defer { held.releases = [] }
            return held.releases
        }
        for release in releases { release() }
        hosts.close()
    }

    /// Throws when a state file that guards the locations cannot be read: nothing is written then.
    public func check() throws(MicsyncError) {
        try known.check()
        try probe(probing: false).checkCache()
    }

    public func access(_ location: Location) -> LocationAccess {
        location.access(known: known, site: site(location))
    }

    /// Makes the directory of a new location (`LocationAccess.new`).
    func create(_ location: Location) throws(MicsyncError) { try site(location).create() }

    /// Where a new location would be made: its parent's filesystem; nil when that cannot be told.
    func landing(_ location: Location) -> LandingPlace? { site(location).landing() }

    /// `micsync adopt`: takes the location as it is now as the one micsync knows, with a new marker.
    public func adopt(_ location: Location) throws(MicsyncError) {
        try location.adopt(known: known, site: site(location))
    }

    /// The id of `location`'s marker; nil when it has none.
    public func markerID(_ location: Location) -> String? { site(location).markerID() }

    /// `micsync unlock`: removes the lock a run left behind at `location`; what was done, in words.
    public func unlock(_ location: Location) throws(MicsyncError) -> String { try site(location).unlock() }

    /// Those of `relativePaths` that `location` lacks; nil when it cannot tell (a host that does not answer).
    public func missing(_ relativePaths: [String], in location: Location) -> [String]? {
        site(location).missing(relativePaths)
    }

    /// The files below `relativePaths` of `location`, `.micsync` left out.

    /// `location`'s trash folders by name, oldest first.
    public func trashTimestamps(_ location: Location) -> [String] { site(location).trashTimestamps() }

    /// Every file of `location`'s trash folder `timestamp`.
    public func trashFiles(_ location: Location, _ timestamp: String) -> [TrashFile] {
        site(location).trashFiles(timestamp)
    }

    /// Deletes `location`'s trash folders `timestamps`.
    public func purgeTrash(_ timestamps: [String], in location: Location) throws(MicsyncError) {
        try site(location).purgeTrash(timestamps)
    }

    /// The filesystem prober, caching in this run's state folder; probing only for a run that writes.
    func probe(probing: Bool) -> FilesystemProbe {
        FilesystemProbe(cacheFile: state.filesystemCache, probing: probing)
    }

    /// What the filesystem of `location` can hold: probed there when not known yet and `probing` (only a run
    /// that writes probes), else its cached facts or what its type is known for.
    public func profile(_ location: Location, probing: Bool = false) -> FilesystemProfile {
        site(location).profile(probe: probe(probing: probing))
    }

    /// The bytes free at `location`.
    public func freeBytes(_ location: Location) -> Int64? {
        site(location).freeBytes()
    }

    /// `location`'s directory now, asked afresh: what a plan remembers and the re-check compares.
    func check(_ location: Location) -> LocationCheck? { site(location).check() }

    /// Why micsync must not write to `location` (a symlink where its folders belong); nil when it may.
    func stateProblem(_ location: Location) -> String? { site(location).stateProblem() }

    /// How rsync reaches whichever of `source` and each destination is on another host: its ssh (`-e`) and
    /// names sent inside rsync's protocol, never read by a remote shell, where the host's rsync has
    /// `--secluded-args` (3.2.3 and newer understand it as `-s`), rsync's own escaping otherwise; or, when
    /// both are on that host, the command that runs rsync there.
    func rsyncTransports(source: Location, destinations: [Location]) -> [Location: RsyncTransport] {
        var transports: [Location: RsyncTransport] = [:]
        for destination in destinations {
            transports[destination] = rsyncTransport(source: source, destination: destination)
        }
        return transports
    }

    private func rsyncTransport(source: Location, destination: Location) -> RsyncTransport? {
        guard let remote = [source, destination].first(where: { $0.remote != nil }),
            let site = site(remote) as? RemoteDirectory
        else { return nil }
        if source.remote != nil, destination.remote != nil {
            return hosts.shellCommand(site.remote).map { .onHost(site.remote, command: $0) }
        }
        guard let shell = hosts.rsyncShell(site.remote) else { return nil }
        let secluded = site.rsyncVersion().map { !$0.lexicographicallyPrecedes([3, 2, 3]) } ?? false
        return .ssh(
            options: ["-e", shell, "--timeout=\(RemoteRsyncFailure.timeout)"] + (secluded ? ["--secluded-args"] : []))
    }

    /// Locks every location of `locations` or none; throws exit 5 naming the holder. A lock of this machine is
    /// taken while the book cannot be closed, so that a signal's handler never misses one; one on a host is
    /// let go by the host when the book's ssh closes.
    public func lock(_ locations: [Location]) throws(MicsyncError) -> [Location: LocationLock] {
        var locks: [Location: LocationLock] = [:]
        for location in locations {
            let site = site(location)
            let lock = try held.withLock { held throws(MicsyncError) -> LocationLock? in
                guard !held.closed else { throw MicsyncError(.interrupted, "interrupted") }
                guard location.remote == nil else { return nil }
                let lock = try site.lock(fallbackFolder: state.locks)
                held.releases.append(lock.release)
                return lock
            }
            if let lock {
                locks[location] = lock
            } else {
                locks[location] = try remember(try site.lock(fallbackFolder: state.locks))
            }
        }
        return locks
    }

    /// `lock`, let go at once when the book was closed while it was being taken.
    private func remember(_ lock: LocationLock) throws(MicsyncError) -> LocationLock {
        let closed = held.withLock { held in
            if !held.closed { held.releases.append(lock.release) }
            return held.closed
        }
        guard !closed else {
            lock.release()
            throw MicsyncError(.interrupted, "interrupted")
        }
        return lock
    }

    /// `locations` without those that reach a directory another of them reaches (two host names of one NAS,
    /// a folder of this machine named over ssh too), and each left out with the one it is the same as.
    public func distinct(_ locations: [Location]) -> (kept: [Location], same: [(Location, as: Location)]) {
        var kept: [Location] = []
        var places: [String: Location] = [:]
        var same: [(Location, as: Location)] = []
        for location in locations {
            guard let place = site(location).place() else {
                kept.append(location)
                continue
            }
            if let first = places[place] {
                same.append((location, first))
            } else {
                places[place] = location
                kept.append(location)
            }
        }
        return (kept, same)
    }

    /// Makes `location` ready to be written, the first time this run writes there: its micsync folders
    /// checked and made (the trash root with `trash`), its marker left and remembered.
    func prepareForWriting(_ location: Location, trash: Bool) throws(MicsyncError) {
        if let trashMade = ready.withLock({ $0[location] }), trashMade || !trash { return }
        try known.check()
        try site(location).prepareForWriting(trash: trash)
        try location.claim(known: known, site: site(location))
        ready.withLock { $0[location] = trash }
    }
}
