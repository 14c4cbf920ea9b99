/// micsync's own state folder (`$XDG_STATE_HOME/micsync`, default `~/.local/state/micsync`) and the files
/// in it. A run is handed one, so that tests keep theirs in a sandbox.
public struct StateHome: Sendable {
    public let path: String

    public init(path: String = FileSystem.stateDirectory()) {
        self.path = path
    }

    public var knownLocations: String { path + "/locations.json" }
    public var filesystemCache: String { path + "/filesystems.json" }
    public var locks: String { path + "/locks" }
    public var journal: String { path + "/journal.jsonl" }
}
