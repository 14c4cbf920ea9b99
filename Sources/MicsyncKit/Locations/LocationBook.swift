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
    private let ready = Mutex<Set<Location>>([])

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

    /// Ends what the run opened to reach its locations (the shared ssh connections): called once it is done.
    public func close() { hosts.close() }

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

    /// Locks every location of `locations` or none; throws exit 5 naming the holder.
    public func lock(_ locations: [Location]) throws(MicsyncError) -> [Location: LocationLock] {
        var locks: [Location: LocationLock] = [:]
        for location in locations { locks[location] = try site(location).lock(fallbackFolder: state.locks) }
        return locks
    }

    /// Makes `location` ready to be written, the first time this run writes there: its micsync folders
    /// checked and made, its marker left and remembered.
    func prepareForWriting(_ location: Location) throws(MicsyncError) {
        guard !ready.withLock({ $0.contains(location) }) else { return }
        try known.check()
        try site(location).prepareForWriting()
        try location.claim(known: known, site: site(location))
        ready.withLock { _ = $0.insert(location) }
    }
}
