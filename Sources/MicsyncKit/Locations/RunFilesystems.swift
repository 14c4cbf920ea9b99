/// What the filesystems of one run can hold: the source's and each destination's profile, and the rsync
/// options that follow from them.
struct RunFilesystems: Sendable {
    let source: FilesystemProfile?
    let destinations: [Location: FilesystemProfile]
    /// The xattrs and ACLs the run keeps, where both ends can hold them.
    var keeping = ExtendedMetadata()

    init(source: FilesystemProfile? = nil, destinations: [Location: FilesystemProfile] = [:]) {
        self.source = source
        self.destinations = destinations
    }

    /// Finds in the cache (or probes, when `probing`: a run that writes) the filesystems of `source` and
    /// `destinations`.
    static func probe(
        source: Location, destinations: [Location], locations: LocationBook, probing: Bool = false
    ) -> RunFilesystems {
        RunFilesystems(
            source: locations.profile(source, probing: probing),
            destinations: Dictionary(destinations.map { ($0, locations.profile($0, probing: probing)) }) { first, _ in
                first
            })
    }

    func profile(of destination: Location) -> FilesystemProfile? { destinations[destination] }

    /// Options added after `-a` for every pass to `destination`; hard links and sparse files when its
    /// filesystem was not probed.
    func options(to destination: Location) -> [String] {
        guard let profile = destinations[destination] else { return ["--hard-links", "--sparse"] }
        return profile.rsyncOptions(from: source ?? .unrestricted(type: "unknown"), keeping: keeping)
    }
}
