/// The guard stage: refuses mass deletes before anything is asked or changed (a dry run only says it
/// would), and hands each destination on with the share of its files that the delete question must say.
/// It counts files; it changes nothing.
@MainActor
struct DeletionGuarding {
    let job: SyncJob

    /// Each destination's share note for the delete question; nil where there is nothing to say.
    func check(_ planned: [PlannedDestination]) throws(MicsyncError) -> [GuardedDestination] {
        let options = job.options
        guard options.deletion != .never else { return planned.map { GuardedDestination(planned: $0) } }
        let rule = DeleteGuard(source: job.source, maxDeletePercent: job.scope.configuration.maxDeletePercent)
        var guarded: [GuardedDestination] = []
        for destination in planned {
            var passed = GuardedDestination(planned: destination)
            switch rule.check(destination.plan, at: destination.destination, asking: options.deletion == .ask) {
            case .refused(let why) where !options.force:
                let error = DeleteGuard.refusal(why)
                guard options.dryRun else { throw error }
                job.terminal.notice("note: without -n this run would be \(error.message)")
            case .allowed(let share?) where options.deletion == .ask:
                passed.deleteShare = share
            default:
                break
            }
            guarded.append(passed)
        }
        return guarded
    }
}

/// A planned destination past the guard.
struct GuardedDestination {
    let planned: PlannedDestination
    /// `this deletes 62% (1,240 of 2,000 files) of …`: said before the delete question.
    var deleteShare: String?
}
