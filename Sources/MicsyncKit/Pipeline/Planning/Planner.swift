/// Plans every destination with one rsync dry run each, run concurrently, parsed as the output streams.
/// It never changes a file.
@MainActor
struct Planner {
    let rsync: Rsync
    let invocation: RsyncInvocation
    /// Where the dry runs' commands are printed, with -v; nil for none.
    let printingTo: Terminal?

    /// The planning stage of a sync: each destination's plan, its directory and the source's as they were
    /// before the dry runs, and (for actions that overwrite) which modified items are newer at the destination.
    func plan(_ job: SyncJob, _ destinations: [Location]) async throws(MicsyncError) -> PlannedRun {
        let book = job.context.locations
        let sourceCheck = book.check(job.source)
        let checks = destinations.map(book.check)
        let results = await results(destinations)
        try rsync.interruption.checkpoint()
        var run = PlannedRun(sourceCheck: sourceCheck, destinations: [])
        for (destination, (result, check)) in zip(destinations, zip(results, checks)) {
            switch result {
            case .success(let plan):
                let newer =
                    job.overwrites && !job.options.json
                    ? plan.modified.newer(at: destination.path, than: job.source.path) : []
                run.destinations.append(
                    PlannedDestination(destination: destination, plan: plan, check: check, newer: newer))
            case .failure(let error):
                var failed = DestinationOutcome(destination)
                failed.problem = "  " + error.message.replacingOccurrences(of: "\n", with: "\n    ")
                run.failed.append(failed)
            }
        }
        return run
    }

    /// Every plan, or the first failure.
    func plan(_ destinations: [Location]) async throws(MicsyncError) -> [Plan] {
        try await results(destinations).map { result throws(MicsyncError) in try result.get() }
    }

    private func results(_ destinations: [Location]) async -> [Result<Plan, MicsyncError>] {
        if let terminal = printingTo {
            for destination in destinations {
                terminal.print(invocation.pasteableLine(rsync.executable, arguments(to: destination), to: destination))
            }
        }
        let results = await withTaskGroup(of: (Int, Result<Plan, MicsyncError>).self) { group in
            for (index, destination) in destinations.enumerated() {
                group.addTask { (index, await planned(destination)) }
            }
            var results = [Result<Plan, MicsyncError>?](repeating: nil, count: destinations.count)
            for await (index, result) in group { results[index] = result }
            return results
        }
        return results.map { $0! }
    }

    /// A Result rather than a typed throw inside the task group: the release build (Swift 6.3.1) passed the
    /// child's (index, result) back corrupted when the child caught a typed error itself.
    private func planned(_ destination: Location) async -> Result<Plan, MicsyncError> {
        do throws(MicsyncError) { return .success(try await plan(destination)) } catch { return .failure(error) }
    }

    /// The dry run; for a destination with limits it itemizes unchanged items too (`-ii`), so that every
    /// name is checked against what the destination's filesystem can hold.
    private func arguments(to destination: Location) -> [String] {
        var arguments = invocation.plan(to: destination)
        if invocation.filesystems.profile(of: destination)?.hasLimits == true {
            arguments.insert("--itemize-changes", at: 1)
        }
        return arguments
    }

    private func plan(_ destination: Location) async throws(MicsyncError) -> Plan {
        var plan = Plan()
        var check = invocation.filesystems.profile(of: destination).flatMap {
            $0.hasLimits ? StorageCheck(profile: $0) : nil
        }
        let outcome = try await rsync.run(arguments(to: destination), on: invocation.hostCommand(to: destination)) {
            line in
            guard let item = ItemizedChange.parse(line) else { return }
            plan.add(item)
            check?.observe(item)
        }
        check?.apply(to: &plan)
        // rsync itemizes deletions deepest first, in reverse order: listed, they read best sorted.
        plan.deleted = plan.deleted.sortedByPath()
        if let source = invocation.filesystems.source {
            StorageCheck.keepWhatTheSourceCannotHold(in: &plan, at: destination, source: source)
        }
        try rsync.interruption.checkpoint()
        if outcome.isPartial { plan.problems = outcome.problems }
        guard outcome.exitCode == 0 || outcome.isPartial else {
            let remote = (destination.remote ?? invocation.source.remote)?.destination
            let meaning = remote.flatMap {
                RemoteRsyncFailure.explain(outcome.exitCode, messages: outcome.messages, host: $0)
            }
            throw .rsync(
                "planning \(destination.path) failed (rsync exit \(outcome.exitCode)):\n"
                    + ((meaning.map { [$0] } ?? []) + outcome.messages).joined(separator: "\n"))
        }
        return plan.sortingTypeChanges { FileSystem.exists(destination.path, $0) }
    }
}
