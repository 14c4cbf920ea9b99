/// A run with no question to ask plans and applies in one real rsync pass per destination: every
/// modification is approved (-m, or none possible) and deletions are off, or on without asking and past the
/// guard (--force); at a terminal too, its progress line then following rsync's own totals. Not where a
/// destination's filesystem has limits (what it cannot hold must be found and left out first). The counts
/// are what rsync itemized, as in a planned run.
@MainActor
struct SinglePass {
    let job: SyncJob
    let progress: ProgressLine
    let reporter: any SessionReporter

    /// Whether `job` can skip the plan.
    static func suffices(for job: SyncJob) -> Bool {
        let options = job.options
        return !options.dryRun && (options.modify || !job.overwrites)
            && !job.destinations.contains { job.invocation.filesystems.profile(of: $0)?.hasLimits == true }
            && (options.deletion == .never || (options.deletion == .always && options.force))
    }

    /// What each destination got; after a signal, the destinations done so far (the caller ends the run).
    /// Throws only before anything runs (stdout gone, a -v question cancelled).
    func apply(_ usable: [Location]) async throws(MicsyncError) -> [DestinationOutcome] {
        try job.terminal.checkOutput()
        // With -v every command is confirmed first, so that `q` still cancels before anything changes.
        var confirmed: [(Location, [String])] = []
        for destination in usable {
            let arguments = job.invocation.singlePass(to: destination, trash: job.trashFolder(in: destination))
            if try Confirmation(job: job).confirm(arguments, to: destination) {
                confirmed.append((destination, arguments))
            }
        }
        progress.expect(.passes(confirmed.count))
        let interruption = job.context.interruption
        interruption.applying(true)
        defer { interruption.applying(false) }
        var outcomes: [DestinationOutcome] = []
        var stoppedAt: Location?
        let started = await DiscSchedule.run(
            confirmed.map(\.0), stopped: { interruption.receivedSignal != nil },
            { index in
                let start = ContinuousClock.now
                let (plan, outcome) = await apply(confirmed[index].1, to: confirmed[index].0)
                var done = outcome
                done.elapsed = .now - start
                return (plan, done)
            },
            inOrder: { _, result in
                let (plan, done) = result
                // What a pass did is listed cut, never paged, so listing it cannot be interrupted.
                try? reporter.planned(plan, at: done.destination, newer: [])
                outcomes.append(done)
                reporter.applied(done)
                if interruption.receivedSignal != nil { stoppedAt = done.destination }
            })
        if let stoppedAt {
            let notStarted = confirmed.indices.filter { !started.contains($0) }.map { confirmed[$0].0 }
            job.terminal.note(RunSummary.interrupted(at: stoppedAt, left: nil, of: nil, notStarted: notStarted))
        }
        return outcomes
    }

    /// One pass: what rsync itemized, as a plan to list, and as counts.
    private func apply(_ arguments: [String], to destination: Location) async -> (Plan, DestinationOutcome) {
        var done = DestinationOutcome(destination)
        var plan = Plan()
        do throws(MicsyncError) {
            try job.context.locations.prepareForWriting(destination)
            var itemized = PassResult(.update)
            let result = try await job.rsync.run(arguments, holding: job.locks[destination]) { line in
                guard !progress.consume(line, at: destination), let item = ItemizedChange.parse(line) else { return }
                itemized.add(item)
            }
            progress.passFinished(at: destination)
            // After a failed pass only what is really there counts, as in a planned run's passes.
            let failed = result.exitCode != 0
            for item in itemized.items where !failed || item.isDone(from: job.source, at: destination) {
                plan.add(item)
                done.report.count(item)
            }
            if failed {
                done.problem = RsyncProblem.at(
                    destination, result.problems, exitCode: result.exitCode,
                    over: destination.remote ?? job.source.remote)
            }
        } catch {
            done.notWritten = error.message
        }
        return (plan, done)
    }
}
