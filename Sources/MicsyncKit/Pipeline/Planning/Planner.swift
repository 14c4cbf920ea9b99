import Foundation

/// Plans every destination with one rsync dry run each (one per part of a large scope: `ScopeParts`), run
/// concurrently, parsed as the output streams. It never changes a file.
@MainActor
struct Planner {
    let rsync: Rsync
    let invocation: RsyncInvocation
    /// Where each location is asked about its files (what a new item would replace).
    let locations: LocationBook
    /// Where the dry runs' commands are printed, with -v; nil for none.
    let printingTo: Terminal?
    /// How many parts of the scope each destination's plan is cut into (`ScopeParts`); nil: as many as the
    /// machine's cores allow, where no disc spins.
    var partsPerDestination: Int?

    /// The planning stage of a sync: each destination's plan, its directory and the source's as they were
    /// before the dry runs, and (for actions that overwrite) which modified items are newer at the destination.
    func plan(_ job: SyncJob, _ destinations: [Location]) async throws(MicsyncError) -> PlannedRun {
        let sourceCheck = locations.check(job.source)
        let checks = destinations.map(locations.check)
        let results = await results(destinations)
        try rsync.interruption.checkpoint()
        var run = PlannedRun(sourceCheck: sourceCheck, destinations: [])
        for (destination, (result, check)) in zip(destinations, zip(results, checks)) {
            switch result {
            case .success(let plan):
                let newer = job.overwrites ? locations.newer(plan.modified, at: destination, than: job.source) : []
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
        let plans = await concurrently(Array(zip(destinations, cut)))
        return zip(destinations, plans).map { destination, plan in plan.flatMap { finished($0, at: destination) } }
    }

    /// Each destination's plan, its parts planned at once with the other destinations'. A hard-link group
    /// whose names fell in different parts is planned as one walk plans it: by one walk, afterwards.
    private func concurrently(_ work: [(Location, ScopeParts)]) async -> [Result<Plan, MicsyncError>] {
        let runs = work.flatMap { destination, cut in cut.parts.map { (destination, $0) } }
        let results = await withTaskGroup(of: (Int, Result<PartPlan, MicsyncError>).self) { group in
            for (index, (destination, part)) in runs.enumerated() {
                group.addTask { (index, await planned(destination, part: part)) }
            }
            var results = [Result<PartPlan, MicsyncError>?](repeating: nil, count: runs.count)
            for await (index, result) in group { results[index] = result }
            return results.map { $0! }
        }
        var remaining = results[...]
        let merged = work.map { _, cut in
            let mine = remaining.prefix(cut.parts.count)
            remaining = remaining.dropFirst(cut.parts.count)
            return PartPlan.merged(Array(mine))
        }
        let split = merged.indices.filter { merged[$0] == nil }
        guard !split.isEmpty else { return merged.compactMap { $0 } }
        var again = await concurrently(split.map { (work[$0].0, ScopeParts.whole) })[...]
        return merged.map { $0 ?? again.removeFirst() }
    }

    /// A part per core, where the discs at both ends can be walked twice at once: no single spinning disc.
    /// At most `mostParts`: each part is an rsync of its own (three processes), and beyond a few walks at
    /// once the disc, not the cores, sets the pace.
    private func automaticParts(to destination: Location, _ cores: Int) -> ScopeParts {
        guard cores > 1, let source = invocation.source.local, let target = destination.local,
            !SpinningDisc.holds(source.path), !SpinningDisc.holds(target.path)
        else { return .whole }
        return parts(to: destination, min(cores, Self.mostParts))
    }

    static let mostParts = 4

    /// `count` parts of a whole location, or one: never with -v (one printed command per destination), over
    /// ssh, for a destination with limits (a name must be checked against its neighbours in one walk), nor
    /// when a part's command line would not fit the system's limit (very many or very long names).
    private func parts(to destination: Location, _ count: Int) -> ScopeParts {
        guard count > 1, printingTo == nil, invocation.scope.relativePaths == [""],
            let source = invocation.source.local, destination.local != nil,
            invocation.filesystems.profile(of: destination)?.hasLimits != true
        else { return .whole }
        let cut = ScopeParts(source: source, count: count)
        guard cut.parts.allSatisfy({ CommandLineLimit.fits(arguments(to: destination, part: $0)) }) else {
            return .whole
        }
        return cut
    }

    /// A Result rather than a typed throw inside the task group: the release build (Swift 6.3.1) passed the
    /// child's (index, result) back corrupted when the child caught a typed error itself.
    private func planned(_ destination: Location, part: ScopeParts.Part) async -> Result<PartPlan, MicsyncError> {
        do throws(MicsyncError) { return .success(try await dryRun(destination, part: part)) } catch {
            return .failure(error)
        }
    }

    /// The dry run; for a destination with limits it itemizes unchanged items too (`-ii`), so that every
    /// name is checked against what the destination's filesystem can hold. A part where hard links are kept
    /// tells the inode of each hard-linked file it lists (`--debug=HLINK3`), to find a group split between
    /// parts.
    private func arguments(to destination: Location, part: ScopeParts.Part = .whole) -> [String] {
        var arguments = invocation.plan(to: destination, part: part)
        if invocation.filesystems.profile(of: destination)?.hasLimits == true {
            arguments.insert("--itemize-changes", at: 1)
        }
        if part != .whole, arguments.contains("--hard-links") { arguments.insert(PartPlan.inodeDebugging, at: 1) }
        return arguments
    }

    private func dryRun(_ destination: Location, part: ScopeParts.Part) async throws(MicsyncError) -> PartPlan {
        var result = PartPlan()
        var check = invocation.filesystems.profile(of: destination).flatMap {
            $0.hasLimits ? StorageCheck(profile: $0) : nil
        }
        let outcome = try await rsync.run(
            arguments(to: destination, part: part), on: invocation.hostCommand(to: destination)
        ) { line in
            guard let item = ItemizedChange.parse(line) else { return result.read(line) }
            // A folder's own line is the root part's.
            if case .folders = part, item.isAtTop {
                if item.change == .deleted, !item.isDirectory { result.plan.counts.deletedFiles -= 1 }
                return
            }
            result.plan.add(item)
            check?.observe(item)
        }
        check?.apply(to: &result.plan)
        try rsync.interruption.checkpoint()
        if outcome.isPartial {
            result.plan.problems = outcome.problems
            result.readError = outcome.exitCode == 23
        }
        guard outcome.exitCode == 0 || outcome.isPartial else {
            let remote = (destination.remote ?? invocation.source.remote)?.destination
            let meaning = remote.flatMap {
                RemoteRsyncFailure.explain(outcome.exitCode, messages: outcome.messages, host: $0)
            }
            throw .rsync(
                "planning \(destination.path) failed (rsync exit \(outcome.exitCode)):\n"
                    + ((meaning.map { [$0] } ?? []) + outcome.messages).joined(separator: "\n"))
        }
        return result
    }

    /// What a destination's plan needs once all of it is known: deletions in order, what the source cannot
    /// hold kept, type changes sorted out (the destination asked, where it lives, what it holds at the
    /// outermost new items).
    private func finished(_ plan: Plan, at destination: Location) -> Result<Plan, MicsyncError> {
        var plan = plan
        plan.coversRoot = invocation.syncsRoot && invocation.scope.relativePaths == [""]
        plan.rootChanged = plan.rootChanged && invocation.syncsRoot
        // rsync itemizes deletions deepest first, in reverse order (what it deletes to make way for another
        // type, sometimes twice): listed, they read best sorted, each once.
        plan.deleted = plan.deleted.sortedByPath()
        if let source = invocation.filesystems.source {
            StorageCheck.keepWhatTheSourceCannotHold(in: &plan, at: destination, source: source, locations: locations)
        }
        let candidates = plan.typeChangeCandidates()
        guard let found = locations.entries(candidates, in: destination) else {
            return .failure(.notFound("planning \(destination.path) failed: its host did not say what it holds"))
        }
        var kinds: [[UInt8]: ItemizedChange.Kind] = [:]
        for (path, facts) in zip(candidates, found) { kinds[path] = facts?.kind }
        return .success(plan.sortingTypeChanges(kinds))
    }
}
