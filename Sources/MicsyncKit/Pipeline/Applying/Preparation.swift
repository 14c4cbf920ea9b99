/// One destination ready to apply: what was approved, and the command of each pass (confirmed with -v).
struct PreparedDestination: Sendable {
    let destination: Location
    let decision: Decision
    /// The destination's directory when it was planned.
    let check: LocationCheck?
    let passes: [(pass: RsyncInvocation.Pass, list: ListFile, arguments: [String])]
    /// Whether the creating pass lists new folders whole (`Decision.written(_:wholeFolders:)`).
    let createsWholeFolders: Bool
    /// Whether a pass may keep something in the run's trash there: one that replaces, updates or deletes.
    let keepsTrash: Bool

    /// The items its passes list, as the user counts them: the root's own attributes are none.
    var items: Int { passes.reduce(0) { $0 + ($1.pass == .root ? 0 : decision.list($1.pass).count) } }
}

/// Turns each decision into the commands of its passes, confirmed with -v; a destination with nothing to
/// do is reported as such and left out.
@MainActor
struct Preparation {
    let job: SyncJob
    let reporter: any SessionReporter
    /// Whether the run applies right after planning: nothing was asked, not even -v's question. Only then may
    /// a new folder be created with all it holds, as nothing can have been added to it since the plan.
    let unattended: Bool

    func prepare(_ decided: [DecidedDestination]) throws(MicsyncError) -> [PreparedDestination] {
        var prepared: [PreparedDestination] = []
        for destination in decided {
            let (decision, location) = (destination.decision, destination.planned.destination)
            guard decision.hasWork else {
                reporter.nothingToDo(at: location, declined: decision.declined(job.options.deletion))
                continue
            }
            if let ready = try prepare(decision, at: location, check: destination.planned.check) {
                prepared.append(ready)
            }
        }
        return prepared
    }

    /// The commands of one destination's passes; nil when one was declined at -v's question.
    private func prepare(_ decision: Decision, at destination: Location, check: LocationCheck?)
        throws(MicsyncError) -> PreparedDestination?
    {
        let trash = job.trashFolder(in: destination)
        // Not where the filesystem has limits: what it cannot hold was left out of the plan, and must stay out.
        let wholeFolders =
            unattended && !job.options.verbose && decision.createsWholeFolders(scope: job.scope)
            && job.invocation.filesystems.profile(of: destination)?.hasLimits != true
        var passes: [(RsyncInvocation.Pass, ListFile, [String])] = []
        for pass in RsyncInvocation.Pass.allCases where !decision.list(pass).isEmpty {
            let list = try ListFile()
            let arguments = job.invocation.apply(
                pass, to: destination, listFile: list.path, trash: trash, wholeFolders: wholeFolders)
            let confirmation = Confirmation(job: job)
            let listing = decision.written(pass, wholeFolders: wholeFolders)
            guard try confirmation.confirm(arguments, listing: listing, to: destination) else { return nil }
            passes.append((pass, list, arguments))
        }
        return PreparedDestination(
            destination: destination, decision: decision, check: check, passes: passes,
            createsWholeFolders: wholeFolders,
            keepsTrash: trash != nil && passes.contains { [.replace, .update, .delete].contains($0.0) })
    }
}
