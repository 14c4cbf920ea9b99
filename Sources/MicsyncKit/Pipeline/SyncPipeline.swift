import Foundation

/// Moves data from one source to its destinations over one scope, the same way for every writing action
/// and for `trash restore`: preflight → plan → guard → decide → re-check and apply → report. Each stage is a
/// unit of its own, in the folder named after it, with a typed result that this coordinator hands to the
/// next; no stage reaches into another's state. It returns what was done; the runner journals it.
@MainActor
struct SyncPipeline {
    let job: SyncJob
    let progress: ProgressLine
    let reporter: any SessionReporter

    init(_ job: SyncJob, progress: ProgressLine) {
        self.job = job
        self.progress = progress
        reporter =
            job.options.json
            ? JSONReporter(job) : TextReporter(job, printer: PlanPrinter(job.options, job.context))
    }

    /// Runs every stage; every failure is in the outcome, with what was done before it.
    func run() async -> SessionOutcome {
        var outcome = SessionOutcome()
        do throws(MicsyncError) {
            try await run(into: &outcome)
        } catch {
            outcome.error = error
        }
        return outcome
    }

    private func run(into outcome: inout SessionOutcome) async throws(MicsyncError) {
        reporter.started()
        let preflight = try Preflight(job: job).check()
        outcome.destinations = preflight.refused
        try await planAndApply(preflight.usable, into: &outcome)
        try job.context.interruption.checkpoint()
        let skipped = SkippedLocations(job: job)
        outcome.skipped = skipped.say()
        try Conclusion(destinationCount: job.destinations.count, dryRun: job.options.dryRun).verdict(outcome)
        try skipped.requireNone(outcome.skipped.count)
    }

    private func planAndApply(_ usable: [Location], into outcome: inout SessionOutcome) async throws(MicsyncError) {
        let printing = job.options.printsCommands ? job.terminal.besideDocument(job.options.json) : nil
        let planner = Planner(
            rsync: job.rsync, invocation: job.invocation, locations: job.context.locations, printingTo: printing,
            partsPerDestination: job.partsPerDestination)
        let planned = try await planner.plan(job, usable)
        outcome.destinations += planned.failed
        let guarded = try DeletionGuarding(job: job).check(planned.destinations)
        try reporter.planned(planned.destinations)
        for destination in planned.destinations {
            KeptUnstorable(job: job).note(destination)
            outcome.record(destination)
        }
        let decided = job.options.json ? [] : try Asking(job: job).decide(guarded)
        // A run that asks nothing (`backup -m | head`) goes on when its reader has left: the broken pipe ends
        // the listing, not the run. Any other output failure stops it here, before anything changes.
        let unattended = !decided.contains(where: \.asked)
        if !unattended || job.terminal.outputFailure != EPIPE { try job.terminal.checkOutput() }
        guard !job.options.dryRun else { return reporter.dryRunEnded(planned.destinations) }
        if job.terminal.outputFailure == EPIPE {
            job.terminal.note(
                "note: standard output's reader has gone (| head); the changes approved by the options are made "
                    + "all the same; see them with `micsync log`")
        }
        PartialFiles(job: job).removeStale(decided)
        let prepared = try Preparation(job: job, reporter: reporter, unattended: unattended).prepare(decided)
        let recheck = Recheck(
            source: job.source, sourceCheck: planned.sourceCheck, locations: job.context.locations)
        let applier = Applier(job: job, recheck: recheck, progress: progress, reporter: reporter)
        outcome.destinations += await applier.apply(prepared)
    }
}

extension SessionOutcome {
    /// What a destination's plan says the run cannot do: files rsync could not read, names the destination
    /// cannot hold.
    mutating func record(_ planned: PlannedDestination) {
        let (plan, destination) = (planned.plan, planned.destination)
        if !plan.problems.isEmpty { planProblems.append(RsyncProblem.at(destination, plan.problems)) }
        if !plan.cannotStore.isEmpty { cannotStore.append((destination, plan.cannotStore)) }
    }
}
