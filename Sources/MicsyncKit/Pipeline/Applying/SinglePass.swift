/// A run with no question to ask plans and applies in one real rsync pass per destination: every
/// modification is approved (-m, or none possible) and deletions are off, or on without asking and past the
/// guard (--force). Not with a progress line (its total is what the plan copies, not every byte of the
/// scope), nor where a destination's filesystem has limits (what it cannot hold must be found and left out
/// first). The counts are what rsync itemized, as in a planned run.
@MainActor
struct SinglePass {
    let job: SyncJob
    let progress: ProgressLine
    let reporter: any SessionReporter

    /// Whether `job` can skip the plan.
    static func suffices(for job: SyncJob, progress: ProgressLine) -> Bool {
        let options = job.options
        return !progress.isShown && !options.dryRun && (options.modify || !job.overwrites)
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
        let interruption = job.context.interruption
        interruption.applying(true)
        defer { interruption.applying(false) }
        var outcomes: [DestinationOutcome] = []
        for (position, (destination, arguments)) in confirmed.enumerated() {
            let start = ContinuousClock.now
            var done = await apply(arguments, to: destination)
            done.elapsed = .now - start
            outcomes.append(done)
            reporter.applied(done)
            if interruption.receivedSignal != nil {
                job.terminal.note(
                    RunSummary.interrupted(
                        at: destination, left: nil, of: nil, notStarted: confirmed[(position + 1)...].map(\.0)))
                break
            }
        }
        return outcomes
    }

    private func apply(_ arguments: [String], to destination: Location) async -> DestinationOutcome {
        var done = DestinationOutcome(destination)
        do throws(MicsyncError) {
            try job.context.locations.prepareForWriting(destination)
            var itemized = PassResult(.update)
            let result = try await job.rsync.run(arguments, holding: job.locks[destination]) { line in
                guard !progress.consume(line), let item = ItemizedChange.parse(line) else { return }
                itemized.add(item)
            }
            progress.passFinished()
            // After a failed pass only what is really there counts, as in a planned run's passes.
            let failed = result.exitCode != 0
            var plan = Plan()
            for item in itemized.items where !failed || item.isDone(from: job.source, at: destination) {
                plan.add(item)
                done.report.count(item)
            }
            try reporter.planned(plan, at: destination, newer: [])
            if failed {
                done.problem = RsyncProblem.at(destination, result.problems, exitCode: result.exitCode)
            }
        } catch {
            done.notWritten = error.message
        }
        return done
    }
}
