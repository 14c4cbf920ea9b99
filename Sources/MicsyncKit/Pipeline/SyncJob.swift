import Foundation

/// One sync as every stage sees it, read-only: what goes from where to where, with which options, through
/// which rsync command and terminal. The runner makes it; the stages only read it.
@MainActor
struct SyncJob {
    let action: String
    let scope: Scope
    let source: Location
    let destinations: [Location]
    let options: RunOptions
    /// Whether the plan can hold modified files at all (tree copies directories only).
    let overwrites: Bool
    let rsync: Rsync
    let invocation: RsyncInvocation
    /// Each destination's lock, which its rsync passes hold too.
    let locks: [Location: LocationLock]
    let context: RunContext
    let started: Date
    /// How many parts each destination's plan is cut into (`Planner`); nil: as the machine allows.
    var partsPerDestination: Int?

    var terminal: Terminal { context.terminal }

    /// Whether the user named the destinations (`--to`): then no other location was skipped, for the
    /// "not written" summary, `--strict` and the JSON plan alike.
    var destinationsChosen: Bool { !options.to.isEmpty }

    /// The folder of `destination`'s trash that this run fills; nil when the run keeps no trash.
    func trashFolder(in destination: Location) -> String? {
        scope.configuration.trash && options.trash ? Trash.folder(in: destination, at: started) : nil
    }
}
