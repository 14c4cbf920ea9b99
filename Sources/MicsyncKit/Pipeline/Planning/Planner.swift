import Foundation

/// Plans every destination with one rsync dry run each (one per part of a large scope: `ScopeParts`), run
/// concurrently, parsed as the output streams. It never changes a file.
@MainActor
struct Planner {
    let rsync: Rsync
    let invocation: RsyncInvocation
    /// Where the dry runs' commands are printed, with -v; nil for none.
    let printingTo: Terminal?
    /// How many parts of the scope each destination's plan is cut into (`ScopeParts`); nil: as many as the
    /// machine's cores allow, where no disc spins.
    var partsPerDestination: Int?

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
        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount / max(1, destinations.count))
        let cut = destinations.map { destination in
            partsPerDestination.map { parts(to: destination, $0) } ?? automaticParts(to: destination, cores)
        }
        return await concurrently(Array(zip(destinations, cut)))
    }

    /// Each destination's plan, its parts planned at once with the other destinations'.
    private func concurrently(_ work: [(Location, ScopeParts)]) async -> [Result<Plan, MicsyncError>] {
        let runs = work.flatMap { destination, cut in cut.parts.map { (destination, $0) } }
        let results = await withTaskGroup(of: (Int, Result<Plan, MicsyncError>).self) { group in
            for (index, (destination, part)) in runs.enumerated() {
                group.addTask { (index, await planned(destination, part: part)) }
            }
            var results = [Result<Plan, MicsyncError>?](repeating: nil, count: runs.count)
            for await (index, result) in group { results[index] = result }
            return results.map { $0! }
        }
        var remaining = results[...]
        return work.map { destination, cut in
            let mine = remaining.prefix(cut.parts.count)
            remaining = remaining.dropFirst(cut.parts.count)
            return Self.merged(Array(mine)).map { finished($0, at: destination) }
        }
    }

    /// A part per core, where the discs at both ends can be walked twice at once: no single spinning disc.
    /// At most `mostParts`: each part is an rsync of its own (three processes), and beyond a few walks at
    /// once the disc, not the cores, sets the pace.
    private func automaticParts(to destination: Location, _ cores: Int) -> ScopeParts {
        guard cores > 1, !SpinningDisc.holds(invocation.source.path), !SpinningDisc.holds(destination.path) else {
            return .whole
        }
        return parts(to: destination, min(cores, Self.mostParts))
    }

    static let mostParts = 4

    /// `count` parts of a whole location, or one: never with -v (one printed command per destination), over
    /// ssh, nor for a destination with limits (a name must be checked against its neighbours in one walk).
    private func parts(to destination: Location, _ count: Int) -> ScopeParts {
        let source = invocation.source
        guard count > 1, printingTo == nil, invocation.scope.relativePaths == [""], source.remote == nil,
            destination.remote == nil, invocation.filesystems.profile(of: destination)?.hasLimits != true
        else { return .whole }
        return ScopeParts(
            sourceRoot: source.path, destinationRoot: destination.path, deleting: invocation.deleting, count: count)
    }

    /// The parts' plans as one, or the first part's failure.
    private static func merged(_ parts: [Result<Plan, MicsyncError>]) -> Result<Plan, MicsyncError> {
        var plans: [Plan] = []
        for part in parts {
            switch part {
            case .failure: return part
            case .success(let plan): plans.append(plan)
            }
        }
        return .success(plans.count == 1 ? plans[0] : Plan(parts: plans))
    }

    /// A Result rather than a typed throw inside the task group: the release build (Swift 6.3.1) passed the
    /// child's (index, result) back corrupted when the child caught a typed error itself.
    private func planned(_ destination: Location, part: ScopeParts.Part) async -> Result<Plan, MicsyncError> {
        do throws(MicsyncError) { return .success(try await dryRun(destination, part: part)) } catch {
            return .failure(error)
        }
    }

    /// The dry run; for a destination with limits it itemizes unchanged items too (`-ii`), so that every
    /// name is checked against what the destination's filesystem can hold.
    private func arguments(to destination: Location, part: ScopeParts.Part = .whole) -> [String] {
        var arguments = invocation.plan(to: destination, part: part)
        if invocation.filesystems.profile(of: destination)?.hasLimits == true {
            arguments.insert("--itemize-changes", at: 1)
        }
        return arguments
    }

    private func dryRun(_ destination: Location, part: ScopeParts.Part) async throws(MicsyncError) -> Plan {
        var plan = Plan()
        var check = invocation.filesystems.profile(of: destination).flatMap {
            $0.hasLimits ? StorageCheck(profile: $0) : nil
        }
        let outcome = try await rsync.run(
            arguments(to: destination, part: part), on: invocation.hostCommand(to: destination)
        ) { line in
            guard let item = ItemizedChange.parse(line) else { return plan.counts.read(line) }
            plan.add(item)
            check?.observe(item)
        }
        check?.apply(to: &plan)
        if case .entries(_, let onlyAtDestination) = part { plan.counts.listedFiles? -= onlyAtDestination }
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
        return plan
    }

    /// What a destination's plan needs once all of it is known: deletions in order, what the source cannot
    /// hold kept, type changes sorted out.
    private func finished(_ plan: Plan, at destination: Location) -> Plan {
        var plan = plan
        // rsync itemizes deletions deepest first, in reverse order: listed, they read best sorted.
        plan.deleted = plan.deleted.sortedByPath()
        if let source = invocation.filesystems.source {
            StorageCheck.keepWhatTheSourceCannotHold(in: &plan, at: destination, source: source)
        }
        return plan.sortingTypeChanges { FileSystem.exists(destination.path, $0) }
    }
}
