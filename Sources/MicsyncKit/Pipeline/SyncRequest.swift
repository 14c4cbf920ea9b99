/// What one writing run is asked to do, once its scope and locations are chosen: the runner's whole input.
public struct SyncRequest: Sendable {
    /// The action's name, as printed and journaled.
    public var action: String
    public var scope: Scope
    var endpoints: Endpoints
    var options: RunOptions
    /// rsync filter rules and options of the action itself (tree copies directories only).
    var filters: [String] = []
    public var rsyncOptions: [String] = []
    /// rsync options of the planning dry run alone: `--delete-missing-args` plans each typed path the
    /// source lacks as a deletion (what `restore -d` deletes).
    public var planOptions: [String] = []
    /// Whether the destination root's own attributes follow the source root's (`RsyncInvocation.syncsRoot`).
    public var syncsRoot = true
    /// Whether a run can overwrite files, so that there is something to ask about (tree never does).
    var overwrites = true
    /// How many parts each destination's plan is cut into (`Planner`); nil: as the machine allows.
    var partsPerDestination: Int?

    public init(action: String, scope: Scope, endpoints: Endpoints, options: RunOptions) {
        self.action = action
        self.scope = scope
        self.endpoints = endpoints
        self.options = options
    }
}
