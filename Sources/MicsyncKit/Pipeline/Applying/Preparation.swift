/// One destination ready to apply: what was approved, and the command of each pass (confirmed with -v).
struct PreparedDestination: Sendable {
    let destination: Location
    let decision: Decision
    /// The destination's directory when it was planned.
    let check: LocationCheck?
    let passes: [(pass: RsyncInvocation.Pass, list: ListFile, arguments: [String])]
}

/// Turns each decision into the commands of its passes, confirmed with -v; a destination with nothing to
/// do is reported as such and left out.
@MainActor
struct Preparation {
    let job: SyncJob
    let reporter: any SessionReporter

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
        var passes: [(RsyncInvocation.Pass, ListFile, [String])] = []
        for pass in RsyncInvocation.Pass.allCases where !decision.list(pass).isEmpty {
            let list = try ListFile()
            let arguments = job.invocation.apply(pass, to: destination, listFile: list.path, trash: trash)
            let confirmation = Confirmation(job: job)
            guard try confirmation.confirm(arguments, listing: decision.list(pass), to: destination) else {
                return nil
            }
            passes.append((pass, list, arguments))
        }
        return PreparedDestination(destination: destination, decision: decision, check: check, passes: passes)
    }
}
